// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package org.duckdb;

/**
 * Takes the place of DuckDB's own class of this name (duckdb_jdbc 2.0.0.1, MIT; the shaded jar leaves
 * that one out): it does nothing. DuckDB's registers a periodic Java Flight Recorder event for its
 * memory use when its driver class loads, which starts JFR's machinery in every process that opens a
 * store: about 150 classes of {@code jdk.jfr} and 0.1–0.15 s of CPU before the first query, a tenth of
 * a small {@code drift check} (docs/benchmarks.md, driftcost12). Nothing of Surprisal records JFR
 * events. The methods are those DuckDB's {@code DuckDBDriver} and {@code DuckDBConnection} call;
 * {@code DuckDbMonitorStandInTest} holds them to DuckDB's class, so an upgrade that changes them
 * fails the build rather than a user's first store.
 */
final class JfrMemoryMonitor {
    private JfrMemoryMonitor() {
    }

    /** Called once when DuckDB's driver loads; DuckDB's registers its JFR event here. */
    static void init() {
        // nothing: no JFR event
    }

    /** Called for each new connection. */
    static void connectionOpened(DuckDBConnection connection) {
        // nothing to sample
    }

    /** Called when a connection closes, with its database's native address. */
    static void connectionClosed(long database) {
        // nothing to forget
    }
}
