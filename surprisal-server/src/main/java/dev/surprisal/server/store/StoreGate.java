// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The server's only way into the store. Writes are serialised within this process, fairly, so no
 * request starves; reads run beside them, each on a reading connection of its own
 * ({@link DriftStore#reader}: on DuckDB a duplicate of the one open connection, so one process still
 * holds the file once), so a read never waits for a check's write. Data are read and counted
 * before entering the gate.
 *
 * <p><b>The store stays open while the server is busy</b> and is closed after {@link #IDLE_MILLIS}
 * without work, so the command line (and another server on PostgreSQL) can use the same DuckDB
 * file or database between bursts of requests. Opening a DuckDB file costs tens of milliseconds
 * (more under load), and opening it for every request made 20 API clients queue for seconds
 * (docs/benchmarks.md). <b>A DuckDB file is let go when another process waits for it</b>: a waiting
 * {@link DriftStore#open} touches the file's {@linkplain DriftStore#waitSignal wait signal}, which
 * this gate looks at every {@link #WATCH_MILLIS}; it then lets the file go after the work in hand and
 * does not take it again for {@link #YIELD_MILLIS}, so the waiter (it tries every 100 ms) gets its
 * turn even under constant load. An opener that gives no signal (another program) gets its turn when
 * the file has been held for {@link #MAX_HOLD_MILLIS} in one stretch. Until 1 December 2026 the file
 * was let go every 3 s whether anyone waited or not, and every read that needed the store in that
 * pause (a quarter of a second and the reopening) waited for it: under 20 API clients that was a
 * large part of the read latency's 95th percentile.
 * Opening and closing wait for all work in hand (a fair read-write lock over the store's life).
 * A write that fails closes the store, so the next one starts on a new connection; a read that
 * fails closes only its reading connection.
 *
 * <p><b>Reads are answered from memory</b> ({@link #read}): each answer is kept, by key, until this
 * process writes ({@link #with}, which forgets them all; reads that must be current use
 * {@link #fresh}) or for {@link #READ_TTL_NANOS} at most, so a write from another process (the
 * command line, a second server) shows within that time.
 */
public final class StoreGate implements AutoCloseable {
    /** How long a read answer is kept at most: the delay before another process's write shows. */
    public static final long READ_TTL_NANOS = 2_000_000_000L;
    /** The store is closed after this long without work. */
    public static final long IDLE_MILLIS = 250;
    /**
     * A DuckDB file is let go after being held this long in one stretch even when no waiter signals
     * (under the 30 s that {@link DriftStore#open} waits by default)...
     */
    public static final long MAX_HOLD_MILLIS = 20_000;
    /** ...or at once when a waiter signals, and not taken again for this long, so its lock wait (a try every 100 ms) succeeds. */
    public static final long YIELD_MILLIS = 250;
    /** How often the wait signal of a DuckDB file is looked at. */
    public static final long WATCH_MILLIS = 50;
    /** A wait signal older than this is left from a waiter that is gone: it tries every 100 ms. */
    static final long SIGNAL_FRESH_MILLIS = 2_000;
    private static final int MAX_READS = 10_000;
    /** Reading connections kept open at most: enough for the cores, each DuckDB query uses several. */
    static final int READERS = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private final StoreUrl url;
    private final long idleMillis;
    private final long maxHoldMillis;
    /** Shared by every piece of work, exclusive to open and close the store. */
    private final ReentrantReadWriteLock life = new ReentrantReadWriteLock(true);
    /** One write at a time. */
    private final ReentrantLock writer = new ReentrantLock(true);
    /** Reading connections not in use (opened lazily, closed with the store); at most {@link #READERS} in use. */
    private final ConcurrentLinkedDeque<DriftStore> idleReaders = new ConcurrentLinkedDeque<>();
    private final Semaphore readers = new Semaphore(READERS, true);
    private volatile boolean migrated;
    private final Map<String, Cached> reads = new ConcurrentHashMap<>();
    /** Moves on at every write that may change anything... */
    private final AtomicLong generation = new AtomicLong();
    /** ...and per monitor at every write of that monitor's data only. */
    private final Map<String, AtomicLong> scopes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idle;
    /** The open store; changed only under {@link #life}'s write lock; null when closed. */
    private volatile DriftStore store;
    /** Counts the openings, so a failed write closes the store it failed on and not a newer one. */
    private volatile long epoch;
    private volatile long openedAt;
    private long releasedAt = Long.MIN_VALUE / 2;
    private volatile long lastUsed;
    private boolean closed;
    /** The modification time of the last wait signal answered, so one signal lets the file go once. */
    private long signalAnswered;

    private record Cached(Object value, long generation, long scoped, long until) {
    }

    /** @param location the store: a DuckDB file or a {@code jdbc:postgresql://} URL */
    public StoreGate(String location) {
        this(StoreUrl.parse(location));
    }

    /** @param url the store, with its password held apart (see {@link StoreUrl}) */
    public StoreGate(StoreUrl url) {
        this(url, IDLE_MILLIS, MAX_HOLD_MILLIS);
    }

    /** Tests set the idle time and the longest hold of a DuckDB file. */
    StoreGate(StoreUrl url, long idleMillis, long maxHoldMillis) {
        this.url = url;
        this.idleMillis = idleMillis;
        this.maxHoldMillis = maxHoldMillis;
        this.idle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "surprisal-store-idle");
            t.setDaemon(true);
            return t;
        });
        idle.scheduleWithFixedDelay(this::closeIfIdle, idleMillis, Math.max(1, idleMillis / 2), TimeUnit.MILLISECONDS);
        if (url.kind() == StoreUrl.Kind.DUCKDB) {
            Path signal = DriftStore.waitSignal(url);
            idle.scheduleWithFixedDelay(() -> yieldIfWaitedFor(signal), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Lets the DuckDB file go (after the work in hand) when another process has signalled within
     * {@link #SIGNAL_FRESH_MILLIS} that it waits for it; each signal is answered once.
     */
    private void yieldIfWaitedFor(Path signal) {
        long touched;
        try {
            touched = Files.getLastModifiedTime(signal).toMillis();
        } catch (IOException e) {
            return; // no signal: nobody waits
        }
        if (touched <= signalAnswered || System.currentTimeMillis() - touched > SIGNAL_FRESH_MILLIS || store == null) {
            return;
        }
        signalAnswered = touched;
        try {
            releaseIf(epoch);
        } catch (RuntimeException e) {
            // release() closes quietly; nothing else can fail, and a throw would end this schedule
        }
    }

    /** @return where the store is, for messages (password masked) */
    public String location() {
        return url.display();
    }

    /**
     * Runs {@code work} on the open store (migrating the server's tables the first time); it may
     * write anything, so every read answer kept in memory is forgotten.
     *
     * @param work what to do
     * @param <T>  the result
     * @return its result
     * @throws StoreException if the store cannot be opened or written
     */
    public <T> T with(Function<DriftStore, T> work) {
        try {
            return open(work, true);
        } finally {
            generation.incrementAndGet();
            reads.clear();
        }
    }

    /**
     * Runs {@code work}, which writes only what belongs to one monitor, on the open store: only the
     * read answers of that monitor (keys {@code kind/MONITOR/…}, see {@link #read}) are forgotten,
     * so a check of one monitor does not send the reads of the others to the store.
     *
     * @param monitor the monitor whose data {@code work} may change
     * @param work    what to do
     * @param <T>     the result
     * @return its result
     * @throws StoreException if the store cannot be opened or written
     */
    public <T> T with(String monitor, Function<DriftStore, T> work) {
        try {
            return open(work, true);
        } finally {
            scopeGeneration(monitor).incrementAndGet();
            scopeGeneration(EVERY_MONITOR).incrementAndGet();
            reads.keySet().removeIf(k -> monitor.equals(scope(k)) || EVERY_MONITOR.equals(scope(k)));
        }
    }

    /**
     * A read of the store as it is now, for decisions that must not see an older answer (is an incident
     * open, which window ran last, is this token valid). Unlike {@link #with} it keeps the answers of
     * {@link #read}: it writes nothing, so they are still true.
     *
     * @param work the read
     * @param <T>  the result
     * @return its result
     * @throws StoreException if the store cannot be opened
     */
    public <T> T fresh(Function<DriftStore, T> work) {
        return open(work, false);
    }

    /**
     * A read whose answer may come from memory (see the class comment). {@code work} must only read,
     * and its result must not be modified by callers.
     *
     * @param key  what is read, with every parameter that changes the answer; a read of one monitor's
     *             data is keyed {@code kind/MONITOR/…} (e.g. "checks/orders/50"), so that
     *             {@link #with(String, Function)} for that monitor forgets it; a read of every
     *             monitor's is keyed {@code all/…} ({@link #ALL_MONITORS}), forgotten by a write of any
     * @param work the read
     * @param <T>  the result
     * @return the answer, at most {@link #READ_TTL_NANOS} old and never older than this process's last write
     * @throws StoreException if the store cannot be opened
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String key, Function<DriftStore, T> work) {
        long now = System.nanoTime();
        AtomicLong scoped = scopeGeneration(scope(key));
        Cached c = reads.get(key);
        if (c != null && c.generation == generation.get() && c.scoped == scoped.get() && now - c.until < 0) {
            return (T) c.value;
        }
        long gen = generation.get();
        long scopeGen = scoped.get();
        T value = open(work, false);
        if (reads.size() >= MAX_READS) {
            reads.clear();
        }
        reads.put(key, new Cached(value, gen, scopeGen, now + READ_TTL_NANOS));
        return value;
    }

    /**
     * The key prefix of a read of every monitor's data at once (e.g. {@code all/summaries}): a write of
     * any monitor forgets it.
     */
    public static final String ALL_MONITORS = "all/";
    private static final String EVERY_MONITOR = "*";

    /**
     * The monitor a read key belongs to: its second segment ({@code checks/orders/50} → orders), or "";
     * {@code *} for a key under {@link #ALL_MONITORS}.
     */
    static String scope(String key) {
        if (key.startsWith(ALL_MONITORS)) {
            return EVERY_MONITOR;
        }
        int a = key.indexOf('/');
        if (a < 0) {
            return "";
        }
        int b = key.indexOf('/', a + 1);
        return b < 0 ? key.substring(a + 1) : key.substring(a + 1, b);
    }

    private AtomicLong scopeGeneration(String scope) {
        return scopes.computeIfAbsent(scope, k -> new AtomicLong());
    }

    /**
     * How many reads and writes have entered the store through this gate (answers from memory not
     * counted): what a change that saves store visits is measured by, in tests and diagnostics.
     *
     * @return reads and writes so far, in that order
     */
    public long[] visits() {
        return new long[] {readVisits.get(), writeVisits.get()};
    }

    private final AtomicLong readVisits = new AtomicLong();
    private final AtomicLong writeVisits = new AtomicLong();

    private <T> T open(Function<DriftStore, T> work, boolean write) {
        (write ? writeVisits : readVisits).incrementAndGet();
        long opening = acquire();
        boolean failed = false;
        try {
            if (!write) {
                return read(work);
            }
            writer.lock();
            try {
                return work.apply(store);
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            } finally {
                writer.unlock();
            }
        } finally {
            lastUsed = System.currentTimeMillis();
            life.readLock().unlock();
            if (failed || url.kind() == StoreUrl.Kind.DUCKDB && lastUsed - openedAt >= maxHoldMillis) {
                releaseIf(opening);
            }
        }
    }

    private <T> T read(Function<DriftStore, T> work) {
        try {
            readers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to read the store", e);
        }
        DriftStore r = null;
        try {
            r = idleReaders.pollFirst();
            if (r == null) {
                r = store.reader();
            }
            T out = work.apply(r);
            idleReaders.addFirst(r);
            r = null;
            return out;
        } finally {
            if (r != null) {
                closeQuietly(r);
            }
            readers.release();
        }
    }

    /**
     * Takes the store's read lock with the store open (opening it, and migrating the server's tables
     * the first time, under the write lock).
     *
     * @return the opening that the work runs on
     */
    private long acquire() {
        while (true) {
            life.readLock().lock();
            if (closed) {
                life.readLock().unlock();
                throw new IllegalStateException("the store gate is closed");
            }
            if (store != null) {
                return epoch;
            }
            life.readLock().unlock();
            life.writeLock().lock();
            try {
                if (closed) {
                    throw new IllegalStateException("the store gate is closed");
                }
                if (store == null) {
                    long wait = releasedAt + YIELD_MILLIS - System.currentTimeMillis();
                    if (wait > 0) {
                        sleep(wait);
                    }
                    DriftStore opened = DriftStore.open(url, true, 30_000);
                    try {
                        if (!migrated) {
                            ServerTables.migrate(opened.connection());
                            migrated = true;
                        }
                    } catch (RuntimeException e) {
                        closeQuietly(opened);
                        releasedAt = System.currentTimeMillis();
                        throw e;
                    }
                    store = opened;
                    openedAt = System.currentTimeMillis();
                    epoch++;
                }
                life.readLock().lock(); // downgrade: the store cannot close before this work ends
                return epoch;
            } finally {
                life.writeLock().unlock();
            }
        }
    }

    /** Closes the store if no work has run for the idle time ({@link #IDLE_MILLIS}) and none is running. */
    private void closeIfIdle() {
        if (System.currentTimeMillis() - lastUsed < idleMillis || !life.writeLock().tryLock()) {
            return;
        }
        try {
            if (store != null && System.currentTimeMillis() - lastUsed >= idleMillis) {
                release();
            }
        } catch (RuntimeException e) {
            store = null;
        } finally {
            life.writeLock().unlock();
        }
    }

    /** Closes the store if it is still the opening {@code which} (a newer one is left alone). */
    private void releaseIf(long which) {
        life.writeLock().lock();
        try {
            if (epoch == which) {
                release();
            }
        } finally {
            life.writeLock().unlock();
        }
    }

    /**
     * Closes the reading connections, then the store (write lock held, so none is in use); a failure
     * to close leaves it closed all the same.
     */
    private void release() {
        for (DriftStore r; (r = idleReaders.pollFirst()) != null; ) {
            closeQuietly(r);
        }
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            // closing a broken connection may fail too; the next piece of work opens a new one
        } finally {
            store = null;
            releasedAt = System.currentTimeMillis();
        }
    }

    private static void closeQuietly(DriftStore s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            // a broken reading connection; nothing is lost with it
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to open the store", e);
        }
    }

    /** Closes the store, waiting for the work in hand; later work fails. */
    @Override
    public void close() {
        idle.shutdownNow();
        life.writeLock().lock();
        try {
            closed = true;
            release();
        } finally {
            life.writeLock().unlock();
        }
    }
}
