// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row committed on the writing connection is seen by the next read on a reading connection (a
 * duplicate, as {@link DriftStore#reader} gives), while other reading connections query the same table:
 * what the server does when a check creates a monitor's missing baseline and reads it back. Two
 * threads each write a row and read it back on a pooled reading connection, as the server's gate
 * does, while two others scan the table on theirs. With JDBC's {@code setAutoCommit(false)} and {@code commit()} in place of {@link Transactions#run}'s
 * statements, several reads in a hundred missed their row on DuckDB's driver 2.0.0.1; this test failed on
 * that code.
 */
class TransactionsTest {
    @TempDir
    Path dir;

    @Test
    void aCommittedRowIsSeenByTheNextReadOnAnotherConnection() throws Exception {
        try (Connection w = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("t.duckdb"))) {
            try (Statement st = w.createStatement()) {
                st.execute("CREATE TABLE m (name VARCHAR PRIMARY KEY, reference VARCHAR)");
            }
            ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
            Object writer = new Object();
            String reference = "x".repeat(5000);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<List<String>>> threads = new ArrayList<>();
            // two threads scan the table on their reading connections all along...
            for (int t = 0; t < 2; t++) {
                threads.add(pool.submit(() -> {
                    while (writing.get()) {
                        Connection r = take(idle, w);
                        try (PreparedStatement ps = r.prepareStatement("SELECT count(*) FROM m WHERE name <> ?")) {
                            ps.setString(1, "");
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                            }
                        }
                        idle.addFirst(r);
                    }
                    return List.of();
                }));
            }
            // ...while two write a row each in turn and read it back on a reading connection
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    List<String> missed = new ArrayList<>();
                    for (int k = 0; k < 300; k++) {
                        String name = "m" + thread + "_" + k;
                        synchronized (writer) {
                            Transactions.run(w, () -> {
                                try (PreparedStatement ps = w.prepareStatement("INSERT INTO m VALUES (?, ?)")) {
                                    ps.setString(1, name);
                                    ps.setString(2, reference);
                                    return ps.executeUpdate();
                                }
                            });
                        }
                        Connection r = take(idle, w);
                        try (PreparedStatement ps = r.prepareStatement("SELECT reference FROM m WHERE name = ?")) {
                            ps.setString(1, name);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (!rs.next()) {
                                    missed.add(name);
                                }
                            }
                        }
                        idle.addFirst(r);
                    }
                    return missed;
                }));
            }
            List<String> missed = new ArrayList<>();
            try {
                for (Future<List<String>> f : writers) {
                    missed.addAll(f.get(300, TimeUnit.SECONDS));
                }
            } finally {
                writing.set(false);
            }
            for (Future<List<String>> f : threads) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            for (Connection r; (r = idle.pollFirst()) != null; ) {
                r.close();
            }
            assertThat(missed).as("rows a reading connection did not see after their commit").isEmpty();
        }
    }

    private static Connection take(ConcurrentLinkedDeque<Connection> idle, Connection w) throws java.sql.SQLException {
        Connection r = idle.pollFirst();
        return r != null ? r : w.unwrap(DuckDBConnection.class).duplicate();
    }
}
