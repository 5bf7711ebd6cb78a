// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

/**
 * The upper-tail probability of a chi-square statistic, computed exactly the way Fourmilab's
 * {@code ent} computes it, so that its "would exceed this value X percent of the times" line is
 * reproduced to the printed precision.
 *
 * <p>The tail is the series of Hill &amp; Pike (1967, "Algorithm 299: Chi-squared integral", CACM
 * 10(4) p. 243, with the 1985 TOMS rounding remark), summed in log space once the half statistic
 * exceeds 20; odd degrees of freedom start from the normal tail of Ibbetson (1963, "Algorithm 209:
 * Gauss", CACM 6(10) p. 616), a polynomial good to about six digits and clamped at |z| ≥ 6. Gary
 * Perlman's C transcription of both is what {@code ent} links; this is an independent Java
 * rendering of the two published algorithms, kept operation-for-operation identical to it.
 */
final class ChiSquareTail {
    private static final double Z_MAX = 6.0;
    private static final double LOG_SQRT_PI = 0.5723649429247000870717135;
    private static final double I_SQRT_PI = 0.5641895835477562869480795;
    private static final double BIG_X = 20.0;

    private ChiSquareTail() {
    }

    /** P(χ²_df ≥ x); 1 for x ≤ 0 or df &lt; 1 (ent's convention). */
    static double upperTail(double x, int df) {
        if (x <= 0.0 || df < 1) {
            return 1.0;
        }
        double a = 0.5 * x;
        boolean even = (df & 1) == 0;
        double y = df > 1 ? expClamped(-a) : 0;
        double s = even ? y : 2.0 * normalCdf(-Math.sqrt(x));
        if (df <= 2) {
            return s;
        }
        double last = 0.5 * (df - 1.0);
        double z = even ? 1.0 : 0.5;
        if (a > BIG_X) {
            double e = even ? 0.0 : LOG_SQRT_PI;
            double c = Math.log(a);
            while (z <= last) {
                e = Math.log(z) + e;
                s += expClamped(c * z - a - e);
                z += 1.0;
            }
            return s;
        }
        double e = even ? 1.0 : I_SQRT_PI / Math.sqrt(a);
        double c = 0.0;
        while (z <= last) {
            e = e * (a / z);
            c = c + e;
            z += 1.0;
        }
        return c * y + s;
    }

    private static double expClamped(double x) {
        return x < -BIG_X ? 0.0 : Math.exp(x);
    }

    /** Φ(z) by Ibbetson's polynomial (six digits; saturates at |z| ≥ 6). */
    static double normalCdf(double z) {
        double x;
        if (z == 0.0) {
            x = 0.0;
        } else {
            double y = 0.5 * Math.abs(z);
            if (y >= Z_MAX * 0.5) {
                x = 1.0;
            } else if (y < 1.0) {
                double w = y * y;
                x = ((((((((0.000124818987 * w
                        - 0.001075204047) * w + 0.005198775019) * w
                        - 0.019198292004) * w + 0.059054035642) * w
                        - 0.151968751364) * w + 0.319152932694) * w
                        - 0.531923007300) * w + 0.797884560593) * y * 2.0;
            } else {
                y -= 2.0;
                x = (((((((((((((-0.000045255659 * y
                        + 0.000152529290) * y - 0.000019538132) * y
                        - 0.000676904986) * y + 0.001390604284) * y
                        - 0.000794620820) * y - 0.002034254874) * y
                        + 0.006549791214) * y - 0.010557625006) * y
                        + 0.011630447319) * y - 0.009279453341) * y
                        + 0.005353579108) * y - 0.002141268741) * y
                        + 0.000535310849) * y + 0.999936657524;
            }
        }
        return z > 0.0 ? (x + 1.0) * 0.5 : (1.0 - x) * 0.5;
    }
}
