// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import dev.surprisal.drift.store.Migrations;
import dev.surprisal.drift.store.Transactions;
import dev.surprisal.drift.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's tables beside the drift store's (same database, prefix {@code surprisal_server_}):
 * tokens (hashes only), checks with their report, schedule state, pauses, alert deliveries and open
 * incidents. Every method takes the connection of a store opened through {@link StoreGate}.
 */
public final class ServerTables {
    private ServerTables() {
    }

    /** A token as listed: never its value or hash. */
    public record TokenInfo(String name, String role, Instant createdAt, Instant revokedAt) {
    }

    /** One check as the server recorded it. */
    public record CheckRow(long runId, String monitor, String window, String status, boolean alarm, long rows,
                           long durationMs, Instant createdAt, String trigger, boolean excluded, String excludeReason) {
    }

    /** One alert delivery (after its retries). */
    public record Delivery(long id, String monitor, String notifier, String kind, String fingerprint, long runId,
                           int attempts, int statusCode, String outcome, String error, Instant at) {
    }

    /** An open incident: one alert sent, no further one until it resolves. */
    public record Incident(String monitor, String notifier, String fingerprint, Instant openedAt, long openedRun) {
    }

    /** The version of the server's tables this code writes; a store at a higher version is refused. */
    public static final int SCHEMA_VERSION = 2;
    /** Advisory-lock key of the server tables' migration on PostgreSQL ("SRVTABLE" in ASCII). */
    private static final long MIGRATION_LOCK = 0x5352565441424C45L;

