// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.knn.internal.Parallel;
import java.util.List;
import java.util.Locale;
import org.apache.commons.numbers.gamma.Digamma;

/** Shared helpers of the kNN estimators (package-private). */
final class Estimators {
    /** Default number of neighbours, as in Kraskov et al. and scikit-learn. */
    static final int DEFAULT_K = 3;
    /** Share of zero k-th distances above which a tie warning is issued. */
    static final double TIE_WARNING_SHARE = 0.01;

    private Estimators() {
    }

    static double digamma(double x) {
        return Digamma.value(x);
    }

    static void checkK(int k, int n) {
        if (k < 1) {
            throw new ValidationException("k: must be ≥ 1, got " + k);
        }
        if (n <= k) {
            throw new ValidationException("n: need more points than k, got n = " + n + " ≤ k = " + k);
        }
    }

    /** Mean of ψ(counts[i] + shift) summed in index order (deterministic). */
    static double meanDigamma(int[] counts, int shift) {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double[] t = new double[counts.length];
        if (max < counts.length / 4) {
            // counts repeat: one ψ per distinct value (the same Digamma.value, so the same bits)
            double[] psi = new double[max + 1];
            for (int c = 0; c <= max; c++) {
                psi[c] = Digamma.value(c + (double) shift);
            }
            Parallel.forRange(t.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = psi[counts[i]];
                }
            });
        } else {
            Parallel.forRange(t.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = Digamma.value(counts[i] + (double) shift);
                }
            });
        }
        return Parallel.mean(t);
    }

    /**
     * The warning of points that coincide exactly in the estimator's joint space (any repeat, not only ≥ k of
     * them as the tie clause of {@link #repeatWarnings}): a copy is a neighbour at distance 0, so a repeated record reads as
     * dependence. Empty when every point is distinct. O(n·d) hashing.
     */
    static List<String> duplicateWarnings(DistinctRows d, String space) {
        return repeatWarnings(d, space, null, null);
    }

    /**
     * The one warning of repeated values for an estimator whose k-th distances are {@code eps}: repeats
     * ({@link #duplicateWarnings}) and points with at least k exact copies (k-th distance 0, more than
     * {@link #TIE_WARNING_SHARE} of them) have one cause,
     * so when both hold they are one sentence, the share of zero k-th distances a clause of the repeats'. A zero
     * k-th distance in the joint space is a repeat, so the tie warning alone only comes from an estimator whose
     * distances are taken in another space than {@code d}'s.
     *
     * @param d          the repeats of the joint space, or null when none can repeat
     * @param space      the joint space, in words ("(x, y)")
     * @param eps        the k-th neighbour distances, or null for the repeats alone
     * @param suggestion what to do about ties when there are no repeats (with {@code eps})
     */
    static List<String> repeatWarnings(DistinctRows d, String space, double[] eps, String suggestion) {
        return d == null ? repeatWarnings(0, 0, space, eps, suggestion)
                : repeatWarnings(d.repeats(), d.rows(), space, eps, suggestion);
    }

    /**
     * {@link #repeatWarnings(DistinctRows, String, double[], String)} from the counts alone, for an estimator that
     * counts its repeats without hashing every point.
     *
     * @param repeats the points that repeat an earlier point in the joint space (0: none)
     * @param rows    the points
     */
    static List<String> repeatWarnings(int repeats, int rows, String space, double[] eps, String suggestion) {
        int zeros = eps == null ? 0 : zeros(eps);
        boolean tied = eps != null && zeros > TIE_WARNING_SHARE * eps.length;
        if (repeats == 0) {
            return tied ? List.of(tieSentence(zeros, eps.length, suggestion)) : List.of();
        }
        String ties = tied ? String.format(Locale.ROOT, ", and %d (%.1f%%) have at least k copies (k-th neighbour "
                + "distance 0), so this continuous estimator is biased", zeros, 100.0 * zeros / eps.length) : "";
        return List.of(String.format(Locale.ROOT, "%d of %d points (%.1f%%) repeat an earlier point exactly in %s%s; "
                + "a nearest-neighbour estimate counts a copy as a neighbour at distance 0, so duplicated records "
                + "read as dependence (and a permutation test is invalid on them). If rows were duplicated (a table "
                + "loaded twice, a join that fanned out), estimate on DistinctRows.of(...).pick(...); if the values are "
                + "coarse or discrete, use an estimator for point masses (GaoMixedMutualInformation, plug-in).",
                repeats, rows, 100.0 * ((double) repeats / rows), space, ties));
    }

    private static String tieSentence(int zeros, int n, String suggestion) {
        return String.format(Locale.ROOT, "%d of %d points (%.1f%%) have at least k exact duplicates "
                + "(k-th neighbour distance 0); the data look discrete or tied, so this continuous "
                + "estimator is biased. %s", zeros, n, 100.0 * zeros / n, suggestion);
    }

    private static int zeros(double[] eps) {
        int zeros = 0;
        for (double e : eps) {
            if (e == 0.0) {
                zeros++;
            }
        }
        return zeros;
    }
}
