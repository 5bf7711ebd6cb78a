// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A permutation null kept in O(1) memory: the count, the running mean and variance (Welford, 1962,
 * "Note on a method for calculating corrected sums of squares and products", Technometrics 4(3)),
 * the number of values at or above the observed statistic, and a fixed reservoir of at most
 * {@value #RESERVOIR} values (Vitter's Algorithm R, seeded) from which the 95th percentile is read.
 * Up to {@value #RESERVOIR} values the reservoir holds every value, so the percentile is exact; beyond,
 * it is the percentile of a uniform random subset of that size. Not thread-safe: fed in a fixed order
 * by {@link SequentialPermutationTest}, so the result does not depend on threads.
 */
final class NullSummary {
    /** Values kept for the percentile; 1,024 doubles (8 KiB) whatever the number of permutations. */
    static final int RESERVOIR = 1024;

    private final double observed;
    private final double[] reservoir = new double[RESERVOIR];
    private final SplittableRandom rng;
    private long count;
    private long atOrAbove;
    private double mean;
    private double m2;

    NullSummary(double observed, long seed) {
        this.observed = observed;
        this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    void add(double v) {
        count++;
        double d = v - mean;
        mean += d / count;
        m2 += d * (v - mean);
        if (v >= observed) {
            atOrAbove++;
        }
        if (count <= RESERVOIR) {
            reservoir[(int) (count - 1)] = v;
        } else {
            long j = rng.nextLong(count);
            if (j < RESERVOIR) {
                reservoir[(int) j] = v;
            }
        }
    }

    long count() {
        return count;
    }

    long atOrAbove() {
        return atOrAbove;
    }

    double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    double sd() {
        return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }

    /** The q-quantile (linear interpolation between order statistics, numpy's default) of the kept values. */
    double quantile(double q) {
        int m = (int) Math.min(count, RESERVOIR);
        if (m == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(reservoir, m);
        Arrays.sort(s);
        double pos = q * (m - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, m - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
