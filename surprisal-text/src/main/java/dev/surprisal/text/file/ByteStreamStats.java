// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

/**
 * Mergeable sufficient statistics of a byte stream for {@link EntAnalysis}: the byte histogram,
 * the lag-1 product sum, the first and last byte, and the Monte Carlo hits of 6-byte groups.
 * One instance accumulates one contiguous chunk; chunks that start at multiples of 6 merge in
 * order, which is what lets {@link EntAnalysis} read a large file on several threads.
 */
final class ByteStreamStats {
    /** Bytes per Monte Carlo point: 24-bit x then 24-bit y, as ent's MONTEN = 6. */
    static final int MONTE_BYTES = 6;
    /** ent's in-circle radius squared, (256³ − 1)². */
    static final long MONTE_RADIUS_SQ = (long) ((1 << 24) - 1) * ((1 << 24) - 1);

    final long[] counts = new long[256];
    long n;
    long lagProducts;      // Σ x_i x_{i+1} inside the chunk
    int first = -1;
    int last = -1;
    long monteTries;
    long monteHits;
    private final int[] pending = new int[MONTE_BYTES];
    private int pendingLength;
    private final int[] h0 = new int[256];
    private final int[] h1 = new int[256];
    private final int[] h2 = new int[256];
    private int unflushed;

    /** Adds {@code len} bytes of {@code buf} from {@code off}, in stream order. */
    void add(byte[] buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        int i = off;
        int end = off + len;
        if (first < 0) {
            first = buf[off] & 0xff;
        }
        long prod = lagProducts;
        int prev = last;
        // finish a partly filled Monte Carlo group byte by byte
        while (pendingLength != 0 && i < end) {
            int b = buf[i++] & 0xff;
            h0[b]++;
            if (prev >= 0) {
                prod += (long) prev * b;
            }
            prev = b;
            pushMonte(b);
        }
        int[] a0 = h0;
        int[] a1 = h1;
        int[] a2 = h2;
        long hits = 0;
        int groups = 0;
        // three sub-histograms break the store-to-load chains on repeated bytes
        for (; i + MONTE_BYTES <= end; i += MONTE_BYTES) {
            int b0 = buf[i] & 0xff;
            int b1 = buf[i + 1] & 0xff;
            int b2 = buf[i + 2] & 0xff;
            int b3 = buf[i + 3] & 0xff;
            int b4 = buf[i + 4] & 0xff;
            int b5 = buf[i + 5] & 0xff;
            a0[b0]++;
            a1[b1]++;
            a2[b2]++;
            a0[b3]++;
            a1[b4]++;
            a2[b5]++;
            int p = prev < 0 ? 0 : prev;
            prod += p * b0 + b0 * b1 + b1 * b2 + b2 * b3 + b3 * b4 + b4 * b5;
            prev = b5;
            long x = (b0 << 16) | (b1 << 8) | b2;
            long y = (b3 << 16) | (b4 << 8) | b5;
            // branch-free: on random bytes the test is true 78.5% of the time, which a branch mispredicts
            hits += (x * x + y * y - MONTE_RADIUS_SQ - 1) >>> 63;
            groups++;
        }
        monteHits += hits;
        monteTries += groups;
        for (; i < end; i++) {
            int b = buf[i] & 0xff;
            h0[b]++;
            if (prev >= 0) {
                prod += (long) prev * b;
            }
            prev = b;
            pushMonte(b);
        }
        lagProducts = prod;
        last = prev;
        n += len;
        unflushed += len;
        if (unflushed > (1 << 30)) {
            flush();
        }
    }

    private void pushMonte(int b) {
        pending[pendingLength++] = b;
        if (pendingLength == MONTE_BYTES) {
            pendingLength = 0;
            long x = (pending[0] << 16) | (pending[1] << 8) | pending[2];
            long y = (pending[3] << 16) | (pending[4] << 8) | pending[5];
            monteTries++;
            if (x * x + y * y <= MONTE_RADIUS_SQ) {
                monteHits++;
            }
        }
    }

    private void flush() {
        for (int b = 0; b < 256; b++) {
            counts[b] += (long) h0[b] + h1[b] + h2[b];
            h0[b] = 0;
            h1[b] = 0;
            h2[b] = 0;
        }
        unflushed = 0;
    }

    /**
     * Appends {@code next}, the statistics of the chunk that directly follows this one. This
     * chunk's length must be a multiple of 6 (or {@code next} empty) so Monte Carlo groups align.
     */
    void append(ByteStreamStats next) {
        flush();
        next.flush();
        if (next.n == 0) {
            return;
        }
        if (n % MONTE_BYTES != 0) {
            throw new IllegalStateException("chunk length " + n + " is not a multiple of " + MONTE_BYTES);
        }
        for (int b = 0; b < 256; b++) {
            counts[b] += next.counts[b];
        }
        lagProducts += next.lagProducts + (last >= 0 ? (long) last * next.first : 0);
        if (first < 0) {
            first = next.first;
        }
        last = next.last;
        n += next.n;
        monteTries += next.monteTries;
        monteHits += next.monteHits;
    }

    /** Finishes accumulation (folds the sub-histograms). */
    ByteStreamStats finish() {
        flush();
        return this;
    }
}
