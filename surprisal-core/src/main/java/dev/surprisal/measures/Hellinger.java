// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

/**
 * Hellinger distance H(P,Q) = sqrt(1 − Σ sqrt(pᵢ qᵢ)) = (1/√2)·‖√P − √Q‖₂ (Hellinger, 1909),
 * in [0, 1]: 0 for equal distributions, 1 for disjoint supports. This is the convention of
 * Wikipedia and of most drift tools; some texts omit the 1/√2, giving values in [0, √2].
 * It is unitless. Computed as sqrt(½ Σ (√pᵢ − √qᵢ)²), which avoids the cancellation in
 * 1 − Σ sqrt(pᵢ qᵢ) when P and Q are close.
 */
public final class Hellinger {
    private Hellinger() {
    }

    /**
     * The Hellinger distance of two probability vectors.
     *
     * @param p a probability vector
     * @param q a probability vector of the same length
     * @return H(P,Q) = sqrt(½ Σ (√pᵢ − √qᵢ)²), dimensionless, in [0, 1]
     */
    public static double distance(double[] p, double[] q) {
        Distributions.pair(p, q);
        double s = 0.0;
        for (int i = 0; i < p.length; i++) {
            double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
            s += d * d;
        }
        return Math.min(1.0, Math.sqrt(s / 2.0));
    }
}
