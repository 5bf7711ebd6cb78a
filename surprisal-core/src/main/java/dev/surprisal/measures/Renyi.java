// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;

/**
 * Rényi entropy and divergence of order α ≥ 0 (Rényi, 1961, "On measures of entropy and
 * information"; van Erven &amp; Harremoës, 2014, "Rényi divergence and Kullback–Leibler divergence").
 *
 * <ul>
 *   <li>H_α(P) = (1/(1−α)) log Σ pᵢ^α; α = 0: log |support| (Hartley); α = 1: Shannon;
 *       α = 2: collision entropy; α = ∞: −log max pᵢ (min-entropy).</li>
 *   <li>D_α(P‖Q) = (1/(α−1)) log Σ pᵢ^α qᵢ^(1−α); α = 0: −log Q(supp P); α = 1: KL(P‖Q);
 *       α = ∞: log max pᵢ/qᵢ. +∞ for α ≥ 1 when some qᵢ = 0 &lt; pᵢ, and for α &lt; 1 when the
 *       supports are disjoint.</li>
 * </ul>
 * Sums are taken in log space (log-sum-exp), so large α does not underflow. Computed in nats,
 * returned in the unit of {@code base}. Pass {@code Double.POSITIVE_INFINITY} for α = ∞.
 */
public final class Renyi {
    private Renyi() {
    }

    /**
     * H_α(P) of a probability vector.
     *
     * @param p a probability vector
     * @param alpha the order α ≥ 0 (1: Shannon, ∞: min-entropy)
     * @param base the unit of the result
     * @return H_α(P) in the unit of {@code base}
     */
    public static double entropy(double[] p, double alpha, Base base) {
        checkAlpha(alpha);
        dev.surprisal.core.Validate.probabilities("p", p);
        return base.fromNats(entropyNats(p, alpha));
    }

    /**
     * D_α(P‖Q) of two probability vectors.
     *
     * @param p the reference distribution P, a probability vector
     * @param q the distribution Q, a probability vector of the same length
     * @param alpha the order α ≥ 0 (1: KL(P‖Q))
     * @param base the unit of the result
     * @return D_α(P‖Q) in the unit of {@code base}, possibly +∞
     */
    public static double divergence(double[] p, double[] q, double alpha, Base base) {
        checkAlpha(alpha);
        Distributions.pair(p, q);
        return base.fromNats(divergenceNats(p, q, alpha));
    }

    static double entropyNats(double[] p, double alpha) {
        if (alpha == 1.0) {
            return Entropy.nats(p);
        }
        if (alpha == 0.0) {
            int k = 0;
            for (double v : p) {
                if (v > 0) {
                    k++;
                }
            }
            return Math.log(k);
        }
        double max = 0.0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        if (alpha == Double.POSITIVE_INFINITY) {
            return -Math.log(max);
        }
        // log Σ p^α = α log max + log Σ (p/max)^α
        double s = 0.0;
        for (double v : p) {
            if (v > 0) {
                s += Math.exp(alpha * Math.log(v / max));
            }
        }
        return Math.max(0.0, (alpha * Math.log(max) + Math.log(s)) / (1.0 - alpha));
    }

    static double divergenceNats(double[] p, double[] q, double alpha) {
        if (alpha == 1.0) {
            return KullbackLeibler.nats(p, q);
        }
        int n = p.length;
        if (alpha >= 1.0) {
            for (int i = 0; i < n; i++) {
                if (p[i] > 0 && q[i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        if (alpha == 0.0) {
            double mass = 0.0;
            for (int i = 0; i < n; i++) {
                if (p[i] > 0) {
                    mass += q[i];
                }
            }
            return mass > 0 ? Math.max(0.0, -Math.log(mass)) : Double.POSITIVE_INFINITY;
        }
        // terms tᵢ = α log pᵢ + (1−α) log qᵢ over pᵢ > 0, qᵢ > 0
        double maxT = Double.NEGATIVE_INFINITY;
        double maxRatio = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0 && q[i] > 0) {
                double lr = Math.log(p[i]) - Math.log(q[i]);
                maxRatio = Math.max(maxRatio, lr);
                maxT = Math.max(maxT, Math.log(q[i]) + alpha * lr);
            }
        }
        if (maxT == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY; // disjoint supports
        }
        if (alpha == Double.POSITIVE_INFINITY) {
            return Math.max(0.0, maxRatio);
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0 && q[i] > 0) {
                double t = Math.log(q[i]) + alpha * (Math.log(p[i]) - Math.log(q[i]));
                s += Math.exp(t - maxT);
            }
        }
        return Math.max(0.0, (maxT + Math.log(s)) / (alpha - 1.0));
    }

    private static void checkAlpha(double alpha) {
        if (Double.isNaN(alpha) || alpha < 0) {
            throw new ValidationException("alpha: must be >= 0 (or +Infinity), got " + alpha);
        }
    }
}
