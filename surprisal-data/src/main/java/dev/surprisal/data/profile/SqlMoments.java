// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * {@link Moments} of a column computed from integer sums, by DuckDB ({@link #aggregates}) or in Java
 * ({@link #exact}, the in-memory path) with the same result to the last bit, so that they depend
 * neither on the order in which DuckDB's threads add (its {@code avg} and {@code var_pop} of
 * doubles do: the last digits changed from run to run) nor on the path that read the file. Each finite value x is shifted and scaled by powers of
 * two, t = (x − c) · 2^(31−p) with |x − c| &lt; 2^p, so |t| &lt; 2^31; then
 * <ul>
 *   <li>Σ round(t · 2³¹) (resolution 2^(p−62) of x − c),</li>
 *   <li>Σ round(t²) (resolution 2^(2p−62) of (x − c)²)</li>
 * </ul>
 * are summed as 64-bit integers into DuckDB's 128-bit {@code HUGEINT}: integer addition is exact,
 * so any order gives the same sums, and so do fresh processes, thread counts and engines. The mean
 * c + Σ(x − c)/n and m2 = Σ(x − c)² − (Σ(x − c))²/n are then formed exactly ({@link BigInteger},
 * the mean's division to 34 digits) and rounded once: each value's rounding is at most 2^(2p−63), so m2 is within about 10⁻¹² of its
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
        // c + Σd/n formed in decimal and rounded once: c + round(Σd/n) lost up to an ulp of c, which is
        // most of the mean's bits when a day is summed around its own range far from its mean (respan)
        BigDecimal unit = p >= 62 ? new BigDecimal(BigInteger.ONE.shiftLeft(p - 62))
                : new BigDecimal(BigInteger.valueOf(5).pow(62 - p), 62 - p);
        double exactMean = new BigDecimal(shift).add(new BigDecimal(a).multiply(unit).divide(count, MathContext.DECIMAL128))
                .doubleValue();
        BigInteger m = q.shiftLeft(62).multiply(BigInteger.valueOf(n)).subtract(a.multiply(a));
        double m2 = m.signum() <= 0 ? 0.0
                : Math.scalb(new BigDecimal(m).divide(count, MathContext.DECIMAL128).doubleValue(), 2 * p - 124);
        // the exact mean lies in [min, max]; one rounding of c + d may step out by an ulp
        double mean = Math.max(min, Math.min(max, exactMean));
        return new Moments(n, mean, m2, min, max);
    }

    /**
     * The moments of the finite {@code values[0..n)} from the same integer sums as {@link #aggregates},
     * formed in Java: each t rounded half to even (DuckDB's cast of a DOUBLE to BIGINT) and added
     * into 128 bits, so an in-memory table and its file get the same moments to the last bit. Around
     * the middle edge of {@code edges} first; when a finite value lies beyond ±2^p of it, around the
     * values' own range, as the file path sums again ({@link #spanning}).
     *
     * @param values the values (NaN and ±∞ are skipped)
     * @param n      how many of them, from the start, are used
     * @param edges  the column's bin edges, increasing
     * @return count, mean, m2, min and max of the finite values
     */
    static Moments exact(double[] values, int n, double[] edges) {
        return exact(i -> values[i], n, edges);
    }

    /**
     * {@link #exact(double[], int, double[])} of the values of rows {@code [0, n)} read through
     * {@code values}, so that a column is summed where it is held, without a copy of n doubles.
     *
     * @param values the value of row i (NaN and ±∞ are skipped)
     * @param n      how many rows
     * @param edges  the column's bin edges, increasing
     * @return count, mean, m2, min and max of the finite values
     */
    static Moments exact(java.util.function.IntToDoubleFunction values, int n, double[] edges) {
        Moments m = around(edges).sum(values, n);
        return m.mean() == m.mean() ? m : spanning(m.min(), m.max()).sum(values, n);
    }

    /** The moments of the finite values; mean and m2 NaN when some value lies beyond ±2^p of the shift. */
    private Moments sum(java.util.function.IntToDoubleFunction values, int n) {
        double limit = Math.scalb(1.0, p);
        double scale = Math.scalb(1.0, 31 - p);
        long count = 0;
        long summed = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // two 128-bit sums as (high, low) words, as DuckDB's HUGEINT
        long s1Hi = 0;
        long s1Lo = 0;
        long sqHi = 0;
        long sqLo = 0;
        for (int i = 0; i < n; i++) {
            double x = values.applyAsDouble(i);
            if (!Double.isFinite(x)) {
                continue;
            }
            count++;
            min = Math.min(min, x);
            max = Math.max(max, x);
            double d = x - shift;
            if (p >= MAX_P ? !Double.isFinite(d) : !(Math.abs(d) < limit)) {
                continue;
            }
            summed++;
            double t = d * scale;
            long a = (long) Math.rint(t * 0x1p31);
            long q = (long) Math.rint(t * t);
            long lo = s1Lo + a;
            s1Hi += (a >> 63) + (Long.compareUnsigned(lo, s1Lo) < 0 ? 1 : 0);
            s1Lo = lo;
            lo = sqLo + q;
            sqHi += Long.compareUnsigned(lo, sqLo) < 0 ? 1 : 0;
            sqLo = lo;
        }
        if (count == 0) {
            return Moments.EMPTY;
        }
        if (summed != count) {
            return new Moments(count, Double.NaN, Double.NaN, min, max);
        }
        return moments(count, wide(s1Hi, s1Lo).toString(), wide(sqHi, sqLo).toString(), min, max);
    }

    /** The 128-bit two's-complement integer with words {@code hi} and {@code lo}. */
    private static BigInteger wide(long hi, long lo) {
        return BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
    }

    /** A double as an SQL literal that DuckDB parses back to the same double. */
    private static String literal(double v) {
        return "CAST('" + v + "' AS DOUBLE)";
    }
}
