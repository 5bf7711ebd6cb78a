// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.ValidationException;

/** A request names something that does not exist (HTTP 404) or cannot be done now (409). */
public class MonitorException extends ValidationException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status: 404 or 409. */
    private final int status;

    /**
     * @param status 404 or 409
     * @param message what and what to do
     */
    public MonitorException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status that says it */
    public int status() {
        return status;
    }
}
