// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 (review13c): {@link MissingLeak} on tiny counts. Known truth: a column missing on a few random rows,
 * independent of the target, must be called a leak at most α of the time. With one missing cell in 200 rows and a
 * 0/1 target that is 1 on 10% of them, the G-test's χ² tail is liberal: the cell falls on a 1 one time in ten, and
 * then G ≈ 2·ln 10 = 4.6, p ≈ 0.03 (exact size of the G-test here: 9.7%, summed over the hypergeometric law). The size is checked with a one-sided 99%
 * Clopper–Pearson bound over 400 seeds, in memory through the library; the power on the same small counts with a
 * real leak is checked too, so that a test which never says "leak" cannot pass.
 */
class MissingLeakSizeTest {
    private static final int N = 200;
    private static final int SEEDS = 400;
    private static final double ALPHA = 0.05;

    /** The target: 0/1, 1 on 10% of the rows; {@code gaps} rows missing at random in the column. */
    private static List<MiVariable> nullCase(long seed, int gaps) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[N];
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            double u = r.nextDouble();
            y[i] = u < 0.1 ? 1 : 0;
            x[i] = r.nextInt(10);
        }
        for (int g = 0; g < gaps; g++) {
            int i;
            do {
                i = r.nextInt(N);
            } while (Double.isNaN(x[i]));
            x[i] = Double.NaN;
        }
        return List.of(MiVariable.discrete("referral_code", x), MiVariable.discrete("churned", y));
    }

    private static boolean leak(List<MiVariable> c, MiOptions o) {
        return !MissingLeak.find(List.of(c.get(0).filledIn()), Map.of(), c.get(1), o).isEmpty();
    }

    /** The one-sided 99% Clopper–Pearson lower bound of a rate of {@code x} in {@code n}. */
    private static double lowerBound(int x, int n) {
        return x == 0 ? 0.0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(0.01);
    }

    @Test
    void aFewCellsMissingAtRandomAreCalledALeakAtMostAlphaOfTheTime() {
        MiOptions o = MiOptions.defaults();
        int calls = 0;
        for (int s = 0; s < SEEDS; s++) {
            calls += leak(nullCase(1000 + s, 1), o) ? 1 : 0;
        }
        // was: the G-test, 39 of 400 seeds
        assertThat(lowerBound(calls, SEEDS)).as("%d of %d seeds called a leak", calls, SEEDS).isLessThanOrEqualTo(ALPHA);
    }

    @Test
    void aFewCellsMissingOnlyWhereTheTargetIsOneAreALeakByThePermutationTest() {
        // 5 of the ~20 rows where churned = 1 are empty, no other row: the table test finds it
        int found = 0;
        for (int s = 0; s < 20; s++) {
            List<MiVariable> c = nullCase(5000 + s, 0);
            double[] x = new double[N];
            int gaps = 0;
            for (int i = 0; i < N; i++) {
                boolean rare = c.get(1).value(i) == 1;
                x[i] = rare && gaps < 5 ? Double.NaN : c.get(0).value(i);
                gaps += rare && gaps < 5 ? 1 : 0;
            }
            List<MissingLeak.Finding> f = MissingLeak.find(List.of(MiVariable.discrete("referral_code", x).filledIn()),
                    Map.of(), c.get(1), MiOptions.defaults());
            if (!f.isEmpty()) {
                found++;
                assertThat(f.get(0).test()).isEqualTo(MissingLeak.Test.PERMUTATION);
                assertThat(f.get(0).sentence()).contains("permutation test of the table p = ")
                        .contains("it is empty only when churned = 1")
                        .doesNotContain("G-test");
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(15);
    }

    @Test
    void largeExpectedCountsKeepTheGTest() {
        SplittableRandom r = new SplittableRandom(7);
        double[] y = new double[2000];
        double[] x = new double[2000];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(2);
            x[i] = r.nextDouble() < (y[i] == 1 ? 0.4 : 0.1) ? Double.NaN : r.nextInt(5);
        }
        List<MissingLeak.Finding> f = MissingLeak.find(List.of(MiVariable.discrete("discount", x).filledIn()),
                Map.of(), MiVariable.discrete("churned", y), MiOptions.defaults());
        assertThat(f).singleElement().satisfies(g -> {
            assertThat(g.test()).isEqualTo(MissingLeak.Test.G_TEST);
            assertThat(g.sentence()).contains("G-test p = ").contains("above chance");
        });
    }

    /** A continuous target: whether the column is filled in is tested by the two samples' distributions. */
    @Test
    void aContinuousTargetIsTestedByKolmogorovSmirnovWithItsSizeAndPower() {
        int calls = 0;
        for (int s = 0; s < 200; s++) {
            SplittableRandom r = new SplittableRandom(9000 + s);
            double[] y = new double[N];
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                y[i] = 50 + 20 * r.nextGaussian();
                x[i] = r.nextDouble() < 0.03 ? Double.NaN : r.nextInt(4);
            }
            calls += MissingLeak.find(List.of(MiVariable.discrete("coupon", x).filledIn()), Map.of(),
                    MiVariable.continuous("order_value", y, 42L), MiOptions.defaults()).isEmpty() ? 0 : 1;
        }
        assertThat(lowerBound(calls, 200)).as("%d of 200", calls).isLessThanOrEqualTo(ALPHA);

        SplittableRandom r = new SplittableRandom(11);
        double[] y = new double[N];
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = 50 + 20 * r.nextGaussian();
            x[i] = y[i] > 70 ? Double.NaN : r.nextInt(4); // empty exactly on the large orders
        }
        List<MissingLeak.Finding> f = MissingLeak.find(List.of(MiVariable.discrete("coupon", x).filledIn()), Map.of(),
                MiVariable.continuous("order_value", y, 42L), MiOptions.defaults());
        assertThat(f).singleElement().satisfies(g -> {
            assertThat(g.test()).isEqualTo(MissingLeak.Test.KOLMOGOROV_SMIRNOV);
            assertThat(g.miNats()).isGreaterThan(0.1);
            assertThat(g.chanceNats()).isNaN();
            assertThat(g.sentence()).contains("Kolmogorov-Smirnov test p = ").contains("Ross estimate")
                    .contains("order_value's values differ between the rows where coupon is filled in and where it"
                            + " is empty");
        });
    }
}
