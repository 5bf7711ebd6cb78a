// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;

/**
 * Shannon entropy H(P) = −Σ pᵢ log pᵢ of a discrete distribution, with 0·log 0 = 0
 * (Shannon, 1948, "A Mathematical Theory of Communication"). Every method computes in nats and
 * returns the value in the unit of the given {@link Base} (bits for {@link Base#BITS}).
 *
 * <p>On counts this is the plug-in (maximum-likelihood) value, pᵢ = cᵢ / N; its bias for small
 * samples is the business of the estimators, not of this class.
 */
public final class Entropy {
    private Entropy() {
    }

    /**
     * H(P) = −Σ pᵢ log pᵢ of a probability vector.
     *
     * @param p a probability vector
     * @param base the unit of the result
     * @return H(P) ≥ 0 in the unit of {@code base}
     * @throws IllegalArgumentException if {@code p} is empty, holds NaN, ±∞ or a negative entry, or does not sum to 1
     */
    public static double of(double[] p, Base base) {
        Validate.probabilities("p", p);
        return base.fromNats(nats(p));
    }

    /**
     * H(P) of non-negative weights normalised to sum 1 first, as {@code scipy.stats.entropy(pk)} does.
     *
     * @param weights finite and ≥ 0, positive total
     * @param base the unit of the result
     * @return H(P) ≥ 0 in the unit of {@code base}
     * @throws IllegalArgumentException on NaN, ±∞, negative entries, an empty array or a zero sum
     */
    public static double ofUnnormalized(double[] weights, Base base) {
        return base.fromNats(nats(Distributions.normalize("weights", weights)));
    }

    /**
     * The plug-in entropy −Σ (cᵢ/N) log(cᵢ/N) of a histogram.
     *
     * @param counts a histogram
     * @param base the unit of the result
     * @return the plug-in entropy ≥ 0 in the unit of {@code base}
     */
    public static double of(Counts counts, Base base) {
        return base.fromNats(nats(counts));
    }

    /**
     * The plug-in entropy of raw labels, counted by {@link LabelCounts#of(int[])}.
     *
     * @param labels one label per sample, at least one
     * @param base the unit of the result
     * @return the plug-in entropy of the label frequencies in the unit of {@code base}
     */
    public static double ofLabels(int[] labels, Base base) {
        return of(LabelCounts.of(labels), base);
    }

    /**
     * The plug-in entropy of raw labels (strings or any objects with equals/hashCode).
     *
     * @param labels one label per sample, non-null, at least one
     * @param base the unit of the result
     * @return the plug-in entropy of the label frequencies in the unit of {@code base}
     */
    public static double ofLabels(Object[] labels, Base base) {
        return of(LabelCounts.of(labels), base);
    }

    /**
     * The joint entropy H(X,Y) = −Σ p(x,y) log p(x,y) of a contingency table.
     *
     * @param table joint counts of X (rows) and Y (columns)
     * @param base the unit of the result
     * @return H(X,Y) ≥ 0 in the unit of {@code base}
     */
    public static double joint(ContingencyTable table, Base base) {
        return base.fromNats(nats(table.jointCounts()));
    }

    /**
     * The conditional entropy H(Y|X) = −Σ p(x,y) log p(y|x) = H(X,Y) − H(X) of a table whose
     * rows are X and columns Y. Use {@code table.transpose()} for H(X|Y).
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return H(Y|X) ≥ 0 in the unit of {@code base}
     */
    public static double conditional(ContingencyTable table, Base base) {
        return base.fromNats(conditionalNats(table));
    }

    /** H(Y|X) in nats; rows are X. */
    static double conditionalNats(ContingencyTable t) {
        double n = t.total();
        double h = 0.0;
        for (int r = 0; r < t.rows(); r++) {
            double nx = t.rowTotal(r);
            for (int c = 0; c < t.cols(); c++) {
                long nxy = t.get(r, c);
                if (nxy != 0) {
                    h -= (nxy / n) * Math.log(nxy / nx);
                }
            }
        }
        return Math.max(0.0, h);
    }

    /**
     * −Σ pᵢ log pᵢ in nats, skipping zeros; no validation.
     *
     * @param p a probability vector (not checked)
     * @return H(P) in nats
     */
    public static double nats(double[] p) {
        double h = 0.0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return Math.max(0.0, h);
    }

    /**
     * The plug-in entropy of a histogram in nats.
     *
     * @param counts a histogram
     * @return the plug-in entropy in nats
     */
    public static double nats(Counts counts) {
        double n = counts.total(); // in double: n·log n of counts near Long.MAX_VALUE must not overflow
        double h = 0.0;
        for (int i = 0; i < counts.size(); i++) {
            long c = counts.get(i);
            if (c != 0) {
                double p = c / n;
                h -= p * Math.log(p);
            }
        }
        return Math.max(0.0, h);
    }
}
