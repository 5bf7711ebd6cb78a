// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.Validate;
import dev.surprisal.core.ValidationException;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov–Smirnov test of whether two samples come from the same continuous
 * distribution, matching {@code scipy.stats.ks_2samp(x, y, alternative=..., method=...)} of
 * scipy 1.10 (statistic, p-value, location and sign). With F and G the empirical distribution
 * functions of {@code x} and {@code y}:
 * <pre>
 *   two-sided  D  = supₜ |F(t) − G(t)|    H₁: the distributions differ
 *   greater    D⁺ = supₜ (F(t) − G(t))    H₁: F(t) &gt; G(t) somewhere, i.e. x tends to smaller values
 *   less       D⁻ = supₜ (G(t) − F(t))    H₁: F(t) &lt; G(t) somewhere, i.e. x tends to larger values
 * </pre>
 * The statistic is unitless, in [0, 1]. The p-value is computed by
 * <ul>
 *   <li>{@link Method#EXACT}: the exact null distribution by counting lattice paths (Hodges, 1958;
 *       Viehmann, 2021), possible when lcm(n₁, n₂) fits in 31 bits; it falls back to the asymptotic
 *       one when the counts overflow, and the result then says {@code ASYMP};</li>
 *   <li>{@link Method#ASYMP}: two-sided, the exact one-sample distribution of Dₙ at
 *       n = round(n₁n₂/(n₁+n₂)) (scipy's {@code kstwo}); one-sided, Hodges' approximation
 *       exp(−2z² − 2z(m + 2n)/(3√(mn(m+n)))) with z = D√(mn/(m+n)) and m ≥ n;</li>
 *   <li>{@link Method#AUTO} (the default): exact when both samples have at most
 *       {@value #MAX_AUTO_N} values, asymptotic otherwise.</li>
 * </ul>
 * The exact p-values assume continuous data; with ties (rounded or discrete values) the test is
 * conservative, as scipy's is. Usage:
 * <pre>{@code
 *   KolmogorovSmirnovResult r = KolmogorovSmirnovTest.twoSample()
 *           .withAlternative(Alternative.LESS).withMethod(KolmogorovSmirnovTest.Method.EXACT)
 *           .test(reference, current);
 * }</pre>
 *
 * <p>References: Smirnov, N. V. (1939) "On the estimation of the discrepancy between empirical
 * curves of distribution for two independent samples", Bull. Moscow Univ. 2(2); Hodges, J. L.
 * (1958) "The significance probability of the Smirnov two-sample test", Arkiv för Matematik 3(43).
 */
public final class KolmogorovSmirnovTest {
    /** Above this many values in either sample, {@link Method#AUTO} uses the asymptotic distribution. */
    public static final int MAX_AUTO_N = 10000;

    /** How the p-value is computed; scipy's {@code method='auto'|'exact'|'asymp'}. */
    public enum Method {
        /** Exact for samples of at most {@value KolmogorovSmirnovTest#MAX_AUTO_N} values, else asymptotic. */
        AUTO("auto"),
        /** The exact null distribution (falls back to {@code ASYMP} where it cannot be computed). */
        EXACT("exact"),
        /** The asymptotic distribution. */
        ASYMP("asymp");

        private final String scipyName;

        Method(String scipyName) {
            this.scipyName = scipyName;
        }

        /**
         * The name scipy uses.
         *
         * @return {@code "auto"}, {@code "exact"} or {@code "asymp"}
         */
        public String scipyName() {
            return scipyName;
        }

        /**
         * Parses scipy's names, any case.
         *
         * @param text {@code auto}, {@code exact} or {@code asymp}
         * @return the method
         * @throws ValidationException naming the accepted values otherwise
         */
        public static Method parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
            for (Method m : values()) {
                if (m.scipyName.equals(t)) {
                    return m;
                }
            }
            throw new ValidationException("method: expected auto, exact or asymp, got '" + text + "'");
        }
    }

    private final Alternative alternative;
    private final Method method;

    private KolmogorovSmirnovTest(Alternative alternative, Method method) {
        this.alternative = alternative;
        this.method = method;
    }

    /**
     * The two-sided test with {@link Method#AUTO}, scipy's defaults.
     *
     * @return the test, configured further with {@code withAlternative} and {@code withMethod}
     */
    public static KolmogorovSmirnovTest twoSample() {
        return new KolmogorovSmirnovTest(Alternative.TWO_SIDED, Method.AUTO);
    }

    /**
     * This test with another alternative hypothesis.
     *
     * @param alternative {@code TWO_SIDED}, {@code LESS} or {@code GREATER} (see the class comment)
     * @return a new test
     * @throws ValidationException if {@code alternative} is null
     */
    public KolmogorovSmirnovTest withAlternative(Alternative alternative) {
        if (alternative == null) {
            throw new ValidationException("alternative: is null; use TWO_SIDED, LESS or GREATER");
        }
        return new KolmogorovSmirnovTest(alternative, method);
    }

    /**
     * This test with another p-value method.
     *
     * @param method {@code AUTO}, {@code EXACT} or {@code ASYMP}
     * @return a new test
     * @throws ValidationException if {@code method} is null
     */
    public KolmogorovSmirnovTest withMethod(Method method) {
        if (method == null) {
            throw new ValidationException("method: is null; use AUTO, EXACT or ASYMP");
        }
        return new KolmogorovSmirnovTest(alternative, method);
    }

    /**
     * The alternative hypothesis.
     *
     * @return the alternative this test uses
     */
    public Alternative alternative() {
        return alternative;
    }

    /**
     * The requested p-value method.
     *
     * @return the method asked for (the result says which one was used)
     */
    public Method method() {
        return method;
    }

    /**
     * Runs the test.
     *
     * @param x the first sample (scipy's {@code data1}), non-empty, finite, any order
     * @param y the second sample ({@code data2}), non-empty, finite, any order
     * @return statistic, p-value, where and in which direction the largest difference is, and the
     *         method used
     * @throws ValidationException if a sample is null, empty, or has a NaN or infinite value
     *         (naming the sample and index); with {@code ASYMP} and two single values, whose
     *         asymptotic distribution is undefined (n₁n₂/(n₁+n₂) rounds to 0)
     */
    public KolmogorovSmirnovResult test(double[] x, double[] y) {
        Validate.finite("x", x);
        Validate.finite("y", y);
        if (x.length == 0 || y.length == 0) {
            throw new ValidationException((x.length == 0 ? "x" : "y") + ": is empty; the test needs at least one value in each sample");
        }
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int n1 = a.length;
        int n2 = b.length;
        // the differences at every observation, in scipy's order (sorted x, then sorted y), so that
        // ties for the extreme are broken at the same observation
        int argMin = 0;
        int argMax = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n1 + n2; i++) {
            double t = i < n1 ? a[i] : b[i - n1];
            double diff = (double) upperBound(a, t) / n1 - (double) upperBound(b, t) / n2;
            if (diff < min) {
                min = diff;
                argMin = i;
            }
            if (diff > max) {
                max = diff;
                argMax = i;
            }
        }
        double minS = Math.max(0.0, Math.min(1.0, -min));
        double d;
        double location;
        int sign;
        if (alternative == Alternative.LESS || (alternative == Alternative.TWO_SIDED && minS > max)) {
            d = minS;
            location = argMin < n1 ? a[argMin] : b[argMin - n1];
            sign = -1;
        } else {
            d = max;
            location = argMax < n1 ? a[argMax] : b[argMax - n1];
            sign = 1;
        }
        long g = gcd(n1, n2);
        long n1g = n1 / g;
        long n2g = n2 / g;
        Method used = method;
        if (used == Method.AUTO) {
            used = Math.max(n1, n2) <= MAX_AUTO_N ? Method.EXACT : Method.ASYMP;
        } else if (used == Method.EXACT && n1g >= Integer.MAX_VALUE / n2g) {
            used = Method.ASYMP; // lcm(n1, n2) too large for the lattice
        }
        double p = Double.NaN;
        if (used == Method.EXACT) {
            long lcm = n1g * n2;
            long h = Math.round(Math.rint(d * lcm));
            d = (double) h / lcm;
            p = exact(n1, n2, g, h);
            if (Double.isNaN(p)) {
                used = Method.ASYMP;
            }
        }
        if (used == Method.ASYMP) {
            p = asymptotic(n1, n2, d);
        }
        return new KolmogorovSmirnovResult(d, Math.max(0.0, Math.min(1.0, p)), location, sign, alternative, used, n1, n2);
    }

    /** The exact p-value, or NaN where the path counts overflow or leave [0, 1]. */
    private double exact(int n1, int n2, long g, long h) {
        if (h == 0) {
            return 1.0;
        }
        double p;
        if (alternative == Alternative.TWO_SIDED) {
            p = n1 == n2 ? SmirnovPaths.twoSidedEqual(n1, h) : SmirnovPaths.twoSidedUnequal(n1, n2, g, h);
        } else if (n1 == n2) {
            p = SmirnovPaths.oneSidedEqual(n1, h);
        } else {
            double paths = SmirnovPaths.pathsOutside(n1, n2, g, h);
            double all = SmirnovPaths.binomial((double) n1 + n2, n1);
            if (!Double.isFinite(paths) || !Double.isFinite(all) || paths > all) {
                return Double.NaN;
            }
            p = paths / all;
        }
        return p >= 0 && p <= 1 ? p : Double.NaN;
    }

    private double asymptotic(int n1, int n2, double d) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        if (alternative == Alternative.TWO_SIDED) {
            double rounded = Math.rint(en);
            if (rounded < 1) {
                throw new ValidationException("x, y: the asymptotic two-sided distribution is undefined for "
                        + n1 + " and " + n2 + " values (n1*n2/(n1+n2) rounds to 0); use Method.EXACT");
            }
            return KolmogorovDistribution.twoSidedSf((int) Math.min(rounded, Integer.MAX_VALUE), d);
        }
        double z = Math.sqrt(en) * d;
        double exponent = -2 * z * z - 2 * z * (m + 2 * n) / Math.sqrt(m * n * (m + n)) / 3.0;
        return Math.exp(exponent);
    }

    /** The number of values ≤ t in a sorted array (numpy's {@code searchsorted(side='right')}). */
    private static int upperBound(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
