// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The server's only way into the store: opens it for one short piece of work and closes it, so the
 * command line (and another server on PostgreSQL) can use the same DuckDB file or database between
 * requests. Within this process the work is serialised (DuckDB allows one open instance of a file
 * per process), fairly, so no request starves. Data are read and counted before entering the gate.
 *
 * <p><b>Reads are answered from memory</b> ({@link #read}): each answer is kept, by key, until this
 * process writes ({@link #with}, which forgets them all; reads that must be current use {@link #fresh}) or for {@link #READ_TTL_NANOS} at most, so a
 * write from another process (the command line, a second server) shows within that time. Without it
 * every dashboard and API read opened the store under the one lock, and 20 clients waited seconds.
 */
public final class StoreGate {
    private final StoreUrl url;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean migrated;
    /** How long a read answer is kept at most: the delay before another process's write shows. */
    public static final long READ_TTL_NANOS = 2_000_000_000L;
    private static final int MAX_READS = 10_000;
    private final Map<String, Cached> reads = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Cached(Object value, long generation, long until) {
    }

    /** @param location the store: a DuckDB file or a {@code jdbc:postgresql://} URL */
    public StoreGate(String location) {
        this(StoreUrl.parse(location));
    }

    /** @param url the store, with its password held apart (see {@link StoreUrl}) */
    public StoreGate(StoreUrl url) {
        this.url = url;
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
        try (DriftStore s = DriftStore.open(url, true, 30_000)) {
            if (!migrated) {
                ServerTables.migrate(s.connection());
                migrated = true;
            }
            return work.apply(s);
        } finally {
            lock.unlock();
        }
    }
}
