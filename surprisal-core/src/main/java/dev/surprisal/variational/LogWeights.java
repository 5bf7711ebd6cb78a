// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.ValidationException;

/**
 * Stable reductions of log-weights, and the two Monte Carlo bounds on log p(x) built from them.
 *
 * <p>With importance weights w_i = p(x, z_i)/q(z_i|x), z_i ~ q:
 * <ul>
 * <li>ELBO = E[log w] (Jordan et al. 1999, <i>An Introduction to Variational Methods for Graphical Models</i>);</li>
 * <li>IWAE-k = E[log (1/k) Σ_{i≤k} w_i] (Burda, Grosse and Salakhutdinov 2016, <i>Importance Weighted
 * Autoencoders</i>), with ELBO = IWAE-1 ≤ IWAE-k ≤ IWAE-(k+1) ≤ log p(x) in expectation.</li>
 * </ul>
 * All values are in nats.
 */
public final class LogWeights {
    private LogWeights() {
    }

    /**
     * {@code log Σ exp(a_i)}, shifted by the maximum so that nothing overflows; −∞ if all a_i = −∞.
     *
     * @param a the values aᵢ, none NaN or +∞
     * @return log Σ exp(aᵢ)
     */
    public static double logSumExp(double[] a) {
        return logSumExp(a, 0, checked("logWeights", a).length);
    }

    /**
     * {@code log Σ_{i in [from, to)} exp(a_i)}.
     *
     * @param a the values aᵢ
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return log Σ exp(aᵢ) over [from, to)
     */
    public static double logSumExp(double[] a, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, a[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Math.exp(a[i] - max);
        }
        return max + Math.log(s);
    }

    /**
     * {@code log (1/n) Σ exp(a_i)}.
     *
     * @param a the values aᵢ, at least one
     * @return log (1/n) Σ exp(aᵢ)
     */
    public static double logMeanExp(double[] a) {
        return logSumExp(a) - Math.log(a.length);
    }

    /**
     * The ELBO estimate: the mean of the log-weights.
     *
     * @param logWeights log p(x, zᵢ) − log q(zᵢ) of samples zᵢ ~ q, at least one
     * @return their mean, in nats
     */
    public static double elbo(double[] logWeights) {
        checked("logWeights", logWeights);
        double s = 0;
        for (double v : logWeights) {
            s += v;
        }
        return s / logWeights.length;
    }

    /**
     * The IWAE-k estimate: the log-weights are split into ⌊n/k⌋ consecutive groups of k, and the
     * mean over groups of {@code logMeanExp(group)} is returned.
     *
     * @param logWeights log p(x, zᵢ) − log q(zᵢ) of samples zᵢ ~ q
     * @param k the group size, ≥ 1
     * @return the IWAE-k estimate, in nats
     * @throws IllegalArgumentException if k &lt; 1 or fewer than k log-weights are given
     */
    public static double iwae(double[] logWeights, int k) {
        checked("logWeights", logWeights);
        if (k < 1) {
            throw new ValidationException("k: must be >= 1, got " + k);
        }
        int groups = logWeights.length / k;
        if (groups == 0) {
            throw new ValidationException("k: " + k + " exceeds the number of log-weights ("
                    + logWeights.length + ")");
        }
        double s = 0;
        for (int g = 0; g < groups; g++) {
            s += logSumExp(logWeights, g * k, (g + 1) * k) - Math.log(k);
        }
        return s / groups;
    }

    private static double[] checked(String name, double[] a) {
        if (a == null || a.length == 0) {
            throw new ValidationException(name + ": is empty");
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || a[i] == Double.POSITIVE_INFINITY) {
                throw new ValidationException(name + "[" + i + "]: is " + a[i]);
            }
        }
        return a;
    }
}
