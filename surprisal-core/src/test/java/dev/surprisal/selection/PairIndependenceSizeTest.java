// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 (review of mi --matrix): the p-value of a discrete pair ({@link MiPair#independence}, the matrix's p and q)
 * keeps its size on small expected counts. Known truth: a 0/1 flag set on 1% of 2,000 rows, independent of a column
 * of 4 values, must be called dependent at p ≤ 0.05 at most 5% of the time. The old rule (the χ² tail whenever the
 * table has 5 rows per cell on average) used the G-test here with expected counts near 5 in the flag's row: 6.5%
 * (simulated over 20,000 tables), past the one-sided 99% Clopper–Pearson bound over 4,000 tables.
 */
class PairIndependenceSizeTest {
    private static final int N = 2_000;
    private static final int TABLES = 4_000;
    private static final double ALPHA = 0.05;

    private static MiPair pair(SplittableRandom r) {
        double[] flag = new double[N];
        double[] plan = new double[N];
        for (int i = 0; i < N; i++) {
            plan[i] = r.nextInt(4);
            flag[i] = r.nextDouble() < 0.01 ? 1 : 0;
        }
        return MiPair.of(MiVariable.discrete("refunded", flag), MiVariable.discrete("plan", plan), 3);
    }

    @Test
    void aRareFlagIndependentOfAFewValuedColumnIsCalledDependentAtMostAlphaOfTheTime() {
        SplittableRandom r = new SplittableRandom(20261202L);
        int calls = 0;
        for (int t = 0; t < TABLES; t++) {
            MiPair p = pair(r);
            calls += p.independence(p.nats(), 42L, "refunded\0plan").pValue() <= ALPHA ? 1 : 0;
        }
        double lower = calls == 0 ? 0.0 : BetaDistribution.of(calls, TABLES - calls + 1.0).inverseCumulativeProbability(0.01);
        assertThat(lower).as("%d of %d tables at p ≤ %.2f", calls, TABLES, ALPHA).isLessThanOrEqualTo(ALPHA);
        assertThat(calls).as("not a test that never rejects").isGreaterThan(TABLES / 50);
    }

    /**
     * mi15: the random tables draw a row of at most 16 rows one row at a time, smallest row first (cheaper, the same
     * law). Its size: a flag on 0.3% of 2,000 rows (about 6) independent of a skewed 12-value column, 1,000 tables.
     */
    @Test
    void aFlagOnAFewRowsAgainstTwelveValuesKeepsItsSize() {
        SplittableRandom r = new SplittableRandom(20261215L);
        int tables = 1_000;
        int calls = 0;
        int randomTables = 0;
        for (int t = 0; t < tables; t++) {
            double[] flag = new double[N];
            double[] source = new double[N];
            for (int i = 0; i < N; i++) {
                source[i] = Math.min(11, (int) Math.floor(-Math.log(r.nextDouble()) * 3)); // skewed, 12 values
                flag[i] = r.nextDouble() < 0.003 ? 1 : 0;
            }
            flag[r.nextInt(N)] = 1; // at least one flagged row: a table of two rows
            MiPair p = MiPair.of(MiVariable.discrete("refunded", flag), MiVariable.discrete("source", source), 3);
            CountedPair.Independence ind = p.independence(p.nats(), 42L, "refunded\0source");
            randomTables += CountedPair.Independence.RANDOM_TABLES.equals(ind.method()) ? 1 : 0;
            calls += ind.pValue() <= ALPHA ? 1 : 0;
        }
        double lower = calls == 0 ? 0.0 : BetaDistribution.of(calls, tables - calls + 1.0).inverseCumulativeProbability(0.01);
        assertThat(randomTables).as("every table has an expected count below 5").isEqualTo(tables);
        assertThat(lower).as("%d of %d tables at p ≤ %.2f", calls, tables, ALPHA).isLessThanOrEqualTo(ALPHA);
        assertThat(calls).as("not a test that never rejects").isGreaterThan(tables / 200);
    }

    @Test
    void aRareFlagSetOnlyOnOneValueIsFoundByTheRandomTables() {
        SplittableRandom r = new SplittableRandom(7L);
        double[] flag = new double[N];
        double[] plan = new double[N];
        long[][] counts = new long[2][4];
        for (int i = 0; i < N; i++) {
            plan[i] = r.nextInt(4);
            flag[i] = plan[i] == 3 && r.nextDouble() < 0.03 ? 1 : 0; // about 15 refunds, all on plan 3
            counts[(int) flag[i]][(int) plan[i]]++;
        }
        MiPair p = MiPair.of(MiVariable.discrete("refunded", flag), MiVariable.discrete("plan", plan), 3);
        CountedPair.Independence ind = CountedPair.independenceP(dev.surprisal.counts.ContingencyTable.of(counts),
                p.nats(), 42L, "refunded\0plan");
        assertThat(ind.test()).isEqualTo(MissingLeak.Test.PERMUTATION);
        assertThat(ind.pValue()).isLessThan(0.001);
        assertThat(p.independence(p.nats(), 42L, "refunded\0plan").pValue()).isEqualTo(ind.pValue());
        // the method a report labels this p with (issue 12: the matrix's header said G-test for it)
        assertThat(p.independence(p.nats(), 42L, "refunded\0plan").method())
                .isEqualTo(CountedPair.Independence.RANDOM_TABLES);
    }

    @Test
    void largeExpectedCountsKeepTheGTestAndOneColumnIsIndependent() {
        assertThat(CountedPair.independenceP(dev.surprisal.counts.ContingencyTable.of(new long[][] {{300, 200},
                {100, 400}}), 0.1, 1L, "a").method()).isEqualTo(CountedPair.Independence.G_TEST);
        assertThat(CountedPair.independenceP(dev.surprisal.counts.ContingencyTable.of(new long[][] {{3}, {4}}), 0.0,
                1L, "a").pValue()).isEqualTo(1.0);
    }

    @Test
    void aLargeSparseTableGetsNoPValueInsteadOfMinutesOfRandomTables() {
        // a postcode of 1,000 levels that determines a city of 300 on 3,000 rows (SparkMiDeterminesTest's shape): 9,999
        // random 1000 x 300 tables took minutes a pair; it gets NaN, as before the random tables, in no time
        long[][] counts = new long[1000][300];
        for (int z = 0; z < 3000; z++) {
            counts[z % 1000][(z % 1000) % 300]++;
        }
        CountedPair.Independence ind = CountedPair.independenceP(dev.surprisal.counts.ContingencyTable.of(counts), 1.5,
                1L, "postcode\0city");
        assertThat(ind.pValue()).isNaN();
        assertThat(ind.method()).isEqualTo(CountedPair.Independence.UNTESTED);
        // a small sparse table (a filled-in flag against a target of 20 values on 60 rows) still gets random tables
        long[][] small = new long[2][20];
        for (int i = 0; i < 60; i++) {
            small[i % 7 == 0 ? 1 : 0][i % 20]++;
        }
        CountedPair.Independence few = CountedPair.independenceP(dev.surprisal.counts.ContingencyTable.of(small), 0.05,
                1L, "gap");
        assertThat(few.test()).isEqualTo(MissingLeak.Test.PERMUTATION);
        assertThat(few.pValue()).isBetween(0.0, 1.0);
    }
}
