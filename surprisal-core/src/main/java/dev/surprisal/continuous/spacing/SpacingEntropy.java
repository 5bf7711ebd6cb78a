// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous.spacing;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import java.util.Arrays;

/**
 * Differential entropy of a 1-D sample from its order statistics ("m-spacing" estimators), reproducing
 * {@code scipy.stats.differential_entropy} (scipy 1.10) method by method, including its padding of the
 * sorted sample with X(1) on the left and X(n) on the right (X(i) = X(1) for i &lt; 1, X(n) for i &gt; n).
 *
 * <p>With sorted sample X(1) ≤ … ≤ X(n) and window m (1 ≤ m &lt; n/2), in nats:
 * <ul>
 *   <li>{@link Method#VASICEK}: (1/n) Σ ln( n/(2m) · (X(i+m) − X(i−m)) ) — Vasicek, O. (1976). A test for
 *       normality based on sample entropy. <i>JRSS B</i> 38(1), 54–59.</li>
 *   <li>{@link Method#VAN_ES}: 1/(n−m) Σ_{i=1}^{n−m} ln( (n+1)/m · (X(i+m) − X(i)) ) + Σ_{k=m}^{n} 1/k
 *       + ln m − ln(n+1) — Van Es, B. (1992). Estimating functionals related to a density by a class of
 *       statistics based on spacings. <i>Scand. J. Statist.</i> 19, 61–72.</li>
 *   <li>{@link Method#EBRAHIMI}: (1/n) Σ ln( n (X(i+m) − X(i−m)) / (c_i m) ), c_i = 1 + (i−1)/m for i ≤ m,
 *       2 in the middle, 1 + (n−i)/m for i ≥ n−m+1 — Ebrahimi, N., Pflughoeft, K. and Soofi, E. S. (1994).
 *       Two measures of sample entropy. <i>Statist. Probab. Lett.</i> 20(3), 225–234.</li>
 *   <li>{@link Method#CORREA}: −(1/n) Σ ln( Σ_{j=i−m}^{i+m} (X(j) − X̄_i)(j − i) / (n Σ_j (X(j) − X̄_i)²) ),
 *       X̄_i the mean of the window — Correa, J. C. (1995). A new estimator of entropy. <i>Comm. Statist.
 *       Theory Methods</i> 24(10), 2439–2449.</li>
 *   <li>{@link Method#AUTO}: scipy's choice — van Es for n ≤ 10, Ebrahimi for 11 ≤ n ≤ 1000, Vasicek above.</li>
 * </ul>
 * The default window is ⌊√n + 0.5⌋ (Grzegorzewski and Wieczorkowski 1999), as in scipy. Formulas follow
 * Noughabi, H. A. (2015). Entropy estimation using numerical methods. <i>Ann. Data Sci.</i> 2(2), 231–241.
 *
 * <p>Ties: if a window of the sorted sample is constant, a spacing is 0 and the estimate would be −∞ (or NaN
 * for Correa); scipy returns that value, this class throws an {@link IllegalArgumentException} instead
 * (add a small jitter or use a wider window).
 */
public final class SpacingEntropy {

    /** The spacing estimator. */
    public enum Method {
        /** Vasicek (1976). */
        VASICEK,
        /** Van Es (1992), bias-corrected. */
        VAN_ES,
        /** Ebrahimi, Pflughoeft and Soofi (1994), boundary-corrected. */
        EBRAHIMI,
        /** Correa (1995), local linear regression. */
        CORREA,
        /** scipy's default: van Es for n ≤ 10, Ebrahimi for n ≤ 1000, Vasicek otherwise. */
        AUTO
    }

    private SpacingEntropy() {
    }

    /**
     * Estimate in nats with {@link Method#AUTO} and the default window.
     *
     * @param sample the sample, finite, at least two values
     * @return the differential entropy estimate, in nats
     */
    public static double estimate(double[] sample) {
        return estimate(sample, Method.AUTO, Base.NATS);
    }

    /**
     * Estimate with the default window ⌊√n + 0.5⌋, in the given base.
     *
     * @param sample the sample, finite, at least two values
     * @param method the spacing estimator
     * @param base the unit of the result
     * @return the differential entropy estimate in the unit of {@code base}
     */
    public static double estimate(double[] sample, Method method, Base base) {
        return estimate(sample, method, defaultWindowLength(sample == null ? 0 : sample.length), base);
    }

