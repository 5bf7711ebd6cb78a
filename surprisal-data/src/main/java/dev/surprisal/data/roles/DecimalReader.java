// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fast path of {@link Cells#number(byte[], int, int)}: reads a plain decimal (an optional sign,
 * digits with an optional point, an optional exponent of at most 4 digits) from ASCII bytes up to
 * the first byte that cannot continue it, so that a tokeniser finds a number cell's end and its value
 * in one pass over its bytes. Its digits, eight at a time where eight digits follow (Lemire's SWAR
 * test and conversion), form an integer m of at most 19 significant digits and a power of ten p; m ≤
 * 2^53 with |p| ≤ 22 is m·10^p or m/10^−p, one correctly rounded operation on exact operands
 * (Clinger 1990), any other is left to {@link EiselLemire}. So the value is bit for bit the double
 * {@link Double#parseDouble} gives for the same text, or the reader declines (more than 19
 * significant digits, a fifth exponent digit, a halfway case Eisel–Lemire cannot decide) and the
 * caller takes the exact path. One reader per thread: it keeps the end of the last read.
 */
public final class DecimalReader {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Eight ASCII zeros. */
    private static final long ZEROS = 0x3030303030303030L;
    /** Significant digits m holds as an unsigned 64-bit integer (10^19 − 1 &lt; 2^64). */
    static final int MAX_DIGITS = 19;
    /** The largest power of ten that is exact as a double (10^22 = 2^22 · 5^22, 5^22 &lt; 2^53). */
    static final int MAX_EXACT_POWER = 22;
    /** Exponent digits read; a fifth one leaves the cell to the exact path. */
    private static final int MAX_EXPONENT_DIGITS = 4;
    /** The powers of ten up to 10^22, each exact as a double. */
    static final double[] POW10 = new double[MAX_EXACT_POWER + 1];

    static {
        POW10[0] = 1;
        for (int k = 1; k <= MAX_EXACT_POWER; k++) {
            POW10[k] = POW10[k - 1] * 10;
        }
    }

    private int end = -1;

    /** A reader; not shared between threads. */
    public DecimalReader() {
    }

    /**
     * Reads the plain decimal that starts at {@code from}, up to the first byte (before {@code to}) that
     * cannot continue it; {@link #end()} then says where that byte is.
     *
     * @param b    ASCII bytes
     * @param from where the decimal starts (a sign, a digit or a point)
     * @param to   the most it may reach (exclusive)
     * @return the decimal's value, bit for bit what {@link Double#parseDouble} gives for {@code b[from, end())};
     *         NaN (and {@link #end()} −1) when no decimal with a digit starts at {@code from}, its exponent
     *         has no digit or more than 4, or it needs the exact path (more than 19 significant digits, a
     *         value this path cannot round with certainty)
     */
    public double read(byte[] b, int from, int to) {
        end = -1;
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int mantissaFrom = i;
        long m = 0;
        int digits = 0;
        int frac = 0;
        boolean point = false;
        while (i < to) {
            if (digits <= MAX_DIGITS - 8 && i + Long.BYTES <= to) {
                long v = (long) LONGS.get(b, i);
                if (eightDigits(v)) {
                    long d = v - ZEROS; // no borrow: every byte is at least '0'
                    // leading zeros do not count: the low bytes are the first digits
                    digits += m == 0 ? Long.BYTES - (Long.numberOfTrailingZeros(d) >>> 3) : Long.BYTES;
                    m = m * 100_000_000L + eightValue(d);
                    frac += point ? Long.BYTES : 0;
                    i += Long.BYTES;
                    continue;
                }
            }
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits >= MAX_DIGITS) {
                    return Double.NaN; // more digits than m holds: the exact path
                }
                m = 10 * m + (c - '0');
                digits += m == 0 ? 0 : 1;
                frac += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
            i++;
        }
        if (i - mantissaFrom - (point ? 1 : 0) <= 0) {
            return Double.NaN; // no digit: a missing string, inf, text, or not a number
        }
        int exp = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expFrom = i;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                if (i - expFrom == MAX_EXPONENT_DIGITS) {
                    return Double.NaN;
                }
                exp = 10 * exp + (b[i] - '0');
            }
            if (i == expFrom) {
                return Double.NaN;
            }
            exp = expNegative ? -exp : exp;
        }
        int p = exp - frac;
        double v;
        if (m == 0) {
            v = 0.0;
        } else if (Long.compareUnsigned(m, 1L << 53) > 0 || p > MAX_EXACT_POWER || p < -MAX_EXACT_POWER) {
            // nearly every 16–17-digit decimal: its digits or its power of ten are not exact as a double
            v = EiselLemire.toDouble(m, p, negative);
            if (v != v) {
                return Double.NaN;
            }
            end = i;
            return v;
        } else if (p >= 0) {
            v = m * POW10[p];
        } else {
            v = m / POW10[-p];
        }
        end = i;
        return negative ? -v : v;
    }

    /**
     * {@link Cells#number(String)} of the whole cell {@code b[from, to)}: {@link #read}'s value when it
     * read the cell to its end, else the exact conversion of a plain decimal or the text path.
     *
     * @param b    the cell's ASCII/Latin-1 bytes
     * @param from the cell's first byte
     * @param to   one past its last byte
     * @return its value, or NaN when it is not a number
     */
    public double number(byte[] b, int from, int to) {
        double v = read(b, from, to);
        return end == to ? v : Cells.notFast(b, from, to);
    }

    /**
     * @return one past the last byte of the decimal the last {@link #read} read, or −1 when it declined
     */
    public int end() {
        return end;
    }

    /** Whether each of the eight bytes of {@code v} is an ASCII digit (no false positive: a carry only fails). */
    static boolean eightDigits(long v) {
        return ((v & 0xF0F0F0F0F0F0F0F0L) | (((v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** The number that eight digit values (0–9 in each byte, the first digit lowest) write. */
    static long eightValue(long d) {
        long v = d * 10 + (d >>> 8); // pairs of digits in every other byte
        v = ((v & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
                + ((v >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
        return v & 0xFFFFFFFFL;
    }
}
