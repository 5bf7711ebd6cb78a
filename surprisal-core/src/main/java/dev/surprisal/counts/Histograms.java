// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import java.util.stream.IntStream;

/**
 * Counting kernels on int arrays. Each chunk fills its own {@code int[]} histogram (an int array
 * holds fewer than 2³¹ samples, so a chunk's counts cannot overflow); chunks run in parallel and
 * are summed in chunk order, so the result does not depend on the number of threads. Small
 * histograms are kept as four interleaved copies: consecutive equal labels would otherwise make
 * each increment wait for the store of the previous one.
 */
final class Histograms {
    /** Below this many samples counting stays on the calling thread. */
    static final int PARALLEL_MIN = 1 << 20;
    /** Minimum samples per parallel chunk. */
    private static final int CHUNK_MIN = 1 << 18;
    /** Bound on the scratch ints held by all chunks together (256 MiB). */
    private static final long SCRATCH_MAX = 1L << 26;
    /** Histograms up to this size use four interleaved copies. */
    private static final int UNROLL_MAX = 1 << 12;
    /** Labels read to guess the range of a single-pass histogram. */
    static final int PREFIX = 1 << 12;

    private Histograms() {
    }

    /** Number of chunks for {@code n} samples and {@code cells} cells; 1 = sequential. */
    static int chunks(int n, long cells) {
        if (n < PARALLEL_MIN) {
            return 1;
        }
        int c = Math.min(Runtime.getRuntime().availableProcessors(), n / CHUNK_MIN);
        long perChunk = cells <= UNROLL_MAX ? 4 * cells : cells;
        while (c > 1 && c * perChunk > SCRATCH_MAX) {
            c--;
        }
        return Math.max(1, c);
    }

