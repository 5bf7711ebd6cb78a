// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a drift store after a fuzz case, with plain SQL (not through {@code DriftStore}, so a
 * defect there cannot hide itself): every run is whole (as many score rows as the columns it
 * checked, no score or alarm without its run) and no run is there twice (one run per monitor,
 * time and baseline version: a retry replaces the earlier run).
 */
final class StoreInspection {
    private StoreInspection() {
    }

    /**
     * Asserts that the store behind {@code c} holds whole, unduplicated runs, and returns how many
     * runs {@code monitor} has (0 when the store has no tables yet).
     */
    static int wholeRuns(Connection c, String monitor, String what) throws SQLException {
        if (!hasTable(c, "runs")) {
            return 0;
        }
        List<String> partial = strings(c, "SELECT r.id || ': ' || r.column_count || ' columns, ' || "
                + "(SELECT count(*) FROM scores s WHERE s.run_id = r.id) || ' scores' FROM runs r "
                + "WHERE r.column_count <> (SELECT count(*) FROM scores s WHERE s.run_id = r.id)");
        assertThat(partial).as("runs with a partial set of scores: " + what).isEmpty();
        List<String> orphans = strings(c, "SELECT 'score of run ' || run_id FROM scores WHERE run_id NOT IN "
                + "(SELECT id FROM runs) UNION ALL SELECT 'alarm of run ' || run_id FROM alarms WHERE run_id NOT IN "
                + "(SELECT id FROM runs)");
        assertThat(orphans).as("scores or alarms without their run: " + what).isEmpty();
        List<String> duplicates = strings(c, "SELECT monitor || ' at ' || CAST(run_time AS VARCHAR) || ' v' || "
                + "CAST(reference_version AS VARCHAR) || ': ' || CAST(count(*) AS VARCHAR) || ' runs' FROM runs "
                + "GROUP BY monitor, run_time, reference_version HAVING count(*) > 1");
        assertThat(duplicates).as("a run recorded twice: " + what).isEmpty();
        try (var ps = c.prepareStatement("SELECT count(*) FROM runs WHERE monitor = ?")) {
            ps.setString(1, monitor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * {@link #wholeRuns} on a DuckDB store file; -1 when there is no such file (the fuzz gave
     * another kind of store, or nothing created it).
     */
    static int wholeRuns(Path duckDbFile, String monitor, String what) throws SQLException {
        if (!Files.isRegularFile(duckDbFile)) {
            return -1;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckDbFile)) {
            return wholeRuns(c, monitor, what);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                + "AND table_schema = current_schema()")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
