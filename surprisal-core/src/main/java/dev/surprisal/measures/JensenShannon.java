// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;

/**
 * Jensen–Shannon divergence JSD(P,Q) = ½ KL(P‖M) + ½ KL(Q‖M) with M = ½(P + Q) (Lin, 1991,
 * "Divergence measures based on the Shannon entropy"). It is symmetric, always finite, and at most
 * log 2 (1 bit). Its square root is a metric, the Jensen–Shannon distance (Endres &amp; Schindelin,
 * 2003), which is what {@code scipy.spatial.distance.jensenshannon(p, q, base)} returns.
 * Computed in nats, returned in the unit of {@code base} (the distance is the square root of the
 * divergence in that unit, as in scipy).
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /**
     * JSD(P,Q) of two probability vectors.
     *
     * @param p a probability vector
     * @param q a probability vector of the same length
     * @param base the unit of the result
     * @return JSD(P,Q) in the unit of {@code base}, between 0 and log_base 2
     */
    public static double divergence(double[] p, double[] q, Base base) {
        Distributions.pair(p, q);
        return base.fromNats(nats(p, q));
    }

    /**
     * sqrt(JSD(P,Q)) with JSD in the unit of {@code base}.
     *
     * @param p a probability vector
     * @param q a probability vector of the same length
     * @param base the unit of the JSD under the root
     * @return sqrt(JSD(P,Q)), a metric
     */
    public static double distance(double[] p, double[] q, Base base) {
        return Math.sqrt(divergence(p, q, base));
    }

    /**
     * JSD after normalising both weight vectors to sum 1.
     *
     * @param p weights of P, finite and ≥ 0, positive total
     * @param q weights of Q, finite and ≥ 0, positive total, same length
     * @param base the unit of the result
     * @return JSD of the normalised weights in the unit of {@code base}
     */
    public static double divergenceOfUnnormalized(double[] p, double[] q, Base base) {
        double[][] pq = Distributions.normalizePair(p, q);
        return base.fromNats(nats(pq[0], pq[1]));
    }

    /**
     * The distance after normalising both weight vectors: {@code scipy.spatial.distance.jensenshannon}.
     *
     * @param p weights of P, finite and ≥ 0, positive total
     * @param q weights of Q, finite and ≥ 0, positive total, same length
     * @param base the unit of the JSD under the root
     * @return sqrt(JSD) of the normalised weights
     */
    public static double distanceOfUnnormalized(double[] p, double[] q, Base base) {
        return Math.sqrt(divergenceOfUnnormalized(p, q, base));
    }

    static double nats(double[] p, double[] q) {
        double left = 0.0;
        double right = 0.0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            if (p[i] > 0) {
                left += Distributions.relEntr(p[i], m);
            }
            if (q[i] > 0) {
                right += Distributions.relEntr(q[i], m);
            }
        }
        return Math.max(0.0, (left + right) / 2.0);
    }
}
