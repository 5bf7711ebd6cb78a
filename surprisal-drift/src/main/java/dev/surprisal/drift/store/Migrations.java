// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a family of tables in the store is migrated, shared by the store's own schema
 * ({@code StoreSchema}) and the server's tables ({@code dev.surprisal.server.store.ServerTables}):
 * on PostgreSQL the whole migration holds a session advisory lock, so two processes opening a fresh
 * database at once do not both create the tables (the second waits, then finds them there); each
 * version's SQL script runs, with the version's record, in one transaction. DuckDB needs no lock: one
 * process at a time holds the file.
 */
public final class Migrations {
    private Migrations() {
    }

    /**
     * Work done under the migration lock or in one transaction.
     *
     * @param <E> a checked exception the work may throw besides {@link SQLException}
     */
    @FunctionalInterface
    public interface Work<E extends Exception> {
        /**
         * Does the work.
         *
         * @throws SQLException if a statement fails
         * @throws E            if the work fails otherwise
         */
        void run() throws SQLException, E;
    }

    /**
     * Runs {@code work} holding PostgreSQL's session advisory lock {@code key} (nothing is locked on
     * DuckDB); the lock is released however the work ends.
     *
     * @param <E>      a checked exception of the work
     * @param c        the connection
     * @param postgres whether {@code c} is a PostgreSQL connection
     * @param key      the advisory-lock key of this family of tables
     * @param work     the migration
     * @throws SQLException if the lock cannot be taken or released, or the work fails with it
     * @throws E            as the work does
     */
    public static <E extends Exception> void underLock(Connection c, boolean postgres, long key, Work<E> work)
            throws SQLException, E {
        if (postgres) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + key + ")");
            }
        }
        try {
            work.run();
        } finally {
            if (postgres) {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + key + ")");
                }
            }
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws; the
     * connection's auto-commit setting is restored either way.
     *
     * @param <E>  a checked exception of the work
     * @param c    the connection
     * @param work one migration (its script and the record of its version)
     * @throws SQLException if a statement, the commit or the rollback fails
     * @throws E            as the work does
     */
    public static <E extends Exception> void inTransaction(Connection c, Work<E> work) throws SQLException, E {
        Transactions.run(c, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Executes an SQL script: lines that start with {@code --} are comments, statements end with
     * {@code ;}.
     *
     * @param c      the connection
     * @param script the script's text
     * @throws SQLException if a statement fails
     */
    public static void runScript(Connection c, String script) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        try (Statement st = c.createStatement()) {
            for (String sql : b.toString().split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql.trim());
                }
            }
        }
    }

    /**
     * The text of a migration script shipped beside {@code owner}.
     *
     * @param owner the class whose package holds the script
     * @param name  the script's file name
     * @return its text
     * @throws IllegalStateException if the script is missing from the jar or cannot be read (a broken build)
     */
    public static String script(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
