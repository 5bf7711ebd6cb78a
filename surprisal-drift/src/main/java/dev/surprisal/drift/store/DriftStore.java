// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.rules.Alarm;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.Measure;

import java.io.IOException;
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
 * {@code jdbc:postgresql://} location (see {@link StoreUrl}, which holds the password apart and
 * masks it in every message).
 *
 * <p><b>Schema.</b> Versioned by migrations ({@code V1__init.sql}, {@code V2__reference_versions.sql},
 * {@code V3__replaced_runs.sql};
 * see {@code docs/formats.md}), applied on open, each once, in its own transaction.
 *
 * <p><b>Identity.</b> A baseline has a version (1, 2, … per monitor; replaced ones are kept). A run
 * is identified by (monitor, {@link RunTime run time}, reference version): recording the same
 * run again replaces the earlier one, in the same transaction, and says which run it replaced.
 * {@link #history} returns only the checks against the current baseline.
 *
 * <p><b>Atomicity.</b> {@link #recordCheck} writes the run (with today's profile), every column's
 * scores and the alarms in one transaction; a process killed mid-write, or just before the commit,
 * leaves no trace of that run; one killed just after it leaves the run once. Test hook: the system
 * property {@value #HALT_PROPERTY} = {@code before-commit} or {@code after-commit} halts the JVM
 * there (exit status {@value #HALT_STATUS}).
 *
 * <p><b>Concurrency.</b> Hold a store only for the short read or write: compute first. DuckDB lets
 * one process at a time open a file; a second waits, retrying every 100 ms up to
 * {@code lockWaitMillis} (default 30 s), then fails with a {@link StoreException} saying the store
 * is in use. While it waits it touches the file's {@linkplain #waitSignal wait signal}, so that a
 * process that keeps the file open (the server) lets it go at once instead of at its next
 * scheduled pause. On PostgreSQL, writes of one monitor are serialised by a transaction-level advisory
 * lock, and migrations by a session-level one.
 */
public final class DriftStore implements AutoCloseable {
    /** Default location: {@code ./.surprisal/drift.duckdb}. */
    public static final String DEFAULT_LOCATION = ".surprisal/drift.duckdb";
    /** Test-only: {@code before-commit} or {@code after-commit} halts the JVM around a check's commit. */
    public static final String HALT_PROPERTY = "surprisal.test.haltAtCommit";
    /** The exit status of a halt by {@link #HALT_PROPERTY}. */
    public static final int HALT_STATUS = 86;
    /** Namespace of the per-monitor advisory locks on PostgreSQL. */
    private static final int MONITOR_LOCK_SPACE = 0x53525044;

    private final Connection connection;
    private final StoreUrl url;

    private DriftStore(Connection connection, StoreUrl url) {
        this.connection = connection;
        this.url = url;
    }

    /**
     * A baseline: the reference profile and its version. The profile is parsed from its stored JSON
     * on first use, so a caller can close the store before paying for the parse (a large
     * reference takes seconds, during which a DuckDB store would stay locked).
     */
    public static final class Reference {
        private final String json;
        private final int version;
        private Profile profile;

        Reference(String json, int version) {
            this.json = json;
            this.version = version;
        }

        /** @return the reference profile (parsed once) */
        public synchronized Profile profile() {
            if (profile == null) {
                profile = ProfileJson.read(json);
            }
            return profile;
        }

        /** @return the baseline's version: 1 for a monitor's first baseline, one more for each replacement */
        public int version() {
            return version;
        }
    }

    /**
     * What {@link #saveBaseline} did.
     *
     * @param version         the new baseline's version (1 for a new monitor)
     * @param replacedChecks  the number of checks recorded against the baseline it replaced (0 if none)
     */
    public record BaselineSaved(int version, long replacedChecks) {
        /** @return true when an earlier baseline was replaced */
        public boolean replaced() {
            return version > 1;
        }
    }

    /**
     * What {@link #recordCheck} did.
     *
     * @param runId         the new run's id
     * @param replacedRunId the id of the earlier run with the same identity that it replaced, or -1
     */
    public record RecordedRun(long runId, long replacedRunId) {
        /** @return true when an earlier run of the same monitor, time and reference was replaced */
        public boolean replaced() {
            return replacedRunId >= 0;
        }
    }

    /**
     * Opens, creating and migrating as needed, the store at {@code location}, waiting up to 30 s for a lock.
     *
     * @param location a path, {@code jdbc:duckdb:} or {@code jdbc:postgresql:} URL
     * @return the open store; close it
     */
    public static DriftStore open(String location) {
        return open(StoreUrl.parse(location), true, 30_000);
    }

    /**
     * {@link #open(StoreUrl, boolean, long)} creating the store when absent.
     *
     * @param location a path, {@code jdbc:duckdb:} or {@code jdbc:postgresql:} URL
     * @param lockWaitMillis how long to wait for another process's lock, in milliseconds
     * @return the open store; close it
     */
    public static DriftStore open(String location, long lockWaitMillis) {
        return open(StoreUrl.parse(location), true, lockWaitMillis);
    }

    /**
     * Starts loading DuckDB's native library on a background daemon thread, for a caller that
     * computes first and opens a DuckDB store afterwards ({@code drift baseline} profiles a file,
     * then writes): the driver copies its 70 MB library out of the jar and loads it, about a second
     * that then overlaps the computation instead of following it. Nothing is opened or locked, and
     * nothing happens for a PostgreSQL store. A failure is left for {@link #open} to report.
     *
     * @param url where the store will be opened
     */
    public static void preload(StoreUrl url) {
        if (url.kind() == StoreUrl.Kind.DUCKDB) {
            preloadDuckDb();
        }
    }

    /**
     * {@link #preload(StoreUrl)} before the store's location is known: {@code drift check} opens its
     * store first thing, so the library loads while the command line is parsed. For a PostgreSQL store
     * the library then loads for nothing, on a thread that nothing waits for.
     */
    public static void preloadDuckDb() {
        Thread t = new Thread(() -> {
            try {
                // the library first where the shaded jar's loader looks for it: loaded before, from a jar copied
                // alone, DuckDB's class failed to initialise for good (first drift baseline: internal error)
                dev.surprisal.data.DuckDbNatives.prepare();
                Class.forName("org.duckdb.DuckDBNative", true, DriftStore.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // not loaded now: opening the store loads it (or reports why it cannot)
            }
        }, "surprisal-duckdb-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Opens the store and migrates its schema.
     *
     * @param url            where it is
     * @param create         whether to create it when absent; when false, an absent DuckDB file (or a
     *                       PostgreSQL schema without the store's tables) is a {@link StoreException}
     *                       "no store at …", and nothing is created
     * @param lockWaitMillis how long to wait for another process's DuckDB lock
     * @return the open store; close it soon
     * @throws ReadOnlyStoreException if this process may not write the DuckDB file or its directory
     *         (opened read-only, {@link #openReadOnly}, it can still be read)
     * @throws StoreException if it cannot be opened, found, locked in time or migrated, or has a newer
     *         schema than this Surprisal reads
     */
    public static DriftStore open(StoreUrl url, boolean create, long lockWaitMillis) {
        return open(url, create, false, lockWaitMillis);
    }

    /**
     * Opens an existing store to read it only: {@code drift history}, {@code serve --check-config}, the
     * baseline a check reads, and a check's scoring on a store it may not write. On DuckDB the file is
     * opened with {@code access_mode=READ_ONLY}: a file the user may only read opens, nothing is written
     * to it, and several reading processes may hold it at once (a writer still waits for them, and they
     * for it). On PostgreSQL the connection is read-only. A store of an older schema is migrated first
     * when this process may write it (the one write a reading verb makes, once per store); when it may
     * not, that is a {@link StoreException} saying who must open it once.
     *
     * @param url            where it is
     * @param lockWaitMillis how long to wait for a process that holds the DuckDB file for writing
     * @return the open store, for reads only; close it soon
     * @throws StoreException if there is no store there, it cannot be read or locked in time, it has a
     *         newer schema than this Surprisal reads, or an older one that this process may not upgrade
     */
    public static DriftStore openReadOnly(StoreUrl url, long lockWaitMillis) {
        return open(url, false, true, lockWaitMillis);
    }

    private static DriftStore open(StoreUrl url, boolean create, boolean readOnly, long lockWaitMillis) {
        boolean postgres = url.kind() == StoreUrl.Kind.POSTGRESQL;
        java.util.Properties properties = url.properties();
        if (!postgres) {
            Path p = url.file();
            if (!create && !Files.exists(p)) {
                throw noStore(url);
            }
            if (Files.isDirectory(p)) {
                throw new StoreException("store " + url + ": a directory, not a store file", null);
            }
            String unreadable = StoreFiles.unreadableReason(p);
            if (unreadable != null) {
                throw new StoreException("store " + url + ": cannot be read: " + unreadable, null);
            }
            refuseForeignFile(url, p);
            if (readOnly) {
                properties.setProperty("access_mode", "READ_ONLY");
            } else {
                String why = StoreFiles.readOnlyReason(p);
                if (why != null) {
                    throw new ReadOnlyStoreException(url, why, null);
                }
            }
            try {
                if (create && p.getParent() != null) {
                    Files.createDirectories(p.getParent());
                }
            } catch (IOException e) {
                throw new StoreException("store " + url + ": cannot create its directory: " + e.getMessage(), null);
            }
            dev.surprisal.data.DuckDbNatives.prepare();
        }
        long deadline = System.currentTimeMillis() + lockWaitMillis;
        while (true) {
            Connection c = null;
            try {
                c = DriverManager.getConnection(url.jdbcUrl(), properties);
                if (postgres && !create && StoreSchema.absentOnPostgres(c)) {
                    throw noStore(url);
                }
                if (readOnly) {
                    int version = StoreSchema.readOnlyVersion(c, url);
                    if (version == 0) {
                        throw noStore(url);
                    }
                    if (version < StoreSchema.CURRENT) {
                        closeQuietly(c);
                        return upgradedThenReadOnly(url, version, deadline);
                    }
                    if (postgres) {
                        c.setReadOnly(true); // DuckDB's is set by access_mode, and cannot change per connection
                    }
                } else {
                    StoreSchema.migrate(c, postgres, url);
                }
                trace("opened", url);
                if (!postgres) {
                    clearWaitSignal(url);
                }
                return new DriftStore(c, url);
            } catch (SQLException e) {
                closeQuietly(c);
                // DuckDB keeps one instance per file in a JVM, and refuses to open the file with another access
                // mode while it is open: a reader beside this JVM's own writer (an embedded server) shares the
                // writer's instance instead; a writer beside a reader waits, as for another process's lock
                boolean otherMode = !postgres && String.valueOf(e.getMessage()).contains("different configuration");
                if (readOnly && otherMode) {
                    return open(url, false, false, Math.max(0, deadline - System.currentTimeMillis()));
                }
                boolean locked = !postgres && (otherMode || String.valueOf(e.getMessage()).contains("lock"));
                if (!locked || System.currentTimeMillis() >= deadline) {
                    throw locked ? new StoreException("store " + url + ": in use by another process (DuckDB allows "
                            + "one process at a time); waited " + lockWaitMillis + " ms", url.masked(e))
                            : translate(url, "open", e);
                }
                signalWait(url);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("store " + url + ": interrupted while waiting for its lock", null);
                }
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
        }
    }

    /**
     * A reading verb on a store of an older schema: this Surprisal reads only the current one, so the
     * store is migrated (by a writing open, once) and then opened read-only; a store this process may not
     * write stays as it is, and the message says who can upgrade it.
     */
    private static DriftStore upgradedThenReadOnly(StoreUrl url, int version, long deadline) {
        long left = Math.max(0, deadline - System.currentTimeMillis());
        try {
            open(url, false, false, left).close();
        } catch (ReadOnlyStoreException e) {
            throw new StoreException("store " + url + " has schema " + version + ", written by an older Surprisal; "
                    + "this one reads schema " + StoreSchema.CURRENT + " and upgrades a store in place when it "
                    + "opens it, but " + e.reason() + ". Run any drift verb on it once as a user who may write it "
                    + "(the upgrade is one-way: see docs/formats.md)", e);
        }
        return open(url, false, true, left);
    }

    /** Bytes 8 to 11 of every DuckDB database file (its header's magic). */
    private static final byte[] DUCKDB_MAGIC = {'D', 'U', 'C', 'K'};

    /**
     * Refuses an existing file that is not a DuckDB database. DuckDB's driver opens some such files
     * itself (a CSV file opened as a store was read as a view and nothing written to it), so
     * {@code drift baseline --store day.csv} said "written to day.csv", left the file as it was and kept
     * nothing; an empty file passed DuckDB's own message through. A store file is made by the first
     * baseline, so a path to an existing other file is always a mistake.
     */
    private static void refuseForeignFile(StoreUrl url, Path p) {
        if (!Files.isRegularFile(p)) {
            return;
        }
        byte[] head; // the magic, and enough to tell text from a binary format
        try (java.io.InputStream in = Files.newInputStream(p)) {
            head = in.readNBytes(64);
        } catch (IOException e) {
            return; // unreadable: DuckDB says why when it opens it
        }
        int n = head.length;
        if (n >= 12 && java.util.Arrays.equals(head, 8, 12, DUCKDB_MAGIC, 0, 4)) {
            return;
        }
        String what = n == 0 ? "an empty file" : looksLikeText(head, n) ? "a text file (a CSV or other data file?)"
                : "a file of another format";
        throw new StoreException("store " + url + ": " + what + ", not a DuckDB store; nothing was written to it. "
                + "Give a new file name for the store (e.g. drift.duckdb: the first baseline creates it) or an "
                + "existing store", null);
    }

    private static boolean looksLikeText(byte[] head, int n) {
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file a process touches while it waits for a DuckDB store that another process holds: the
     * store's path with {@code .wait} added ({@code drift.duckdb.wait}). A process that keeps the store
     * open for long (the server) watches its modification time and lets the store go when it is recent.
     * The waiter deletes it once it has the store; one left behind by a killed waiter is stale and
     * ignored.
     *
     * @param url a DuckDB store
     * @return the path of its wait signal
     * @throws IllegalArgumentException for a PostgreSQL store (its locks are per row, no one waits for a file)
     */
    public static Path waitSignal(StoreUrl url) {
        if (url.kind() != StoreUrl.Kind.DUCKDB) {
            throw new IllegalArgumentException("store " + url + ": only a DuckDB file has a wait signal");
        }
        Path f = url.file();
        return f.resolveSibling(f.getFileName() + ".wait");
    }

    /** Touches the wait signal (best effort: a read-only directory only means the holder pauses on its own schedule). */
    private static void signalWait(StoreUrl url) {
        try {
            Path w = waitSignal(url);
            if (Files.exists(w)) {
                Files.setLastModifiedTime(w, java.nio.file.attribute.FileTime.from(Instant.now()));
            } else {
                Files.createFile(w);
            }
        } catch (IOException | RuntimeException e) {
            // best effort, see above
        }
    }

    private static void clearWaitSignal(StoreUrl url) {
        try {
            Files.deleteIfExists(waitSignal(url));
        } catch (IOException | RuntimeException e) {
            // best effort: a stale signal is ignored by its age
        }
    }

    private static StoreException noStore(StoreUrl url) {
        return new StoreException("no store at " + url + "; run drift baseline first (it creates the store)", null);
    }

    /**
     * A second handle on this open store, for reading on another thread while this handle writes: on
     * DuckDB a duplicate of this connection (the same database instance, so no second file lock; DuckDB's
     * MVCC gives each read a consistent snapshot of committed data), on PostgreSQL a new connection.
     * It shares nothing with this handle but the data; close it before this one, since on DuckDB an
     * open duplicate keeps the file locked.
     *
     * @return a new handle, for reads only
     * @throws StoreException if the connection cannot be made
     */
    public DriftStore reader() {
        try {
            Connection c = url.kind() == StoreUrl.Kind.POSTGRESQL
                    ? DriverManager.getConnection(url.jdbcUrl(), url.properties())
                    : connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
            return new DriftStore(c, url);
        } catch (SQLException e) {
            throw translate(url, "open a reading connection", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    /**
     * A driver error as a {@link StoreException} with every secret masked: a lost or refused
     * connection (SQLState class 08, or the server shutting down, 57P0x) says so, and a write refused
     * for want of permission is a {@link ReadOnlyStoreException}.
     */
    static StoreException translate(StoreUrl url, String what, SQLException e) {
        SQLException safe = url.masked(e);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(safe);
        if (!what.equals("open") && writeRefused(state, reason)) {
            return new ReadOnlyStoreException(url, "it refused to " + what + ": " + reason, safe);
        }
        if (state.startsWith("08") || state.startsWith("57P0")) {
            return new StoreException((what.equals("open") ? "cannot connect to the store " + url
                    : "lost connection to the store " + url + " (while trying to " + what + ")") + ": " + reason, safe);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("store " + url + ": login refused: " + reason
                    + " (set the password in PGPASSWORD or --store-password-file)", safe);
        }
        return new StoreException("store " + url + ": cannot " + what + ": " + reason, safe);
    }

    /**
     * A write refused for want of permission: PostgreSQL's insufficient privilege (42501) or read-only
     * transaction (25006); DuckDB's write to a database attached read-only, or a commit that cannot
     * create its journal (its SQLState is null, so its message tells).
     */
    private static boolean writeRefused(String state, String message) {
        return state.equals("42501") || state.equals("25006") || message.contains("read-only mode")
                || message.contains("Failed to commit") && message.contains("Permission denied");
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

    /**
     * The schema version after migration.
     *
     * @return the schema version after migration
     */
    public int schemaVersion() {
        try {
            return StoreSchema.version(connection);
        } catch (SQLException e) {
            throw fail("read schema version", e);
        }
    }

    /**
     * Where this store lives (no password).
     *
     * @return where this store lives (no password)
     */
    public StoreUrl url() {
        return url;
    }

    /**
     * Where this store lives, for messages (no password).
     *
     * @return where this store lives, for messages (no password)
     */
    public String location() {
        return url.display();
    }

    /**
     * Stores the reference profile of {@code monitor}. An earlier baseline is kept (table
     * {@code baselines}) and replaced; the checks recorded against it stay in the store but are no
     * longer part of {@link #history}.
     *
     * @param monitor the monitor's name
     * @param reference the reference profile
     * @return the new version and how many checks the replaced baseline had
     */
    public BaselineSaved saveBaseline(String monitor, Profile reference) {
        String json = ProfileJson.write(reference);
        return inTransactionUnchecked("save the baseline of " + monitor, false, () -> {
            lockMonitor(monitor);
            Timestamp now = StoreSchema.utc(Instant.now());
            int version = 1;
            long checks = 0;
            try (PreparedStatement old = connection.prepareStatement(
                    "SELECT reference_version FROM monitors WHERE name = ?")) {
                old.setString(1, monitor);
                try (ResultSet rs = old.executeQuery()) {
                    if (rs.next()) {
                        version = rs.getInt(1) + 1;
                    }
                }
            }
            if (version > 1) {
                checks = runCount(monitor, version - 1);
                try (PreparedStatement keep = connection.prepareStatement("INSERT INTO baselines (monitor, version, "
                        + "created_at, replaced_at, reference) SELECT name, reference_version, created_at, ?, reference "
                        + "FROM monitors WHERE name = ?")) {
                    keep.setTimestamp(1, now);
                    keep.setString(2, monitor);
                    keep.executeUpdate();
                }
                try (PreparedStatement up = connection.prepareStatement(
                        "UPDATE monitors SET reference = ?, created_at = ?, reference_version = ? WHERE name = ?")) {
                    up.setString(1, json);
                    up.setTimestamp(2, now);
                    up.setInt(3, version);
                    up.setString(4, monitor);
                    up.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO monitors (name, created_at, reference, reference_version) VALUES (?, ?, ?, 1)")) {
                    ps.setString(1, monitor);
                    ps.setTimestamp(2, now);
                    ps.setString(3, json);
                    ps.executeUpdate();
                }
            }
            return new BaselineSaved(version, checks);
        });
    }

    private long runCount(String monitor, int version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM runs WHERE monitor = ? AND reference_version = ?")) {
            ps.setString(1, monitor);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** On PostgreSQL, serialises writes of one monitor until the transaction ends. */
    private void lockMonitor(String monitor) throws SQLException {
        if (url.kind() == StoreUrl.Kind.POSTGRESQL) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, MONITOR_LOCK_SPACE);
                ps.setInt(2, monitor.hashCode());
                ps.executeQuery().close();
            }
        }
    }

    /**
     * The current reference profile of {@code monitor}, if a baseline was stored.
     *
     * @param monitor the monitor's name
     * @return its current reference profile, if a baseline was stored
     */
    public Optional<Profile> baseline(String monitor) {
        return reference(monitor).map(Reference::profile);
    }

    /**
     * The current baseline of {@code monitor} with its version, if one was stored.
     *
     * @param monitor the monitor's name
     * @return its current baseline with its version, if one was stored
     */
    public Optional<Reference> reference(String monitor) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT reference, reference_version FROM monitors WHERE name = ?")) {
            ps.setString(1, monitor);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Reference(rs.getString(1), rs.getInt(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("read the baseline of " + monitor, e);
        }
    }

    /**
     * One baseline version of a monitor.
     *
     * @param version    1, 2, …
     * @param createdAt  when it was stored (UTC)
     * @param replacedAt when a newer baseline replaced it, null for the current one
     * @param checks     checks recorded against it
     */
    public record BaselineVersion(int version, Instant createdAt, Instant replacedAt, long checks) {
        /** @return whether this is the monitor's current baseline */
        public boolean current() {
            return replacedAt == null;
        }
    }

    /**
     * Every baseline version of {@code monitor}, oldest first, the current one last; empty when it has none.
     *
     * @param monitor the monitor
     * @return its versions
     * @throws StoreException if the store cannot be read
     */
    public List<BaselineVersion> baselineVersions(String monitor) {
        List<BaselineVersion> out = new ArrayList<>();
        // the checks of every version counted in the same query, not one count per version
        try (PreparedStatement ps = connection.prepareStatement("SELECT v.version, v.created_at, v.replaced_at, "
                + "(SELECT count(*) FROM runs r WHERE r.monitor = ? AND r.reference_version = v.version) FROM ("
                + "SELECT version, created_at, replaced_at FROM baselines WHERE monitor = ? UNION ALL "
                + "SELECT reference_version, created_at, NULL FROM monitors WHERE name = ?) v ORDER BY 1")) {
            ps.setString(1, monitor);
            ps.setString(2, monitor);
            ps.setString(3, monitor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp replaced = rs.getTimestamp(3);
                    out.add(new BaselineVersion(rs.getInt(1), utcInstant(rs.getTimestamp(2)),
                            replaced == null ? null : utcInstant(replaced), rs.getLong(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail("read the baselines of " + monitor, e);
        }
    }

    /**
     * How many checks of {@code monitor} are recorded against one baseline version, counted by the store.
     *
     * @param monitor the monitor
     * @param version the baseline version
     * @return the checks, 0 for none
     * @throws StoreException if the store cannot be read
     */
    public long checksAgainst(String monitor, int version) {
        try {
            return runCount(monitor, version);
        } catch (SQLException e) {
            throw fail("count the checks of " + monitor, e);
        }
    }

    private static Instant utcInstant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
    }

    /**
     * The names of every monitor with a baseline, sorted.
     *
     * @return the names of every monitor with a baseline, sorted
     */
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

    /**
     * {@link #recordCheck(String, String, int, Profile, DriftReport, List)} against the current baseline.
     *
     * @param monitor the monitor's name
     * @param at the date or time checked ({@link RunTime#parse} format)
     * @param today the day's profile
     * @param report its scores against the current baseline
     * @param alarms the alarms raised
     * @return the new run's id and the id of the run it replaced
     */
    public RecordedRun recordCheck(String monitor, String at, Profile today, DriftReport report, List<Alarm> alarms) {
        int version = reference(monitor).map(Reference::version).orElseThrow(() -> new StoreException(
                "monitor '" + monitor + "' has no baseline in " + url, null));
        return recordCheck(monitor, at, version, today, report, alarms);
    }

    /**
     * Writes one check — today's profile, every column's scores and the alarms — in ONE transaction.
     * An earlier run of the same monitor, {@link RunTime} and reference version is deleted in the
     * same transaction.
     *
     * @param at               the date or time checked ({@link RunTime#parse} format)
     * @param referenceVersion the baseline version {@code report} was scored against
     * @param monitor the monitor's name
     * @param today the day's profile
     * @param report its scores against that baseline version
     * @param alarms the alarms raised
     * @return the new run's id and the id of the run it replaced
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public RecordedRun recordCheck(String monitor, String at, int referenceVersion, Profile today, DriftReport report,
                                   List<Alarm> alarms) {
        Timestamp runTime = StoreSchema.utc(RunTime.parse(at));
        String json = ProfileJson.write(today);
        return inTransactionUnchecked("record the check of " + monitor, true, () -> {
            lockMonitor(monitor);
            int current = reference(monitor).map(Reference::version).orElse(-1);
            if (current != referenceVersion) {
                throw new StoreException("monitor '" + monitor + "': its baseline was " + (current < 0 ? "removed"
                        : "replaced (now version " + current + ")") + " while this check ran against version "
                        + referenceVersion + "; run the check again", null);
            }
            long replaced = -1;
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM runs WHERE monitor = ? AND "
                    + "run_time = ? AND reference_version = ? ORDER BY id")) {
                ps.setString(1, monitor);
                ps.setTimestamp(2, runTime);
                ps.setInt(3, referenceVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        replaced = rs.getLong(1);
                        deleteRun(replaced);
                    }
                }
            }
            long id;
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('run_ids')")) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO runs (id, monitor, run_at, created_at, "
                    + "row_count, column_count, alarm, dataset_drift, profile, reference_version, run_time, "
                    + "replaced_run, measure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, monitor);
                ps.setString(3, at);
                ps.setTimestamp(4, StoreSchema.utc(Instant.now()));
                ps.setLong(5, today.rows());
                ps.setInt(6, report.columns().size());
                ps.setBoolean(7, !alarms.isEmpty());
                ps.setBoolean(8, report.datasetDrift());
                ps.setString(9, json);
                ps.setInt(10, referenceVersion);
                ps.setTimestamp(11, runTime);
                if (replaced < 0) {
                    ps.setNull(12, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(12, replaced); // so the history can say "re-run" on this run (its id is newer)
                }
                // the unit of the scores' decision and critical: a history labels each point with it (schema 4)
                ps.setString(13, report.options().measure().name());
                ps.executeUpdate();
            }
            writeScores(id, report);
            writeAlarms(id, alarms);
            return new RecordedRun(id, replaced);
        });
    }

    /**
     * Deletes runs with their scores and alarms, in one transaction: what a retention setting
     * ({@code surprisal serve}'s {@code retention-days}) removes from the history.
     *
     * @param runIds the runs
     * @return how many of them existed
     * @throws StoreException if the store cannot be written
     */
    public int deleteRuns(java.util.Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return 0;
        }
        return inTransactionUnchecked("delete expired runs", false, () -> {
            int n = 0;
            for (long id : runIds) {
                try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        n += rs.next() ? 1 : 0;
                    }
                }
                deleteRun(id);
            }
            return n;
        });
    }

    /**
     * The runs of {@code monitor} written to the store before {@code cutoff} (by the time they were
     * recorded, not the window they checked), oldest first.
     *
     * @param monitor the monitor
     * @param cutoff  the earliest recording time kept
     * @return their ids
     * @throws StoreException if the store cannot be read
     */
    public List<Long> runsRecordedBefore(String monitor, Instant cutoff) {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM runs WHERE monitor = ? AND "
                + "created_at < ? ORDER BY id")) {
            ps.setString(1, monitor);
            ps.setTimestamp(2, StoreSchema.utc(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw fail("list runs of " + monitor, e);
        }
        return out;
    }

    private void deleteRun(long id) throws SQLException {
        for (String sql : new String[] {"DELETE FROM alarms WHERE run_id = ?", "DELETE FROM scores WHERE run_id = ?",
                "DELETE FROM runs WHERE id = ?"}) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    /** Hook for the crash test: the scores are written one row at a time. */
    void writeScores(long id, DriftReport report) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO scores (run_id, column_name, status, psi, "
                + "kl_nats, reverse_kl_nats, js_bits, hellinger, tv, ks, wasserstein_norm, missing_change, new_mass, "
                + "decision, critical, yardstick, yardstick_value, yardstick_chance, yardstick_warn, yardstick_drift, "
                + "yardstick_decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                writeYardstick(ps, 16, c.yardstick());
                ps.executeUpdate();
                afterScoreRowHook.run();
            }
        }
    }

    /**
     * The column's yardstick into the six parameters from {@code at} (schema 5), all NULL for a column
     * without one: what decided a WARN or DRIFT day when the deciding measure stayed under its band.
     */
    private static void writeYardstick(PreparedStatement ps, int at, dev.surprisal.drift.YardstickScore y)
            throws SQLException {
        if (y == null) {
            ps.setNull(at, java.sql.Types.VARCHAR);
            for (int i = 1; i <= 4; i++) {
                ps.setNull(at + i, java.sql.Types.DOUBLE);
            }
            ps.setNull(at + 5, java.sql.Types.BOOLEAN);
            return;
        }
        ps.setString(at, y.name());
        double[] v = {y.value(), y.chance(), y.warnBand(), y.driftBand()};
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                ps.setDouble(at + 1 + i, v[i]);
            } else {
                ps.setNull(at + 1 + i, java.sql.Types.DOUBLE);
            }
        }
        ps.setBoolean(at + 5, y.decided());
    }

    /** The stored yardstick of a score row from column {@code at}; null when not stored (before schema 5). */
    private static dev.surprisal.drift.YardstickScore yardstick(ResultSet rs, int at) throws SQLException {
        String name = rs.getString(at);
        if (name == null) {
            return null;
        }
        return new dev.surprisal.drift.YardstickScore(name, num(rs, at + 1), num(rs, at + 2), num(rs, at + 3),
                num(rs, at + 4), rs.getBoolean(at + 5));
    }

    /** Test hook (package-private): the JDBC connection. */
    Connection connectionForTest() {
        return connection;
    }

    /** Test hook (package-private): called after each score row inside the transaction. */
    Runnable afterScoreRowHook = () -> { };

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

    /**
     * The history of {@code column} (or every column when null) for {@code monitor} against its
     * current baseline, oldest first (by run time, then run id).
     *
     * @param monitor the monitor's name
     * @param column a column, or null for every column
     * @return the points against the current baseline, oldest first
     * @throws dev.surprisal.core.ValidationException if {@code column} is not a column of the
     *         monitor's current baseline (or is excluded from it); the message lists its columns,
     *         since "no checks yet" is only true of a column the baseline has
     */
    public List<HistoryPoint> history(String monitor, String column) {
        if (column != null) {
            reference(monitor).ifPresent(r -> requireColumn(r.profile(), monitor, column));
        }
        return history(monitor, column, null);
    }

    /**
     * The history of every column for {@code monitor} against its current baseline, oldest first, less the runs of
     * one run time: what a check at that time is compared with, the run it replaces left out by the rule that
     * finds that run ({@link #recordCheck}: the same {@code run_time}), in the store's query.
     *
     * @param monitor the monitor's name
     * @param except  the run time ({@link RunTime}) whose runs are left out
     * @return the points against the current baseline at other run times, oldest first
     */
    public List<HistoryPoint> historyExcept(String monitor, Instant except) {
        return history(monitor, null, StoreSchema.utc(except));
    }

    /** {@link #history(String, String)} without the column check, less the runs at {@code except} unless null. */
    private List<HistoryPoint> history(String monitor, String column, Timestamp except) {
        String sql = "SELECT r.id, r.run_at, s.column_name, s.status, s.psi, s.kl_nats, s.js_bits, s.hellinger, "
                + "s.decision, s.critical, s.new_mass, EXISTS (SELECT 1 FROM alarms a WHERE a.run_id = r.id AND "
                + "a.column_name = s.column_name), r.reference_version, s.missing_change, r.replaced_run, "
                // the check's own words, stored with each alarm since schema version 1
                + "(SELECT string_agg(a.message, '\n' ORDER BY a.kind) FROM alarms a WHERE a.run_id = r.id AND "
                + "a.column_name = s.column_name), r.measure, s.yardstick, s.yardstick_value, s.yardstick_chance, "
                + "s.yardstick_warn, s.yardstick_drift, s.yardstick_decided "
                + "FROM runs r JOIN scores s ON s.run_id = r.id "
                + "JOIN monitors m ON m.name = r.monitor AND m.reference_version = r.reference_version "
                + "WHERE r.monitor = ?" + (column == null ? "" : " AND s.column_name = ?")
                + (except == null ? "" : " AND r.run_time <> ?")
                + " ORDER BY r.run_time, r.id, s.column_name";
        List<HistoryPoint> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            ps.setString(p++, monitor);
            if (column != null) {
                ps.setString(p++, column);
            }
            if (except != null) {
                ps.setTimestamp(p, except);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryPoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            num(rs, 5), num(rs, 6), num(rs, 7), num(rs, 8), num(rs, 9), num(rs, 10), num(rs, 11),
                            rs.getBoolean(12), rs.getInt(13), num(rs, 14), replacedRun(rs.getLong(15), rs.wasNull()),
                            reason(rs.getString(16), rs.getString(3)), measure(rs.getString(17)),
                            yardstick(rs, 18)));
                }
            }
        } catch (SQLException e) {
            throw fail("read the history of " + monitor, e);
        }
        return out;
    }

    /**
     * The run times of {@code monitor}'s checks against its current baseline, as recorded ({@link RunTime}),
     * oldest first: every recorded run, one that scored no column (an all-id batch) and one a server
     * left out of the trend history included, since each of them is a day that was checked. What the
     * missing days of a history are computed from ({@link RunGaps}).
     *
     * @param monitor the monitor's name
     * @return the run times, oldest first (empty without a baseline or checks)
     * @throws StoreException if the store cannot be read
     */
    public List<String> runTimes(String monitor) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT r.run_at FROM runs r JOIN monitors m "
                + "ON m.name = r.monitor AND m.reference_version = r.reference_version WHERE r.monitor = ? "
                + "ORDER BY r.run_time, r.id")) {
            ps.setString(1, monitor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw fail("read the run times of " + monitor, e);
        }
        return out;
    }

    /** The stored alarm messages of one column, each without its "column: " lead, joined by "; ". */
    private static String reason(String messages, String column) {
        if (messages == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String m : messages.split("\n")) {
            String lead = column + ": ";
            String part = (m.startsWith(lead) ? m.substring(lead.length()) : m).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The stored deciding measure of a run; null when it was recorded before schema 4 (or is unknown here). */
    private static Measure measure(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Measure.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return null; // not a measure this version knows: "not stored" rather than a guess
        }
    }

    private static long replacedRun(long id, boolean none) {
        return none ? -1 : id;
    }

    private static void requireColumn(Profile profile, String monitor, String column) {
        if (profile.has(column)) {
            return;
        }
        String why = profile.excluded().contains(column) ? "is excluded from" : "is not in";
        throw new dev.surprisal.core.ValidationException("column: column '" + column + "' " + why
                + " the baseline of monitor '" + monitor + "'; its columns: " + String.join(", ", profile.columnNames()));
    }

    /**
     * A recorded check's window profile (counted on its baseline's bins).
     *
     * @param runId   the run
     * @param at      its run time as given ({@link RunTime})
     * @param profile the window's profile
     */
    public record RunProfile(long runId, String at, Profile profile) {
        /**
         * A rolling reference: the windows' counts added (they share the baseline's bins), with the
         * baseline's stored rule.
         *
         * @param runs     the windows, at least one (e.g. from {@link DriftStore#runProfiles})
         * @param baseline the baseline they were counted on
         * @return the reference to score a later window against
         * @throws dev.surprisal.core.ValidationException if {@code runs} is empty or their columns differ
         */
        public static Profile rolling(List<RunProfile> runs, Profile baseline) {
            if (runs.isEmpty()) {
                throw new dev.surprisal.core.ValidationException("runs: a rolling reference needs at least one window");
            }
            Profile merged = runs.get(0).profile();
            for (int i = 1; i < runs.size(); i++) {
                merged = merged.merge(runs.get(i).profile());
            }
            return merged.withRule(baseline.rule());
        }
    }

    /**
     * The window profiles of {@code monitor}'s latest checks against baseline {@code referenceVersion}
     * that ran for a time before {@code before}, newest first: what a rolling reference is made of
     * (their counts add up, since they share the baseline's bins).
     *
     * @param monitor          the monitor
     * @param referenceVersion the baseline version the checks were counted on
     * @param before           a run time ({@link RunTime}); only earlier checks count
     * @param limit            at most this many
     * @return the profiles, newest first
     * @throws StoreException if the store cannot be read
     */
    public List<RunProfile> runProfiles(String monitor, int referenceVersion, String before, int limit) {
        Timestamp t = StoreSchema.utc(RunTime.parse(before));
        List<RunProfile> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, run_at, profile FROM runs WHERE monitor = ? "
                + "AND reference_version = ? AND run_time < ? ORDER BY run_time DESC, id DESC LIMIT ?")) {
            ps.setString(1, monitor);
            ps.setInt(2, referenceVersion);
            ps.setTimestamp(3, t);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunProfile(rs.getLong(1), rs.getString(2), ProfileJson.read(rs.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw fail("read the checks of " + monitor, e);
        }
        return out;
    }

    private static double num(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /**
     * Consistency figures: runs, score rows, runs whose score rows are not one per column, and
     * duplicated runs (same monitor, run time and reference version more than once).
     *
     * @return runs, score rows, runs without one score row per column, duplicated runs
     */
    public long[] counts() {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM scores), "
                        + "(SELECT count(*) FROM runs r WHERE r.column_count <> (SELECT count(*) FROM scores s "
                        + "WHERE s.run_id = r.id)), (SELECT count(*) FROM (SELECT monitor, run_time, reference_version "
                        + "FROM runs GROUP BY monitor, run_time, reference_version HAVING count(*) > 1) d)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        } catch (SQLException e) {
            throw fail("count runs", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private <T> T inTransactionUnchecked(String what, boolean checkHook, SqlWork<T> work) {
        try {
            T t = Transactions.run(connection, () -> {
                T done = work.run();
                if (checkHook) {
                    halt("before-commit");
                }
                return done;
            });
            if (checkHook) {
                halt("after-commit");
            }
            return t;
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    private static void halt(String where) {
        if (where.equals(System.getProperty(HALT_PROPERTY))) {
            System.out.println("HALT " + where);
            System.out.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private StoreException fail(String what, SQLException e) {
        return translate(url, what, e);
    }

    /** With {@code -Dsurprisal.trace=true}: when a store is opened and closed, on stderr (lock timing). */
    private static void trace(String what, StoreUrl url) {
        if (Boolean.getBoolean("surprisal.trace")) {
            System.err.printf("[store %s %s at %d ms]%n", what, url, System.currentTimeMillis() % 1_000_000);
        }
    }

    @Override
    public void close() {
        trace("closing", url);
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail("close", e);
        }
    }
}
