package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The server's only way into the store: opens it for one short piece of work and closes it, so the
 * command line (and another server on PostgreSQL) can use the same DuckDB file or database between
 * requests. Within this process the work is serialised (DuckDB allows one open instance of a file
 * per process), fairly, so no request starves. Data are read and counted before entering the gate.
 */
public final class StoreGate {
    private final StoreUrl url;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean migrated;

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
