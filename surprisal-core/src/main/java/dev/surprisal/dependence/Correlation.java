// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;
import java.util.Arrays;

/**
 * Pearson and Spearman correlation coefficients of two paired samples, matching
 * {@code scipy.stats.pearsonr} and {@code scipy.stats.spearmanr} (the coefficient, not the p-value).
 *
 * <ul>
 *   <li>Pearson: r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²), clipped to [−1, 1]. Pearson, K. (1895). Notes on
 *       regression and inheritance in the case of two parents. <i>Proc. R. Soc. Lond.</i> 58, 240–242.</li>
 *   <li>Spearman: ρ = Pearson r of the ranks, ties receiving the average of the ranks they span.
 *       Spearman, C. (1904). The proof and measurement of association between two things.
 *       <i>Am. J. Psychol.</i> 15(1), 72–101.</li>
 * </ul>
 * Unlike scipy, which warns and returns NaN, a constant input throws: the coefficient is undefined.
 */
public final class Correlation {
    private Correlation() {
    }

    /**
     * Pearson's r.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return r, unitless, in [−1, 1]
     * @throws IllegalArgumentException if a value is NaN or infinite (naming the index), the lengths differ,
     *         there are fewer than 2 pairs, or either sample is constant
     */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        // scipy normalises each centred vector before the dot product, which keeps |r| <= 1 without overflow
        double sxx = 0.0;
        double syy = 0.0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        constant("x", x);
        constant("y", y);
        double nx = Math.sqrt(sxx);
        double ny = Math.sqrt(syy);
        double r = 0.0;
        for (int i = 0; i < n; i++) {
            r += ((x[i] - mx) / nx) * ((y[i] - my) / ny);
        }
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /**
     * The normal-score (van der Waerden) correlation: Pearson's r of Φ⁻¹(rank / (n + 1)) of each sample, ties
     * receiving the average rank. It is unchanged by any increasing transform of either sample, and for a
     * bivariate normal it estimates ρ itself. Its use: with normal margins and correlation ρ, the Gaussian
     * joint has the largest joint entropy, so I(X;Y) ≥ −½ ln(1 − ρ²) for every joint of those margins; MI is
     * unchanged by the monotone transforms that make the margins normal, so −½ ln(1 − r_ns²) estimates a lower
     * bound of the MI of any two continuous columns (Cover and Thomas, <i>Elements of Information Theory</i>,
     * 2nd ed., Thm 8.6.5). Van der Waerden, B. L. (1952). Order tests for the two-sample problem and their
     * power. <i>Indag. Math.</i> 14, 453–458.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return r of the normal scores, unitless, in [−1, 1]
     * @throws IllegalArgumentException as {@link #pearson(double[], double[])}
     */
    public static double normalScore(double[] x, double[] y) {
        check(x, y);
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        // identical or reversed rankings are ±1 exactly, as for Spearman: the dot product of the scores gives
        // 1 − ulp at some n, and −½ ln(1 − r²) then a finite bound (about 17.6 nats) for an exact function (review12c)
        int exact = exactAgreement(rx, ry);
        if (exact != 0) {
            constantRanks("x", rx);
            constantRanks("y", ry);
            return exact;
        }
        return pearson(normalScores(rx), normalScores(ry));
    }

    /** +1 when two rankings are identical, −1 when exactly reversed, 0 otherwise (ranks are exact half-integers). */
    private static int exactAgreement(double[] rx, double[] ry) {
        int n = rx.length;
        boolean same = true;
        boolean reversed = true;
        for (int i = 0; i < n && (same || reversed); i++) {
            same &= rx[i] == ry[i];
            reversed &= rx[i] == n + 1 - ry[i];
        }
        return same ? 1 : reversed ? -1 : 0;
    }

    /** Φ⁻¹(r / (n + 1)) of each rank r of n, in place of a copy. */
    private static double[] normalScores(double[] ranks) {
        org.apache.commons.statistics.distribution.NormalDistribution normal =
                org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        double[] z = new double[ranks.length];
        double m = ranks.length + 1.0;
        for (int i = 0; i < z.length; i++) {
            z[i] = normal.inverseCumulativeProbability(ranks[i] / m);
        }
        return z;
    }

