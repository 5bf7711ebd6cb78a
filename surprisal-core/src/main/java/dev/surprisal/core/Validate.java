package dev.surprisal.core;

/**
 * Argument checks shared by every measure. Each failure is an {@link IllegalArgumentException}
 * whose message names the argument, the index and the offending value, so that a caller (or the
 * CLI, which maps these to exit code 3) can point at the bad entry.
 */
public final class Validate {
    /** Tolerance on |Σp − 1| for a probability vector, scaled by its length. */
    public static final double SUM_TOLERANCE = 1e-9;

    private Validate() {
    }

    /**
     * Checks that {@code p} is a probability vector: non-empty, every entry finite and ≥ 0,
     * and the entries sum to 1 within {@code 1e-9·max(1, n·ulp)}.
     */
    public static void probabilities(String name, double[] p) {
        nonNegativeFinite(name, p);
        double sum = 0.0;
        double c = 0.0; // Kahan: long vectors of tiny entries must not drift off 1
        for (double v : p) {
            double y = v - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        double tol = Math.max(SUM_TOLERANCE, p.length * Math.ulp(1.0) * 4);
        if (Math.abs(sum - 1.0) > tol) {
            throw new ValidationException(name + ": probabilities must sum to 1, got sum " + sum
                    + " over " + p.length + " entries (pass counts instead, or normalise)");
        }
    }

    /** Checks that {@code v} is non-empty and every entry is finite and ≥ 0. */
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

    /** Checks that counts are non-empty, ≥ 0, and that their total is positive and does not overflow. */
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

    /** Checks that two arrays have the same length. */
    public static void sameLength(String a, int lengthA, String b, int lengthB) {
        if (lengthA != lengthB) {
            throw new ValidationException(a + " and " + b + ": lengths differ (" + lengthA + " vs " + lengthB + ")");
        }
    }

    /** Checks that every sample is finite (no NaN, no ±∞). */
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
