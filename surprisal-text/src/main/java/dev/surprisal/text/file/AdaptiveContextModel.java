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
        // counts[o][ctx] is lazily allocated: 256 counts, then the distinct symbols seen in order of
        // first appearance, so that an escape excludes d symbols without scanning all 256
        int[][][] counts = new int[order + 1][][];
        int[][] totals = new int[order + 1][];
        int[][] distinct = new int[order + 1][];
        for (int o = 0; o <= order; o++) {
            int contexts = 1 << (8 * o);
            counts[o] = new int[contexts][];
            totals[o] = new int[contexts];
            distinct[o] = new int[contexts];
        }
        int[] excludedList = new int[256];
        int[] stamp = new int[256];
        int epoch = 0;
        double bits = 0;
        final double ln2 = Math.log(2);
        for (int i = 0; i < data.length; i++) {
            int sym = data[i] & 0xff;
            epoch++;
            int excluded = 0;
            boolean coded = false;
            for (int o = Math.min(order, i); o >= 0 && !coded; o--) {
                int ctx = context(data, i, o);
                int[] c = counts[o][ctx];
                if (c == null || distinct[o][ctx] == 0) {
                    continue;
                }
                int t = totals[o][ctx];
                int d = distinct[o][ctx];
                if (exclusion) {
                    for (int e = 0; e < excluded; e++) {
                        int ce = c[excludedList[e]];
                        if (ce > 0) {
                            t -= ce;
                            d--;
                        }
                    }
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
                        for (int k = 256, end = 256 + distinct[o][ctx]; k < end; k++) {
                            int x = c[k];
                            if (stamp[x] != epoch) {
                                stamp[x] = epoch;
                                excludedList[excluded++] = x;
                            }
                        }
                    }
                }
            }
            if (!coded) {
                bits += Math.log(256 - excluded) / ln2;
            }
            for (int o = Math.min(order, i); o >= 0; o--) {
                int ctx = context(data, i, o);
                int[] c = counts[o][ctx];
                if (c == null) {
                    c = new int[512];
                    counts[o][ctx] = c;
                }
                if (c[sym]++ == 0) {
                    c[256 + distinct[o][ctx]++] = sym;
                }
                totals[o][ctx]++;
            }
        }
        return bits;
    }

    private static int context(byte[] data, int i, int o) {
        int ctx = 0;
        for (int j = i - o; j < i; j++) {
            ctx = (ctx << 8) | (data[j] & 0xff);
        }
        return ctx;
    }
}
