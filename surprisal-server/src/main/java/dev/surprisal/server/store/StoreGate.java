// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The server's only way into the store. Within this process the work is serialised (DuckDB allows
 * one open instance of a file per process), fairly, so no request starves. Data are read and
 * counted before entering the gate.
 *
 * <p><b>The store stays open while the server is busy</b> and is closed after {@link #IDLE_MILLIS}
 * without work, so the command line (and another server on PostgreSQL) can use the same DuckDB
 * file or database between bursts of requests. Opening a DuckDB file costs tens of milliseconds
 * (more under load), and opening it for every request made 20 API clients queue for seconds
 * (docs/benchmarks.md). A DuckDB file held for {@link #MAX_HOLD_MILLIS} in one stretch is let go
 * after the piece of work in hand, and not taken again for {@link #YIELD_MILLIS}, so another
 * process that waits for its lock (it tries every 100 ms) gets its turn even under constant load.
 * A piece of work that fails closes the store, so the next one starts on a new connection.
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
    /** A DuckDB file is let go after being held this long in one stretch... */
    public static final long MAX_HOLD_MILLIS = 3_000;
    /** ...and not taken again for this long, so another process's lock wait (a try every 100 ms) succeeds. */
    public static final long YIELD_MILLIS = 250;
    private static final int MAX_READS = 10_000;

    private final StoreUrl url;
    private final long idleMillis;
    private final long maxHoldMillis;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean migrated;
    private final Map<String, Cached> reads = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ScheduledExecutorService idle;
    /** The open store, guarded by {@link #lock}; null when closed. */
    private DriftStore store;
    private long openedAt;
    private long releasedAt = Long.MIN_VALUE / 2;
    private volatile long lastUsed;
    private boolean closed;

    private record Cached(Object value, long generation, long until) {
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
    }

    /** @return where the store is, for messages (password masked) */
    public String location() {
        return url.display();
    }

    /**
     * Runs {@code work} on the open store (migrating the server's tables the first time).
     *
     * @param work what to do
     * @param <T>  the result
     * @return its result
     * @throws StoreException if the store cannot be opened or written
     */
    public <T> T with(Function<DriftStore, T> work) {
        try {
            return open(work);
        } finally {
            generation.incrementAndGet();
            reads.clear();
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
        return open(work);
    }

    /**
     * A read whose answer may come from memory (see the class comment). {@code work} must only read,
     * and its result must not be modified by callers.
     *
     * @param key  what is read, with every parameter that changes the answer (e.g. "checks/orders/50")
     * @param work the read
     * @param <T>  the result
     * @return the answer, at most {@link #READ_TTL_NANOS} old and never older than this process's last write
     * @throws StoreException if the store cannot be opened
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String key, Function<DriftStore, T> work) {
        long now = System.nanoTime();
        Cached c = reads.get(key);
        if (c != null && c.generation == generation.get() && now - c.until < 0) {
            return (T) c.value;
        }
        long gen = generation.get();
        T value = open(work);
        if (reads.size() >= MAX_READS) {
            reads.clear();
        }
        reads.put(key, new Cached(value, gen, now + READ_TTL_NANOS));
        return value;
    }

    private <T> T open(Function<DriftStore, T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store gate is closed");
            }
            if (store == null) {
                long wait = releasedAt + YIELD_MILLIS - System.currentTimeMillis();
                if (wait > 0) {
                    sleep(wait);
                }
                store = DriftStore.open(url, true, 30_000);
                openedAt = System.currentTimeMillis();
            }
            if (!migrated) {
                ServerTables.migrate(store.connection());
                migrated = true;
            }
            T out;
            try {
                out = work.apply(store);
            } catch (RuntimeException | Error e) {
                release();
                throw e;
            }
            long now = System.currentTimeMillis();
            lastUsed = now;
            if (url.kind() == StoreUrl.Kind.DUCKDB && now - openedAt >= maxHoldMillis) {
                release();
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the store if no work has run for the idle time ({@link #IDLE_MILLIS}) and none is running. */
    private void closeIfIdle() {
        if (System.currentTimeMillis() - lastUsed < idleMillis || !lock.tryLock()) {
            return;
        }
        try {
            if (store != null && System.currentTimeMillis() - lastUsed >= idleMillis) {
                store.close();
                store = null;
            }
        } catch (RuntimeException e) {
            store = null;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the open store (lock held); a failure to close leaves it closed all the same. */
    private void release() {
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
        lock.lock();
        try {
            closed = true;
            release();
        } finally {
            lock.unlock();
        }
    }
}
