// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import dev.surprisal.counts.Counts;

/**
 * Kullback–Leibler divergence KL(P‖Q) = Σ pᵢ log(pᵢ / qᵢ) (Kullback &amp; Leibler, 1951, "On
 * Information and Sufficiency"): the extra code length paid for coding P with a code built for Q.
 * P is the reference (truth), Q the model or the new batch; the measure is not symmetric.
 *
 * <p>Terms with pᵢ = 0 are 0. When qᵢ = 0 &lt; pᵢ the divergence is +∞; {@link #explain} says
 * at which index. A {@link Smoothing} is applied identically to both sides first when given.
 * Computed in nats, returned in the unit of {@code base}.
 */
public final class KullbackLeibler {
    private KullbackLeibler() {
    }

    /**
     * KL(P‖Q) of two probability vectors.
     *
     * @param p the reference distribution P, a probability vector
     * @param q the model or new distribution Q, a probability vector of the same length
     * @param base the unit of the result
     * @return KL(P‖Q) ≥ 0 in the unit of {@code base}; +∞ when qᵢ = 0 &lt; pᵢ
     */
    public static double divergence(double[] p, double[] q, Base base) {
        Distributions.pair(p, q);
        return base.fromNats(nats(p, q));
    }

    /**
     * KL(P‖Q) after applying {@code smoothing} to both P and Q.
     *
     * @param p the reference distribution P, a probability vector
     * @param q the model or new distribution Q, a probability vector of the same length
     * @param smoothing applied to P and Q alike
     * @param base the unit of the result
     * @return KL(P‖Q) of the smoothed distributions in the unit of {@code base}
     */
    public static double divergence(double[] p, double[] q, Smoothing smoothing, Base base) {
        Distributions.pair(p, q);
        return base.fromNats(nats(smoothing.apply(p), smoothing.apply(q)));
    }

    /**
     * KL between the distributions of two histograms over the same categories, smoothed alike.
     *
     * @param p the reference histogram P
     * @param q the model or new histogram Q, over the same categories
     * @param smoothing applied to both histograms alike
     * @param base the unit of the result
     * @return KL(P‖Q) of the smoothed frequencies in the unit of {@code base}
     */
    public static double divergence(Counts p, Counts q, Smoothing smoothing, Base base) {
        Validate.sameLength("p", p.size(), "q", q.size());
        return base.fromNats(nats(smoothing.apply(p), smoothing.apply(q)));
    }

    /**
     * KL(P‖Q) after normalising both weight vectors to sum 1: {@code scipy.stats.entropy(pk, qk, base)}.
     *
     * @param p weights of P, finite and ≥ 0, positive total
     * @param q weights of Q, finite and ≥ 0, positive total, same length
     * @param base the unit of the result
     * @return KL(P‖Q) of the normalised weights in the unit of {@code base}; +∞ when qᵢ = 0 &lt; pᵢ
     * @throws IllegalArgumentException on NaN, ±∞, negative entries, empty or zero-total input, or a length mismatch
     */
    public static double ofUnnormalized(double[] p, double[] q, Base base) {
        double[][] pq = Distributions.normalizePair(p, q);
        return base.fromNats(nats(pq[0], pq[1]));
    }

    /**
     * The divergence with the reason it is infinite, if it is.
     *
     * @param p the reference distribution P, a probability vector
     * @param q the model or new distribution Q, a probability vector of the same length
     * @param smoothing applied to P and Q alike
     * @param base the unit of the result
     * @return the value, and the first index with qᵢ = 0 &lt; pᵢ when it is infinite
     */
    public static Result explain(double[] p, double[] q, Smoothing smoothing, Base base) {
        Distributions.pair(p, q);
        double[] ps = smoothing.apply(p);
        double[] qs = smoothing.apply(q);
        int at = -1;
        for (int i = 0; i < ps.length; i++) {
            if (ps[i] > 0 && qs[i] == 0) {
                at = i;
                break;
            }
        }
        double value = at >= 0 ? Double.POSITIVE_INFINITY : base.fromNats(nats(ps, qs));
        return new Result(value, at, at >= 0 ? ps[at] : 0.0, smoothing, base);
    }

    /**
     * Per-element terms pᵢ log(pᵢ/qᵢ) in nats, with the conventions of {@code scipy.special.rel_entr}:
     * the term is pᵢ log(pᵢ/qᵢ) when both are positive, 0 when pᵢ = 0 and qᵢ ≥ 0, and +∞ otherwise.
     * Inputs need not sum to 1 (only finite, non-negative, same length); the terms of probability
     * vectors sum to KL(P‖Q).
     *
     * @param p entries pᵢ, finite and ≥ 0
     * @param q entries qᵢ, finite and ≥ 0, same length
     * @return the terms pᵢ log(pᵢ/qᵢ) in nats, one per index
     */
    public static double[] contributions(double[] p, double[] q) {
        Validate.nonNegativeFinite("p", p);
        Validate.nonNegativeFinite("q", q);
        Validate.sameLength("p", p.length, "q", q.length);
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                out[i] = 0.0;
            } else if (q[i] == 0) {
                out[i] = Double.POSITIVE_INFINITY;
            } else {
                out[i] = Distributions.relEntr(p[i], q[i]);
            }
        }
        return out;
    }

    /** Σ pᵢ log(pᵢ/qᵢ) in nats; no validation. */
    static double nats(double[] p, double[] q) {
        double d = 0.0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                if (q[i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                d += Distributions.relEntr(p[i], q[i]);
            }
        }
        return Math.max(0.0, d);
    }

    /** A divergence value with the index that made it infinite, if any. */
    public static final class Result {
        private final double value;
        private final int infiniteAt;
        private final double pAtInfinite;
        private final Smoothing smoothing;
        private final Base base;

        Result(double value, int infiniteAt, double pAtInfinite, Smoothing smoothing, Base base) {
            this.value = value;
            this.infiniteAt = infiniteAt;
            this.pAtInfinite = pAtInfinite;
            this.smoothing = smoothing;
            this.base = base;
        }

        /**
         * KL(P‖Q) in the unit of {@link #base()}, possibly +∞.
         *
         * @return KL(P‖Q) in the unit of {@link #base()}, possibly +∞
         */
        public double value() {
            return value;
        }

        /**
         * @return true when qᵢ = 0 &lt; pᵢ at some index, so the divergence is +∞
         */
        public boolean isInfinite() {
            return infiniteAt >= 0;
        }

        /**
         * The first index i with qᵢ = 0 &lt; pᵢ, or −1 when the divergence is finite.
         *
         * @return the first index i with qᵢ = 0 &lt; pᵢ, or −1 when the divergence is finite
         */
        public int infiniteAt() {
            return infiniteAt;
        }

        /**
         * @return the smoothing applied to both sides
         */
        public Smoothing smoothing() {
            return smoothing;
        }

        /**
         * @return the unit of {@link #value()}
         */
        public Base base() {
            return base;
        }

        /**
         * One sentence a user can act on.
         *
         * @return the value with its unit and smoothing, or why it is infinite and what to do
         */
        public String explanation() {
            if (infiniteAt < 0) {
                return "KL(P||Q) = " + value + " " + base.unit() + " (smoothing: " + smoothing + ")";
            }
            return "KL(P||Q) is infinite: q[" + infiniteAt + "] = 0 while p[" + infiniteAt + "] = " + pAtInfinite
                    + " (Q gives probability zero to something P says happens); use a smoothing such as laplace or epsilon=1e-6";
        }

        @Override
        public String toString() {
            return explanation();
        }
    }
}
