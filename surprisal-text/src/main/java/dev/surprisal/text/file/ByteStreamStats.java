// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.Locale;

/**
 * Mergeable sufficient statistics of a byte stream for {@link EntAnalysis}: the byte histogram,
 * the lag-1 product sum, the first and last byte, and the Monte Carlo hits of 6-byte groups.
 * One instance accumulates one contiguous chunk; chunks that start at multiples of 6 merge in
 * order, which is what lets {@link EntAnalysis} read a large file on several threads.
 *
 * <p>All five of ent's statistics come from one pass, 24 bytes (three big-endian longs, four
 * Monte Carlo groups) per step. The bytes are counted in pairs: each aligned pair
 * (b<sub>2j</sub>, b<sub>2j+1</sub>) increments one of 65,536 counters, which halves the
 * read-modify-write operations that bound a byte histogram, and the pair counts give, besides
 * both bytes' counts, the products b<sub>2j</sub>·b<sub>2j+1</sub> of half the lag-1 terms
 * (Σ count·a·b when the counters are folded); the other half, b<sub>2j+1</sub>·b<sub>2j+2</sub>,
 * are multiplied out. Every sum is an exact integer, so any split into chunks gives the same result.
 */
final class ByteStreamStats {
    /** Bytes per Monte Carlo point: 24-bit x then 24-bit y, as ent's MONTEN = 6. */
    static final int MONTE_BYTES = 6;
    /** Bytes per step of the fused loop: three longs, four Monte Carlo groups. */
    static final int STEP = 24;
    /** ent's in-circle radius squared, (256³ − 1)². */
    static final long MONTE_RADIUS_SQ = (long) ((1 << 24) - 1) * ((1 << 24) - 1);
    /** Two byte lanes, bits 0–7 and 32–39, for two products in one multiplication ({@link #odd}). */
    private static final long LANES = 0x000000ff000000ffL;
    /**
     * Steps per call of the fused loop: 32 (768 bytes, in L1). Short calls make the JIT compile the loop
     * as a method after a few hundred calls, within the first MiB, rather than waiting on on-stack
     * replacement of a loop that ran a whole 192 KiB block per call (docs/benchmarks.md, terse17). At 32
     * steps C2 compiles it once: tiered compilation asks for the method's compile after 600 calls with
     * 15,000 calls plus loop iterations (19,200 here), before its loop reaches the 40,000 iterations that
     * ask for an on-stack-replacement compile; at 128 steps the OSR compile came first and the method was
     * compiled twice, the second C2 compile of a 562-byte loop on the two cores the pass runs on (terse18).
     */
    static final int KERNEL_STEPS = 32;
    /** Pairs a counter may take before it is folded (well under 2³¹). */
    private static final long FOLD_AFTER = 1L << 30;

    final long[] counts = new long[256];
    long n;
    long lagProducts;      // Σ x_i x_{i+1} inside the chunk
    int first = -1;
    int last = -1;
    long monteTries;
    long monteHits;
    private final int[] pending = new int[MONTE_BYTES];
    private int pendingLength;
    /** Counts of aligned byte pairs, index (first << 8) | second, since the last fold; made on first use. */
    private int[] pairs;
    /** Whether direct buffers go to the native kernel ({@link NativeEntKernel}). */
    private final boolean useNative;
    /** The native kernel's state, made on its first use (a merge target or a heap-only caller never needs one). */
    private ByteBuffer nativeState;
    private long unfolded;
    /** The current call's bytes as little-endian longs, copied out of the caller's buffer. */
    private final long[] words = new long[3 * KERNEL_STEPS];
    /** Calls of the fused loop (a test checks that a large add makes many short ones). */
    long kernelCalls;

    /** Statistics counted by the native kernel when it is loaded (direct buffers only), else in Java. */
    ByteStreamStats() {
        this(NativeEntKernel.available());
    }

    /**
     * @param useNative whether direct buffers go to the native kernel; true only when it is loaded (tests compare
     *                  both paths in one JVM)
     */
    ByteStreamStats(boolean useNative) {
        this.useNative = useNative;
    }

    /** Adds {@code len} bytes of {@code buf} from {@code off}, in stream order. */
    void add(byte[] buf, int off, int len) {
        add(ByteBuffer.wrap(buf), off, len);
    }

