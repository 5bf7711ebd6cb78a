// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;
import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;

/**
 * The James–Stein shrinkage estimator of Hausser and Strimmer: the plug-in entropy of the
 * frequencies shrunk toward the uniform distribution,
 * <pre>
 *   p̂_i  = n_i / N,   t = 1/K
 *   λ*   = (1 − Σ p̂_i²) / ((N − 1) Σ (t − p̂_i)²),   clipped to [0, 1]
 *   p_i^shrink = λ* t + (1 − λ*) p̂_i
 *   Ĥ_JS = −Σ p_i^shrink ln p_i^shrink      (nats)
 * </pre>
 * <b>The target is uniform over {@code counts.size()} categories, zero-count categories
 * included</b>: the histogram's length is taken as the alphabet, so pass a histogram with one slot
 * per possible value (as a fitted binning produces) and the estimate reflects the unseen ones. When
 * the frequencies are already uniform (denominator 0) or N = 1 (no variance estimate), λ* = 1, as
 * in the R package {@code entropy} ({@code freqs.shrink}).
 *
 * <p>Reference: Hausser, J. and Strimmer, K. (2009) "Entropy inference and the James–Stein
 * estimator, with application to nonlinear gene association networks", Journal of Machine
 * Learning Research 10, 1469–1484.
 */
public final class JamesSteinEntropy implements EntropyEstimator {
    /** The single instance; the estimator has no parameters. */
    public static final JamesSteinEntropy INSTANCE = new JamesSteinEntropy();

    private JamesSteinEntropy() {
    }

    @Override
    public double entropy(Counts counts, Base base) {
        Validate.notNull("counts", counts);
        Validate.notNull("base", base);
        int k = counts.size();
        long n = counts.total();
        double target = 1.0 / k;
        double[] p = counts.toProbabilities();
        double lambda = shrinkage(p, n, target);
        double h = 0.0;
        for (double pi : p) {
            double s = lambda * target + (1.0 - lambda) * pi;
            if (s > 0) {
                h -= s * Math.log(s);
            }
        }
        return base.fromNats(Math.max(0.0, h));
    }

    /** The shrinkage intensity λ* of Hausser and Strimmer (2009), eq. (8), clipped to [0, 1]. */
    static double shrinkage(double[] p, long n, double target) {
        if (n <= 1) {
            return 1.0;
        }
        double sumSquares = 0.0;
        double distance = 0.0;
        for (double pi : p) {
            sumSquares += pi * pi;
            double d = target - pi;
            distance += d * d;
        }
        if (distance == 0.0) {
            return 1.0;
        }
        double lambda = (1.0 - sumSquares) / ((n - 1) * distance);
        return Math.min(1.0, Math.max(0.0, lambda));
    }

    @Override
    public String name() {
        return "james-stein";
    }

    @Override
    public String toString() {
        return name();
    }
}
