// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;
import dev.surprisal.counts.Counts;

import java.util.Locale;

/**
 * How zero cells are filled before a divergence is taken, so that KL(P‖Q) stays finite when Q
 * misses a category P has. The same smoothing is applied to both sides, and its name is reported
 * by {@link #toString()}.
 *
 * <ul>
 *   <li>{@link #none()}: no change; KL is +∞ where q = 0 &lt; p.</li>
 *   <li>{@link #additive(double)} α (Lidstone, 1920): counts pᵢ = (cᵢ + α) / (N + Kα);
 *       {@link #laplace()} is α = 1, {@link #jeffreys()} α = ½ (Krichevsky–Trofimov).
 *       On probabilities the same formula with N = 1.</li>
 *   <li>{@link #epsilon(double)} ε: pᵢ = (pᵢ + ε) / (1 + Kε) on probabilities (counts are first divided by N).</li>
 * </ul>
 */
public final class Smoothing {
    private static final Smoothing NONE = new Smoothing(Kind.NONE, 0.0);
    private static final Smoothing LAPLACE = new Smoothing(Kind.ADDITIVE, 1.0);
    private static final Smoothing JEFFREYS = new Smoothing(Kind.ADDITIVE, 0.5);

    private enum Kind { NONE, ADDITIVE, EPSILON }

    private final Kind kind;
    private final double amount;

    private Smoothing(Kind kind, double amount) {
        this.kind = kind;
        this.amount = amount;
    }

    /**
     * No smoothing.
     *
     * @return the identity: probabilities are the plain frequencies
     */
    public static Smoothing none() {
        return NONE;
    }

    /**
     * Add 1 to every count (Laplace's rule of succession).
     *
     * @return add-one smoothing
     */
    public static Smoothing laplace() {
        return LAPLACE;
    }

    /**
     * Add ½ to every count (Jeffreys prior, Krichevsky–Trofimov estimator).
     *
     * @return add-½ smoothing
     */
    public static Smoothing jeffreys() {
        return JEFFREYS;
    }

    /**
     * Add α &gt; 0 to every count (Lidstone).
     *
     * @param alpha the pseudo-count added to every count, &gt; 0
     * @return add-α smoothing
     */
    public static Smoothing additive(double alpha) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new ValidationException("alpha: must be a finite number > 0, got " + alpha);
        }
        return new Smoothing(Kind.ADDITIVE, alpha);
    }

    /**
     * Add ε &gt; 0 to every probability, then renormalise.
     *
     * @param epsilon the mass added to every probability, &gt; 0
     * @return epsilon smoothing
     */
    public static Smoothing epsilon(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new ValidationException("epsilon: must be a finite number > 0, got " + epsilon);
        }
        return new Smoothing(Kind.EPSILON, epsilon);
    }

    /**
     * Parses {@code none}, {@code laplace}, {@code jeffreys}, {@code additive=α} or {@code epsilon=ε}.
     *
     * @param text the smoothing as typed
     * @return the smoothing
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static Smoothing parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int eq = t.indexOf('=');
        String name = eq < 0 ? t : t.substring(0, eq).trim();
        try {
            switch (name) {
                case "none": return none();
                case "laplace": return laplace();
                case "jeffreys": return jeffreys();
                case "additive": case "lidstone": return additive(Double.parseDouble(t.substring(eq + 1)));
                case "epsilon": return epsilon(Double.parseDouble(t.substring(eq + 1)));
                default: break;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // fall through to the message below
        }
        throw new ValidationException("smoothing: expected none, laplace, jeffreys, additive=ALPHA or epsilon=EPS, got '"
                + text + "'");
    }

    /**
     * True unless this is {@link #none()}.
     *
     * @return true unless this is {@link #none()}
     */
    public boolean isSmoothing() {
        return kind != Kind.NONE;
    }

    /**
     * The probabilities of a histogram after smoothing (the plain frequencies cᵢ/N for none).
     *
     * @param counts a histogram
     * @return the smoothed probabilities, one per category, summing to 1
     */
    public double[] apply(Counts counts) {
        int k = counts.size();
        double n = counts.total();
        double[] p = new double[k];
        if (kind == Kind.ADDITIVE) {
            double denom = n + k * amount;
            for (int i = 0; i < k; i++) {
                p[i] = (counts.get(i) + amount) / denom;
            }
            return p;
        }
        for (int i = 0; i < k; i++) {
            p[i] = counts.get(i) / n;
        }
        return kind == Kind.EPSILON ? addAndRenormalise(p, amount) : p;
    }

    /**
     * A probability vector after smoothing.
     *
     * @param p a probability vector
     * @return a new vector: a copy of p for none, else (pᵢ + a) / (1 + k·a) with a the added amount
     * @throws IllegalArgumentException if {@code p} is not a probability vector
     */
    public double[] apply(double[] p) {
        Validate.probabilities("p", p);
        if (kind == Kind.NONE) {
            return p.clone();
        }
        return addAndRenormalise(p, amount);
    }

    private static double[] addAndRenormalise(double[] p, double add) {
        double denom = 1.0 + p.length * add;
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (p[i] + add) / denom;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smoothing && ((Smoothing) o).kind == kind && ((Smoothing) o).amount == amount;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(amount);
    }

    /** The name as {@link #parse(String)} reads it, e.g. {@code laplace} or {@code epsilon=1.0E-6}. */
    @Override
    public String toString() {
        switch (kind) {
            case NONE: return "none";
            case EPSILON: return "epsilon=" + amount;
            default:
                if (amount == 1.0) {
                    return "laplace";
                }
                return amount == 0.5 ? "jeffreys" : "additive=" + amount;
        }
    }
}