    /**
     * Adds {@code len} bytes of {@code buf} (heap or direct) from index {@code off}, in
     * stream order; the buffer's position, limit and byte order are not used or changed.
     */
    void add(ByteBuffer buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        // the native kernel reads memory directly: a range outside the buffer must fail here, as the Java loop would
        java.util.Objects.checkFromIndexSize(off, len, buf.capacity());
        ByteBuffer bb = buf.duplicate().order(ByteOrder.BIG_ENDIAN);
        int i = off;
        int end = off + len;
        if (first < 0) {
            first = bb.get(off) & 0xff;
        }
        long prod = lagProducts;
        int prev = last;
        // finish a partly filled Monte Carlo group byte by byte
        while (pendingLength != 0 && i < end) {
            int b = bb.get(i++) & 0xff;
            prod += single(prev, b);
            prev = b;
        }
        int steps = (end - i) / STEP;
        if (steps > 0 && useNative && buf.isDirect()) {
            if (nativeState == null) {
                nativeState = NativeEntKernel.newState();
            }
            long p = prev < 0 ? 0 : prev;
            long lag = NativeEntKernel.steps(buf, i, steps, p, nativeState);
            if (lag < 0) { // not reached: the range and the buffer's kind were checked above
                throw new IllegalStateException(String.format(Locale.ROOT, "the native kernel refused %d bytes at %d", steps * STEP, i));
            }
            prod += lag;
            i += steps * STEP;
            prev = bb.get(i - 1) & 0xff;
            monteTries += 4L * steps;
            kernelCalls++;
        } else if (steps > 0) {
            // the whole steps as little-endian longs (a plain copy on x86 and ARM), KERNEL_STEPS × 3 at a time
            ByteBuffer whole = buf.duplicate();
            whole.limit(whole.capacity()).position(i).limit(i + steps * STEP);
            LongBuffer longs = whole.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
            long[] w = words;
            long p = prev < 0 ? 0 : prev;
            while (steps > 0) {
                if (unfolded > FOLD_AFTER) {
                    fold(); // one call adds at most KERNEL_STEPS × 12 pairs, so no counter passes 2³¹ − 1
                }
                int k = Math.min(KERNEL_STEPS, steps);
                longs.get(w, 0, 3 * k);
                prod += fused(w, k, p);
                p = w[3 * k - 1] >>> 56; // the last byte of a little-endian long is its top byte
                steps -= k;
                i += k * STEP;
            }
            prev = (int) p;
        }
        for (; i < end; i++) {
            int b = bb.get(i) & 0xff;
            prod += single(prev, b);
            prev = b;
        }
        lagProducts = prod;
        last = prev;
        n += len;
    }

    /**
     * The fused loop over {@code steps} × 24 bytes, the first {@code 3 × steps} little-endian longs of
     * {@code w}, whose first Monte Carlo group starts there; {@code prev} is the byte before (0 at the
     * start of the stream). Read as longs from an array, not by {@code ByteBuffer.getLong}: the loop is
     * then small for the JIT (the first call's interpreted and C1 phases are shorter, and C2 inlines no
     * buffer accessors), and the copy out of the 192 KiB block is a memcpy into L1. Returns the
     * lag products not held in the pair counters: prev·b₀ and every b<sub>2j+1</sub>·b<sub>2j+2</sub>.
     */
    private long fused(long[] w, int steps, long prev) {
        int[] t = pairs;
        if (t == null) {
            t = pairs = new int[1 << 16];
        }
        long prod = 0;
        long hits = 0;
        long p = prev;
        // k itself is the loop's counter (stride 3), so C2 can hoist the range checks of w[k .. k + 2]
        for (int k = 0, end = 3 * steps; k < end; k += 3) {
            long a = Long.reverseBytes(w[k]);
            long b = Long.reverseBytes(w[k + 1]);
            long c = Long.reverseBytes(w[k + 2]);
            t[(int) (a >>> 48)]++;
            t[(int) (a >>> 32) & 0xffff]++;
            t[(int) (a >>> 16) & 0xffff]++;
            t[(int) a & 0xffff]++;
            t[(int) (b >>> 48)]++;
            t[(int) (b >>> 32) & 0xffff]++;
            t[(int) (b >>> 16) & 0xffff]++;
            t[(int) b & 0xffff]++;
            t[(int) (c >>> 48)]++;
            t[(int) (c >>> 32) & 0xffff]++;
            t[(int) (c >>> 16) & 0xffff]++;
            t[(int) c & 0xffff]++;
            prod += p * (a >>> 56) + odd(a, b) + odd(b, c) + (((c >>> 16) & LANES) * (((c << 24) | (c >>> 40)) & LANES) >>> 32)
                    + ((c >>> 32) & 0xff) * ((c >>> 24) & 0xff);
            p = c & 0xff;
            // the four groups a0..a5, a6 a7 b0..b3, b4..b7 c0 c1, c2..c7, each x (3 bytes) then y (3 bytes)
            long x0 = a >>> 40;
            long y0 = (a >>> 16) & 0xffffff;
            long x1 = ((a & 0xffff) << 8) | (b >>> 56);
            long y1 = (b >>> 32) & 0xffffff;
            long x2 = (b >>> 8) & 0xffffff;
            long y2 = ((b & 0xff) << 16) | (c >>> 48);
            long x3 = (c >>> 24) & 0xffffff;
            long y3 = c & 0xffffff;
            // branch-free: on random bytes the test is true 78.5% of the time, which a branch mispredicts
            hits += ((x0 * x0 + y0 * y0 - MONTE_RADIUS_SQ - 1) >>> 63) + ((x1 * x1 + y1 * y1 - MONTE_RADIUS_SQ - 1) >>> 63)
                    + ((x2 * x2 + y2 * y2 - MONTE_RADIUS_SQ - 1) >>> 63) + ((x3 * x3 + y3 * y3 - MONTE_RADIUS_SQ - 1) >>> 63);
        }
        monteHits += hits;
        kernelCalls++;
        monteTries += 4L * steps;
        unfolded += 12L * steps;
        return prod;
    }

