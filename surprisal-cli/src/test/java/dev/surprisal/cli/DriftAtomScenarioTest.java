// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code surprisal drift compare} on a zero-inflated amount (80% exact zeros, the rest lognormal(3.5, 1)
 * in cents) and a true/false flag, 5,000 rows a day, with known truth: the non-zero amounts × e^0.25
 * (0.25 log-sd), the zero share 80% → 70%, the flag re-spelled, and resampled days with no change.
 * Before the atoms had their own bin, the quantile edges below the 80th percentile were all 0 and merged
 * (6 bins) and the shifted days were OK.
 */
class DriftAtomScenarioTest {
    private static final int ROWS = 5_000;

    @TempDir
    static Path dir;

    private static Path reference;

    @BeforeAll
    static void write() {
        reference = day("reference", 1000, 0.8, 0, "true", "false");
    }

    /** A day: amount (a share {@code zero} of exact zeros, the rest lognormal × e^shift), flag (30% true). */
    private static Path day(String name, long seed, double zero, double shift, String yes, String no) {
        return day(name, seed, zero, shift, yes, no, 0.3);
    }

    private static Path day(String name, long seed, double zero, double shift, String yes, String no, double yesShare) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,flag,latency_ms\n");
        for (int i = 0; i < ROWS; i++) {
            double amount = r.nextDouble() < zero ? 0 : Math.exp(3.5 + r.nextGaussian() + shift);
            b.append(String.format(Locale.ROOT, "%.2f,%s,%.1f%n", amount, r.nextDouble() < yesShare ? yes : no,
                    20 + 5 * r.nextGaussian()));
        }
        Path f = dir.resolve(name + ".csv");
        try {
            return Files.writeString(f, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cli compare(Path day, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "drift";
        args[1] = "compare";
        args[2] = reference.toString();
        args[3] = day.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    /** The verdict on the table's row of a column: its last cell. */
    private static String verdict(Cli r, String column) {
        String row = r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
        return row.substring(row.lastIndexOf(' ') + 1);
    }

    /**
     * The non-zero part is 1,000 of the 5,000 rows, so a 0.25 log-sd shift is as visible as it is in an
     * ordinary column of about 1,000 rows: most days, not all (the audit's 30 days: 26 alarm after,
     * 1 before).
     */
    @Test
    void nonZeroAmountsShiftedAQuarterLogSdAlarmOnMostDays() {
        int alarmed = 0;
        StringBuilder seen = new StringBuilder();
        for (long seed = 1; seed <= 8; seed++) {
            Cli r = compare(day("shift" + seed, 3000 + seed, 0.8, 0.25, "true", "false"));
            String v = verdict(r, "amount");
            alarmed += v.equals("WARN") || v.equals("DRIFT") ? 1 : 0;
            seen.append(v).append(' ');
            assertThat(verdict(r, "flag")).as(r.out()).isEqualTo("OK");
        }
        assertThat(alarmed).as(seen.toString()).isGreaterThanOrEqualTo(5);
        // a 0.5 log-sd rise alarms every day, as a 0.5 sd shift does in an ordinary column of 1,000 rows
        for (long seed = 1; seed <= 3; seed++) {
            Cli r = compare(day("shifthalf" + seed, 3100 + seed, 0.8, 0.5, "true", "false"));
            assertThat(verdict(r, "amount")).as(r.out()).isIn("WARN", "DRIFT");
        }
    }

    @Test
    void resampledDaysAreOk() {
        for (long seed = 1; seed <= 5; seed++) {
            Cli r = compare(day("same" + seed, 2000 + seed, 0.8, 0, "true", "false"), "--fail-on", "warn");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
        }
    }

    @Test
    void aZeroShareDropIsNamedByItsValueInSharePoints() {
        Cli r = compare(day("zero70", 4000, 0.7, 0, "true", "false"), "--explain");
        assertThat(verdict(r, "amount")).as(r.out()).isIn("WARN", "DRIFT");
        // before: "The bin that moved most is [60.90, 1700]: reference 5.0%, today 8.3%" (ranked by PSI term)
        assertThat(r.out()).as(r.out()).containsPattern(
                "The share of 0 moved most: [78][0-9]\\.[0-9]% → [67][0-9]\\.[0-9]% of rows \\(reference → today, "
                        + "-[0-9.]+ percentage points\\)");
    }

    @Test
    void aRespelledFlagSaysSo() {
        for (String[] spelling : new String[][] {{"yes", "no"}, {"Y", "N"}, {"1", "0"}}) {
            Cli r = compare(day("flag" + spelling[0], 5000, 0.8, 0, spelling[0], spelling[1]));
            assertThat(r.code()).as(r.out()).isEqualTo(ExitCode.ALARM);
            assertThat(r.out()).as(r.out()).contains("2 values replaced by 2 new values in the same proportions: "
                    + "a re-spelled column? e.g. \"false\" ").contains("→ \"" + spelling[1] + "\"");
        }
        // two new values in other proportions (50/50, not 30/70) get no such hint
        Cli other = compare(day("flagother", 5001, 0.8, 0, "yes", "no", 0.5));
        assertThat(other.code()).isEqualTo(ExitCode.ALARM);
        assertThat(other.out()).as(other.out()).doesNotContain("re-spelled");
    }
}
