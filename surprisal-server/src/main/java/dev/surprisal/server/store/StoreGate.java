package dev.surprisal.server.store;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreException;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The server's only way into the store: opens it for one short piece of work and closes it, so the
 * command line (and another server on PostgreSQL) can use the same DuckDB file or database between
 * requests. Within this process the work is serialised (DuckDB allows one open instance of a file
 * per process), fairly, so no request starves. Data are read and counted before entering the gate.
 */
public final class StoreGate {
    private final String location;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean migrated;

    /** @param location the store: a DuckDB file or a {@code jdbc:postgresql://} URL */
    public StoreGate(String location) {
        this.location = location;
    }

    /** @return where the store is, as given */
    public String location() {
        return location;
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
        try (DriftStore s = DriftStore.open(location)) {
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
