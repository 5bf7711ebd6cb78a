// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.auth;

import dev.surprisal.core.ValidationException;

import java.util.Locale;

/** What a token may do: read &lt; write &lt; admin (tokens). */
public enum Role implements io.javalin.security.RouteRole {
    /** GET routes, the dashboard and /metrics. */
    READ,
    /** Also trigger checks, create baselines, push profiles, pause monitors, exclude runs. */
    WRITE,
    /** Also manage tokens. */
    ADMIN;

    /**
     * @param needed the route's role
     * @return whether this role may use it
     */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** @return read, write or admin */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param s read, write or admin
     * @return the role
     * @throws ValidationException naming --role otherwise
     */
    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.label().equalsIgnoreCase(String.valueOf(s).trim())) {
                return r;
            }
        }
        throw new ValidationException("--role: expected read, write or admin, got '" + s + "'");
    }
}
