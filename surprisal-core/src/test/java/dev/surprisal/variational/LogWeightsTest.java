// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogWeightsTest {

    @Test
    void logSumExpDoesNotOverflowOrUnderflow() {
        assertThat(LogWeights.logSumExp(new double[] {1000, 1000})).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogWeights.logMeanExp(new double[] {-1000, -1000, -1000})).isCloseTo(-1000, within(1e-12));
        assertThat(LogWeights.logSumExp(new double[] {Double.NEGATIVE_INFINITY, 0})).isEqualTo(0.0);
        assertThatThrownBy(() -> LogWeights.logSumExp(new double[] {0, Double.NaN})).hasMessageContaining("logWeights[1]");
    }

    @Test
    void iwaeOneIsTheElbo() {
        double[] w = {-3, -1, -2.5, -7};
        assertThat(LogWeights.iwae(w, 1)).isCloseTo(LogWeights.elbo(w), within(1e-15));
        assertThat(LogWeights.iwae(w, 4)).isCloseTo(LogWeights.logMeanExp(w), within(1e-15));
    }

    /**
     * With log w ~ N(μ, τ²) the evidence is log E[w] = μ + τ²/2, exactly. Averaged over seeds,
     * IWAE-k climbs with k and stays below it (Burda et al. 2016, theorem 1).
     */
    @Test
    void iwaeIsNonDecreasingInKInExpectationAndBelowTheEvidence() {
        double mu = -5;
        double tau = 1.5;
        double evidence = mu + tau * tau / 2;
        int[] ks = {1, 2, 5, 10, 50};
        double[] mean = new double[ks.length];
        int seeds = 200;
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] lw = new double[500];
            for (int i = 0; i < lw.length; i++) {
                lw[i] = mu + tau * GaussianKlTest.gaussian(rng);
            }
            for (int j = 0; j < ks.length; j++) {
                mean[j] += LogWeights.iwae(lw, ks[j]) / seeds;
            }
        }
        for (int j = 1; j < ks.length; j++) {
            assertThat(mean[j]).isGreaterThan(mean[j - 1]);
        }
        assertThat(mean[0]).isCloseTo(mu, within(0.02));
        assertThat(mean[ks.length - 1]).isLessThan(evidence);
    }
}
