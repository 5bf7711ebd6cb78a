// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * The rows of a table in increasing {@link RowSample#key} order, computed once and shared by its
 * columns. A row's key depends only on its position, so every column of a table ranks its rows the
 * same way: a column's bottom-k sample of finite values is the first k rows of this order whose
 * value is finite. Taking it from here costs k reads (plus the skipped non-finite cells) per column,
 * where computing every row's key, selecting the k-th smallest and sorting per column was an eighth
 * of a CSV baseline's CPU time and two arrays of n per column.
 *
 * <p>Only the front of the order is held: the rows whose key's high word (the hash h₄ of
 * {@link RowSample}) lies below a threshold, which is raised until enough rows pass; the rows below
 * a threshold are exactly the smallest keys, so the front is exact whatever the hash's spread.
 * Rows are recovered from the key's low word, which holds the row while it is below 2³²
 * ({@link #applies}); a source with rows beyond that is sampled per column ({@link RowSample#of}).
 */
final class KeyOrder {
    private static final long P = 2_147_483_647L;
    private static final long LOW = 0xFFFF_FFFFL;

    private final long first;
    private final int n;
    /** The keys of the {@code front.length} rows with the smallest keys, increasing. */
    private long[] front = new long[0];

    /**
     * @param first the rows of the source before this table (its row i is the source's row first + i + 1)
     * @param n     the table's rows
     */
    KeyOrder(long first, int n) {
        this.first = first;
        this.n = n;
    }

    /**
     * @param i a row of the table (0-based)
     * @return its 1-based position in the source, the row {@link RowSample#key} is taken of
     */
    long row(int i) {
        return first + i + 1;
    }

    /** @return whether a row's position can be read back from its key (every row below 2³²) */
    boolean applies() {
        return first + n < LOW;
    }

    /**
     * A bottom-k sample of the finite values of a column: the values of the first {@code size}
     * rows in key order whose value is finite, with their keys. Equal to {@link RowSample#of} over
     * every finite row's key and value.
     *
     * @param value  the number of row i, NaN or ±∞ where the cell is missing, invalid or not finite
     * @param finite how many rows have a finite value
     * @param size   how many to keep
     * @return keys and values in key order, {@code min(size, finite)} of each
     */
    Sample sample(IntToDoubleFunction value, long finite, int size) {
        int want = (int) Math.min(size, finite);
        long[] keys = new long[want];
        double[] values = new double[want];
        // a front with as many rows as values wanted, scaled by the share of finite rows, and grown if short
        int guess = (int) Math.min(n, (long) Math.ceil(want * (double) n / Math.max(1, finite)) + 64);
        long[] order = front(guess);
        int taken = 0;
        int at = 0;
        while (taken < want) {
            if (at == order.length) {
                order = front((int) Math.min(n, 2L * order.length + 64));
            }
            long k = order[at++];
            double x = value.applyAsDouble((int) ((k & LOW) - first - 1)); // the row is the key's low word
            if (Double.isFinite(x)) {
                keys[taken] = k;
                values[taken++] = x;
            }
        }
        return new Sample(keys, values);
    }

    /** A column's sample: keys increasing, values in the same order. */
    record Sample(long[] keys, double[] values) {
    }

    /**
     * Computes the front of the order for {@code len} rows ahead, the rows' keys on every core. Call it
     * before the columns' tasks: the first column to need the order computes it inside {@link #front},
     * whose lock the others then wait on, on one core, while the rest idle (a tenth of a second of a
     * 2·10⁶-row table, csv13 in docs/benchmarks.md). Only the time changes: any front is the exact
     * beginning of the order, so the samples read from it are the same.
     *
     * @param len how many rows the columns' samples are expected to read (more are computed on demand)
     */
    void prepare(int len) {
        front(len, true);
    }

    /** The keys of at least {@code min(len, n)} rows with the smallest keys, increasing. */
    private long[] front(int len) {
        return front(len, false);
    }

    private synchronized long[] front(int len, boolean parallel) {
        int want = Math.min(len, n);
        if (front.length >= want) {
            return front;
        }
        // h4 is spread over [0, p): a threshold at the share wanted (plus a margin) passes about that many rows
        long threshold = Math.min(P, (long) (P * ((double) want / n) * 1.25) + 1024);
        while (true) {
            long[] out = parallel ? belowInParallel(threshold, want) : below(threshold, 0, n, want);
            if (out.length >= want || threshold >= P) {
                front = sortByHighWord(out, threshold);
                return front;
            }
            threshold = Math.min(P, threshold * 2);
        }
    }

    /** Buckets of about this many keys in {@link #sortByHighWord}. */
    private static final int PER_BUCKET = 4;

    /**
     * The keys sorted, as {@code Arrays.sort} sorts them: a counting pass over buckets of the high
     * word (which {@link #below} found spread over {@code [0, threshold)}, so a bucket holds a few
     * keys), then each bucket sorted. Sorting the 250,000 keys of a 200,000-value edge sample with
     * {@code Arrays.sort} was 13 of 362 Java samples of a 2·10⁶-row CSV baseline, on one thread and
     * largely interpreted (driftcost12, docs/benchmarks.md); this is three linear passes.
     *
     * @param keys      keys whose high word is in {@code [0, threshold)}; not modified
     * @param threshold above every key's high word, at most 2³¹
     * @return a new array, increasing
     */
    static long[] sortByHighWord(long[] keys, long threshold) {
        int m = keys.length;
        int buckets = Math.max(1, m / PER_BUCKET);
        int[] start = new int[buckets + 1];
        for (long k : keys) {
            start[bucket(k, buckets, threshold) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = Arrays.copyOf(start, buckets);
        long[] out = new long[m];
        for (long k : keys) {
            out[fill[bucket(k, buckets, threshold)]++] = k;
        }
        for (int b = 0; b < buckets; b++) {
            int from = start[b];
            int to = start[b + 1];
            if (to - from > 32) {
                Arrays.sort(out, from, to);
            } else {
                for (int i = from + 1; i < to; i++) { // insertion sort of a handful
                    long k = out[i];
                    int j = i - 1;
                    while (j >= from && out[j] > k) {
                        out[j + 1] = out[j];
                        j--;
                    }
                    out[j + 1] = k;
                }
            }
        }
        return out;
    }

    /** The bucket of a key: increasing in its high word, so the buckets in order hold the keys in order. */
    private static int bucket(long key, int buckets, long threshold) {
        return (int) ((key >>> 32) * buckets / threshold);
    }

    /** Rows a task of {@link #belowInParallel} takes at least. */
    private static final int ROWS_PER_TASK = 1 << 16;

    /** {@link #below} of every row, over blocks of rows in parallel, joined in row order. */
    private long[] belowInParallel(long threshold, int want) {
        int tasks = (int) Math.max(1, Math.min(64, n / ROWS_PER_TASK));
        long[][] part = new long[tasks][];
        java.util.stream.IntStream.range(0, tasks).parallel().forEach(t -> part[t] = below(threshold,
                (int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks), (int) ((long) want / tasks)));
        int m = 0;
        for (long[] p : part) {
            m += p.length;
        }
        long[] out = new long[m];
        int at = 0;
        for (long[] p : part) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The keys of rows {@code [from, to)} whose high word is below {@code threshold}, in row order. */
    private long[] below(long threshold, int from, int to, int expected) {
        long[] out = new long[Math.max(16, expected + expected / 4)];
        int m = 0;
        for (int i = from; i < to; i++) {
            long k = RowSample.key(row(i), RowSample.SEED);
            if (k >>> 32 < threshold) {
                if (m == out.length) {
                    out = Arrays.copyOf(out, out.length + out.length / 2 + 16);
                }
                out[m++] = k;
            }
        }
        return Arrays.copyOf(out, m);
    }
}