    /**
     * Spearman's ρ: Pearson's r of the average ranks; exactly ±1 when the rankings agree or are reversed.
     *
     * @param x the first sample, finite values
     * @param y the second sample, same length
     * @return ρ, unitless, in [−1, 1]
     * @throws IllegalArgumentException as {@link #pearson(double[], double[])}
     */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return fromRanks(ranks(x), ranks(y), x, y);
    }

    /**
     * Spearman's ρ from the ranks {@link #ranks(double[])} gives, so that a caller who ranks one column
     * against many others ranks it once. {@code spearman(x, y)} is {@code spearmanOfRanks(ranks(x), ranks(y))}.
     *
     * @param rx ranks of x (1..n, ties averaged)
     * @param ry ranks of y, same length
     * @return ρ
     * @throws ValidationException if the lengths differ, n &lt; 2, or either ranking is constant
     */
    public static double spearmanOfRanks(double[] rx, double[] ry) {
        check(rx, ry);
        return fromRanks(rx, ry, null, null);
    }

    // x and y (null when only the ranks are known) name the constant value in the message
    private static double fromRanks(double[] rx, double[] ry, double[] x, double[] y) {
        // identical or exactly reversed rankings are ρ = ±1 exactly (ranks are exact half-integers);
        // the dot product would give 1 − ulp, and a test's t statistic would then be finite
        int exact = exactAgreement(rx, ry);
        if (exact != 0) {
            if (x != null) {
                constant("x", x);
                constant("y", y);
            }
            constantRanks("x", rx);
            constantRanks("y", ry);
            return exact;
        }
        return pearson(rx, ry);
    }

    /**
     * Ranks 1..n of the values, ties receiving the average of the ranks they span
     * ({@code scipy.stats.rankdata(method='average')}).
     *
     * @param values the values to rank, none NaN
     * @return their ranks, in the order of {@code values}
     * @throws IllegalArgumentException if a value is NaN (naming its index)
     */
    public static double[] ranks(double[] values) {
        if (values == null) {
            throw new ValidationException("values: is null");
        }
        int n = values.length;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new ValidationException("values[" + i + "]: is NaN; NaN has no rank");
            }
        }
        // primitive argsort: a boxed Integer sort costs seconds at 10^6 rows
        int[] order = dev.surprisal.knn.internal.ArgSort.of(values);
        return averageRanks(gather(values, order), order);
    }

    /**
     * {@link #ranks(double[])} from a permutation that sorts the values ascending or nearly so, made
     * elsewhere (a kNN estimator sorts its samples, scaled and with tie-breaking noise that may swap two
     * nearly equal values): an insertion sort repairs the few inversions in O(n + inversions) instead of
     * sorting again, and a permutation with more than n inversions is sorted afresh. The ranks are the
     * same as {@code ranks(values)} whatever the order among ties.
     *
     * @param values       the values to rank, none NaN
     * @param nearlySorted a permutation of the indices, nearly in ascending order of the values (not modified)
     * @return their ranks, in the order of {@code values}
     * @throws IllegalArgumentException if a value is NaN (naming its index), or the lengths differ
     */
    public static double[] ranks(double[] values, int[] nearlySorted) {
        if (values == null || nearlySorted == null) {
            throw new ValidationException((values == null ? "values" : "nearlySorted") + ": is null");
        }
        int n = values.length;
        Validate.sameLength("values", n, "nearlySorted", nearlySorted.length);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new ValidationException("values[" + i + "]: is NaN; NaN has no rank");
            }
        }
        int[] order = nearlySorted.clone();
        double[] sorted = gather(values, order);
        long moves = 0;
        for (int r = 1; r < n; r++) {
            double v = sorted[r];
            if (!(sorted[r - 1] > v)) {
                continue;
            }
            int at = order[r];
            int s = r - 1;
            while (s >= 0 && sorted[s] > v) {
                sorted[s + 1] = sorted[s];
                order[s + 1] = order[s];
                s--;
                if (++moves > n) {
                    return ranks(values); // far from sorted: sort afresh
                }
            }
            sorted[s + 1] = v;
            order[s + 1] = at;
        }
        return averageRanks(sorted, order);
    }

    // the values in the given order: one pass of independent loads, so the rest reads memory in order
    private static double[] gather(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            out[r] = values[order[r]];
        }
        return out;
    }

    // ranks 1..n from the sorted values and their indices, ties given the average of the ranks they span
    private static double[] averageRanks(double[] sorted, int[] order) {
        int n = sorted.length;
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            // == rather than Double.compare so that -0.0 and 0.0 tie, as in numpy
            while (end < n && sorted[end] == sorted[start]) {
                end++;
            }
            double average = (start + 1 + end) / 2.0; // mean of ranks start+1 .. end
            for (int k = start; k < end; k++) {
                ranks[order[k]] = average;
            }
            start = end;
        }
        return ranks;
    }

    private static void check(double[] x, double[] y) {
        Validate.finite("x", x);
        Validate.finite("y", y);
        Validate.sameLength("x", x.length, "y", y.length);
        if (x.length < 2) {
            throw new ValidationException("x: needs at least 2 pairs, got " + x.length);
        }
    }

    // all ranks equal (n + 1)/2 exactly when every value is the same
    private static void constantRanks(String name, double[] ranks) {
        boolean allEqual = true;
        for (int i = 1; i < ranks.length && allEqual; i++) {
            allEqual = ranks[i] == ranks[0];
        }
        if (allEqual) {
            throw new ValidationException(name + ": is constant (every value is the same), so the correlation is undefined");
        }
    }

    private static void constant(String name, double[] v) {
        boolean allEqual = true;
        for (int i = 1; i < v.length && allEqual; i++) {
            allEqual = v[i] == v[0];
        }
        if (allEqual) {
            throw new ValidationException(name + ": is constant (every value is " + v[0]
                    + "), so the correlation is undefined");
        }
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
