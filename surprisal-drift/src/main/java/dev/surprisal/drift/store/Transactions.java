// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Transactions whose commit other connections see at once.
 *
 * <p><b>Why not JDBC's transaction calls on DuckDB:</b> with DuckDB's JDBC driver (2.0.0.1), a write
 * made with auto-commit, or in a transaction of {@code setAutoCommit(false)} and {@code commit()},
 * is at times not yet visible to a query that another connection of the same database (a
 * {@code DuckDBConnection.duplicate()}, as {@link DriftStore#reader} gives) starts right after the
 * write returned, while other connections run queries: in {@code TransactionsTest}, four threads
 * each writing a row and reading it back on a pooled reading connection, several reads in a hundred
 * missed the row. The server's check of a monitor without a baseline created the baseline and then
 * did not find it (an internal error, HTTP 500, under 20 API clients). A transaction begun and
 * committed with the statements {@code BEGIN TRANSACTION} and {@code COMMIT}, the connection left in
 * auto-commit mode, made every such read see its row. So on DuckDB a transaction is made of those
 * statements; PostgreSQL keeps the JDBC calls.
 */
public final class Transactions {
    /** DuckDB connections in a transaction of {@link #run} (their JDBC auto-commit flag stays on). */
    private static final Set<Connection> OPEN = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    private Transactions() {
    }

    /**
     * Work on a connection that may fail with an SQL error.
     *
     * @param <T> its result
     * @param <E> a checked exception it may throw
     */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        /**
         * @return its result
         * @throws SQLException as JDBC does
         * @throws E            as the work does
         */
        T run() throws SQLException, E;
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws;
     * when {@code c} is in a transaction already (of this method, or auto-commit off), the work joins
     * it and that transaction's owner commits.
     *
     * @param c    the connection
     * @param work the statements
     * @param <T>  the work's result
     * @param <E>  a checked exception of the work
     * @return what {@code work} returned
     * @throws SQLException if a statement, the commit or the rollback fails
     * @throws E            as the work does
     */
    public static <T, E extends Exception> T run(Connection c, Work<T, E> work) throws SQLException, E {
        if (!c.getAutoCommit() || OPEN.contains(c)) {
            return work.run();
        }
        if (!c.isWrapperFor(DuckDBConnection.class)) {
            c.setAutoCommit(false);
            try {
                T t = work.run();
                c.commit();
                return t;
            } catch (Exception e) {
                rollback(c, e, () -> c.rollback());
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        execute(c, "BEGIN TRANSACTION");
        OPEN.add(c);
        try {
            T t = work.run();
            execute(c, "COMMIT");
            return t;
        } catch (Exception e) {
            rollback(c, e, () -> execute(c, "ROLLBACK"));
            throw e;
        } finally {
            OPEN.remove(c);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void rollback(Connection c, Exception cause, SqlAction rollback) {
        try {
            rollback.run();
        } catch (SQLException suppressed) {
            // a transaction DuckDB ended itself on the error, or a lost connection: the cause says why
            cause.addSuppressed(suppressed);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
