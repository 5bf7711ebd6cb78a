// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

/** An HTTP error with its status and a message for the caller (never a secret). */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status of the answer. */
    private final int status;

    /**
     * @param status the HTTP status
     * @param message what is wrong and what to do
     */
    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the status */
    public int status() {
        return status;
    }
}
