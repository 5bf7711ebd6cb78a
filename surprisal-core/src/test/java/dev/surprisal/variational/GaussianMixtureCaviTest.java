// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureCaviTest {

    static double[] sample(long seed, double[] centres, int perCentre) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[centres.length * perCentre];
        for (int i = 0; i < x.length; i++) {
            x[i] = centres[i % centres.length] + GaussianKlTest.gaussian(rng);
        }
        return x;
    }

    @Test
    void elboNeverDecreases() {
        for (long seed = 0; seed < 20; seed++) {
            double[] x = sample(seed, new double[] {-4, 0.5, 5}, 100);
            double[] trace = GaussianMixtureCavi.of(3, 10).withSeed(seed).fit(x).elboTrace();
            assertThat(trace.length).isGreaterThan(1);
            for (int i = 1; i < trace.length; i++) {
                assertThat(trace[i]).as("seed %d iteration %d", seed, i)
                        .isGreaterThanOrEqualTo(trace[i - 1] - 1e-9 * Math.abs(trace[i - 1]));
            }
        }
    }

    @Test
    void recoversWellSeparatedMeans() {
        double[] x = sample(1, new double[] {-6, 0, 6}, 300);
        GaussianMixtureCavi.Result best = null;
        for (long seed = 0; seed < 5; seed++) { // CAVI finds a local optimum: keep the best restart
            GaussianMixtureCavi.Result r = GaussianMixtureCavi.of(3, 100).withSeed(seed).fit(x);
            if (best == null || r.elbo() > best.elbo()) {
                best = r;
            }
        }
        double[] m = best.means();
        Arrays.sort(m);
        assertThat(m[0]).isCloseTo(-6, within(0.2));
        assertThat(m[1]).isCloseTo(0, within(0.2));
        assertThat(m[2]).isCloseTo(6, within(0.2));
        // posterior variance of each mean ≈ 1 / (1/σ² + n_k)
        assertThat(best.variances()[0]).isCloseTo(1.0 / 300, within(2e-4));
    }
}
