// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four {@code surprisal drift check} processes on one store at once, each reading a file of a
 * million rows: since a check holds the store only to read the baseline and to record, every one
 * succeeds (none waits out the lock for another's scan), and the store ends with four runs.
 * DuckDB: tag "slow"; PostgreSQL: tag "postgres" (SURPRISAL_PG_URL, see .ci/start-postgres.sh).
 */
class ConcurrentChecksTest {
    private static final int PROCESSES = 4;
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    private Path bigCsv(String name, long seed, double shift) throws IOException {
        Path p = dir.resolve(name);
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("amount,city\n");
            for (int i = 0; i < ROWS; i++) {
                w.write(String.format(Locale.ROOT, "%.4f,%c%n", shift + r.nextDouble() * 10, "abcde".charAt(r.nextInt(5))));
            }
        }
        return p;
    }

    /** {@code password}: null for DuckDB; else given to the baseline by file and to the checks by PGPASSWORD. */
    private void fourChecksAtOnce(String store, String password) throws Exception {
        Path ref = bigCsv("ref.csv", 1, 0);
        List<String> baseline = new ArrayList<>(List.of("drift", "baseline", "--monitor", "big", "--data",
                ref.toString(), "--store", store));
        if (password != null) {
            Path file = Files.writeString(dir.resolve("pw"), password + "\n");
            baseline.addAll(List.of("--store-password-file", file.toString()));
        }
        Cli base = Cli.run(baseline.toArray(String[]::new));
        assertThat(base.code()).as(base.err()).isZero();
        Path day = bigCsv("day.csv", 2, 0);
        List<Process> running = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path log = dir.resolve("check" + i + ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SurprisalCommand.class.getName(), "drift", "check",
                    "--monitor", "big", "--data", day.toString(), "--at", "2024-06-0" + (i + 1), "--store", store,
                    "--quiet").redirectErrorStream(true).redirectOutput(log.toFile());
            if (password != null) {
                pb.environment().put("PGPASSWORD", password);
            }
            running.add(pb.start());
            logs.add(log);
        }
        for (int i = 0; i < PROCESSES; i++) {
            assertThat(running.get(i).waitFor(10, TimeUnit.MINUTES)).isTrue();
            String out = Files.readString(logs.get(i));
            assertThat(running.get(i).exitValue()).as(out).isIn(ExitCode.OK, ExitCode.ALARM);
            assertThat(out).contains("recorded in").doesNotContain("in use by another process");
        }
        try (DriftStore s = DriftStore.open(StoreUrl.parse(store).withPassword(password), false, 30_000)) {
            assertThat(s.counts()).as("runs, score rows, partial runs, duplicated runs")
                    .containsExactly(PROCESSES, 2L * PROCESSES, 0, 0);
        }
    }

    @Test
    @Tag("slow")
    void fourConcurrentChecksOfAMillionRowsOnOneDuckDbStoreAllSucceed() throws Exception {
        fourChecksAtOnce(dir.resolve("store.duckdb").toString(), null);
    }

    @Test
    @Tag("postgres")
    void fourConcurrentChecksOfAMillionRowsOnOnePostgresDatabaseAllSucceed() throws Exception {
        String url = System.getProperty("SURPRISAL_PG_URL", System.getenv("SURPRISAL_PG_URL"));
        if (url == null || url.isBlank()) {
            throw new AssertionError("SURPRISAL_PG_URL is not set: run eval \"$(.ci/start-postgres.sh)\" first");
        }
        String schema = "c_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        try {
            // the password travels in PGPASSWORD, not on the command line
            StoreUrl parsed = StoreUrl.parse(url);
            String password = url.replaceAll(".*[?&]password=([^&]*).*", "$1");
            fourChecksAtOnce(parsed.jdbcUrl() + "&currentSchema=" + schema, password);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
