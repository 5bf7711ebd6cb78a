// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Repeated values are one cause, and the kNN estimators say so in one sentence (issue 9 of cost11): a table loaded
 * three times makes every point repeat and gives every point a k-th neighbour at distance 0 (k = 2), which used to
 * read as two warnings, a "duplicate" one and a "tie" one, for the same rows.
 */
class RepeatWarningTest {
    private static final int N = 300;

    private static double[][] loadedThreeTimes() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[3 * N];
        double[] y = new double[3 * N];
        for (int i = 0; i < N; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            for (int copy = 0; copy < 3; copy++) {
                x[copy * N + i] = a;
                y[copy * N + i] = b;
            }
        }
        return new double[][] {x, y};
    }

    @Test
    void ksgOnTripledRecordsWarnsOnceWithTheRepeatsAndTheZeroDistances() {
        double[][] xy = loadedThreeTimes();
        KnnEstimate e = KraskovMutualInformation.estimate(xy[0], xy[1], 2, KraskovMutualInformation.Algorithm.KSG1,
                Base.NATS);
        assertThat(e.warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("600 of 900 points (66.7%) repeat an earlier point exactly in (x, y), and 900 (100.0%) have"
                        + " at least k copies (k-th neighbour distance 0), so this continuous estimator is biased;")
                .contains("DistinctRows.of(...).pick(...)"));
    }

    @Test
    void rossOnTripledRecordsWarnsOnceBesideTheLabelsSeenOnce() {
        double[][] xy = loadedThreeTimes();
        int[] labels = new int[3 * N + 1];
        double[] c = java.util.Arrays.copyOf(xy[0], 3 * N + 1);
        for (int i = 0; i < 3 * N; i++) {
            labels[i] = xy[1][i] > 0 ? 1 : 0;
        }
        labels[3 * N] = 5; // a label seen once: left out, its own note
        c[3 * N] = 9.5;
        KnnEstimate e = RossMutualInformation.estimate(c, labels, 2, Base.NATS);
        assertThat(e.warnings()).hasSize(2);
        assertThat(e.warnings().get(0)).isEqualTo("1 points whose label occurs only once were left out (as scikit-learn does)");
        assertThat(e.warnings().get(1)).startsWith("600 of 901 points (66.6%) repeat an earlier point exactly in"
                + " (c, label), and 900 (100.0%) have at least k copies");
    }

    @Test
    void ksgOnRepeatsTooFewForZeroDistancesNamesOnlyTheRepeats() {
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
        }
        x[1] = x[0]; // one copy: with k = 3 no point has 3 copies
        y[1] = y[0];
        KnnEstimate e = KraskovMutualInformation.estimate(x, y);
        assertThat(e.warnings()).singleElement().satisfies(w -> assertThat(w)
                .startsWith("1 of 300 points (0.3%) repeat an earlier point exactly in (x, y); a nearest-neighbour"));
    }

    @Test
    void distinctPointsGiveNoWarning() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = r.doubles(N).toArray();
        double[] y = r.doubles(N).toArray();
        assertThat(KraskovMutualInformation.estimate(x, y).warnings()).isEmpty();
    }

    @Test
    void aLabelColumnIsItsCodesAsNumbers() {
        assertThat(DistinctRows.labelColumn(new int[] {3, -1, Integer.MAX_VALUE, 3}))
                .containsExactly(3.0, -1.0, 2147483647.0, 3.0);
        assertThat(DistinctRows.of(DistinctRows.labelColumn(new int[] {3, -1, 3})).repeats()).isEqualTo(1);
    }
}
