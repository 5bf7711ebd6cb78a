// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.rules.MonitoredCheck;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.DriftOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftStoreTest {
    @TempDir
    Path dir;

    /** Runs the store scenarios against any location; PostgresStoreTest reuses it. */
    static void roundTripAndTrend(String location, String monitor) {
        try (DriftStore store = DriftStore.open(location)) {
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            store.saveBaseline(monitor, StoreFixtures.REFERENCE);
            Profile back = store.baseline(monitor).orElseThrow();
            assertThat(back.column("x").counts()).containsExactly(StoreFixtures.REFERENCE.column("x").counts());
            assertThat(store.baseline(monitor + "-none")).isEmpty();
            for (int d = 1; d <= 9; d++) {
                MonitoredCheck.Outcome o = MonitoredCheck.check(store, monitor, String.format("2024-01-%02d", d),
                        StoreFixtures.day(100 + d, 0), DriftOptions.defaults(), TrendRule.defaults());
                assertThat(o.alarm()).as("quiet day %d", d).isFalse();
            }
            MonitoredCheck.Outcome spike = MonitoredCheck.check(store, monitor, "2024-01-10", StoreFixtures.day(200, 0.6),
                    DriftOptions.defaults(), TrendRule.defaults());
            assertThat(spike.alarm()).isTrue();
            assertThat(spike.alarms()).extracting(Alarm::column).contains("x");
            List<HistoryPoint> h = store.history(monitor, "x");
            assertThat(h).hasSize(10);
            assertThat(h.get(9).alarmed()).isTrue();
            assertThat(h.get(0).at()).isEqualTo("2024-01-01");
            assertThat(store.counts()[2]).isZero();
        }
        // reopening does not migrate again
        try (DriftStore store = DriftStore.open(location)) {
            assertThat(store.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(store.history(monitor, null)).hasSize(30);
        }
    }

    /** The history of a column the baseline does not have is an error listing its columns, for Java callers too (issue 11). */
    @Test
    void historyOfAColumnTheBaselineLacksNamesTheColumnsItHas() {
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("m", StoreFixtures.REFERENCE);
            MonitoredCheck.check(store, "m", "2024-01-01", StoreFixtures.day(101, 0), DriftOptions.defaults(),
                    TrendRule.defaults());
            assertThat(store.history("m", "x")).hasSize(1);
            assertThatThrownBy(() -> store.history("m", "nope"))
                    .isInstanceOf(dev.surprisal.core.ValidationException.class)
                    .isNotInstanceOf(StoreException.class)
                    .hasMessageStartingWith("column: column 'nope' is not in the baseline of monitor 'm'; its columns: ")
                    .hasMessageContaining("x");
            // no baseline: no history, and nothing to check the column against
            assertThat(store.history("other", "nope")).isEmpty();
        }
    }

    @Test
    void duckDbStoreMigratesStoresBaselinesChecksAndHistory() {
        roundTripAndTrend(dir.resolve("sub/drift.duckdb").toString(), "m");
    }

    @Test
    void trendAlarmFiresOnASpikeWithinTheLevelBandsOnceHistoryIsLongEnough() {
        TrendRule rule = TrendRule.defaults();
        List<HistoryPoint> few = List.of(point(0.01, false), point(0.012, false));
        assertThat(rule.fires(1.0, 0.0, few)).isFalse(); // too little history
        java.util.ArrayList<HistoryPoint> h = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            h.add(point(0.010 + 0.001 * (i % 3), false));
        }
        h.add(point(5.0, true)); // an earlier alarm is excluded from the band
        assertThat(rule.upperBand(h)).isLessThan(0.02);
        assertThat(rule.fires(0.05, 0.03, h)).isTrue();
        assertThat(rule.fires(0.05, 0.08, h)).isFalse(); // a spike within noise
    }

    private static HistoryPoint point(double v, boolean alarmed) {
        return new HistoryPoint(0, "d", "x", "OK", v, v, v, v, v, 0, 0, alarmed);
    }

    private Process child(String mode, Path store, String... jvmOptions) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of(StoreCrashWriter.class.getName(), mode, store.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void processHaltedJustBeforeTheCommitLeavesNoTraceOfTheRun() throws Exception {
        Path store = dir.resolve("before.duckdb");
        Process p = child("write-fast", store, "-D" + DriftStore.HALT_PROPERTY + "=before-commit");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(DriftStore.HALT_STATUS);
        assertThat(out).contains("HALT before-commit").doesNotContain("DONE");
        try (DriftStore s = DriftStore.open(store.toString())) {
            assertThat(s.counts()).as("runs, score rows, partial runs, duplicated runs").containsExactly(0, 0, 0, 0);
            assertThat(s.history("m", null)).isEmpty();
        }
    }

    @Test
    void processHaltedJustAfterTheCommitLeavesTheRunExactlyOnce() throws Exception {
        Path store = dir.resolve("after.duckdb");
        Process p = child("write-fast", store, "-D" + DriftStore.HALT_PROPERTY + "=after-commit");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(DriftStore.HALT_STATUS);
        assertThat(out).contains("HALT after-commit").doesNotContain("DONE");
        try (DriftStore s = DriftStore.open(store.toString())) {
            assertThat(s.counts()).as("runs, score rows, partial runs, duplicated runs").containsExactly(1, 3, 0, 0);
            assertThat(s.history("m", null)).extracting(HistoryPoint::at).containsOnly("2024-01-01");
        }
    }

    private static void awaitLine(Process p, String want) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.equals(want)) {
                return;
            }
        }
        throw new AssertionError("child exited before printing " + want);
    }

    @Test
    void processKilledMidCheckLeavesNoPartialRun() throws Exception {
        Path store = dir.resolve("crash.duckdb");
        Process p = child("write", store);
        try {
            awaitLine(p, "WRITING"); // inside the third check's transaction, one score row written
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (DriftStore s = DriftStore.open(store.toString())) {
            long[] c = s.counts();
            assertThat(c[0]).as("runs").isEqualTo(2);
            assertThat(c[1]).as("score rows").isEqualTo(6);
            assertThat(c[2]).as("runs with missing scores").isZero();
            assertThat(c[3]).as("duplicated runs").isZero();
            assertThat(s.history("m", null)).hasSize(6);
        }
    }

    @Test
    void secondProcessGetsAClearErrorWhileTheStoreIsInUse() throws Exception {
        Path store = dir.resolve("busy.duckdb");
        try (DriftStore s = DriftStore.open(store.toString())) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        }
        Process p = child("hold", store);
        try {
            awaitLine(p, "OPEN");
            assertThatThrownBy(() -> DriftStore.open(store.toString(), 500))
                    .isInstanceOf(StoreException.class).hasMessageContaining("in use by another process");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (DriftStore s = DriftStore.open(store.toString(), 10_000)) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
        }
    }
}
