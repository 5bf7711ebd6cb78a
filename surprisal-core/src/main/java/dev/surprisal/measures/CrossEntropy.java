// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;

/**
 * Cross-entropy H(P,Q) = −Σ pᵢ log qᵢ = H(P) + KL(P‖Q): the mean code length, in the unit of
 * {@code base}, of symbols drawn from P and coded with a code optimal for Q (Cover &amp; Thomas,
 * 2006, "Elements of Information Theory", §5.4). Terms with pᵢ = 0 are 0; the result is +∞
 * when some qᵢ = 0 &lt; pᵢ. Computed in nats, returned in the unit of {@code base}.
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * H(P,Q) of two probability vectors.
     *
     * @param p the true distribution P, a probability vector
     * @param q the model distribution Q, a probability vector of the same length
     * @param base the unit of the result
     * @return H(P,Q) = −Σ pᵢ log qᵢ in the unit of {@code base}; +∞ when qᵢ = 0 &lt; pᵢ
     * @throws IllegalArgumentException on a length mismatch or when either is not a probability vector
     */
    public static double of(double[] p, double[] q, Base base) {
        Distributions.pair(p, q);
        return base.fromNats(nats(p, q));
    }

    /**
     * H(P,Q) after normalising both weight vectors to sum 1.
     *
     * @param p weights of P, finite and ≥ 0, positive total
     * @param q weights of Q, finite and ≥ 0, positive total, same length
     * @param base the unit of the result
     * @return H(P,Q) of the normalised weights in the unit of {@code base}; +∞ when qᵢ = 0 &lt; pᵢ
     */
    public static double ofUnnormalized(double[] p, double[] q, Base base) {
        double[][] pq = Distributions.normalizePair(p, q);
        return base.fromNats(nats(pq[0], pq[1]));
    }

    /**
     * H(P,Q) after the same smoothing of both sides.
     *
     * @param p the true distribution P, a probability vector
     * @param q the model distribution Q, a probability vector of the same length
     * @param smoothing applied to P and Q alike before the cross-entropy
     * @param base the unit of the result
     * @return H(P,Q) of the smoothed distributions in the unit of {@code base}
     */
    public static double of(double[] p, double[] q, Smoothing smoothing, Base base) {
        Distributions.pair(p, q);
        return base.fromNats(nats(smoothing.apply(p), smoothing.apply(q)));
    }

    static double nats(double[] p, double[] q) {
        double h = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                if (q[i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                h -= p[i] * Math.log(q[i]);
            }
        }
        return h;
    }
}
