// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

/**
 * The store may be read but not written by this process: a DuckDB file (or its directory, where DuckDB
 * keeps its journal) that the user may not write, or a PostgreSQL login or transaction without write
 * permission. Nothing was written. A caller that only needed to record a result it already has can still
 * show that result ({@code drift check} prints its verdict and says it was not recorded); reading verbs
 * open such a store with {@link DriftStore#openReadOnly}.
 */
public final class ReadOnlyStoreException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** Why the store cannot be written, in words. */
    private final String reason;

    /**
     * @param url    the store
     * @param reason why it cannot be written, e.g. "this process, run as nobody, may not write the file
     *               (r--r--r--, owner root)"
     * @param cause  the masked driver exception, or null when the file's permissions told before any write
     */
    ReadOnlyStoreException(StoreUrl url, String reason, Throwable cause) {
        super("the store " + url + " is read-only (" + reason + "); nothing was written to it", cause);
        this.reason = reason;
    }

    /**
     * Why the store cannot be written (the part of the message in parentheses).
     *
     * @return why the store cannot be written, in words
     */
    public String reason() {
        return reason;
    }
}
