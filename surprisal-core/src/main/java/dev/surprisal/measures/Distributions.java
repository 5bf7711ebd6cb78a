// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

/** Checks and conversions shared by the measures of this package. */
final class Distributions {
    private Distributions() {
    }

    /**
     * Weights divided by their sum, after checking they are finite, non-negative and not all zero.
     * The weights are first scaled by their maximum, so that finite weights whose plain sum would
     * overflow (two counts of 1e308) still normalise: Σ(wᵢ/max) ≤ n never overflows.
     */
    static double[] normalize(String name, double[] w) {
        Validate.nonNegativeFinite(name, w);
        double max = 0.0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            throw new ValidationException(name + ": total is zero (all " + w.length + " entries are 0)");
        }
        double sum = 0.0;
        for (double v : w) {
            sum += v / max;
        }
        double[] p = new double[w.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (w[i] / max) / sum;
        }
        return p;
    }

    /** Checks two probability vectors of the same length. */
    static void pair(double[] p, double[] q) {
        Validate.probabilities("p", p);
        Validate.probabilities("q", q);
        Validate.sameLength("p", p.length, "q", q.length);
    }

    /** Checks two unnormalised weight vectors of the same length and returns both normalised. */
    static double[][] normalizePair(double[] p, double[] q) {
        double[] pn = normalize("p", p);
        double[] qn = normalize("q", q);
        Validate.sameLength("p", p.length, "q", q.length);
        return new double[][] {pn, qn};
    }

    /**
     * p·log(p/q) for p &gt; 0, q &gt; 0 (the form scipy.special.rel_entr uses), falling back to
     * p·(log p − log q) when the ratio over- or underflows (p and q near the ends of the double range).
     */
    static double relEntr(double p, double q) {
        double r = p / q;
        if (r > 0 && r < Double.POSITIVE_INFINITY) {
            return p * Math.log(r);
        }
        return p * (Math.log(p) - Math.log(q));
    }
}
