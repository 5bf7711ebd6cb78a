// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

import java.util.Arrays;

/**
 * An immutable histogram: one non-negative count per category. Counts merge by addition, so a
 * histogram built on one machine, in DuckDB or day by day combines with {@link #merge(Counts)}.
 *
 * <p>Categories with zero count are kept (they matter to estimators such as Miller–Madow only
 * through the non-zero ones, but they keep positions aligned when two histograms share bins).
 */
public final class Counts {
    private final long[] counts;
    private final long total;

    private Counts(long[] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * A histogram of the given counts (copied).
     *
     * @param counts one count per category, ≥ 0, positive total
     * @return the histogram
     * @throws IllegalArgumentException on an empty array, a negative count, a zero total or an overflowing total
     */
    public static Counts of(long... counts) {
        long[] copy = counts == null ? null : counts.clone();
        long total = Validate.counts("counts", copy);
        return new Counts(copy, total);
    }

    /**
     * A histogram of int counts.
     *
     * @param counts one count per category, ≥ 0, positive total
     * @return the histogram
     */
    public static Counts of(int... counts) {
        if (counts == null) {
            throw new ValidationException("counts: is null");
        }
        long[] c = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            c[i] = counts[i];
        }
        return of(c);
    }

    /** Wraps an array the caller promises never to touch again; validated all the same. */
    static Counts wrap(long[] counts) {
        return new Counts(counts, Validate.counts("counts", counts));
    }

    /**
     * Number of categories, including empty ones.
     *
     * @return the number of categories, including empty ones
     */
    public int size() {
        return counts.length;
    }

    /**
     * The count of category {@code i}.
     *
     * @param i a category, 0 ≤ i &lt; {@link #size()}
     * @return its count
     */
    public long get(int i) {
        return counts[i];
    }

    /**
     * Sum of all counts, N.
     *
     * @return the total N
     */
    public long total() {
        return total;
    }

    /**
     * Number of categories with a non-zero count (the observed support, K).
     *
     * @return the observed support K
     */
    public int nonZero() {
        int k = 0;
        for (long c : counts) {
            if (c != 0) {
                k++;
            }
        }
        return k;
    }

    /**
     * Number of categories seen exactly {@code r} times (f1 = singletons, f2 = doubletons).
     *
     * @param r a count
     * @return f_r, the number of categories whose count is r
     */
    public int frequencyOf(long r) {
        int f = 0;
        for (long c : counts) {
            if (c == r) {
                f++;
            }
        }
        return f;
    }

    /**
     * A copy of the counts.
     *
     * @return a copy of the counts
     */
    public long[] toArray() {
        return counts.clone();
    }

    /**
     * Relative frequencies c_i / N (the maximum-likelihood distribution).
     *
     * @return cᵢ / N for each category, summing to 1
     */
    public double[] toProbabilities() {
        double[] p = new double[counts.length];
        double n = total;
        for (int i = 0; i < p.length; i++) {
            p[i] = counts[i] / n;
        }
        return p;
    }

    /**
     * The sum of two histograms over the same categories.
     *
     * @param other a histogram over the same categories
     * @return a new histogram, category by category the sum
     * @throws IllegalArgumentException if the sizes differ or the total overflows
     */
    public Counts merge(Counts other) {
        if (other.counts.length != counts.length) {
            throw new ValidationException("other: has " + other.counts.length
                    + " categories, this has " + counts.length);
        }
        long[] sum = new long[counts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(counts[i], other.counts[i]);
        }
        return wrap(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts && Arrays.equals(((Counts) o).counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Counts" + Arrays.toString(counts);
    }
}
