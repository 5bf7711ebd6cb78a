// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's schema migrations. Table {@code schema_version} records the applied versions; each
 * migration (an SQL script, then an optional Java step) runs once, in its own transaction. On
 * PostgreSQL the whole migration holds a session advisory lock, so two processes opening a fresh
 * database at once do not both create the tables: the second waits, then finds them there.
 * DuckDB needs no lock (one process at a time holds the file).
 */
final class StoreSchema {
    /** The schema version this code writes; a store at a higher version is refused. */
    static final int CURRENT = 5;
    /** Advisory-lock key of the migration (arbitrary, fixed: "SURPRISA" in ASCII, truncated). */
    private static final long MIGRATION_LOCK = 0x5355525052495341L;

    private StoreSchema() {
    }

    /**
     * Brings the schema to {@link #CURRENT}.
     *
     * @throws StoreException if the store has a newer schema than this code reads ({@link #newer})
     */
    static void migrate(Connection c, boolean postgres, StoreUrl url) throws SQLException {
        Migrations.underLock(c, postgres, MIGRATION_LOCK, () -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "applied_at TIMESTAMP NOT NULL)");
            }
            int current = version(c);
            if (current > CURRENT) {
                throw newer(url, current);
            }
            for (int v = current + 1; v <= CURRENT; v++) {
                apply(c, v);
            }
        });
    }

    /**
     * The schema version of a store opened read-only, where nothing may be created or migrated.
     *
     * @return the version; 0 when the database has no {@code schema_version} table (no store)
     * @throws StoreException if the store has a newer schema than this code reads
     */
    static int readOnlyVersion(Connection c, StoreUrl url) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM "
                + "information_schema.tables WHERE table_name = 'schema_version' AND table_schema = current_schema()")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        int current = version(c);
        if (current > CURRENT) {
            throw newer(url, current);
        }
        return current;
    }

    /**
     * A store written by a newer Surprisal: never opened (its tables may mean something this code does not
     * know), never downgraded.
     */
    static StoreException newer(StoreUrl url, int version) {
        return new StoreException("store " + url + " has schema " + version + ", this Surprisal reads up to "
                + CURRENT + ": a newer Surprisal wrote it; upgrade Surprisal to read it (a store is never "
                + "migrated back, see docs/formats.md)", null);
    }

    /** True when the connected PostgreSQL database (its current schema) has no store tables yet. */
    static boolean absentOnPostgres(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('schema_version') IS NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, int version) throws SQLException {
        String script = Migrations.script(StoreSchema.class, switch (version) {
            case 1 -> "V1__init.sql";
            case 2 -> "V2__reference_versions.sql";
            case 3 -> "V3__replaced_runs.sql";
            case 4 -> "V4__run_measure.sql";
            case 5 -> "V5__score_yardstick.sql";
            // migrate() refuses a store newer than CURRENT, so only a CURRENT raised without its script lands here
            default -> throw new IllegalStateException("store schema " + version + " has no migration script "
                    + "(StoreSchema.CURRENT is " + CURRENT + "): a build error, not a problem with the store");
        });
        Migrations.inTransaction(c, () -> {
            Migrations.runScript(c, script);
            if (version == 2) {
                fillRunTimes(c);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                ps.setInt(1, version);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        });
    }

    /** Version 2: {@code run_time} from the text of {@code run_at}, parsed as {@link RunTime} does. */
    private static void fillRunTimes(Connection c) throws SQLException {
        List<Object[]> runs = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, run_at, created_at FROM runs")) {
            while (rs.next()) {
                runs.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getTimestamp(3)});
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET run_time = ? WHERE id = ?")) {
            for (Object[] r : runs) {
                Instant t;
                try {
                    t = RunTime.parse((String) r[1]);
                } catch (IllegalArgumentException e) {
                    t = ((Timestamp) r[2]).toInstant(); // not an ISO text: when it was recorded
                }
                ps.setTimestamp(1, utc(t));
                ps.setLong(2, (Long) r[0]);
                ps.executeUpdate();
            }
        }
    }

    /** A TIMESTAMP (without time zone) holding the UTC wall-clock time of {@code t}, on both databases. */
    static Timestamp utc(Instant t) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }
}
