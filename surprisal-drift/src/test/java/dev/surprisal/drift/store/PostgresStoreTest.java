// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store against a real PostgreSQL server. Start one with {@code eval "$(.ci/start-postgres.sh)"}
 * (sets SURPRISAL_PG_URL), then {@code mvn -B verify -Ppostgres -pl surprisal-drift -am}.
 * Excluded from the default run (tag "postgres"); fails, never skips, when the URL is absent.
 */
@Tag("postgres")
class PostgresStoreTest {
    static String url() {
        String url = System.getProperty("SURPRISAL_PG_URL", System.getenv("SURPRISAL_PG_URL"));
        if (url == null || url.isBlank()) {
            throw new AssertionError("SURPRISAL_PG_URL is not set: run eval \"$(.ci/start-postgres.sh)\" first "
                    + "(CI: .ci/run does), then mvn -B verify -Ppostgres");
        }
        return url;
    }

    @Test
    void postgresStoreMigratesStoresBaselinesChecksAndHistory() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String location = url() + "&currentSchema=" + schema;
        try {
            DriftStoreTest.roundTripAndTrend(location, "m");
            try (DriftStore s = DriftStore.open(location)) {
                assertThat(s.counts()[0]).isEqualTo(10);
                assertThat(s.location()).doesNotContain("password");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A fresh schema for one test, dropped afterwards. */
    private static String freshSchema() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    private static void drop(String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void retriesReplaceRunsAndBaselinesAreVersioned() throws Exception {
        String schema = freshSchema();
        try {
            StoreIdentityTest.identityScenarios(url() + "&currentSchema=" + schema);
        } finally {
            drop(schema);
        }
    }

    @Test
    void fourProcessesMigratingAFreshSchemaAtOnceLeaveOneValidSchema() throws Exception {
        String schema = freshSchema();
        String location = url() + "&currentSchema=" + schema;
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    try (DriftStore s = DriftStore.open(location)) {
                        return s.schemaVersion();
                    }
                }));
            }
            for (var f : done) {
                assertThat(f.get()).isEqualTo(StoreSchema.CURRENT);
            }
            pool.shutdown();
            try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT version) FROM " + schema
                         + ".schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(StoreSchema.CURRENT);
                assertThat(rs.getInt(2)).isEqualTo(StoreSchema.CURRENT);
            }
        } finally {
            drop(schema);
        }
    }

    @Test
    void noStoreErrorEverContainsThePassword() {
        StoreUrl good = StoreUrl.parse(url());
        String secret = good.properties().getProperty("password");
        assertThat(secret).isNotBlank();
        String base = good.jdbcUrl();
        String[] bad = {
            base.replace("password", "x") + "&password=Wr0ngPassw0rd", // wrong password
            base.replaceFirst("/surprisal_test", "/no_such_db") + "&password=" + secret, // unknown database
            base.replaceFirst("localhost:\\d+", "localhost:1") + "&password=" + secret + "&connectTimeout=2",
        };
        for (String location : bad) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> DriftStore.open(location).close());
            assertThat(t).as(location).isInstanceOf(StoreException.class);
            for (Throwable c = t; c != null; c = c.getCause()) {
                // CI's password is also the user's name, so the URL shown (user=…) is taken out first
                String shown = c.getMessage().replace(StoreUrl.parse(location).display(), "URL")
                        .replace("user \"" + secret + "\"", "user");
                assertThat(shown).as("message of " + c.getClass()).doesNotContain(secret)
                        .doesNotContain("Wr0ngPassw0rd");
                assertThat(java.util.Arrays.toString(c.getSuppressed())).doesNotContain(secret);
            }
        }
    }

    @Test
    void aConnectionKilledMidCheckIsLostConnectionAndLeavesNoPartialRun() throws Exception {
        String schema = freshSchema();
        String location = url() + "&currentSchema=" + schema;
        try (DriftStore s = DriftStore.open(location)) {
            s.saveBaseline("m", StoreFixtures.REFERENCE);
            int pid;
            try (Statement st = s.connectionForTest().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            s.afterScoreRowHook = () -> {
                try (Connection admin = DriverManager.getConnection(url()); Statement st = admin.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(" + pid + ")");
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            };
            var day = StoreFixtures.day(3, 0);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> s.recordCheck("m", "2024-01-01", day,
                    StoreFixtures.report(day), java.util.List.of()));
            assertThat(t).isInstanceOf(StoreException.class).hasMessageStartingWith("lost connection to the store "
                    + StoreUrl.parse(location).display() + " (while trying to record the check of m)");
        }
        try (DriftStore s = DriftStore.open(location)) {
            assertThat(s.counts()).containsExactly(0, 0, 0, 0);
        } finally {
            drop(schema);
        }
    }
}
