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
     * The indices of the {@code n} smallest entries by (key, value), in that order: a bounded max-heap,
     * O(N log n) at worst and about O(N) on hashed keys (few entries beat the heap's top), without
     * boxing; a full sort of a million rows cost seconds.
     */
    private static int[] smallest(long[] keys, double[] values, int n) {
        int[] heap = new int[n];
        int size = 0;
        for (int i = 0; i < keys.length; i++) {
            if (size < n) {
                heap[size] = i;
                siftUp(heap, size++, keys, values);
            } else if (n > 0 && less(i, heap[0], keys, values)) {
                heap[0] = i;
                siftDown(heap, size, keys, values);
            }
        }
        Integer[] boxed = new Integer[size]; // n ≤ SIZE: sorting the kept few is cheap
        for (int i = 0; i < size; i++) {
            boxed[i] = heap[i];
        }
        Arrays.sort(boxed, (a, b) -> less(a, b, keys, values) ? -1 : less(b, a, keys, values) ? 1 : 0);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static boolean less(int a, int b, long[] keys, double[] values) {
        return keys[a] != keys[b] ? keys[a] < keys[b] : Double.compare(values[a], values[b]) < 0;
    }

    private static void siftUp(int[] heap, int at, long[] keys, double[] values) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!less(heap[parent], heap[at], keys, values)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] keys, double[] values) {
        int at = 0;
        while (true) {
            int l = 2 * at + 1;
            int r = l + 1;
            int top = at;
            if (l < size && less(heap[top], heap[l], keys, values)) {
                top = l;
            }
            if (r < size && less(heap[top], heap[r], keys, values)) {
                top = r;
            }
            if (top == at) {
                return;
            }
            int t = heap[top];
            heap[top] = heap[at];
            heap[at] = t;
            at = top;
        }
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
