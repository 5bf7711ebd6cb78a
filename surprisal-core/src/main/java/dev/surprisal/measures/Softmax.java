// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;

/**
 * Softmax with temperature: pᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T) for logits z and temperature
 * T &gt; 0 (Hinton, Vinyals &amp; Dean, 2015, "Distilling the Knowledge in a Neural Network").
 * T = 1 is the plain softmax; T → 0 concentrates all mass on the largest logit (argmax, entropy
 * → 0; tied maxima share it equally); T → ∞ tends to uniform (entropy → log K). This is how a
 * language model's sampling temperature tunes the entropy of its output distribution.
 *
 * <p>The maximum logit is subtracted before exponentiating, so no logit overflows and very small
 * T gives the argmax limit instead of NaN.
 */
public final class Softmax {
    private Softmax() {
    }

    /**
     * The softmax of {@code logits} at temperature {@code temperature}.
     *
     * @param logits the logits zᵢ, finite, at least one
     * @param temperature T &gt; 0
     * @return softmax(z / T), a probability vector
     * @throws IllegalArgumentException if a logit is NaN or ±∞, the logits are empty, or T is not a finite number &gt; 0
     */
    public static double[] of(double[] logits, double temperature) {
        check(logits, temperature);
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * H(softmax(z / T)) = log Σ exp(zᵢ/T) − Σ pᵢ zᵢ/T, in the unit of {@code base}; computed in nats
     * from the shifted logits so it is exact in both limits.
     *
     * @param logits the logits zᵢ, finite, at least one
     * @param temperature T &gt; 0
     * @param base the unit of the result
     * @return H(softmax(z / T)) in the unit of {@code base}
     */
    public static double entropy(double[] logits, double temperature, Base base) {
        check(logits, temperature);
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0.0;
        double weighted = 0.0;
        for (double z : logits) {
            double s = (z - max) / temperature; // ≤ 0
            double e = Math.exp(s);
            sum += e;
            if (e > 0) {
                weighted += e * s;
            }
        }
        return base.fromNats(Math.max(0.0, Math.log(sum) - weighted / sum));
    }

    private static void check(double[] logits, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new ValidationException("temperature: must be a finite number > 0, got " + temperature
                    + " (T -> 0 is the argmax; use a small T such as 1e-6)");
        }
        if (logits == null || logits.length == 0) {
            throw new ValidationException("logits: is empty");
        }
        dev.surprisal.core.Validate.finite("logits", logits);
    }
}
