// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ValidationException;

import java.util.Arrays;

/**
 * A seeded sample of a numeric column's finite values that any engine can reproduce: each row gets
 * a key from its 1-based position r in the file, and the sample is the {@code k} rows with the
 * smallest keys (a bottom-k sample, Cohen &amp; Kaplan 2007, "Summarizing data using bottom-k
 * sketches"). The key is exact integer arithmetic modulo the prime p = 2³¹ − 1, nonlinear by
 * squaring, with the position appended so that keys are unique:
 * <pre>
 *   h₁ = (48271·(r mod p) + s₁) mod p,  h₂ = h₁² mod p,
 *   h₃ = (16807·h₂ + s₂) mod p,         h₄ = h₃² mod p,      key = h₄·2³² + r
 * </pre>
 * with s₁ = seed mod p and s₂ = (7·seed + 13) mod p. Every intermediate stays below 2⁶³, so DuckDB
 * ({@link #sqlKey}), Java ({@link #key}) or Spark give the same keys and the same sample, whatever
 * the number of threads. Bottom-k samples merge: the bottom k of the union of two.
 *
 * <p>KS and W₁ are computed exactly on these samples, so they are identical run after run (the
 * randomised compaction of a KLL sketch is not).
 */
public final class RowSample {
    /** The seed of every profile's sample. */
    public static final long SEED = 42;
    /** Values kept per column for KS and W₁. */
    public static final int SIZE = 5_000;
    private static final long P = 2_147_483_647L;

    private final long[] keys;
    private final double[] values;

