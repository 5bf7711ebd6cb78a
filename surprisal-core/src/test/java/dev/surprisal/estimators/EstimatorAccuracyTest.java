// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** On data with a known true entropy, every bias correction must actually reduce the error. */
class EstimatorAccuracyTest {

    private static double[] zipf(int k) {
        double[] p = new double[k];
        double z = 0;
        for (int i = 0; i < k; i++) {
            p[i] = 1.0 / (i + 1);
            z += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= z;
        }
        return p;
    }

    private static double trueEntropy(double[] p) {
        double h = 0;
        for (double v : p) {
            h -= v * Math.log(v);
        }
        return h;
    }

    private static Counts sample(SharedStateDiscreteSampler sampler, int symbols, int n) {
        long[] c = new long[symbols];
        for (int i = 0; i < n; i++) {
            c[sampler.sample()]++;
        }
        return Counts.of(c);
    }

    /** Mean absolute error of each estimator over {@code reps} samples of size {@code n}. */
    private static Map<String, Double> meanAbsoluteErrors(double[] p, int n, int reps, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        SharedStateDiscreteSampler sampler = AliasMethodDiscreteSampler.of(rng, p);
        double truth = trueEntropy(p);
        Map<String, Double> mae = new LinkedHashMap<>();
        for (int r = 0; r < reps; r++) {
            Counts counts = sample(sampler, p.length, n);
            for (EntropyEstimator e : EntropyEstimators.all()) {
                double err = Math.abs(e.entropy(counts, Base.NATS) - truth);
                mae.merge(e.name(), err / reps, Double::sum);
            }
        }
        return mae;
    }

    @Test
    void everyCorrectionBeatsPlugInOnZipfAtSmallSampleSize() {
        // Zipf p_i ∝ 1/i over 200 symbols, n = 50 draws: most symbols unseen, plug-in far too low.
        Map<String, Double> mae = meanAbsoluteErrors(zipf(200), 50, 500, 20240611L);
        System.out.println("Zipf(200), n=50, 500 reps, MAE in nats: " + mae);
        double plugIn = mae.get("plug-in");
        assertThat(plugIn).isGreaterThan(0.5); // the problem is real at this sample size
        for (Map.Entry<String, Double> e : mae.entrySet()) {
            if (!e.getKey().equals("plug-in")) {
                assertThat(e.getValue()).as(e.getKey() + " MAE vs plug-in " + plugIn).isLessThan(plugIn);
            }
        }
    }

    @Test
    void allEstimatorsAgreeWithTheTruthWhenDataAreAmple() {
        double[] uniform = new double[10];
        java.util.Arrays.fill(uniform, 0.1);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        Counts counts = sample(AliasMethodDiscreteSampler.of(rng, uniform), 10, 1000);
        for (EntropyEstimator e : EntropyEstimators.all()) {
            assertThat(e.entropy(counts, Base.NATS)).as(e.name()).isCloseTo(Math.log(10), within(0.05));
        }
    }
}
