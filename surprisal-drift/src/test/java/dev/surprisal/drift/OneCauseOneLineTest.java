// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cause, one alarm line: a numeric column whose invalid (or missing) share rises is one DRIFT
 * line naming the shares, the count and the first invalid value with its line, and the distribution
 * is judged on the valid cells, so the invalid bin alone does not raise a second alarm. Before, the
 * divergence counted the invalid bin too: "PSI 0.18 >= warn band" beside "invalid share rose".
 * Known truth: latencies from one lognormal, today with a share of cells broken and, in one case, a
 * real shift of the valid values, which must still alarm on its own line.
 */
class OneCauseOneLineTest {
    private static final int ROWS = 4000;

    @TempDir
    Path dir;

    /** {@code latency} cells: lognormal times {@code scale}; every {@code every}-th cell is {@code broken}. */
    private Profile day(Profile reference, long seed, double scale, int every, String broken) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("latency\n");
        for (int i = 0; i < ROWS; i++) {
            double v = scale * Math.exp(3 + r.nextGaussian() / 2);
            csv.append(every > 0 && i % every == every - 1 ? broken : String.format(Locale.ROOT, "%.2f", v))
                    .append('\n');
        }
        Path f = Files.writeString(dir.resolve("day" + seed + ".csv"), csv);
        return reference == null ? ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults())
                : ProfileBuilder.count(reference, TableReader.open(f));
    }

    private ColumnDrift latency(int every, String broken, double scale) throws IOException {
        Profile ref = day(null, 1, 1.0, 0, "");
        return DriftScorer.compare(ref, day(ref, 2, scale, every, broken), DriftOptions.defaults()).columns().get(0);
    }

    /** The findings that raised the verdict (the reason lists problems first, then notes). */
    private static long alarmLines(ColumnDrift c) {
        return Arrays.stream(c.reason().split("; ")).filter(s -> s.contains("share rose") || s.contains(" band "))
                .count();
    }

    @Test
    void anInvalidSurgeIsOneLineAndTheDistributionIsJudgedOnTheValidCells() throws IOException {
        ColumnDrift c = latency(20, "abc", 1.0);
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).as(c.reason()).startsWith("invalid share rose 0.0% -> 5.0% (200 of 4,000 cells today, "
                + "beyond noise): \"abc\" ×200 (first: line 21); PSI ").contains(" on the valid cells is within sampling noise "
                + "(critical ").contains("at n=4000, m=3800)");
        assertThat(alarmLines(c)).as(c.reason()).isEqualTo(1);
        assertThat(c.psi()).as("PSI of the valid cells").isLessThan(0.05);
    }

    @Test
    void aMissingSurgeIsOneLineToo() throws IOException {
        ColumnDrift c = latency(10, "", 1.0);
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).as(c.reason()).startsWith("missing share rose 0.0% -> 10.0% (400 of 4,000 cells today, "
                + "beyond noise); PSI ").contains(" on the valid cells is within sampling noise");
        assertThat(alarmLines(c)).as(c.reason()).isEqualTo(1);
    }

    @Test
    void aRealShiftBesideTheInvalidCellsStillAlarmsOnItsOwnLine() throws IOException {
        // two causes, two lines: the valid values moved (x 1.5) and 5% of the cells broke
        ColumnDrift c = latency(20, "abc", 1.5);
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).as(c.reason()).contains("invalid share rose 0.0% -> 5.0%")
                .containsPattern("PSI [0-9.]+ on the valid cells >= drift band");
        assertThat(alarmLines(c)).as(c.reason()).isEqualTo(2);
    }

    @Test
    void aResampleIsOkAndJudgedOnAllCells() throws IOException {
        ColumnDrift c = latency(0, "", 1.0);
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.OK);
        assertThat(c.reason()).doesNotContain("valid cells");
    }
}
