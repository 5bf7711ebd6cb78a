// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

/**
 * Argument checks shared by every measure. Each failure is a {@link ValidationException}
 * (an {@link IllegalArgumentException}) whose message names the argument, the index and the offending value, so that a caller (or the
 * CLI, which maps these to exit code 3) can point at the bad entry.
 */
public final class Validate {
    /** Tolerance on |Σp − 1| for a probability vector, scaled by its length. */
    public static final double SUM_TOLERANCE = 1e-9;

    private Validate() {
    }

    /**
     * Checks that an argument is given.
     *
     * @param name  the argument's name, as the message shows it
     * @param value the argument
     * @throws ValidationException "{@code name: is null}" when {@code value} is null
     */
    public static void notNull(String name, Object value) {
        if (value == null) {
            throw new ValidationException(name + ": is null");
        }
    }

    /**
     * Checks that {@code p} is a probability vector: non-empty, every entry finite and ≥ 0,
     * and the entries sum to 1 within {@code 1e-9·max(1, n·ulp)}.
     *
     * @param name the argument's name, used in the message
     * @param p    the entries
     * @throws ValidationException naming the first bad entry, or the sum
     */
    public static void probabilities(String name, double[] p) {
        nonNegativeFinite(name, p);
        double sum = kahanSum(p);
        if (Math.abs(sum - 1.0) > sumTolerance(p.length)) {
            throw notSummingToOne(name, sum, p.length);
        }
    }

    /**
     * Tolerance on |Σp − 1| below which {@link #nearProbabilities} renormalises instead of rejecting:
     * probabilities rounded as people type them are meant to sum to 1, to four decimals ({@code 0.3333}
     * three times, sum 0.9999) as to six ({@code 0.333333}); scipy's {@code entropy} normalises whatever it is
     * given. A sum off by more ({@code 0.33} three times, 0.99; {@code 0.2 0.3 0.4}, 0.9) is a mistake or counts,
     * and is refused with that advice: renormalising it would hide a missing outcome's 1% or 10%.
     */
    public static final double RENORMALIZE_TOLERANCE = 1e-3;

    /**
     * A probability vector, renormalised when its sum is off 1 by more than {@link #probabilities}
     * allows but by at most {@link #RENORMALIZE_TOLERANCE} (rounded input such as {@code 0.333333}
     * three times). The caller can tell by identity: the same array is returned when no
     * renormalisation was needed, a new one otherwise, so it can say so to the user.
     *
     * @param name the argument's name, used in the message
     * @param p    the entries, finite and ≥ 0
     * @return {@code p} itself, or {@code p} divided by its sum
     * @throws ValidationException if an entry is NaN, infinite or negative, or |Σp − 1| exceeds {@link #RENORMALIZE_TOLERANCE}
     */
    public static double[] nearProbabilities(String name, double[] p) {
        nonNegativeFinite(name, p);
        double sum = kahanSum(p);
        if (Math.abs(sum - 1.0) <= sumTolerance(p.length)) {
            return p;
        }
        if (Math.abs(sum - 1.0) > RENORMALIZE_TOLERANCE) {
            throw notSummingToOne(name, sum, p.length);
        }
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] / sum;
        }
        return q;
    }

    /** Σ v with Kahan compensation, so long vectors of tiny entries do not drift off 1. */
    private static double kahanSum(double[] v) {
        double sum = 0.0;
        double c = 0.0;
        for (double x : v) {
            double y = x - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    private static double sumTolerance(int n) {
        return Math.max(SUM_TOLERANCE, n * Math.ulp(1.0) * 4);
    }

    private static ValidationException notSummingToOne(String name, double sum, int n) {
        return new ValidationException(name + ": probabilities must sum to 1, got sum " + sum
                + " over " + n + " entries (pass counts instead, or normalise)");
    }

    /**
     * Checks that {@code v} is non-empty and every entry is finite and ≥ 0.
     *
     * @param name the argument's name, used in the message
     * @param v    the entries
     * @throws ValidationException naming the first NaN, infinite or negative entry, or a null or empty array
     */
    public static void nonNegativeFinite(String name, double[] v) {
        if (v == null) {
            throw new ValidationException(name + ": is null");
        }
        if (v.length == 0) {
            throw new ValidationException(name + ": is empty");
        }
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                throw new ValidationException(name + "[" + i + "]: is NaN");
            }
            if (Double.isInfinite(x)) {
                throw new ValidationException(name + "[" + i + "]: is " + x + "; entries must be finite");
            }
            if (x < 0) {
                throw new ValidationException(name + "[" + i + "]: is negative (" + x + ")");
            }
        }
    }

    /**
     * Checks that counts are non-empty, ≥ 0, and that their total is positive and does not overflow.
     *
     * @param name   the argument's name, used in the message
     * @param counts the counts
     * @return their total
     * @throws ValidationException naming the first negative count, or a null, empty, zero-total or overflowing array
     */
    public static long counts(String name, long[] counts) {
        if (counts == null) {
            throw new ValidationException(name + ": is null");
        }
        if (counts.length == 0) {
            throw new ValidationException(name + ": is empty");
        }
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (c < 0) {
                throw new ValidationException(name + "[" + i + "]: is negative (" + c + ")");
            }
            try {
                total = Math.addExact(total, c);
            } catch (ArithmeticException e) {
                throw new ValidationException(name + ": total count overflows a long at index " + i);
            }
        }
        if (total == 0) {
            throw new ValidationException(name + ": total count is zero");
        }
        return total;
    }

    /**
     * Checks that two arrays have the same length.
     *
     * @param a       the first argument's name
     * @param lengthA its length
     * @param b       the second argument's name
     * @param lengthB its length
     * @throws ValidationException naming both when the lengths differ
     */
    public static void sameLength(String a, int lengthA, String b, int lengthB) {
        if (lengthA != lengthB) {
            throw new ValidationException(a + " and " + b + ": lengths differ (" + lengthA + " vs " + lengthB + ")");
        }
    }

    /**
     * Checks that every sample is finite (no NaN, no ±∞).
     *
     * @param name the argument's name, used in the message
     * @param x    the samples
     * @throws ValidationException naming the first non-finite sample, or a null array
     */
    public static void finite(String name, double[] x) {
        if (x == null) {
            throw new ValidationException(name + ": is null");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new ValidationException(name + "[" + i + "]: is " + x[i] + "; samples must be finite");
            }
        }
    }
}
