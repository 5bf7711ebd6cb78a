// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.inference.PermutationTest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The permutation null of a pair: random tables (plug-in) and shuffles give the same distribution. */
class MiPairNullTest {

    @Test
    void plugInNullFromRandomTablesMatchesTheShuffleNull() {
        int n = 2000;
        SplittableRandom r = new SplittableRandom(5);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4);
            b[i] = r.nextInt(3);
        }
        MiPair pair = MiPair.of(MiVariable.discrete("a", a), MiVariable.discrete("b", b), 3);
        assertThat(pair.estimator()).isEqualTo(dev.surprisal.continuous.MiEstimator.PLUG_IN);
        int draws = 3000;
        double[] tables = new double[draws];
        double[] shuffles = new double[draws];
        SplittableRandom rng = new SplittableRandom(9);
        for (int j = 0; j < draws; j++) {
            tables[j] = pair.natsNull(rng);
            java.util.function.IntUnaryOperator next = rng::nextInt;
            shuffles[j] = pair.natsPaired(PermutationTest.shuffle(n, next));
        }
        // 2n·MI is about χ² with (4 − 1)(3 − 1) = 6 df under the null: mean 6, sd 3.46
        double mt = 2 * n * mean(tables);
        double ms = 2 * n * mean(shuffles);
        assertThat(mt).isBetween(5.6, 6.4);
        assertThat(ms).isBetween(5.6, 6.4);
        assertThat(Math.abs(mt - ms)).isLessThan(0.4); // sd of the difference of the means ≈ 0.09
        assertThat(share(tables, 12.59 / (2.0 * n))).isBetween(0.035, 0.065); // χ²₆ 95th percentile
        assertThat(share(shuffles, 12.59 / (2.0 * n))).isBetween(0.035, 0.065);
    }

    /**
     * Two many-valued label columns whose table would pass the dense limit (3,000 × 2,500 labels): the
     * null is drawn by shuffling rows (the table is never built), not a NullPointerException as before.
     */
    @Test
    void pairsAboveTheDenseLimitDrawTheirNullByShuffling() {
        int n = 6000;
        SplittableRandom r = new SplittableRandom(5);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 3000;
            b[i] = r.nextInt(2500);
        }
        MiPair pair = MiPair.of(MiVariable.discrete("a", a), MiVariable.discrete("b", b), 3);
        assertThat(pair.estimator()).isEqualTo(dev.surprisal.continuous.MiEstimator.PLUG_IN);
        assertThat(3000L * 2500L).isGreaterThan(dev.surprisal.counts.SparseContingencyTable.DENSE_LIMIT);
        double observed = pair.nats();
        double drawn = pair.natsNull(new SplittableRandom(9));
        // independent labels: a re-pairing gives an MI of the same size as the observed one (both mostly
        // the plug-in bias of a 6,000-row table with ~2 rows per label of a), finite and positive
        assertThat(drawn).isFinite().isPositive();
        assertThat(drawn / observed).isBetween(0.9, 1.1);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double share(double[] v, double above) {
        int c = 0;
        for (double x : v) {
            c += x > above ? 1 : 0;
        }
        return c / (double) v.length;
    }
}
