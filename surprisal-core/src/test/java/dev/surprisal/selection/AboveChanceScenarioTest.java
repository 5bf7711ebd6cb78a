// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MI above chance of kNN pairs larger than the test's subsample, with known truth: 40,000 rows (the
 * default test uses a seeded 20,000-row subsample), a continuous target y, one weak real predictor
 * ({@code signal} = 0.05·y + N(0, 1), so I = −½ ln(1 − 0.05²/1.0025) ≈ 0.00125 nats) and six columns of
 * pure noise.
 *
 * <p>The defect this guards against: "above chance" was the MI of all 40,000 rows minus the null mean
 * of the 20,000-row subsample. The p-value comes from the subsample, the MI from all rows: two samples
 * of the estimator whose difference is as large as this weak signal. With these seeds the old rule gave
 * the significant real predictor −0.0017 nats above chance (its subsample MI is 0.011 nats, its
 * all-rows MI −0.0016), so a column marked significant showed less information than shuffled data.
 * With the MI and the null mean on the same rows, p ≤ α implies a positive value. (Adjusted for the seven
 * features tested, this weak signal's q-value exceeds 0.05, so the ranking does not mark it; the order of
 * marked and unmarked features is {@link FalseDiscoveryScenarioTest}'s.)
 */
class AboveChanceScenarioTest {
    private static final int N = 40_000;

    @Test
    void aKnnPairSignificantOnItsSubsampleIsAboveChance() {
        SplittableRandom r = new SplittableRandom(5);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextGaussian();
        }
        List<MiVariable> features = new ArrayList<>();
        features.add(MiVariable.continuous("signal", column(2020, 0.05, y), 42, 0));
        for (int j = 0; j < 6; j++) {
            features.add(MiVariable.continuous("noise" + j, column(3000 + j, 0.0, y), 42, j + 1));
        }
        MiOptions options = MiOptions.defaults();
        assertThat(N).isGreaterThan(options.testRows()); // the subsampled test is what is exercised

        List<RankedFeature> ranking = TargetRanking.rank(features, MiVariable.continuous("y", y, 42, 99), options, null);

        RankedFeature signal = ranking.stream().filter(f -> f.feature().equals("signal")).findFirst().orElseThrow();
        assertThat(signal.testRows()).isEqualTo(options.testRows());
        assertThat(signal.pValue()).isLessThanOrEqualTo(options.alpha());
        assertThat(signal.aboveChance()).isPositive();
        // the value is the test's: its observed MI minus its null mean, on the same rows
        assertThat(signal.aboveChance()).isEqualTo(signal.shapeMi() - signal.test().nullMean());
        for (RankedFeature f : ranking) {
            if (f.significant(options.alpha())) {
                assertThat(f.aboveChance()).as(f.feature()).isPositive();
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (RankedFeature f : ranking) {
            if (f == signal) {
                continue;
            }
            min = Math.min(min, f.aboveChance());
            max = Math.max(max, f.aboveChance());
        }
        assertThat(min).as("noise columns scatter around 0").isNegative();
        assertThat(max).as("noise columns scatter around 0").isPositive();
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
