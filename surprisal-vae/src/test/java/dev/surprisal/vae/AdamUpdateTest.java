// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link VaeModel#adamUpdate} against Adam written out in double precision (Kingma and Ba 2015, Algorithm 1). */
class AdamUpdateTest {
    private static final double LR = 1e-3;

    /** With zero moments, bias correction makes the first step exactly lr·g/(|g| + ε): lr against the gradient's sign. */
    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
        float[] w = {0.5f, -0.25f, 2f, 0f};
        float[] g = {3f, -0.001f, 1e-6f, -40f};
        float[] m = new float[4];
        float[] v = new float[4];
        VaeModel.adamUpdate(w, g, m, v, 4, 1, LR);
        assertThat(w[0]).isCloseTo(0.5f - 1e-3f, within(1e-7f));
        assertThat(w[1]).isCloseTo(-0.25f + 1e-3f, within(1e-7f));
        // |g| = 1e-6 is 100 ε: the step is lr · 1e-6 / (1e-6 + 1e-8) = 0.990 lr
        assertThat(w[2]).isCloseTo(2f - 0.990099e-3f, within(1e-6f));
        assertThat(w[3]).isCloseTo(1e-3f, within(1e-7f));
    }

    @Test
    void fiftyStepsMatchDoublePrecisionAdam() {
        int n = 257;
        SplittableRandom rng = new SplittableRandom(5);
        float[] w = new float[n];
        float[] m = new float[n];
        float[] v = new float[n];
        double[] wd = new double[n];
        double[] md = new double[n];
        double[] vd = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = (float) rng.nextDouble(-1, 1);
            wd[j] = w[j];
        }
        for (int t = 1; t <= 50; t++) {
            float[] g = new float[n + 3]; // longer than n: only the first n entries count
            for (int j = 0; j < g.length; j++) {
                g[j] = (float) (rng.nextGaussian() * 0.1 + 0.05);
            }
            VaeModel.adamUpdate(w, g, m, v, n, t, LR);
            for (int j = 0; j < n; j++) {
                md[j] = 0.9 * md[j] + 0.1 * g[j];
                vd[j] = 0.999 * vd[j] + 0.001 * g[j] * g[j];
                double mHat = md[j] / (1 - Math.pow(0.9, t));
                double vHat = vd[j] / (1 - Math.pow(0.999, t));
                wd[j] -= LR * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        for (int j = 0; j < n; j++) {
            assertThat((double) w[j]).as("w[%d]", j).isCloseTo(wd[j], within(2e-6));
            assertThat((double) m[j]).isCloseTo(md[j], within(1e-6));
        }
    }
}
