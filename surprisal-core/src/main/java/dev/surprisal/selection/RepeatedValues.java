// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import java.util.Arrays;

/**
 * Counts of repeated values for {@link MiPair}'s repeats note: whether a continuous column's values as read repeat on
 * more than {@link MiPair#REPEATED_SHARE} of a pair's rows, and how many entries of a key array repeat an earlier one.
 */
final class RepeatedValues {
    /** Bits of the hash set per row (a power of two): enough that a column of distinct values fills half of it. */
    private static final int BITS_PER_ROW = 4;

    private RepeatedValues() {
    }

    /**
     * Whether more than {@link MiPair#REPEATED_SHARE} (one half) of the rows repeat an earlier row's value of
     * {@code raw}, compared with {@code ==} (so −0.0 equals 0.0).
     *
     * <p>The exact answer needs the number of distinct values d: the share is (n − d)/n, above one half exactly when
     * 2d &lt; n. Before sorting (about 0.1 s of CPU per 10⁶ rows, where nearly every column of measurements has
     * distinct values) a lower bound on d is taken in one pass: each value is hashed to one bit of a set of about
     * 4n bits. Equal values hash to the same bit, so the bits set are the hashes of the distinct values, and there
     * are at most d of them (several values may share a bit, never the other way). Hence bits set ≥ n/2 gives
     * d ≥ n/2, the share ≤ one half, and the answer "no" without sorting. With d distinct values about
     * 4n·(1 − e^(−d/4n)) bits are set (0.88·n for d = n), so only columns with d below about 0.53·n go on to the
     * exact count from one sort; a hash that sets few bits only sends more columns to that count, it never changes
     * the answer.
     *
     * @param raw  the column's values as read (none NaN on {@code rows})
     * @param rows the pair's rows, indices into {@code raw}
     * @return true when more than half of the rows repeat an earlier row's value
     */
    static boolean mostlyRepeated(double[] raw, int[] rows) {
        int n = rows.length;
        if (n < 2) {
            return false;
        }
        // 2^log ≥ 4n bits, at most 2^30 (128 MiB; more rows only weaken the bound, which stays a bound)
        int log = Math.min(30, 64 - Long.numberOfLeadingZeros((long) n * BITS_PER_ROW - 1));
        long[] set = new long[Math.max(1, (1 << log) >>> 6)];
        int shift = 64 - log;
        for (int r : rows) {
            // Fibonacci hashing: the top bits of the product depend on every bit of the value; + 0.0 makes −0.0 0.0
            long h = Double.doubleToLongBits(raw[r] + 0.0) * 0x9E3779B97F4A7C15L;
            int bit = (int) (h >>> shift);
            set[bit >>> 6] |= 1L << bit;
        }
        long filled = 0;
        for (long w : set) {
            filled += Long.bitCount(w);
        }
        if (filled >= (1 - MiPair.REPEATED_SHARE) * n) {
            return false; // d ≥ filled ≥ (1 − share)·n, so at most share·n rows repeat a value (above)
        }
        double[] sorted = MiPair.pick(raw, rows);
        Arrays.sort(sorted);
        int repeats = 0;
        for (int i = 1; i < sorted.length; i++) {
            repeats += sorted[i] == sorted[i - 1] ? 1 : 0;
        }
        return (double) repeats / n > MiPair.REPEATED_SHARE;
    }

    /**
     * How many entries repeat an earlier one.
     *
     * @param keys the keys (not modified)
     * @return n minus the number of distinct keys
     */
    static int repeats(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int repeats = 0;
        for (int i = 1; i < sorted.length; i++) {
            repeats += sorted[i] == sorted[i - 1] ? 1 : 0;
        }
        return repeats;
    }
}
