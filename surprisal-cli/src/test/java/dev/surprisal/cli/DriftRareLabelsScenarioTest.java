// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit18 finding 1 end to end (the DuckDB file path and the store): an order export whose {@code sku} column has
 * 1,000 SKUs of 3 rows each, then a day on 100 of them at 30 rows each (TV 0.9, no new value). Before, every SKU
 * was under the kept minimum of 10 rows, so both sides were 100% "__OTHER__": KL, PSI and TV 0.0000, OK, exit 0.
 */
class DriftRareLabelsScenarioTest {
    @TempDir
    Path dir;

    /** {@code order_id,sku,qty}: row i has SKU {@code pick(i)}, a blank qty on every 50th row. */
    private Path orders(String name, int rows, java.util.function.IntUnaryOperator pick, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,sku,qty\n");
        for (int i = 0; i < rows; i++) {
            b.append(100_000 + i).append(",SKU-").append(String.format("%04d", pick.applyAsInt(i))).append(',')
                    .append(i % 50 == 0 ? "" : Integer.toString(1 + r.nextInt(3))).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void aDayOnATenthOfTheSkusIsDriftInCompareAndInACheckAgainstTheStoredBaseline() throws IOException {
        Path ref = orders("ref.csv", 3000, i -> i % 1000, 1);
        Path day = orders("day.csv", 3000, i -> i % 100, 2);
        Cli c = Cli.run("drift", "compare", ref.toString(), day.toString());
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        assertThat(c.out()).contains("1,000 values outside the top 0 counted in 64 groups by a hash of the value")
                .containsPattern("DRIFT: sku: PSI \\d\\.\\d+ >= drift band 0\\.250, beyond noise")
                .contains("counted over the values in 64 groups by a hash of the value")
                .doesNotContain("TV 0.0000");

        Path store = dir.resolve("store.duckdb");
        Cli base = Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store",
                store.toString());
        assertThat(base.code()).as(base.out() + base.err()).isEqualTo(ExitCode.OK);
        assertThat(base.out()).contains("sku: 65 bins");
        Cli check = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--at", "2026-12-02",
                "--store", store.toString());
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.ALARM);
        assertThat(check.out()).containsPattern("DRIFT: sku: PSI \\d\\.\\d+ >= drift band");
    }

    @Test
    void resampledDaysOfTheSameSkusAreOk() throws IOException {
        Path ref = orders("ref.csv", 3000, i -> i % 1000, 1);
        for (long seed = 11; seed <= 13; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            Path day = orders("same" + seed + ".csv", 3000, i -> r.nextInt(1000), seed);
            Cli c = Cli.run("drift", "compare", ref.toString(), day.toString());
            assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.OK);
            assertThat(c.out()).contains("no alarm");
        }
    }

    @Test
    void loginTimesReadAsCategoriesDoNotShowAStillDistributionBesideTheirNewValuesAlarm() throws IOException {
        StringBuilder ref = new StringBuilder("login_time,k\n");
        StringBuilder day = new StringBuilder("login_time,k\n");
        for (int i = 0; i < 3000; i++) {
            int j = i % 1500; // each reference time twice
            ref.append(String.format("%02d:%02d:%02d,a%n", 8 + j % 10, j / 60 % 60, j % 60));
            day.append(String.format("%02d:%02d:%02d,a%n", i % 6, i / 60 % 60, i % 60));
        }
        Path r = Files.writeString(dir.resolve("t_ref.csv"), ref.toString());
        Path d = Files.writeString(dir.resolve("t_cur.csv"), day.toString());
        Cli c = Cli.run("drift", "compare", r.toString(), d.toString(), "--role", "login_time=categorical");
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        String row = c.out().lines().filter(l -> l.startsWith("DRIFT: login_time:")).findFirst().orElseThrow();
        assertThat(row).contains("new values: 100.00% of today's values")
                .contains("apart from today's new values").doesNotContain("would have to move");
    }
}