    /**
     * Brings the server's tables to {@link #SCHEMA_VERSION}, one migration at a time, in order, each
     * in its own transaction that also records its version in {@code surprisal_server_schema}:
     * {@code S1__server.sql} creates the tables, {@code S2__monitor_defs.sql} adds the definitions of
     * monitors created through the API (a store of 30 November 2026 may have that table already,
     * made without a version; the migration keeps it). A store whose tables are newer than this code
     * is refused. On PostgreSQL the migration holds a session advisory lock, so two servers
     * starting on one fresh database do not both create the tables.
     */
    static void migrate(Connection c) {
        try {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
            Migrations.underLock(c, postgres, MIGRATION_LOCK, () -> {
                int current = schemaVersion(c);
                if (current > SCHEMA_VERSION) {
                    throw new StoreException("the server's tables in this store are at version " + current + ", newer "
                            + "than this version of Surprisal reads (" + SCHEMA_VERSION + "); upgrade Surprisal", null);
                }
                for (int v = current + 1; v <= SCHEMA_VERSION; v++) {
                    apply(c, v);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot create or migrate the server's tables: " + e.getMessage(), e);
        }
    }

    /**
     * @param c an open connection to the store
     * @return the version of the server's tables: 0 before they exist
     * @throws SQLException if the version cannot be read
     */
    static int schemaVersion(Connection c) throws SQLException {
        // this schema only: on PostgreSQL another schema of the same database may hold the tables
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "surprisal_server_schema", null)) {
            if (!rs.next()) {
                return 0;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM surprisal_server_schema")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Runs migration {@code version}'s script and records the version, in one transaction. */
    private static void apply(Connection c, int version) throws SQLException {
        String name = switch (version) {
            case 1 -> "S1__server.sql";
            case 2 -> "S2__monitor_defs.sql";
            default -> throw new IllegalStateException("no migration to version " + version);
        };
        String script = Migrations.script(ServerTables.class, name);
        Migrations.inTransaction(c, () -> {
            Migrations.runScript(c, script);
            if (version > 1) { // version 1's script records itself, as it did when it was the only one
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO surprisal_server_schema VALUES (?)")) {
                    ps.setInt(1, version);
                    ps.executeUpdate();
                }
            }
        });
    }

    // ---- monitors created through the API

    /**
     * Stores (or replaces) the definition of a monitor created through the API.
     *
     * @param c          an open connection to the store
     * @param name       the monitor
     * @param definition its definition, as the API received it (JSON)
     * @param now        when
     */
    public static void putMonitorDef(Connection c, String name, String definition, Instant now) {
        update(c, "DELETE FROM surprisal_server_monitor_defs WHERE name = ?", name);
        update(c, "INSERT INTO surprisal_server_monitor_defs VALUES (?, ?, ?)", name, definition, ts(now));
    }

    /**
     * The definitions of the monitors created through the API.
     *
     * @param c an open connection to the store
     * @return definition by name, in name order
     */
    public static Map<String, String> monitorDefs(Connection c) {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, definition FROM surprisal_server_monitor_defs")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the monitors created through the API: " + e.getMessage(), e);
        }
        return out;
    }

    // ---- tokens

    /**
     * Records a new token (its hash only; the value is never stored).
     *
     * @param c      an open connection to the store
     * @param name   the token's unique name
     * @param role   read, write or admin
     * @param sha256 the hex SHA-256 of the token
     * @param now    when it was created
     */
    public static void addToken(Connection c, String name, String role, String sha256, Instant now) {
        update(c, "INSERT INTO surprisal_server_tokens VALUES (?, ?, ?, ?, NULL)", name, role, sha256, ts(now));
    }

    /**
     * Revokes a live token.
     *
     * @param c    an open connection to the store
     * @param name the token's name
     * @param now  when
     * @return true if a live token of that name was revoked
     */
    public static boolean revokeToken(Connection c, String name, Instant now) {
        return update(c, "UPDATE surprisal_server_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                ts(now), name) > 0;
    }

    /**
     * Every token, live or revoked.
     *
     * @param c an open connection to the store
     * @return names, roles and dates, in name order (never a value or a hash)
     */
    public static List<TokenInfo> tokens(Connection c) {
        return query(c, "SELECT name, role, created_at, revoked_at FROM surprisal_server_tokens ORDER BY name",
                rs -> new TokenInfo(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)));
    }

    /**
     * The live token with this hash.
     *
     * @param c      an open connection to the store
     * @param sha256 the hex SHA-256 of the presented token
     * @return its name and role, or empty for an unknown or revoked token
     */
    public static Optional<String[]> tokenByHash(Connection c, String sha256) {
        return query(c, "SELECT name, role FROM surprisal_server_tokens WHERE sha256 = ? AND revoked_at IS NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, sha256).stream().findFirst();
    }

    // ---- checks

    /**
     * Records a check with its reports, replacing an earlier row of the same run.
     *
     * @param c    an open connection to the store
     * @param r    the check
     * @param json its JSON report
     * @param html its HTML report
     */
    public static void putCheck(Connection c, CheckRow r, String json, String html) {
        update(c, "DELETE FROM surprisal_server_checks WHERE run_id = ?", r.runId());
        update(c, "INSERT INTO surprisal_server_checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.runId(),
                r.monitor(), r.window(), r.status(), r.alarm(), r.rows(), r.durationMs(), ts(r.createdAt()),
                r.trigger(), r.excluded(), r.excludeReason(), json, html);
    }

    /**
     * Deletes a check's row.
     *
     * @param c     an open connection to the store
     * @param runId a run replaced in the store by a re-run of its window
     */
    public static void deleteCheck(Connection c, long runId) {
        update(c, "DELETE FROM surprisal_server_checks WHERE run_id = ?", runId);
    }

    private static final String CHECK_COLUMNS = "run_id, monitor, window_key, status, alarm, row_count, duration_ms, "
            + "created_at, trigger_kind, excluded, exclude_reason";

    private static CheckRow check(ResultSet rs) throws SQLException {
        return new CheckRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getLong(6), rs.getLong(7), instant(rs, 8), rs.getString(9), rs.getBoolean(10), rs.getString(11));
    }

    /**
     * Checks of a monitor, newest first, at most {@code limit}, with run ids below {@code before}.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param before  only runs with a smaller id
     * @param limit   the most rows
     * @return the checks
     */
    public static List<CheckRow> checks(Connection c, String monitor, long before, int limit) {
        return query(c, "SELECT " + CHECK_COLUMNS + " FROM surprisal_server_checks WHERE monitor = ? AND run_id < ? "
                + "ORDER BY run_id DESC LIMIT " + limit, ServerTables::check, monitor, before);
    }

    /**
     * One check of a monitor.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param runId   the run
     * @return the check, or empty
     */
    public static Optional<CheckRow> check(Connection c, String monitor, long runId) {
        return query(c, "SELECT " + CHECK_COLUMNS + " FROM surprisal_server_checks WHERE monitor = ? AND run_id = ?",
                ServerTables::check, monitor, runId).stream().findFirst();
    }

    /**
     * The checks of a monitor that read the same data as a check keyed {@code window} would, against
     * one baseline version, newest first: "a window is checked once". For a source chosen by the
     * window's date, a date key also finds the date-times of that date, which servers before
     * 2026-12 recorded for a scheduled window that starts at 06:00 (so the stores they wrote stay
     * read alike, with no migration).
     *
     * @param c                an open connection to the store
     * @param monitor          the monitor
     * @param window           the window key ({@code 2024-05-03} or {@code 2024-05-03T06:00})
     * @param byDate           true when the monitor's source is chosen by the window's date alone
     * @param referenceVersion the baseline version the checks were scored against
     * @return the checks, newest first (empty when the window has not been checked)
     */
    public static List<CheckRow> checksOfWindow(Connection c, String monitor, String window, boolean byDate,
                                                int referenceVersion) {
        String keys = byDate ? "(window_key = ? OR window_key LIKE ?)" : "window_key = ?";
        List<Object> args = new ArrayList<>(List.of(monitor, window));
        if (byDate) {
            args.add(window + "T%");
        }
        args.add(monitor);
        args.add(referenceVersion);
        return query(c, "SELECT " + CHECK_COLUMNS + " FROM surprisal_server_checks WHERE monitor = ? AND " + keys
                + " AND run_id IN (SELECT id FROM runs WHERE monitor = ? AND reference_version = ?) ORDER BY run_id DESC",
                ServerTables::check, args.toArray());
    }

    /**
     * The latest check of every monitor that has one, in one query (the monitor list).
     *
     * @param c an open connection to the store
     * @return the latest check by monitor
     */
    public static Map<String, CheckRow> lastChecks(Connection c) {
        Map<String, CheckRow> out = new java.util.HashMap<>();
        for (CheckRow r : query(c, "SELECT " + CHECK_COLUMNS + " FROM surprisal_server_checks WHERE run_id IN "
                + "(SELECT max(run_id) FROM surprisal_server_checks GROUP BY monitor)", ServerTables::check)) {
            out.put(r.monitor(), r);
        }
        return out;
    }

    /**
     * The pause state of every monitor paused or resumed through the API, in one query.
     *
     * @param c an open connection to the store
     * @return the stored state by monitor (absent: the config's applies)
     */
    public static Map<String, Boolean> pausedAll(Connection c) {
        Map<String, Boolean> out = new java.util.HashMap<>();
        for (Object[] r : query(c, "SELECT monitor, paused FROM surprisal_server_paused",
                rs -> new Object[] {rs.getString(1), rs.getBoolean(2)})) {
            out.put((String) r[0], (Boolean) r[1]);
        }
        return out;
    }

    /**
     * A recorded check's report.
     *
     * @param c       the connection
     * @param monitor the monitor's name
     * @param runId   the run
     * @param html    true for the HTML report, false for the JSON one
     * @return the report, if that run has one
     */
    public static Optional<String> report(Connection c, String monitor, long runId, boolean html) {
        return query(c, "SELECT " + (html ? "report_html" : "report_json")
                + " FROM surprisal_server_checks WHERE monitor = ? AND run_id = ?", rs -> rs.getString(1), monitor, runId)
                .stream().findFirst();
    }

    /**
     * Marks a check as excluded from trend history, keeping its row.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param runId   the run
     * @param reason  why, as the user gave it
     * @return true if the run exists
     */
    public static boolean exclude(Connection c, String monitor, long runId, String reason) {
        return update(c, "UPDATE surprisal_server_checks SET excluded = TRUE, exclude_reason = ? WHERE monitor = ? "
                + "AND run_id = ?", reason, monitor, runId) > 0;
    }

    /**
     * Run ids excluded from the trend history of a monitor.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @return the run ids
     */
    public static List<Long> excluded(Connection c, String monitor) {
        return query(c, "SELECT run_id FROM surprisal_server_checks WHERE monitor = ? AND excluded", rs -> rs.getLong(1),
                monitor);
    }

    /**
     * The runs of checks created before {@code cutoff} (retention).
     *
     * @param c      an open connection to the store
     * @param cutoff the oldest creation time kept
     * @return their run ids
     */
    public static List<Long> checkRunsBefore(Connection c, Instant cutoff) {
        return query(c, "SELECT run_id FROM surprisal_server_checks WHERE created_at < ?", rs -> rs.getLong(1),
                ts(cutoff));
    }

    /**
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @return the runs the server recorded a check of
     */
    public static List<Long> checkRuns(Connection c, String monitor) {
        return query(c, "SELECT run_id FROM surprisal_server_checks WHERE monitor = ?", rs -> rs.getLong(1), monitor);
    }

    /**
     * Deletes the records of these runs' checks.
     *
     * @param c      an open connection to the store
     * @param runIds the runs
     */
    public static void deleteChecks(Connection c, java.util.Collection<Long> runIds) {
        for (long id : runIds) {
            deleteCheck(c, id);
        }
    }

    // ---- schedule and pause

    /**
     * The last window the scheduler checked for a monitor.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @return its window key, or empty before the first scheduled check
     */
    public static Optional<String> lastWindow(Connection c, String monitor) {
        return query(c, "SELECT last_window FROM surprisal_server_schedule WHERE monitor = ?", rs -> rs.getString(1),
                monitor).stream().findFirst();
    }

    /**
     * Records the last window the scheduler checked, so that no window is checked twice.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param window  the window key
     * @param now     when
     */
    public static void setLastWindow(Connection c, String monitor, String window, Instant now) {
        update(c, "DELETE FROM surprisal_server_schedule WHERE monitor = ?", monitor);
        update(c, "INSERT INTO surprisal_server_schedule VALUES (?, ?, ?)", monitor, window, ts(now));
    }

    /**
     * Whether a monitor's schedule was paused or resumed through the API.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @return the stored state, or empty when the config's applies
     */
    public static Optional<Boolean> paused(Connection c, String monitor) {
        return query(c, "SELECT paused FROM surprisal_server_paused WHERE monitor = ?", rs -> rs.getBoolean(1), monitor)
                .stream().findFirst();
    }

    /**
     * Stores a monitor's pause state, overriding its config.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param paused  true to pause its schedule
     */
    public static void setPaused(Connection c, String monitor, boolean paused) {
        update(c, "DELETE FROM surprisal_server_paused WHERE monitor = ?", monitor);
        update(c, "INSERT INTO surprisal_server_paused VALUES (?, ?)", monitor, paused);
    }

    // ---- alerts

    /**
     * Records one alert delivery (or failed attempt series).
     *
     * @param c an open connection to the store
     * @param d the delivery; its id is ignored
     * @return the id given to it
     */
    public static long addDelivery(Connection c, Delivery d) {
        long id = query(c, "SELECT nextval('surprisal_server_delivery_ids')", rs -> rs.getLong(1)).get(0);
        update(c, "INSERT INTO surprisal_server_deliveries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, d.monitor(),
                d.notifier(), d.kind(), d.fingerprint(), d.runId(), d.attempts(), d.statusCode(), d.outcome(), d.error(),
                ts(d.at()));
        return id;
    }

    /**
     * The latest alert deliveries of a monitor.
     *
     * @param c       an open connection to the store
     * @param monitor the monitor
     * @param limit   the most rows
     * @return the deliveries, newest first
     */
    public static List<Delivery> deliveries(Connection c, String monitor, int limit) {
        return query(c, "SELECT id, monitor, notifier, kind, fingerprint, run_id, attempts, status_code, outcome, error, "
                + "delivered_at FROM surprisal_server_deliveries WHERE monitor = ? ORDER BY id DESC LIMIT " + limit,
                rs -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), instant(rs, 11)),
                monitor);
    }

    /**
     * The open incident of a monitor at a notifier.
     *
     * @param c        an open connection to the store
     * @param monitor  the monitor
     * @param notifier the notifier's name
     * @return the incident, or empty when none is open
     */
    public static Optional<Incident> incident(Connection c, String monitor, String notifier) {
        return query(c, "SELECT monitor, notifier, fingerprint, opened_at, opened_run FROM surprisal_server_incidents "
                + "WHERE monitor = ? AND notifier = ?", rs -> new Incident(rs.getString(1), rs.getString(2),
                rs.getString(3), instant(rs, 4), rs.getLong(5)), monitor, notifier).stream().findFirst();
    }

    /**
     * Opens an incident: a firing alert was delivered, and a resolved message is due when the monitor recovers.
     *
     * @param c an open connection to the store
     * @param i the incident
     */
    public static void openIncident(Connection c, Incident i) {
        update(c, "INSERT INTO surprisal_server_incidents VALUES (?, ?, ?, ?, ?)", i.monitor(), i.notifier(),
                i.fingerprint(), ts(i.openedAt()), i.openedRun());
    }

    /**
     * Closes the open incident of a monitor at a notifier, if any.
     *
     * @param c        an open connection to the store
     * @param monitor  the monitor
     * @param notifier the notifier's name
     */
    public static void closeIncident(Connection c, String monitor, String notifier) {
        update(c, "DELETE FROM surprisal_server_incidents WHERE monitor = ? AND notifier = ?", monitor, notifier);
    }

    // ---- JDBC plumbing

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("server tables: " + e.getMessage(), e);
        }
    }

    /** One write, in a transaction of its own unless {@code c} is in one (see {@link Transactions} for why). */
    static int update(Connection c, String sql, Object... args) {
        try {
            return Transactions.run(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind(ps, args);
                    return ps.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("server tables: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