    /**
     * Estimate with an explicit window length m, computed in nats and returned in {@code base}.
     *
     * @param sample the sample, finite, at least two values
     * @param method the spacing estimator
     * @param windowLength m, 1 ≤ m &lt; n/2 (scipy's bound)
     * @param base the unit of the result
     * @return the differential entropy estimate in the unit of {@code base}
     * @throws IllegalArgumentException if the sample has a non-finite value, if not 2 ≤ 2m &lt; n, or if tied
     *         values make a spacing zero
     */
    public static double estimate(double[] sample, Method method, int windowLength, Base base) {
        Validate.finite("sample", sample);
        int n = sample.length;
        int m = windowLength;
        if (!(2 <= 2L * m && 2L * m < n)) {
            throw new ValidationException("windowLength: must satisfy 1 <= m < n/2, got m = " + m
                    + " for a sample of n = " + n);
        }
        double[] x = sample.clone();
        Arrays.sort(x);
        final double nats;
        switch (resolve(method, n)) {
            case VASICEK:
                nats = vasicek(x, m);
                break;
            case VAN_ES:
                nats = vanEs(x, m);
                break;
            case EBRAHIMI:
                nats = ebrahimi(x, m);
                break;
            case CORREA:
                nats = correa(x, m);
                break;
            default:
                throw new AssertionError(method);
        }
        return base.fromNats(nats);
    }

    /**
     * scipy's default window length ⌊√n + 0.5⌋.
     *
     * @param n the sample size
     * @return ⌊√n + 0.5⌋
     */
    public static int defaultWindowLength(int n) {
        return (int) Math.floor(Math.sqrt(n) + 0.5);
    }

    /**
     * The concrete method that {@code method} means for a sample of size n ({@link Method#AUTO} resolved).
     *
     * @param method the method asked for
     * @param n the sample size
     * @return {@code method}, or for AUTO the method scipy picks for n
     */
    public static Method resolve(Method method, int n) {
        if (method == null) {
            throw new ValidationException("method: is null");
        }
        if (method != Method.AUTO) {
            return method;
        }
        return n <= 10 ? Method.VAN_ES : n <= 1000 ? Method.EBRAHIMI : Method.VASICEK;
    }

    /** X(i) for 1-based i, padded with the extremes outside [1, n]. */
    private static double at(double[] x, int i) {
        return x[Math.max(0, Math.min(x.length - 1, i - 1))];
    }

    private static double spacing(double[] x, int hi, int lo) {
        double d = at(x, hi) - at(x, lo);
        if (!(d > 0.0)) {
            throw new ValidationException("sample: order statistics " + lo + " to " + hi + " are tied (value "
                    + at(x, lo) + "), so a spacing is zero and the estimate would be -infinity;"
                    + " add a small jitter or use a wider window");
        }
        return d;
    }

    private static double vasicek(double[] x, int m) {
        int n = x.length;
        double factor = n / (2.0 * m);
        double sum = 0.0;
        for (int i = 1; i <= n; i++) {
            sum += Math.log(factor * spacing(x, i + m, i - m));
        }
        return sum / n;
    }

    private static double vanEs(double[] x, int m) {
        int n = x.length;
        double factor = (n + 1.0) / m;
        double sum = 0.0;
        for (int i = 1; i <= n - m; i++) {
            sum += Math.log(factor * spacing(x, i + m, i));
        }
        double harmonic = 0.0;
        for (int k = m; k <= n; k++) {
            harmonic += 1.0 / k;
        }
        return sum / (n - m) + harmonic + Math.log(m) - Math.log(n + 1.0);
    }

    private static double ebrahimi(double[] x, int m) {
        int n = x.length;
        double sum = 0.0;
        for (int i = 1; i <= n; i++) {
            double c;
            if (i <= m) {
                c = 1.0 + (i - 1.0) / m;
            } else if (i >= n - m + 1) {
                c = 1.0 + ((double) n - i) / m;
            } else {
                c = 2.0;
            }
            sum += Math.log(n * spacing(x, i + m, i - m) / (c * m));
        }
        return sum / n;
    }

    private static double correa(double[] x, int m) {
        int n = x.length;
        int w = 2 * m + 1;
        double sum = 0.0;
        for (int i = 1; i <= n; i++) {
            double mean = 0.0;
            for (int j = i - m; j <= i + m; j++) {
                mean += at(x, j);
            }
            mean /= w;
            double num = 0.0;
            double den = 0.0;
            for (int j = i - m; j <= i + m; j++) {
                double d = at(x, j) - mean;
                num += d * (j - i);
                den += d * d;
            }
            if (!(num > 0.0)) {
                spacing(x, i + m, i - m); // names the tie
            }
            sum += Math.log(num / (n * den));
        }
        return -sum / n;
    }
}
