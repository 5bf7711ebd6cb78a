// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.ValidationException;

/** A monitor's data cannot be read (missing files, a failing query): bad data, HTTP 422. */
public class SourceException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the source (never a secret) */
    public SourceException(String message) {
        super(message);
    }
}
