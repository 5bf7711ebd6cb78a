// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.math.BigInteger;

/**
 * The double nearest a decimal w·10^q (w a 64-bit unsigned integer of at most 19 digits) without
 * big-integer arithmetic, after Eisel and Lemire (D. Lemire, "Number parsing at a gigabyte per second",
 * Software: Practice and Experience 51(8), 2021): w is shifted so that its top bit is set, multiplied
 * by a 128-bit truncation T of 5^q (whose binary exponent is kept beside it), and the top 54 bits of
 * the 192-bit product give the mantissa and its rounding bit. A truncated T is below 5^q by less than
 * one unit of its last bit, so the product is below the exact w·5^q by less than w &lt; 2^64, i.e. less
 * than one unit of the product's middle word. The rounding is therefore decided unless the discarded
 * bits lie within that distance of one half of the mantissa's last place; then, and for a result
 * outside the normal range (a subnormal, an overflow), the caller's exact conversion decides. This
 * keeps the result bit-equal to {@link Double#parseDouble}: a 17-digit decimal (how Java, DuckDB and
 * pandas print a double) is decided here with two 64×64-bit multiplies instead of a big-integer
 * division.
 */
final class EiselLemire {
    /** The smallest and largest q with a table entry (fast_float's range; beyond it the exact path decides). */
    static final int MIN_Q = -342;
    static final int MAX_Q = 308;

    /** High and low 64 bits of T_q, T_q in [2^127, 2^128), and s_q with 5^q ≈ T_q·2^s_q (T_q ≤ 5^q·2^-s_q). */
    private static final long[] HIGH = new long[MAX_Q - MIN_Q + 1];
    private static final long[] LOW = new long[HIGH.length];
    private static final int[] SHIFT = new int[HIGH.length];

    static {
        // 5^q for q ≥ 0 truncated (exact while 5^q < 2^128), and 2^b / 5^-q truncated for q < 0, with b
        // chosen so that the quotient lies in [2^127, 2^128): generated here from BigInteger, not typed in
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger five = BigInteger.ONE;
        for (int q = 0; q <= -MIN_Q; q++) {
            int bits = five.bitLength();
            if (q <= MAX_Q) {
                BigInteger t = bits <= 128 ? five.shiftLeft(128 - bits) : five.shiftRight(bits - 128);
                put(q, t, bits - 128, mask);
            }
            if (q > 0) {
                int b = 127 + bits;
                put(-q, BigInteger.ONE.shiftLeft(b).divide(five), -b, mask);
            }
            five = five.multiply(BigInteger.valueOf(5));
        }
    }

    private static void put(int q, BigInteger t, int shift, BigInteger mask) {
        if (t.bitLength() != 128) {
            throw new IllegalStateException("5^" + q + ": table entry of " + t.bitLength() + " bits");
        }
        HIGH[q - MIN_Q] = t.shiftRight(64).longValue();
        LOW[q - MIN_Q] = t.and(mask).longValue();
        SHIFT[q - MIN_Q] = shift;
    }

    private EiselLemire() {
    }

    /**
     * @param w        the decimal's digits as an unsigned 64-bit integer, not 0
     * @param q        the power of ten
     * @param negative whether the number is negative
     * @return the double nearest ±w·10^q, rounded half to even, or NaN when this method cannot decide it
     *         (near a halfway point, a subnormal or overflowing result, q outside [{@value #MIN_Q},
     *         {@value #MAX_Q}]): the caller then converts the text exactly
     */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0 || q < MIN_Q || q > MAX_Q) {
            return Double.NaN;
        }
        int lz = Long.numberOfLeadingZeros(w);
        long x = w << lz;
        int at = q - MIN_Q;
        long th = HIGH[at];
        long tl = LOW[at];
        // the 192-bit x·T as (top, mid, ·): x·th = (a1, a0), x·tl = (b1, ·)
        long a1 = unsignedMultiplyHigh(x, th);
        long a0 = x * th;
        long b1 = unsignedMultiplyHigh(x, tl);
        long mid = a0 + b1;
        long top = a1 + (Long.compareUnsigned(mid, a0) < 0 ? 1 : 0);
        int upper = (int) (top >>> 63); // the product's leading bit is bit 191 (1) or 190 (0)
        int dropped = 10 + upper; // bits of top below the 53-bit mantissa
        long mantissa = top >>> dropped;
        long rest = top & ((1L << dropped) - 1);
        long half = 1L << (dropped - 1);
        // the exact product lies in [product, product + one unit of mid): only a product within one unit
        // of mid of the halfway point can round the other way
        if ((rest == half && mid == 0) || (rest == half - 1 && mid == -1L)) {
            return Double.NaN;
        }
        mantissa += rest >= half ? 1 : 0;
        // value = product·2^(shift + q − lz); the leading bit of product is 2^(190 + upper)
        int exponent = 190 + upper + SHIFT[at] + q - lz;
        if (mantissa == 1L << 53) {
            mantissa >>>= 1;
            exponent++;
        }
        int biased = exponent + 1023;
        if (biased < 1 || biased > 2046) {
            return Double.NaN;
        }
        long bits = ((long) biased << 52) | (mantissa & ((1L << 52) - 1)) | (negative ? Long.MIN_VALUE : 0);
        return Double.longBitsToDouble(bits);
    }

    /** The high 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
