// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

/**
 * Total variation distance TV(P,Q) = ½ Σ |pᵢ − qᵢ| = max over events A of |P(A) − Q(A)|, in
 * [0, 1] and unitless. By Pinsker's inequality TV ≤ sqrt(KL(P‖Q) / 2) with KL in nats
 * (Tsybakov, 2009, "Introduction to Nonparametric Estimation", Lemma 2.5).
 */
public final class TotalVariation {
    private TotalVariation() {
    }

    /**
     * ½ Σ |pᵢ − qᵢ| of two probability vectors.
     *
     * @param p a probability vector
     * @param q a probability vector of the same length
     * @return ½ Σ |pᵢ − qᵢ|, dimensionless, in [0, 1]
     */
    public static double distance(double[] p, double[] q) {
        Distributions.pair(p, q);
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            s += Math.abs(p[i] - q[i]);
        }
        return Math.min(1.0, s / 2.0);
    }
}
