// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.counts.Counts;

import java.util.Arrays;

/**
 * The "profile" of a histogram: each distinct non-zero count value n with its multiplicity f_n
 * (the number of categories seen exactly n times). Estimators that depend on the counts only
 * through their values (Grassberger, NSB) sum over distinct values, which is much shorter than
 * the histogram when many categories share small counts.
 */
final class CountProfile {
    /** Distinct non-zero counts, ascending. */
    final long[] values;
    /** multiplicities[j] = number of categories with count values[j]. */
    final long[] multiplicities;
    /** Total count N. */
    final long total;
    /** Number of categories with a non-zero count. */
    final long observed;

    private CountProfile(long[] values, long[] multiplicities, long total, long observed) {
        this.values = values;
        this.multiplicities = multiplicities;
        this.total = total;
        this.observed = observed;
    }

    static CountProfile of(Counts counts) {
        long[] sorted = counts.toArray();
        Arrays.sort(sorted);
        long[] v = new long[sorted.length];
        long[] m = new long[sorted.length];
        int d = 0;
        long observed = 0;
        for (int i = 0; i < sorted.length; i++) {
            long c = sorted[i];
            if (c == 0) {
                continue;
            }
            observed++;
            if (d > 0 && v[d - 1] == c) {
                m[d - 1]++;
            } else {
                v[d] = c;
                m[d] = 1;
                d++;
            }
        }
        return new CountProfile(Arrays.copyOf(v, d), Arrays.copyOf(m, d), counts.total(), observed);
    }
}
