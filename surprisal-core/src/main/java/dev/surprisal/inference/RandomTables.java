// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;

import java.util.SplittableRandom;

/**
 * Random contingency tables with fixed margins: the table of two labellings after the second one is
 * re-paired by a uniformly random permutation, drawn without touching the rows.
 *
 * <p>Under a random permutation of y against x, the table n<sub>ij</sub> follows the multivariate
 * (Fisher–Freeman–Halton) hypergeometric law with the observed row totals r<sub>i</sub> and column
 * totals c<sub>j</sub>. It is drawn here cell by cell from its conditionals, as W. M. Patefield (1981,
 * "Algorithm AS 159: An efficient method of generating random R × C tables with given row and column
 * totals", Applied Statistics 30(1), 91–97) does and as {@code scipy.stats.random_table} samples:
 * row i takes r<sub>i</sub> balls without replacement from an urn holding the columns' remaining
 * totals, one univariate hypergeometric draw per column. Each draw is an exact inversion that starts
 * at the mode and walks outwards, about 1.6 standard deviations of steps. A table therefore costs
 * O(R·C·√n) operations instead of the O(n) random writes of a shuffle, which at n = 10⁶ makes a
 * permutation test of a plug-in MI about a hundred times cheaper, with the same null distribution.
 */
public final class RandomTables {
    private RandomTables() {
    }

    /**
     * A random table with the given margins, distributed as the table of a uniformly random re-pairing.
     *
     * @param rowTotals r<sub>i</sub> ≥ 0
     * @param colTotals c<sub>j</sub> ≥ 0, with Σc = Σr ≤ {@link Integer#MAX_VALUE}
     * @param rng       the generator
     * @return counts[i][j], with exactly these row and column sums
     * @throws ValidationException if a total is negative, the sums differ or exceed {@link Integer#MAX_VALUE}
     */
    public static long[][] withMargins(long[] rowTotals, long[] colTotals, SplittableRandom rng) {
        long n = total(rowTotals, "rowTotals");
        long m = total(colTotals, "colTotals");
        if (n != m) {
            throw new ValidationException("colTotals: sum " + m + " differs from the sum of rowTotals, " + n);
        }
        if (n > Integer.MAX_VALUE) {
            throw new ValidationException("rowTotals: sum " + n + " exceeds " + Integer.MAX_VALUE);
        }
        int rows = rowTotals.length;
        int cols = colTotals.length;
        long[][] t = new long[rows][cols];
        long[] left = colTotals.clone(); // the urn: what each column still holds
        long urn = n;
        for (int i = 0; i < rows; i++) {
            long draws = rowTotals[i];
            if (i == rows - 1) { // the last row takes what is left
                System.arraycopy(left, 0, t[i], 0, cols);
                break;
            }
            long rest = urn;
            for (int j = 0; j < cols && draws > 0; j++) {
                long x = j == cols - 1 ? draws
                        : hypergeometric((int) rest, (int) left[j], (int) draws, rng);
                t[i][j] = x;
                draws -= x;
                rest -= left[j];
                left[j] -= x;
            }
            urn -= rowTotals[i];
        }
        return t;
    }

    /**
     * The number of successes in {@code draws} draws without replacement from {@code total} items of
     * which {@code successes} are successes: exact inversion from the mode.
     */
    static int hypergeometric(int total, int successes, int draws, SplittableRandom rng) {
        int lo = Math.max(0, draws + successes - total);
        int hi = Math.min(draws, successes);
        if (lo >= hi) {
            return lo;
        }
        int mode = (int) Math.floor((draws + 1.0) * (successes + 1.0) / (total + 2.0));
        mode = Math.max(lo, Math.min(hi, mode));
        double pm = HypergeometricDistribution.of(total, successes, draws).probability(mode);
        double u = rng.nextDouble() - pm;
        if (u < 0) {
            return mode;
        }
        // f(x+1)/f(x) = (K−x)(n−x) / ((x+1)(N−K−n+x+1)); f(x−1)/f(x) = x(N−K−n+x) / ((K−x+1)(n−x+1))
        double others = (double) total - successes - draws;
        int up = mode;
        int down = mode;
        double pUp = pm;
        double pDown = pm;
        while (true) {
            boolean moved = false;
            if (up < hi && pUp > 0) {
                pUp *= (double) (successes - up) * (draws - up) / ((up + 1.0) * (others + up + 1.0));
                up++;
                u -= pUp;
                if (u < 0) {
                    return up;
                }
                moved = true;
            }
            if (down > lo && pDown > 0) {
                pDown *= (double) down * (others + down) / ((successes - down + 1.0) * (draws - down + 1.0));
                down--;
                u -= pDown;
                if (u < 0) {
                    return down;
                }
                moved = true;
            }
            if (!moved) {
                return mode; // rounding left u ≥ 0: the unvisited mass is below 1e-15
            }
        }
    }

    private static long total(long[] v, String name) {
        if (v == null || v.length == 0) {
            throw new ValidationException(name + ": must hold at least one total");
        }
        long s = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new ValidationException(name + "[" + i + "]: is negative (" + v[i] + ")");
            }
            s += v[i];
        }
        return s;
    }
}
