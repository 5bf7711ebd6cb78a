// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.demo.EventTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-data check end to end, exit codes included: {@code drift compare} of two samples of one
 * period never calls them stale, {@code drift check} warns on a batch whose timestamps do not advance.
 */
class DriftFreshnessScenarioTest {
    private static final int PER_DAY = 200;

    @TempDir
    Path dir;

    @Test
    void aRandomSplitComparesOkWithExitZeroEvenFailingOnWarn() {
        // before: 'stale data: today's newest value ... is not newer than the reference's newest', exit 1, on about
        // half of the seeds
        for (long seed = 1; seed <= 20; seed++) {
            EventTable[] parts = EventTable.days(1, 60, PER_DAY, seed).split(0.7, seed);
            Path train = parts[0].writeCsv(dir.resolve("train" + seed + ".csv"));
            Path test = parts[1].writeCsv(dir.resolve("test" + seed + ".csv"));
            Cli r = Cli.run("drift", "compare", train.toString(), test.toString(), "--fail-on", "warn");
            assertThat(r.code()).as("seed %d:%n%s%s", seed, r.out(), r.err()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).doesNotContain("stale data");
        }
    }

    @Test
    void aMonitorWarnsOnAReSentOrStaleDayAndNotOnTheNextDay() {
        String store = dir.resolve("drift.duckdb").toString();
        Path baseline = EventTable.days(1, 30, PER_DAY, 9).writeCsv(dir.resolve("days1-30.csv"));
        assertThat(Cli.run("drift", "baseline", "--monitor", "events", "--data", baseline.toString(), "--store", store)
                .code()).isEqualTo(ExitCode.OK);

        Cli day31 = check(store, 31, "2024-01-31");
        assertThat(day31.code()).as(day31.out()).isEqualTo(ExitCode.OK);

        Cli resent = check(store, 31, "2024-02-01");
        assertThat(resent.code()).isEqualTo(ExitCode.ALARM);
        assertThat(resent.out()).contains("stale data: today's newest value 2024-01-31T", "is not newer than the "
                + "newest 2024-01-31T", "of the batch checked at 2024-01-31 (a re-sent or replayed batch?)");

        Cli day15 = check(store, 15, "2024-02-02");
        assertThat(day15.code()).isEqualTo(ExitCode.ALARM);
        assertThat(day15.out()).contains("stale data: today's newest value 2024-01-15T");

        Cli older = check(store, -3, "2024-02-03");
        assertThat(older.code()).isEqualTo(ExitCode.ALARM);
        assertThat(older.out()).contains("is older than the reference's oldest 2024-01-01T");

        // a new day after the stale ones is fresh again: it advances past the last checked batch (day 31)
        Cli day32 = check(store, 32, "2024-02-04");
        assertThat(day32.code()).as(day32.out()).isEqualTo(ExitCode.OK);
    }

    private Cli check(String store, int day, String at) {
        Path file = EventTable.days(day, day, PER_DAY, 9).writeCsv(dir.resolve("day" + day + "-" + at + ".csv"));
        return Cli.run("drift", "check", "--monitor", "events", "--data", file.toString(), "--store", store, "--at", at,
                "--fail-on", "warn");
    }
}
