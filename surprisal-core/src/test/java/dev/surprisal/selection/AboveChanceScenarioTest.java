// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MI above chance of kNN pairs larger than the test's subsample, with known truth: 160,000 rows (the
 * default test draws its null on a seeded 20,000-row subsample), a continuous target y, one real
 * predictor ({@code signal} = 0.1·y + N(0, 1), so I = −½ ln(1 − 0.1²/1.01) ≈ 0.00498 nats) and ten
 * columns of pure noise (I = 0).
 *
 * <p>The defect this guards against: "above chance" was the MI of the 20,000-row subsample minus its
 * null mean, shown beside the MI of all rows. The subsample's MI scatters about √8 times more than the
 * MI of 160,000 rows, so a noise column could show several times its own MI "above chance" (at 10⁶
 * rows: 0.0104 bits above chance for an MI of 0.0003 bits). Now the value is the MI of every row minus
 * the null mean, so the two columns differ by the null mean exactly, and the value is as close to the
 * truth as the MI of every row. With the old rule, the noise columns' values scatter with the
 * subsample's spread (root mean square 0.0068 nats here) and the bounds below fail.
 */
class AboveChanceScenarioTest {
    private static final int N = 160_000;
    private static final int NOISE = 10;
    private static final double TRUE_SIGNAL = -0.5 * Math.log1p(-0.01 / 1.01);

    @Test
    void aboveChanceIsTheMiOfEveryRowMinusTheNullMean() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextGaussian();
        }
        List<MiVariable> features = new ArrayList<>();
        features.add(MiVariable.continuous("signal", column(2020, 0.1, y), 42));
        for (int j = 0; j < NOISE; j++) {
            features.add(MiVariable.continuous("noise" + j, column(3000 + j, 0.0, y), 42));
        }
        MiOptions options = MiOptions.defaults();
        assertThat(N).isGreaterThanOrEqualTo(8 * options.testRows()); // the subsampled test is what is exercised

        List<RankedFeature> ranking = TargetRanking.rank(features, MiVariable.continuous("y", y, 42), options, null);

        double squares = 0.0;
        for (RankedFeature f : ranking) {
            assertThat(f.testRows()).isEqualTo(options.testRows());
            // coherent with the MI column: they differ by the null mean, which is near 0 for KSG
            assertThat(f.aboveChance()).as(f.feature()).isEqualTo(f.mi() - f.test().nullMean());
            // the null mean is 0 up to its Monte-Carlo error (L permutations of a spread nullSd)
            double monteCarlo = 4 * f.test().nullSd() / Math.sqrt(f.test().permutations());
            assertThat(Math.abs(f.test().nullMean())).as(f.feature() + " null mean").isLessThan(monteCarlo);
            assertThat(f.aboveChance()).as(f.feature() + " never far above its own MI").isLessThan(f.mi() + monteCarlo);
            if (f.feature().startsWith("noise")) {
                squares += f.aboveChance() * f.aboveChance();
            }
        }
        // known truth: I = 0 for the noise columns. Here 0.0024 nats (KSG's spread at 160,000 rows plus the
        // null mean's Monte-Carlo error); the old rule gave 0.0068 on these seeds (noise0: 0.012 above chance
        // for an MI of 0.0021 on every row)
        double rms = Math.sqrt(squares / NOISE);
        assertThat(rms).as("root mean square of the noise columns' values above chance").isLessThan(0.0035);
        RankedFeature signal = ranking.stream().filter(f -> f.feature().equals("signal")).findFirst().orElseThrow();
        assertThat(signal.aboveChance()).as("signal, true I = " + TRUE_SIGNAL).isCloseTo(TRUE_SIGNAL, within(0.004));
    }

    private static double[] column(long seed, double slope, double[] y) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = slope * y[i] + r.nextGaussian();
        }
        return x;
    }
}
