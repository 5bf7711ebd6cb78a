// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

/**
 * Count, mean, sum of squared deviations, minimum and maximum of the present values of a column,
 * updated one value at a time (Welford, 1962, "Note on a method for calculating corrected sums of
 * squares and products") and merged exactly as in Chan, Golub &amp; LeVeque (1979), "Updating
 * formulae and a pairwise algorithm for computing sample variances". Merging is commutative and,
 * up to floating-point rounding, associative. A profile's moments are not formed here but from
 * exact integer sums ({@link SqlMoments}), the same on every path; these are for merging parts and
 * for other callers' values.
 */
public record Moments(long count, double mean, double m2, double min, double max) {
    /** No values. */
    public static final Moments EMPTY = new Moments(0, 0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    /**
     * Moments of the first {@code n} {@code values}; NaN and ±∞ are skipped (they have their own bins).
     *
     * @param values the values
     * @param n how many of them, from the start, are used
     * @return count, mean, m2, min and max of the finite ones
     */
    public static Moments of(double[] values, int n) {
        long c = 0;
        double mean = 0;
        double m2 = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = values[i];
            if (!Double.isFinite(x)) {
                continue;
            }
            c++;
            double d = x - mean;
            mean += d / c;
            m2 += d * (x - mean);
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new Moments(c, mean, m2, lo, hi);
    }

    /**
     * Both sets of values together.
     *
     * @param o the moments of other values
     * @return the moments of both sets (pairwise update of Chan, Golub and LeVeque)
     */
    public Moments merge(Moments o) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o;
        }
        long n = count + o.count;
        double d = o.mean - mean;
        // symmetric in the two operands, so a.merge(b) equals b.merge(a) bit for bit
        double newMean = (count * mean + o.count * o.mean) / n;
        double newM2 = m2 + o.m2 + d * d * ((double) count * o.count / n);
        return new Moments(n, newMean, newM2, Math.min(min, o.min), Math.max(max, o.max));
    }

    /**
     * Population standard deviation √(m2 / n) (numpy's {@code np.std}), 0 when empty.
     *
     * @return √(m2 / n), 0 when empty
     */
    public double std() {
        return count == 0 ? 0.0 : Math.sqrt(Math.max(0.0, m2 / count));
    }
}
