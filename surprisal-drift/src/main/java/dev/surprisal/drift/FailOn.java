// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;

import java.util.Locale;

/**
 * Which verdict makes a check fail (exit 1 on the command line): {@link #DRIFT} (the default) only
 * on DRIFT, {@link #WARN} on WARN too.
 */
public enum FailOn {
    /** Fail on WARN and DRIFT. */
    WARN,
    /** Fail on DRIFT only. */
    DRIFT;

    /**
     * @param s a column's or an alarm's verdict
     * @return whether it fails the check
     */
    public boolean fails(Status s) {
        return s == Status.DRIFT || (this == WARN && s == Status.WARN);
    }

    /** @return "warn" or "drift" */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text "warn" or "drift"
     * @return the value
     * @throws ValidationException naming --fail-on otherwise
     */
    public static FailOn parse(String text) {
        if (text != null) {
            for (FailOn f : values()) {
                if (f.label().equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
        }
        throw new ValidationException("--fail-on: expected warn or drift, got '" + text + "'");
    }
}
