// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * {@link Moments} of a column computed by DuckDB from integer sums, so that they do not depend on
 * the order in which DuckDB's threads add (its {@code avg} and {@code var_pop} of doubles do: the
 * last digits changed from run to run). Each finite value x is shifted and scaled by powers of
 * two, t = (x − c) · 2^(31−p) with |x − c| &lt; 2^p, so |t| &lt; 2^31; then
 * <ul>
 *   <li>Σ round(t · 2³¹) (resolution 2^(p−62) of x − c),</li>
 *   <li>Σ round(t²) (resolution 2^(2p−62) of (x − c)²)</li>
 * </ul>
 * are summed as 64-bit integers into DuckDB's 128-bit {@code HUGEINT}: integer addition is exact,
 * so any order gives the same sums, and so do fresh processes, thread counts and engines. The mean
 * c + Σ(x − c)/n and m2 = Σ(x − c)² − (Σ(x − c))²/n are then formed exactly ({@link BigInteger})
 * and rounded once: each value's rounding is at most 2^(2p−63), so m2 is within about 10⁻¹² of its
 * value when the column's spread is a few standard deviations (measured: 10⁻¹⁴ on 2·10⁵ rows).
 * A third sum for the residue of t² made m2 exact to 2^(2p−102) but cost a second more CPU per
 * 10⁸ values than DuckDB's {@code avg} and {@code var_pop}; the two sums cost about 0.6 s more. The shift c is a middle edge of the column's bins, which a reference and its days
 * share, so no sum cancels; p comes from the bins' span with {@value #HEADROOM} binary orders of
 * headroom. A day with a value outside ±2^p of c (its count is checked) is summed again with c and
 * p taken from its own minimum and maximum ({@link #spanning}).
 */
final class SqlMoments {
    /** Binary orders of magnitude above the reference's half-span that a day's values may reach. */
    static final int HEADROOM = 4;
    // |x - c| < 2^p; 2^(31 - p) must be a normal double
    private static final int MIN_P = -990;
    private static final int MAX_P = 1024;

    private final double shift;
    private final int p;

    private SqlMoments(double shift, int p) {
        this.shift = shift;
        this.p = Math.max(MIN_P, Math.min(MAX_P, p));
    }

    /** Centred on the middle edge, with room for {@value #HEADROOM} binary orders beyond the edges. */
    static SqlMoments around(double[] edges) {
        double c = edges[edges.length / 2];
        double half = Math.max(Math.abs(edges[edges.length - 1] - c), Math.abs(c - edges[0]));
        // a single edge (a constant reference): room relative to the value itself
        half = Math.max(half, Math.abs(c) * 0x1p-20);
        return new SqlMoments(c, exponentAbove(half) + HEADROOM);
    }

    /** Centred on the middle of [min, max] (finite), which holds every value. */
    static SqlMoments spanning(double min, double max) {
        double c = min / 2 + max / 2;
        return new SqlMoments(c, exponentAbove(Math.max(max - c, c - min)));
    }

    /** The least e with v &lt; 2^e (MIN_P for 0). */
    private static int exponentAbove(double v) {
        return v == 0 ? MIN_P : Math.getExponent(v) + 1;
    }

    /**
     * The scaled value t of the finite column {@code f} (NULL when missing or out of range).
     *
     * @param f an SQL expression, DOUBLE, NULL unless finite
     * @return the SQL of t
     */
    String scaled(String f) {
        String d = "(" + f + " - " + literal(shift) + ")";
        String guard = p >= MAX_P ? "isfinite(" + d + ")" : "abs(" + d + ") < " + literal(Math.scalb(1.0, p));
        return "CASE WHEN " + guard + " THEN " + d + " * " + literal(Math.scalb(1.0, 31 - p)) + " END";
    }

    /**
     * The aggregates over the column {@code t} of {@link #scaled}, in {@link #moments}' order: the
     * count, then two HUGEINT sums (to be read as text).
     *
     * @param t the name of the scaled column
     * @return the three aggregate expressions
     */
    static String[] aggregates(String t) {
        return new String[] {"count(" + t + ")", "sum(CAST(" + t + " * " + literal(0x1p31) + " AS BIGINT))",
                "sum(CAST(" + t + " * " + t + " AS BIGINT))"};
    }

    /**
     * The moments from the sums of {@link #aggregates}.
     *
     * @param n   the count of t
     * @param s1  Σ round(t · 2³¹), as text
     * @param sq  Σ round(t²), as text
     * @param min the smallest finite value
     * @param max the largest finite value
     * @return count, mean, m2, min and max
     */
    Moments moments(long n, String s1, String sq, double min, double max) {
        if (n == 0) {
            return Moments.EMPTY;
        }
        BigInteger a = s1 == null ? BigInteger.ZERO : new BigInteger(s1);
        BigInteger q = sq == null ? BigInteger.ZERO : new BigInteger(sq);
        BigDecimal count = BigDecimal.valueOf(n);
        // in units u = 2^(p-62) of x - c: Σd = a·u and Σd² = q·2^62·u², so m2 = (q·2^62·n − a²)/n · u²
        double meanD = Math.scalb(new BigDecimal(a).divide(count, MathContext.DECIMAL128).doubleValue(), p - 62);
        BigInteger m = q.shiftLeft(62).multiply(BigInteger.valueOf(n)).subtract(a.multiply(a));
        double m2 = m.signum() <= 0 ? 0.0
                : Math.scalb(new BigDecimal(m).divide(count, MathContext.DECIMAL128).doubleValue(), 2 * p - 124);
        // the exact mean lies in [min, max]; one rounding of c + d may step out by an ulp
        double mean = Math.max(min, Math.min(max, shift + meanD));
        return new Moments(n, mean, m2, min, max);
    }

    /** A double as an SQL literal that DuckDB parses back to the same double. */
    private static String literal(double v) {
        return "CAST('" + v + "' AS DOUBLE)";
    }
}
