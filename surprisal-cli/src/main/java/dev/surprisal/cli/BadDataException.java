// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;

/**
 * Data that parse but cannot be measured (exit code {@link ExitCode#BAD_DATA}), detected by a verb
 * itself. It is the CLI's own {@link ValidationException}: whatever argument its message names, it
 * is always bad data, never a usage error.
 */
public final class BadDataException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Bad data, said in one line.
     *
     * @param message what is wrong, naming the file, line, column or value, and what to do
     */
    public BadDataException(String message) {
        super(message);
    }

    /**
     * Bad data found through a lower-level failure.
     *
     * @param message what is wrong, naming the file, line, column or value, and what to do
     * @param cause   the failure that revealed it
     */
    public BadDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