    /** {min, max} of a non-empty array. */
    static int[] minMax(int[] a, int chunks) {
        if (chunks <= 1) {
            return minMax(a, 0, a.length);
        }
        int[][] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(k -> minMax(a, bound(a.length, chunks, k), bound(a.length, chunks, k + 1)))
                .toArray(int[][]::new);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int[] p : parts) {
            min = Math.min(min, p[0]);
            max = Math.max(max, p[1]);
        }
        return new int[] {min, max};
    }

    private static int[] minMax(int[] a, int from, int to) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            int v = a[i];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new int[] {min, max};
    }

    static int bound(int n, int chunks, int k) {
        return (int) ((long) n * k / chunks);
    }

    /** Histogram of {@code a[i] - min} over {@code range} cells. */
    static long[] histogram(int[] a, int min, int range, int chunks) {
        if (chunks <= 1) {
            return widen(histogram(a, 0, a.length, min, range), range);
        }
        int[][] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(k -> histogram(a, bound(a.length, chunks, k), bound(a.length, chunks, k + 1), min, range))
                .toArray(int[][]::new);
        return sum(parts, range);
    }

    private static int[] histogram(int[] a, int from, int to, int min, int range) {
        if (range > UNROLL_MAX) {
            int[] h = new int[range];
            for (int i = from; i < to; i++) {
                h[a[i] - min]++;
            }
            return h;
        }
        int[] h = new int[4 * range];
        int r2 = 2 * range;
        int r3 = 3 * range;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h[a[i] - min]++;
            h[range + a[i + 1] - min]++;
            h[r2 + a[i + 2] - min]++;
            h[r3 + a[i + 3] - min]++;
        }
        for (; i < to; i++) {
            h[a[i] - min]++;
        }
        return h;
    }

    /**
     * Single-pass histogram for small-range labels, without a min/max pass: the range is guessed
     * from a prefix of {@value #PREFIX} labels, widened to a power of two {@code cells ≤ 4096} around
     * it, and every group of four labels is checked against it with one mask test (which a loop
     * predicts perfectly while the guess holds). Returns {@code {start, counts[0], …, counts[cells-1]}}
     * as longs (count c is of label start + c), or null when the prefix range is too wide or any label
     * falls outside the guess; the caller then takes the two-pass path.
     */
    static long[] histogramGuessed(int[] a, int chunks) {
        int n = a.length;
        int p = Math.min(n, PREFIX);
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < p; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        long seen = (long) hi - lo + 1;
        if (seen > UNROLL_MAX) {
            return null;
        }
        int cells = Integer.highestOneBit((int) seen);
        if (cells < seen) {
            cells <<= 1;
        }
        // centre the spare cells around the prefix range, without overflowing int
        long start = Math.max(Integer.MIN_VALUE, lo - (cells - seen) / 2);
        start = Math.min(start, (long) Integer.MAX_VALUE - cells + 1);
        int first = (int) start;
        int size = cells;
        int[][] parts;
        if (chunks <= 1) {
            parts = new int[][] {guessed(a, 0, n, first, size)};
        } else {
            parts = IntStream.range(0, chunks).parallel()
                    .mapToObj(k -> guessed(a, bound(n, chunks, k), bound(n, chunks, k + 1), first, size))
                    .toArray(int[][]::new);
        }
        long[] out = new long[cells + 1];
        out[0] = first;
        for (int[] h : parts) {
            if (h == null) {
                return null;
            }
            for (int k = 0; k < h.length; k += cells) {
                for (int c = 0; c < cells; c++) {
                    out[1 + c] += h[k + c];
                }
            }
        }
        return out;
    }

    /** Four interleaved histograms of a[from, to) − first over cells (a power of two); null if out of range. */
    private static int[] guessed(int[] a, int from, int to, int first, int cells) {
        int[] h = new int[4 * cells];
        int outside = -cells;
        int i = from;
        for (; i + 3 < to; i += 4) {
            int d0 = a[i] - first;
            int d1 = a[i + 1] - first;
            int d2 = a[i + 2] - first;
            int d3 = a[i + 3] - first;
            if (((d0 | d1 | d2 | d3) & outside) != 0) {
                return null;
            }
            h[d0]++;
            h[cells + d1]++;
            h[2 * cells + d2]++;
            h[3 * cells + d3]++;
        }
        for (; i < to; i++) {
            int d = a[i] - first;
            if ((d & outside) != 0) {
                return null;
            }
            h[d]++;
        }
        return h;
    }

    /** Histogram of {@code (x[i] - xMin)·cols + (y[i] - yMin)} over {@code cells} cells. */
    static long[] histogram2(int[] x, int xMin, int[] y, int yMin, int cols, int cells, int chunks) {
        if (chunks <= 1) {
            return widen(histogram2(x, y, 0, x.length, xMin, yMin, cols, cells), cells);
        }
        int n = x.length;
        int[][] parts = IntStream.range(0, chunks).parallel()
                .mapToObj(k -> histogram2(x, y, bound(n, chunks, k), bound(n, chunks, k + 1), xMin, yMin, cols, cells))
                .toArray(int[][]::new);
        return sum(parts, cells);
    }

    private static int[] histogram2(int[] x, int[] y, int from, int to, int xMin, int yMin, int cols, int cells) {
        // fold the offsets into one constant: (x - xMin)·cols + (y - yMin) = x·cols + y - shift
        int shift = xMin * cols + yMin;
        if (cells > UNROLL_MAX) {
            int[] h = new int[cells];
            for (int i = from; i < to; i++) {
                h[x[i] * cols + y[i] - shift]++;
            }
            return h;
        }
        int[] h = new int[4 * cells];
        int s1 = cells - shift;
        int s2 = 2 * cells - shift;
        int s3 = 3 * cells - shift;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h[x[i] * cols + y[i] - shift]++;
            h[x[i + 1] * cols + y[i + 1] + s1]++;
            h[x[i + 2] * cols + y[i + 2] + s2]++;
            h[x[i + 3] * cols + y[i + 3] + s3]++;
        }
        for (; i < to; i++) {
            h[x[i] * cols + y[i] - shift]++;
        }
        return h;
    }

    private static long[] widen(int[] h, int cells) {
        long[] out = new long[cells];
        for (int k = 0; k < h.length; k += cells) {
            for (int c = 0; c < cells; c++) {
                out[c] += h[k + c];
            }
        }
        return out;
    }

    private static long[] sum(int[][] parts, int cells) {
        long[] out = new long[cells];
        for (int[] h : parts) {
            for (int k = 0; k < h.length; k += cells) {
                for (int c = 0; c < cells; c++) {
                    out[c] += h[k + c];
                }
            }
        }
        return out;
    }
}
