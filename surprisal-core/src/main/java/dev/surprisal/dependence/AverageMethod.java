// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.ValidationException;

/**
 * How the two entropies H(U), H(V) are averaged into the normaliser of NMI and AMI; the names and
 * formulas of scikit-learn's {@code average_method} (Vinh, Epps &amp; Bailey, 2010).
 */
public enum AverageMethod {
    /** min(H(U), H(V)). */
    MIN,
    /** sqrt(H(U)·H(V)). */
    GEOMETRIC,
    /** (H(U) + H(V)) / 2; scikit-learn's default. */
    ARITHMETIC,
    /** max(H(U), H(V)). */
    MAX;

    /**
     * The generalised mean of {@code u} and {@code v}.
     *
     * @param u the entropy of one labelling
     * @param v the entropy of the other
     * @return min(u, v), √(uv), (u + v)/2 or max(u, v)
     */
    public double average(double u, double v) {
        switch (this) {
            case MIN: return Math.min(u, v);
            case GEOMETRIC: return Math.sqrt(u * v);
            case MAX: return Math.max(u, v);
            default: return (u + v) / 2.0;
        }
    }

    /**
     * Parses min, geometric, arithmetic or max (any case).
     *
     * @param text the method as typed
     * @return the method
     */
    public static AverageMethod parse(String text) {
        for (AverageMethod m : values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return m;
            }
        }
        throw new ValidationException("average_method: expected min, geometric, arithmetic or max, got '" + text + "'");
    }
}
