// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.drift.store.DriftStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift verbs on a store the user may only read (issue 9: a colleague's store, mode 0444), and the
 * words of a recorded check: the run id is the store's, not a count of the monitor's checks.
 */
class DriftReadOnlyStoreTest {
    @TempDir
    Path dir;

    /** 2,000 orders: amount around {@code mean}, a city, a 0/1 flag, an order id. */
    private Path orders(String name, long seed, double mean) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,amount,city,paid\n");
        for (int i = 0; i < 2000; i++) {
            b.append(String.format(Locale.ROOT, "A%06d,%.2f,%s,%d%n", seed * 10_000 + i, mean + rng.nextGaussian() * 10,
                    new String[] {"Paris", "Lyon", "Lille"}[rng.nextInt(3)], rng.nextInt(2)));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    private Cli drift(String verb, String monitor, String... more) {
        String[] head = {"drift", verb, "--monitor", monitor, "--store", store()};
        String[] args = java.util.Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        return Cli.run(args);
    }

    @Test
    void theFirstCheckOfAMonitorIsCalledSoAndItsRunIdIsTheStores() throws IOException {
        Path ref = orders("ref.csv", 1, 50);
        assertThat(drift("baseline", "hourly", "--data", ref.toString()).code()).isZero();
        assertThat(drift("check", "hourly", "--data", orders("h1.csv", 2, 50).toString(), "--at", "2024-05-01").code())
                .isZero();
        assertThat(drift("check", "hourly", "--data", orders("h2.csv", 3, 50).toString(), "--at", "2024-05-02").code())
                .isZero();
        assertThat(drift("baseline", "daily", "--data", ref.toString()).code()).isZero();
        // before: "check 3 of monitor 'daily'" for its first check
        Cli first = drift("check", "daily", "--data", orders("d1.csv", 4, 50).toString(), "--at", "2024-05-01");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("run 3 recorded in " + store() + ": the first check of monitor 'daily' "
                + "against baseline version 1, at 2024-05-01").doesNotContain("check 3");
        JsonNode second = Json.mapper().readTree(drift("check", "daily", "--data", orders("d2.csv", 5, 50).toString(),
                "--at", "2024-05-02", "--json").out());
        assertThat(second.get("run_id").asLong()).isEqualTo(4);
        assertThat(second.get("checks_against_baseline").asLong()).isEqualTo(2);
        assertThat(second.get("recorded").asBoolean()).isTrue();
    }

    @Test
    void aStoreTheUserMayOnlyReadIsReadAndACheckPrintsItsVerdictUnrecorded() throws Exception {
        Path ref = orders("ref.csv", 1, 50);
        assertThat(drift("baseline", "orders", "--data", ref.toString()).code()).isZero();
        assertThat(drift("check", "orders", "--data", orders("d1.csv", 2, 50).toString(), "--at", "2024-05-01").code())
                .isZero();
        Path file = Path.of(store());
        readOnly(file);
        try {
            byte[] before = Files.readAllBytes(file);
            // before: "cannot open: IO Error: Cannot open file …: Permission denied", exit 3, for a read
            Cli history = drift("history", "orders");
            assertThat(history.code()).as(history.err()).isZero();
            assertThat(history.out()).containsPattern("(?m)^2024-05-01\\s+1\\s+amount");

            Cli quiet = drift("check", "orders", "--data", orders("d2.csv", 3, 50).toString(), "--at", "2024-05-02");
            assertThat(quiet.out()).as(quiet.err()).contains("no alarm: ").contains("not recorded: the store " + file
                    + " is read-only (this process, run as " + System.getProperty("user.name") + ", may not write the "
                    + "file").contains("The verdict above stands").doesNotContain("recorded in");
            assertThat(quiet.code()).as("a passing check that could not be recorded").isEqualTo(ExitCode.BAD_DATA);

            Cli drifted = drift("check", "orders", "--data", orders("d3.csv", 4, 80).toString(), "--at", "2024-05-02",
                    "--json");
            assertThat(drifted.code()).as("the alarm pages though unrecorded: " + drifted.err()).isEqualTo(ExitCode.ALARM);
            JsonNode j = Json.mapper().readTree(drifted.out());
            assertThat(j.get("recorded").asBoolean()).isFalse();
            assertThat(j.get("run_id").isNull()).isTrue();
            assertThat(j.get("not_recorded").asText()).startsWith("the store " + file + " is read-only (");
            assertThat(j.toString()).contains("\"amount\"").contains("DRIFT");

            Cli baseline = drift("baseline", "orders", "--data", ref.toString());
            assertThat(baseline.code()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(baseline.err()).contains("the store " + file + " is read-only (").contains("nothing was written")
                    .doesNotContain("IO Error");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            writable(file);
        }
        try (DriftStore s = DriftStore.open(store())) {
            assertThat(s.counts()).as("runs, score rows, partial runs, duplicated runs").containsExactly(1, 4, 0, 0);
        }
    }

    /** Read-only for this process: by its mode, and for root (which ignores modes) immutable ({@code chattr +i}). */
    private static void readOnly(Path file) throws IOException, InterruptedException {
        file.toFile().setWritable(false, false);
        if (Files.isWritable(file)) {
            new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start().waitFor();
        }
        Assumptions.assumeFalse(Files.isWritable(file), "cannot make " + file + " read-only for this process");
    }

    private static void writable(Path file) throws IOException, InterruptedException {
        new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor();
        file.toFile().setWritable(true, true);
    }
}
