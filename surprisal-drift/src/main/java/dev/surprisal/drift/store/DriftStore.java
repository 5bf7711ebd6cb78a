package dev.surprisal.drift.store;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of drift checks, over JDBC: an embedded DuckDB file by default, PostgreSQL for a
 * {@code jdbc:postgresql://} location.
 *
 * <p><b>Schema.</b> Versioned: table {@code schema_version} records applied migrations; the
 * ordered scripts {@code V1__init.sql}, … run once each, each in its own transaction.
 *
 * <p><b>Atomicity.</b> {@link #recordCheck} writes the run (with today's profile), every column's
 * scores and the alarms in one transaction; a process killed mid-write leaves no trace of that
 * run (DuckDB discards the uncommitted WAL tail on the next open; PostgreSQL rolls back).
 *
 * <p><b>Concurrency.</b> DuckDB lets one process at a time open a database file for writing; a
 * second process waits, retrying every 100 ms up to {@code lockWaitMillis} (default 30 s), then
 * fails with a {@link StoreException} saying the store is in use. PostgreSQL serialises
 * concurrent checks itself (run ids come from a sequence).
 */
public final class DriftStore implements AutoCloseable {
    /** Migration scripts, in order; the index + 1 is the schema version. */
    private static final List<String> MIGRATIONS = List.of("V1__init.sql");
    /** Default location: {@code ./.surprisal/drift.duckdb}. */
    public static final String DEFAULT_LOCATION = ".surprisal/drift.duckdb";

    private final Connection connection;
    private final String location;

    private DriftStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /** Opens (creating and migrating as needed) the store at {@code location}, waiting up to 30 s for a lock. */
    public static DriftStore open(String location) {
        return open(location, 30_000);
    }

    /**
     * Opens the store: a {@code jdbc:postgresql://…} URL, a {@code jdbc:duckdb:…} URL or a file path
     * (DuckDB). For PostgreSQL, user and password come from the URL ({@code ?user=…&password=…}).
     *
     * @throws StoreException if it cannot be opened within {@code lockWaitMillis} or migrated
     */
    public static DriftStore open(String location, long lockWaitMillis) {
        String url;
        if (location.startsWith("jdbc:")) {
            url = location;
        } else {
            Path p = Path.of(location).toAbsolutePath();
            try {
                if (p.getParent() != null) {
                    Files.createDirectories(p.getParent());
                }
            } catch (IOException e) {
                throw new StoreException("store " + location + ": cannot create its directory: " + e.getMessage(), e);
            }
            url = "jdbc:duckdb:" + p;
        }
        long deadline = System.currentTimeMillis() + lockWaitMillis;
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url);
                DriftStore s = new DriftStore(c, location);
                s.migrate();
                return s;
            } catch (SQLException e) {
                boolean locked = String.valueOf(e.getMessage()).contains("lock");
                if (!locked || System.currentTimeMillis() >= deadline) {
                    throw new StoreException("store " + location + ": " + (locked
                            ? "in use by another process (DuckDB allows one process at a time); waited "
                            + lockWaitMillis + " ms: " : "cannot open: ") + firstLine(e), e);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("store " + location + ": interrupted while waiting for its lock", ie);
                }
            }
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * The open JDBC connection, for companion tables in the same database (the server's tokens,
     * checks and alert deliveries), so they share this store's location, credentials and lock.
     * Valid until {@link #close()}; the caller must not close it.
     *
     * @return the connection
     */
    public java.sql.Connection connection() {
        return connection;
    }

    /** The schema version after migration. */
    public int schemaVersion() {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw fail("read schema version", e);
        }
    }

    private void migrate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
        }
        int current = schemaVersion();
        for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
            String script = resource(MIGRATIONS.get(v - 1));
            int version = v;
            inTransaction(() -> {
                try (Statement st = connection.createStatement()) {
                    for (String sql : script.split(";")) {
                        String s = stripComments(sql);
                        if (!s.isBlank()) {
                            st.execute(s);
                        }
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setTimestamp(2, Timestamp.from(Instant.now()));
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    private static String stripComments(String sql) {
        StringBuilder b = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        return b.toString().trim();
    }

    private static String resource(String name) {
        try (InputStream in = DriftStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores (or replaces) the reference profile of {@code monitor}. */
    public void saveBaseline(String monitor, Profile reference) {
        String json = ProfileJson.write(reference);
        inTransactionUnchecked("save baseline of " + monitor, () -> {
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM monitors WHERE name = ?")) {
                del.setString(1, monitor);
                del.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO monitors (name, created_at, reference) VALUES (?, ?, ?)")) {
                ps.setString(1, monitor);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, json);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The reference profile of {@code monitor}, if a baseline was stored. */
    public Optional<Profile> baseline(String monitor) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT reference FROM monitors WHERE name = ?")) {
            ps.setString(1, monitor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ProfileJson.read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read baseline of " + monitor, e);
        }
    }

    /** The names of every monitor with a baseline, sorted. */
    public List<String> monitors() {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM monitors ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw fail("list monitors", e);
        }
        return out;
    }

    /** Where this store lives, as given to {@link #open}. */
    public String location() {
        return location;
    }

    /**
     * Writes one check — today's profile, every column's scores and the alarms — in ONE transaction,
     * and returns its run id.
     */
    public long recordCheck(String monitor, String at, Profile today, DriftReport report, List<Alarm> alarms) {
        String json = ProfileJson.write(today);
        return inTransactionUnchecked("record check of " + monitor, () -> {
            long id;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('run_ids')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO runs (id, monitor, run_at, created_at, "
                    + "row_count, column_count, alarm, dataset_drift, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, monitor);
                ps.setString(3, at);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.setLong(5, today.rows());
                ps.setInt(6, report.columns().size());
                ps.setBoolean(7, !alarms.isEmpty());
                ps.setBoolean(8, report.datasetDrift());
                ps.setString(9, json);
                ps.executeUpdate();
            }
            writeScores(id, report);
            writeAlarms(id, alarms);
            return id;
        });
    }

    /** Hook for the crash test: the scores are written one row at a time. */
    void writeScores(long id, DriftReport report) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO scores (run_id, column_name, status, psi, "
                + "kl_nats, reverse_kl_nats, js_bits, hellinger, tv, ks, wasserstein_norm, missing_change, new_mass, "
                + "decision, critical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ColumnDrift c : report.columns()) {
                ps.setLong(1, id);
                ps.setString(2, c.name());
                ps.setString(3, c.status().name());
                double[] v = {c.psi(), c.klNats(), c.reverseKlNats(), c.jsBits(), c.hellinger(), c.totalVariation(),
                        c.ks(), c.wassersteinNormalized(), c.missingRateChange(), c.newMass(), c.decisionValue(),
                        c.critical()};
                for (int i = 0; i < v.length; i++) {
                    if (Double.isNaN(v[i])) {
                        ps.setNull(4 + i, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(4 + i, v[i]);
                    }
                }
                ps.executeUpdate();
                afterScoreRow();
            }
        }
    }

    /** Test hook (package-private): called after each score row inside the transaction. */
    Runnable afterScoreRowHook = () -> { };

    private void afterScoreRow() {
        afterScoreRowHook.run();
    }

    private void writeAlarms(long id, List<Alarm> alarms) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO alarms (run_id, column_name, kind, message) VALUES (?, ?, ?, ?)")) {
            for (Alarm a : alarms) {
                ps.setLong(1, id);
                ps.setString(2, a.column());
                ps.setString(3, a.kind().name());
                ps.setString(4, a.message());
                ps.executeUpdate();
            }
        }
    }

    /** The history of {@code column} (or every column when null) for {@code monitor}, oldest first. */
    public List<HistoryPoint> history(String monitor, String column) {
        String sql = "SELECT r.id, r.run_at, s.column_name, s.status, s.psi, s.kl_nats, s.js_bits, s.hellinger, "
                + "s.decision, s.critical, s.new_mass, EXISTS (SELECT 1 FROM alarms a WHERE a.run_id = r.id AND "
                + "a.column_name = s.column_name) FROM runs r JOIN scores s ON s.run_id = r.id WHERE r.monitor = ?"
                + (column == null ? "" : " AND s.column_name = ?") + " ORDER BY r.run_at, r.id, s.column_name";
        List<HistoryPoint> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, monitor);
            if (column != null) {
                ps.setString(2, column);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryPoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            num(rs, 5), num(rs, 6), num(rs, 7), num(rs, 8), num(rs, 9), num(rs, 10), num(rs, 11),
                            rs.getBoolean(12)));
                }
            }
        } catch (SQLException e) {
            throw fail("read history of " + monitor, e);
        }
        return out;
    }

    private static double num(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Number of runs and of score rows, for consistency checks. */
    public long[] counts() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM scores), "
                        + "(SELECT count(*) FROM runs r WHERE r.column_count <> (SELECT count(*) FROM scores s "
                        + "WHERE s.run_id = r.id))")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        } catch (SQLException e) {
            throw fail("count runs", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T t = work.run();
            connection.commit();
            return t;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private <T> T inTransactionUnchecked(String what, SqlWork<T> work) {
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException("store " + location + ": cannot " + what + ": " + firstLine(e), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
