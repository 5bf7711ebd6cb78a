// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.knn.internal.Parallel;
import java.util.ArrayList;
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
     * them as {@link #tieWarnings}): a copy is a neighbour at distance 0, so a repeated record reads as
     * dependence. Empty when every point is distinct. O(n·d) hashing.
     */
    static List<String> duplicateWarnings(DistinctRows d, String space) {
        if (d.repeats() == 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%d of %d points (%.1f%%) repeat an earlier point exactly in %s; "
                + "a nearest-neighbour estimate counts a copy as a neighbour at distance 0, so duplicated records "
                + "read as dependence (and a permutation test is invalid on them). If rows were duplicated (a table "
                + "loaded twice, a join that fanned out), estimate on DistinctRows.of(...).pick(...); if the values are "
                + "coarse or discrete, use an estimator for point masses (GaoMixedMutualInformation, plug-in).",
                d.repeats(), d.rows(), 100.0 * d.share(), space));
    }

    static List<String> tieWarnings(double[] eps, String suggestion) {
        int zeros = 0;
        for (double e : eps) {
            if (e == 0.0) {
                zeros++;
            }
        }
        List<String> w = new ArrayList<>();
        if (zeros > TIE_WARNING_SHARE * eps.length) {
            w.add(String.format(Locale.ROOT, "%d of %d points (%.1f%%) have at least k exact duplicates "
                    + "(k-th neighbour distance 0); the data look discrete or tied, so this continuous "
                    + "estimator is biased. %s", zeros, eps.length, 100.0 * zeros / eps.length, suggestion));
        }
        return w;
    }
}