    private RowSample(long[] keys, double[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * @param row  a row's 1-based position in the file
     * @param seed the seed
     * @return the row's key
     */
    public static long key(long row, long seed) {
        long s1 = Math.floorMod(seed, P);
        long s2 = Math.floorMod(7 * Math.floorMod(seed, P) + 13, P);
        long h = (48271 * (row % P) + s1) % P;
        h = h * h % P;
        h = (16807 * h + s2) % P;
        h = h * h % P;
        return (h << 32) + row;
    }

    /**
     * {@link #key} as a DuckDB SQL expression.
     *
     * @param row  a BIGINT SQL expression, the 1-based row position
     * @param seed the seed
     * @return a BIGINT SQL expression
     */
    public static String sqlKey(String row, long seed) {
        long s1 = Math.floorMod(seed, P);
        long s2 = Math.floorMod(7 * Math.floorMod(seed, P) + 13, P);
        String h1 = "((48271 * (" + row + " % " + P + ") + " + s1 + ") % " + P + ")";
        String h2 = "(" + h1 + " * " + h1 + " % " + P + ")";
        String h3 = "((16807 * " + h2 + " + " + s2 + ") % " + P + ")";
        return "((" + h3 + " * " + h3 + " % " + P + ") * 4294967296 + " + row + ")";
    }

    /**
     * A sample from keys and values (any order); the {@code size} smallest keys are kept.
     *
     * @param keys   the rows' keys
     * @param values their values
     * @param size   how many to keep
     * @return the sample
     */
    public static RowSample of(long[] keys, double[] values, int size) {
        if (keys.length != values.length) {
            throw new ValidationException("values: length " + values.length + " differs from keys " + keys.length);
        }
        int n = Math.min(size, keys.length);
        int[] order = smallest(keys, values, n);
        long[] k = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = keys[order[i]];
            v[i] = values[order[i]];
        }
        return new RowSample(k, v);
    }

    /**
     * A sample read from a table's {@link KeyOrder}, whose keys increase already: the arrays as they are, neither
     * copied nor selected again. The same sample as {@link #of} of them (keys are distinct, each holds its row).
     *
     * @param keys   increasing keys, at most {@link #SIZE}; kept, not copied
     * @param values their values
     * @return the sample
     */
    static RowSample ofKeyOrder(long[] keys, double[] values) {
        return new RowSample(keys, values);
    }

    /**
     * The indices of the {@code n} smallest entries by (key, value), in that order. The n-th smallest
     * key is found by selection ({@link #cut}), the entries at or below it are copied out, and only
     * those are ordered, by a radix sort of their keys ({@link #order}). A bounded heap over the whole
     * column did the same in O(N log n) with a cache miss per step, and was most of the time of
     * profiling a million rows.
     */
    private static int[] smallest(long[] keys, double[] values, int n) {
        if (n <= 0) {
            return new int[0];
        }
        long cut = n >= keys.length ? Long.MAX_VALUE : cut(keys, n);
        int m = 0;
        for (long k : keys) {
            m += k <= cut ? 1 : 0;
        }
        // the candidates (every key below the cut, and all ties at it) in compact arrays
        int[] at = new int[m];
        long[] ck = new long[m];
        double[] cv = new double[m];
        for (int i = 0, j = 0; i < keys.length; i++) {
            if (keys[i] <= cut) {
                at[j] = i;
                ck[j] = keys[i];
                cv[j++] = values[i];
            }
        }
        int[] order = order(ck, cv);
        int[] out = new int[Math.min(n, m)];
        for (int j = 0; j < out.length; j++) {
            out[j] = at[order[j]];
        }
        return out;
    }

    /** Keys a stride through the column takes to guess the cut of {@link #cut}. */
    private static final int PROBES = 16_384;

    /**
     * The {@code n}-th smallest key (1 ≤ n &lt; keys.length). A guess from the keys at evenly spaced
     * positions (a little above the n-th's expected place among them, by four standard deviations)
     * usually leaves about 1.1·n keys at or below it, and the selection runs on those alone instead
     * of on a copy of the whole column; a guess that leaves fewer than n (keys not spread evenly
     * over positions) is dropped for the selection on all of them. Either way the result is exact.
     */
    private static long cut(long[] keys, int n) {
        int rows = keys.length;
        if (rows > 4L * PROBES) {
            long[] probe = new long[PROBES];
            for (int i = 0; i < PROBES; i++) {
                probe[i] = keys[(int) ((long) i * rows / PROBES)];
            }
            double expected = (double) n / rows * PROBES;
            int rank = (int) Math.ceil(expected + 4 * Math.sqrt(expected) + 8);
            if (rank < PROBES) {
                long guess = select(probe, rank);
                int below = 0;
                for (long k : keys) {
                    below += k <= guess ? 1 : 0;
                }
                if (below >= n) {
                    long[] candidates = new long[below];
                    for (int i = 0, j = 0; i < rows; i++) {
                        if (keys[i] <= guess) {
                            candidates[j++] = keys[i];
                        }
                    }
                    return select(candidates, n - 1);
                }
            }
        }
        return select(keys.clone(), n - 1);
    }

    /** Bits of the key a pass of {@link #order}'s radix sort takes. */
    private static final int RADIX_BITS = 11;

    /**
     * The indices of {@code ck} in increasing order of (key, value), equal entries in index order:
     * a least-significant-digit radix sort of the keys (relative to the smallest, so only the bits
     * in which they differ take passes; stable, so it keeps index order among equal keys), then each
     * run of equal keys ordered by value with the stable {@link #mergeSort}. A merge sort by (key,
     * value) compared through the index array did the same with a cache miss per comparison.
     */
    private static int[] order(long[] ck, double[] cv) {
        int m = ck.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long k : ck) {
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        int[] idx = new int[m];
        long[] rel = new long[m];
        for (int j = 0; j < m; j++) {
            idx[j] = j;
            rel[j] = ck[j] - min; // unsigned: the span of two longs may exceed Long.MAX_VALUE
        }
        int bits = m == 0 ? 0 : 64 - Long.numberOfLeadingZeros(max - min);
        int[] idx2 = new int[m];
        long[] rel2 = new long[m];
        int[] count = new int[(1 << RADIX_BITS) + 1];
        for (int shift = 0; shift < bits; shift += RADIX_BITS) {
            Arrays.fill(count, 0);
            for (int j = 0; j < m; j++) {
                count[(int) (rel[j] >>> shift) & ((1 << RADIX_BITS) - 1)]++;
            }
            for (int d = 0, sum = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int j = 0; j < m; j++) {
                int d = (int) (rel[j] >>> shift) & ((1 << RADIX_BITS) - 1);
                int to = count[d]++;
                rel2[to] = rel[j];
                idx2[to] = idx[j];
            }
            long[] r = rel;
            rel = rel2;
            rel2 = r;
            int[] i = idx;
            idx = idx2;
            idx2 = i;
        }
        // ties of keys (rare: keys carry their row) are broken by value, stably
        for (int from = 0; from < m;) {
            int to = from + 1;
            while (to < m && rel[to] == rel[from]) {
                to++;
            }
            if (to - from > 1) {
                mergeSort(idx, idx2, from, to, ck, cv);
            }
            from = to;
        }
        return idx;
    }

    /** The {@code r}-th smallest value of {@code a} (0-based), reordering {@code a}: Hoare's quickselect. */
    private static long select(long[] a, int r) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            long pivot = median(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (r <= j) {
                hi = j;
            } else if (r >= i) {
                lo = i;
            } else {
                return a[r];
            }
        }
        return a[r];
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Sorts {@code order[from, to)} by (key, value) of the compact arrays; stable, no boxing. */
    private static void mergeSort(int[] order, int[] tmp, int from, int to, long[] ck, double[] cv) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(order, tmp, from, mid, ck, cv);
        mergeSort(order, tmp, mid, to, ck, cv);
        System.arraycopy(order, from, tmp, from, to - from);
        for (int i = from, l = from, r = mid; i < to; i++) {
            order[i] = r >= to || (l < mid && !less(tmp[r], tmp[l], ck, cv)) ? tmp[l++] : tmp[r++];
        }
    }

    private static boolean less(int a, int b, long[] keys, double[] values) {
        return keys[a] != keys[b] ? keys[a] < keys[b] : Double.compare(values[a], values[b]) < 0;
    }

    /** @return the keys (a copy), increasing */
    public long[] keys() {
        return keys.clone();
    }

    /** @return the values in key order (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** @return the values sorted increasing */
    public double[] sortedValues() {
        double[] v = values.clone();
        Arrays.sort(v);
        return v;
    }

    /** @return the number of values */
    public int size() {
        return values.length;
    }

    /**
     * @param other a sample of another part of the same column
     * @return the bottom {@link #size} (the larger of both sizes) of the union
     */
    public RowSample merge(RowSample other) {
        long[] k = Arrays.copyOf(keys, keys.length + other.keys.length);
        System.arraycopy(other.keys, 0, k, keys.length, other.keys.length);
        double[] v = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, v, values.length, other.values.length);
        return of(k, v, Math.max(SIZE, Math.max(keys.length, other.keys.length)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowSample && Arrays.equals(keys, ((RowSample) o).keys)
                && Arrays.equals(values, ((RowSample) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }
}
