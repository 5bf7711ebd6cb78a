// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit17 D3: the repeats note advised reading an age rounded to 0.1 year (619 values on 3,000 rows) as discrete,
 * which overstates its MI, and gave the note on pairs where no row repeats ("0 of 3000 rows"). Known truth here:
 * each case's MI is computed exactly from the generating model, and the test measures both readings against it, so
 * the advice it checks is the one the measurement supports.
 */
class RepeatedValuesAdviceTest {
    private static final int N = 3000;

    /** An age-like measurement, uniform on [0, 60) rounded to 0.1: 600 values, each on about 5 of 3,000 rows. */
    private static double[] rounded(SplittableRandom r) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.floor(r.nextDouble() * 600) / 10.0;
        }
        return x;
    }

    /** The 10-year band of x, replaced by a uniform band on 15% of rows. */
    private static double[] bands(double[] x, SplittableRandom r) {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextDouble() < 0.15 ? r.nextInt(6) : Math.floor(x[i] / 10);
        }
        return y;
    }

    /** I(band; x) = ln 6 − H(Y | x), with P(own band | x) = 0.85 + 0.15/6 and 0.025 for each other band. */
    private static double bandsTruth() {
        double own = 0.85 + 0.15 / 6;
        double other = 0.15 / 6;
        return Math.log(6) + own * Math.log(own) + 5 * other * Math.log(other);
    }

    @Test
    void aRoundedMeasurementKeepsTheKnnEstimateAndIsNotAdvisedToBeReadAsDiscrete() {
        SplittableRandom r = new SplittableRandom(17);
        double[] age = rounded(r);
        double[] segment = bands(age, r);
        MiPair asMeasured = MiPair.of(MiVariable.continuous("age", age, 42), MiVariable.discrete("segment", segment), 3);
        double knn = asMeasured.nats();
        double byValue = MiPair.of(MiVariable.discrete("age", age), MiVariable.discrete("segment", segment), 3).nats();
        // the measurement behind the note (seed 17: truth 1.214, Ross 1.184, plug-in by value 1.464 nats)
        assertThat(Math.abs(knn - bandsTruth())).isLessThan(0.05);
        assertThat(byValue - bandsTruth()).isGreaterThan(0.2);
        assertThat(asMeasured.warnings()).anySatisfy(w -> assertThat(w)
                .containsPattern("^\\d+ of 3000 rows \\(\\d+\\.\\d%\\) repeat an earlier row exactly in"
                        + " \\(age, segment\\)")
                .containsPattern("age has 59\\d distinct values \\(more than 20: rounded measurements")
                .contains("breaks these ties with noise", "as scikit-learn's mutual_info_regression does, and stands"));
        assertThat(asMeasured.warnings()).noneSatisfy(w -> assertThat(w).contains("=discrete"));
    }

    @Test
    void noNoteWhereNoRowRepeatsEvenIfOneColumnIsRounded() {
        SplittableRandom r = new SplittableRandom(18);
        double[] age = rounded(r);
        double[] noise = new double[N];
        for (int i = 0; i < N; i++) {
            noise[i] = r.nextGaussian();
        }
        MiPair pair = MiPair.of(MiVariable.continuous("age", age, 42), MiVariable.continuous("noise", noise, 42), 3);
        pair.nats();
        // (age, noise) has no repeated row: the tie noise only orders equal ages, nothing to note
        assertThat(pair.warnings()).noneSatisfy(w -> assertThat(w).contains("repeat an earlier"));
    }

    @Test
    void fewValuesAreBetterReadAsDiscreteByMeasurement() {
        double truth = fewTruth();
        double knnSquares = 0;
        double byValueSquares = 0;
        MiPair first = null;
        for (int s = 0; s < 10; s++) {
            double[][] xy = few(new SplittableRandom(100 + s));
            MiPair p = MiPair.of(MiVariable.continuous("x", xy[0], 42), MiVariable.continuous("y", xy[1], 42), 3);
            double knn = p.nats();
            double byValue = MiPair.of(MiVariable.discrete("x", xy[0]), MiVariable.discrete("y", xy[1]), 3).nats();
            knnSquares += (knn - truth) * (knn - truth);
            byValueSquares += (byValue - truth) * (byValue - truth);
            first = first == null ? p : first;
        }
        // the measurement behind the advice: root-mean-square error 0.016 nats (kNN on tied points) against 0.010
        assertThat(byValueSquares).isLessThan(0.6 * knnSquares);
        assertThat(first.warnings()).anySatisfy(w -> assertThat(w)
                .contains("x and y have only 5 and 5 distinct values (at most 20: the role rule")
                .contains("--role x=discrete and --role y=discrete"));
    }

    private static final double[] PX = {0.1, 0.2, 0.4, 0.2, 0.1};
    private static final double[] PE = {0.49, 0.42, 0.09};

    private static double[][] few(SplittableRandom r) {
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double u = r.nextDouble();
            int v = 0;
            while (u > PX[v] && v < 4) {
                u -= PX[v];
                v++;
            }
            int e = (r.nextDouble() < 0.3 ? 1 : 0) + (r.nextDouble() < 0.3 ? 1 : 0);
            x[i] = v;
            y[i] = (v + e) % 5;
        }
        return new double[][] {x, y};
    }

    private static double fewTruth() {
        double[][] joint = new double[5][5];
        double[] py = new double[5];
        for (int v = 0; v < 5; v++) {
            for (int e = 0; e < 3; e++) {
                joint[v][(v + e) % 5] += PX[v] * PE[e];
                py[(v + e) % 5] += PX[v] * PE[e];
            }
        }
        double mi = 0;
        for (int v = 0; v < 5; v++) {
            for (int w = 0; w < 5; w++) {
                if (joint[v][w] > 0) {
                    mi += joint[v][w] * Math.log(joint[v][w] / (PX[v] * py[w]));
                }
            }
        }
        return mi;
    }
}
