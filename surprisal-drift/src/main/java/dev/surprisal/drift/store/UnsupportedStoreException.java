// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

/**
 * The store location names a database Surprisal cannot keep its history in (a {@code jdbc:mysql:}
 * URL, an in-memory DuckDB, nothing at all). The message lists the supported locations; the CLI
 * reports it as a usage error (exit 2), since the option itself is wrong.
 */
public final class UnsupportedStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was given and what is supported
     */
    public UnsupportedStoreException(String message) {
        super(message, null);
    }
}
