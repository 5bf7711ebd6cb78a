// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.core.ValidationException;

/**
 * A history store could not be opened, migrated, read or written; the message says which store
 * (never its password) and why, e.g. "no store at PATH", "in use by another process" or "lost
 * connection to the store". It is a {@link ValidationException}, so front ends treat it as a
 * problem with what the user pointed at (the CLI exits 3), not as a bug. The cause, when there is
 * one, is the driver's exception with its message masked (see {@link StoreUrl#mask}).
 */
public class StoreException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and why, with no secret in it
     * @param cause   the masked driver exception, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
