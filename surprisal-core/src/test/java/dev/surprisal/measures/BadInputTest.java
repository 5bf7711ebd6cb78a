// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every entry point rejects bad input with a message naming the argument and the index or value. */
class BadInputTest {
    private static final double[] OK = {0.5, 0.5};

    private static final List<BiFunction<double[], double[], Object>> PAIRS = List.of(
            (p, q) -> KullbackLeibler.divergence(p, q, Base.NATS),
            (p, q) -> KullbackLeibler.divergence(p, q, Smoothing.laplace(), Base.NATS),
            (p, q) -> KullbackLeibler.explain(p, q, Smoothing.none(), Base.NATS),
            (p, q) -> CrossEntropy.of(p, q, Base.NATS),
            (p, q) -> JensenShannon.distance(p, q, Base.BITS),
            (p, q) -> Hellinger.distance(p, q),
            (p, q) -> TotalVariation.distance(p, q),
            (p, q) -> Renyi.divergence(p, q, 2.0, Base.NATS));

    private static final List<BiFunction<double[], double[], Object>> UNNORMALISED = List.of(
            (p, q) -> KullbackLeibler.ofUnnormalized(p, q, Base.NATS),
            (p, q) -> CrossEntropy.ofUnnormalized(p, q, Base.NATS),
            (p, q) -> JensenShannon.distanceOfUnnormalized(p, q, Base.NATS),
            (p, q) -> KullbackLeibler.contributions(p, q));

    private static void rejects(Executable call, String... fragments) {
        var a = assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class);
        for (String f : fragments) {
            a.hasMessageContaining(f);
        }
    }

    @Test
    void probabilityPairs() {
        for (var f : PAIRS) {
            rejects(() -> f.apply(new double[] {0.5, Double.NaN}, OK), "p[1]: is NaN");
            rejects(() -> f.apply(OK, new double[] {Double.POSITIVE_INFINITY, 0.5}), "q[0]", "Infinity");
            rejects(() -> f.apply(OK, new double[] {Double.NEGATIVE_INFINITY, 0.5}), "q[0]", "-Infinity");
            rejects(() -> f.apply(new double[] {1.2, -0.2}, OK), "p[1]", "negative", "-0.2");
            rejects(() -> f.apply(new double[] {0.5, 0.4}, OK), "p:", "sum to 1", "0.9");
            rejects(() -> f.apply(OK, new double[] {0.2, 0.3, 0.5}), "p and q", "2 vs 3");
            rejects(() -> f.apply(new double[0], OK), "p: is empty");
            rejects(() -> f.apply(OK, new double[] {0.0, 0.0}), "q:");
        }
    }

    @Test
    void unnormalisedPairs() {
        for (var f : UNNORMALISED) {
            rejects(() -> f.apply(new double[] {1, Double.NaN}, OK), "p[1]: is NaN");
            rejects(() -> f.apply(OK, new double[] {-1, 2}), "q[0]", "negative");
            rejects(() -> f.apply(OK, new double[] {Double.POSITIVE_INFINITY, 2}), "q[0]", "Infinity");
            rejects(() -> f.apply(OK, new double[] {1, 2, 3}), "p and q", "2 vs 3");
            rejects(() -> f.apply(new double[0], OK), "p: is empty");
        }
        rejects(() -> KullbackLeibler.ofUnnormalized(new double[] {0, 0}, OK, Base.NATS), "p: total is zero");
    }

    @Test
    void singleDistributions() {
        rejects(() -> Entropy.of(new double[] {0.3, Double.NaN}, Base.BITS), "p[1]: is NaN");
        rejects(() -> Entropy.of(new double[] {0.3, 0.3}, Base.BITS), "p:", "sum to 1");
        rejects(() -> Entropy.of(new double[0], Base.BITS), "p: is empty");
        rejects(() -> Entropy.ofUnnormalized(new double[] {0, 0, 0}, Base.BITS), "weights: total is zero");
        rejects(() -> Entropy.ofUnnormalized(new double[] {1, -3}, Base.BITS), "weights[1]", "-3");
        rejects(() -> Entropy.ofUnnormalized(new double[] {1, Double.NEGATIVE_INFINITY}, Base.BITS), "weights[1]", "-Infinity");
        rejects(() -> Renyi.entropy(new double[] {0.5, Double.NaN}, 2, Base.NATS), "p[1]: is NaN");
        rejects(() -> Renyi.entropy(OK, -1, Base.NATS), "alpha", "-1");
        rejects(() -> Renyi.entropy(OK, Double.NaN, Base.NATS), "alpha", "NaN");
        rejects(() -> Softmax.of(new double[] {1, Double.NaN}, 1.0), "logits[1]", "NaN");
        rejects(() -> Softmax.of(new double[] {1, 2}, 0.0), "temperature", "0.0");
        rejects(() -> Softmax.entropy(new double[0], 1.0, Base.BITS), "logits: is empty");
        rejects(() -> Smoothing.additive(-1), "alpha", "-1");
        rejects(() -> Smoothing.epsilon(Double.NaN), "epsilon", "NaN");
        rejects(() -> Smoothing.parse("laplaze"), "smoothing", "laplaze");
        rejects(() -> dev.surprisal.counts.Counts.of(new long[] {0, 0}), "counts: total count is zero");
        rejects(() -> dev.surprisal.counts.Counts.of(new long[] {3, -1}), "counts[1]", "-1");
        rejects(() -> KullbackLeibler.divergence(dev.surprisal.counts.Counts.of(1, 2),
                dev.surprisal.counts.Counts.of(1, 2, 3), Smoothing.laplace(), Base.NATS), "p and q", "2 vs 3");
        rejects(() -> dev.surprisal.dependence.AverageMethod.parse("median"), "average_method", "median");
    }
}
