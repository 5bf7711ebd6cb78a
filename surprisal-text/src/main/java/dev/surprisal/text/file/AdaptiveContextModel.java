// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

/**
 * The sequential code length of a byte string under an adaptive PPM context model of order ≤ 2
 * with escape method C and (optionally) exclusion: Cleary &amp; Witten (1984, "Data compression
 * using adaptive coding and partial string matching", IEEE Trans. Comm. 32(4)) with Moffat's
 * escape estimate (1990, "Implementing the PPM data compression scheme", IEEE Trans. Comm. 38(11)).
 *
 * <p>In a context seen T times with d distinct successors, a seen symbol costs −log₂(c/(T+d)) and
 * an escape −log₂(d/(T+d)); a context never seen costs nothing and passes to the next lower
 * order; below order 0 every remaining byte value is equally likely. With exclusion, symbols
 * already offered by a higher order are removed from T and d on the way down. All orders are
 * updated after each byte. The sum of −log₂ p over the input is an <em>achievable</em> code
 * length: an arithmetic coder driven by the same model gets within a few bytes of it.
 */
public final class AdaptiveContextModel {
    private final int order;
    private final boolean exclusion;

    private AdaptiveContextModel(int order, boolean exclusion) {
        this.order = order;
        this.exclusion = exclusion;
    }

    /**
     * A PPM-C model of the given maximum order (0–2).
     *
     * @param order the maximum context order, 0 to 2
     * @param exclusion whether symbols already excluded at a longer context are left out at shorter ones
     * @return the model
     */
    public static AdaptiveContextModel ppmc(int order, boolean exclusion) {
        if (order < 0 || order > 2) {
            throw new ValidationException("order: is " + order + ", expected 0..2");
        }
        return new AdaptiveContextModel(order, exclusion);
    }

    /**
     * Maximum context order.
     *
     * @return the maximum context order
     */
    public int order() {
        return order;
    }

    /**
     * Total code length of {@code data} in bits.
     *
     * @param data the bytes to code
     * @return the adaptive code length of {@code data}, in bits
     */
    public double codeLengthBits(byte[] data) {
        if (data == null) {
            throw new ValidationException("data: is null");
        }
        // Per order and context: the counts (allocated when the context is first seen), the total,
        // the number of distinct symbols, and the set of symbols seen as a 256-bit set (4 longs).
        // The sets make an escape's exclusion a few word operations: the symbols excluded so far
        // are one set, and a lower context's total drops by the counts of the symbols in both.
        int[][][] counts = new int[order + 1][][];
        int[][] totals = new int[order + 1][];
        int[][] distinct = new int[order + 1][];
        long[][] seen = new long[order + 1][];
        for (int o = 0; o <= order; o++) {
            int contexts = 1 << (8 * o);
            counts[o] = new int[contexts][];
            totals[o] = new int[contexts];
            distinct[o] = new int[contexts];
            seen[o] = new long[4 * contexts];
        }
        long ex0 = 0;
        long ex1 = 0;
        long ex2 = 0;
        long ex3 = 0;
        double bits = 0;
        final double ln2 = Math.log(2);
        int history = 0; // the last bytes, most recent lowest: the order-o context is its low 8·o bits
        for (int i = 0; i < data.length; i++) {
            int sym = data[i] & 0xff;
            ex0 = 0;
            ex1 = 0;
            ex2 = 0;
            ex3 = 0;
            boolean coded = false;
            for (int o = Math.min(order, i); o >= 0 && !coded; o--) {
                int ctx = history & ((1 << (8 * o)) - 1);
                int d = distinct[o][ctx];
                if (d == 0) {
                    continue;
                }
                int[] c = counts[o][ctx];
                long[] set = seen[o];
                int w = 4 * ctx;
                int t = totals[o][ctx];
                if (exclusion) {
                    long m0 = set[w] & ex0;
                    long m1 = set[w + 1] & ex1;
                    long m2 = set[w + 2] & ex2;
                    long m3 = set[w + 3] & ex3;
                    d -= Long.bitCount(m0) + Long.bitCount(m1) + Long.bitCount(m2) + Long.bitCount(m3);
                    t -= sum(c, m0, 0) + sum(c, m1, 64) + sum(c, m2, 128) + sum(c, m3, 192);
                }
                if (d == 0) {
                    continue;
                }
                if (c[sym] > 0) {
                    bits += Math.log((double) (t + d) / c[sym]) / ln2;
                    coded = true;
                } else {
                    bits += Math.log((double) (t + d) / d) / ln2;
                    if (exclusion) {
                        ex0 |= set[w];
                        ex1 |= set[w + 1];
                        ex2 |= set[w + 2];
                        ex3 |= set[w + 3];
                    }
                }
            }
            if (!coded) {
                int excluded = Long.bitCount(ex0) + Long.bitCount(ex1) + Long.bitCount(ex2) + Long.bitCount(ex3);
                bits += Math.log(256 - excluded) / ln2;
            }
            for (int o = Math.min(order, i); o >= 0; o--) {
                int ctx = history & ((1 << (8 * o)) - 1);
                int[] c = counts[o][ctx];
                if (c == null) {
                    c = new int[256];
                    counts[o][ctx] = c;
                }
                if (c[sym]++ == 0) {
                    distinct[o][ctx]++;
                    seen[o][4 * ctx + (sym >>> 6)] |= 1L << sym;
                }
                totals[o][ctx]++;
            }
            history = (history << 8) | sym;
        }
        return bits;
    }

    /** Σ c[base + b] over the set bits b of {@code mask}. */
    private static int sum(int[] c, long mask, int base) {
        int s = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            s += c[base + Long.numberOfTrailingZeros(m)];
        }
        return s;
    }
}