    /**
     * b₁b₂ + b₃b₄ + b₅b₆ + b₇·(the next long's b₀) of a big-endian long {@code a}, two products per
     * multiplication: (u·2³² + v)(w·2³² + x) = uw·2⁶⁴ + (ux + vw)·2³² + vx, where ux + vw &lt; 2¹⁷ and
     * vx &lt; 2¹⁶, so bits 32–63 of the 64-bit product hold ux + vw exactly.
     */
    private static long odd(long a, long next) {
        long b1b5 = (a >>> 16) & LANES;
        long b6b2 = ((a << 24) | (a >>> 40)) & LANES;
        long b3b7 = a & LANES;
        long n0b4 = ((next >>> 24) & (0xffL << 32)) | ((a >>> 24) & 0xff);
        return ((b1b5 * b6b2) >>> 32) + ((b3b7 * n0b4) >>> 32);
    }

    /** One byte outside the fused loop: count, Monte Carlo group; returns its lag product. */
    private long single(int prev, int b) {
        counts[b]++;
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
        return prev < 0 ? 0 : (long) prev * b;
    }

    /**
     * Moves the pair counters into the byte counts and their products into the lag sum. Nothing to do
     * when no pair was counted since the last fold: {@link #append} folds both sides, which
     * {@link #finish} has already done for each chunk, and scanning 65,536 zero counters again also made
     * C2 recompile this loop after its branch profile changed (terse18).
     */
    private void fold() {
        if (nativeState != null) {
            monteHits += NativeEntKernel.drain(nativeState, counts);
        }
        if (unfolded == 0) {
            return;
        }
        int[] t = pairs;
        long prod = 0;
        for (int x = 0; x < 256; x++) {
            long row = 0;
            long weighted = 0;
            for (int y = 0, k = x << 8; y < 256; y++, k++) {
                int c = t[k];
                if (c != 0) {
                    row += c;
                    weighted += (long) c * y;
                    counts[y] += c;
                    t[k] = 0;
                }
            }
            counts[x] += row;
            prod += weighted * x;
        }
        lagProducts += prod;
        unfolded = 0;
    }

    /**
     * Appends {@code next}, the statistics of the chunk that directly follows this one. This
     * chunk's length must be a multiple of 6 (or {@code next} empty) so Monte Carlo groups align.
     */
    void append(ByteStreamStats next) {
        fold();
        next.fold();
        if (next.n == 0) {
            return;
        }
        if (n % MONTE_BYTES != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "chunk length %d is not a multiple of %d", n, MONTE_BYTES));
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

    /** Finishes accumulation (folds the pair counters). */
    ByteStreamStats finish() {
        fold();
        return this;
    }
}
