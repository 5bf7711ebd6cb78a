// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.LogBeta;

/**
 * Exact null probabilities of the two-sample Smirnov statistic by counting lattice paths from
 * (0, 0) to (n₁, n₂) that leave the band |x/n₁ − y/n₂| &lt; h/lcm(n₁, n₂) (Hodges, J. L. (1958)
 * "The significance probability of the Smirnov two-sample test", Arkiv för Matematik 3(43),
 * following Drion, Gnedenko and Korolyuk), with the complement recursion of Viehmann, T. (2021)
 * "Numerically more stable computation of the p-values for the two-sample Kolmogorov–Smirnov
 * test", arXiv:2102.08037. The same algorithms and choices as scipy 1.10's {@code ks_2samp}.
 * Every probability assumes no ties across the samples, as scipy's does.
 */
final class SmirnovPaths {
    private SmirnovPaths() {
    }

    /** P(D ≥ h/n) for two samples of the same size n: 2 Σ_k (−1)^(k+1) C(2n, n − kh)/C(2n, n), in Horner form. */
    static double twoSidedEqual(int n, long h) {
        double p = 0.0;
        long k = n / h;
        while (k >= 0) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
            k--;
        }
        return 2 * p;
    }

    /** P(D ≥ h/lcm) two-sided, sizes m ≠ n, gcd g: one minus the share of paths strictly inside the band. */
    static double twoSidedUnequal(long m, long n, long g, long h) {
        if (m < n) {
            long swap = m;
            m = n;
            n = swap;
        }
        long mg = m / g;
        long ng = n / g;
        int minj = 0;
        int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int curlen = maxj - minj;
        int lenA = (int) Math.min(2L * maxj + 2, n + 1);
        double[] a = new double[lenA];
        java.util.Arrays.fill(a, 1.0);
        java.util.Arrays.fill(a, minj, maxj, 0.0);
        for (long i = 1; i <= m; i++) {
            int lastminj = minj;
            int lastlen = curlen;
            minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = (int) Math.min(minj, n);
            maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxj - minj; jj++) {
                int j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                java.util.Arrays.fill(a, maxj - minj, maxj - minj + (lastlen - curlen), 1.0);
            }
        }
        return a[maxj - minj - 1];
    }

    /** P(D⁺ ≥ h/n) one-sided for equal sizes: C(2n, n − h)/C(2n, n) as a product. */
    static double oneSidedEqual(int n, long h) {
        double p = 1.0;
        for (long j = 0; j < h; j++) {
            p *= (n - j) / (n + j + 1.0);
        }
        return p;
    }

    /**
     * The number of paths from (0, 0) to (m, n) that reach m·y ≤ n·x − h·g somewhere, as a double;
     * NaN or ∞ when it overflows.
     */
    static double pathsOutside(long m, long n, long g, long h) {
        if (m < n) {
            long swap = m;
            m = n;
            n = swap;
        }
        long mg = m / g;
        long ng = n / g;
        int lxj = (int) (n + Math.floorDiv(mg - h, mg));
        if (lxj <= 0) {
            return binomial(m + n, n);
        }
        long[] xj = new long[lxj];
        for (int j = 0; j < lxj; j++) {
            xj[j] = Math.floorDiv(h + mg * j + ng - 1, ng);
        }
        double[] b = new double[lxj];
        b[0] = 1;
        for (int j = 1; j < lxj; j++) {
            double bj = binomial(xj[j] + j, j);
            for (int i = 0; i < j; i++) {
                bj -= binomial(xj[j] - xj[i] + j - i, j - i) * b[i];
            }
            b[j] = bj;
        }
        double paths = 0;
        for (int j = 0; j < lxj; j++) {
            paths += b[j] * binomial((m - xj[j]) + (n - j), n - j);
        }
        return paths;
    }

    /**
     * C(n, k) for integers 0 ≤ k ≤ n as scipy's {@code special.binom} computes it: a running product
     * for k &lt; 20 (after k ← n − k when that is smaller), else 1/((n+1)·B(n−k+1, k+1)).
     */
    static double binomial(double n, double k) {
        if (k > n / 2 && n > 0) {
            k = n - k;
        }
        if (k < 20) {
            double num = 1.0;
            double den = 1.0;
            for (int i = 1; i <= (int) k; i++) {
                num *= i + n - k;
                den *= i;
                if (Math.abs(num) > 1e50) {
                    num /= den;
                    den = 1.0;
                }
            }
            return num / den;
        }
        double a = n - k + 1;
        double b = k + 1;
        double beta = a + b < 171.6 ? Gamma.value(b) / Gamma.value(a + b) * Gamma.value(a)
                : Math.exp(LogBeta.value(a, b));
        return 1 / (n + 1) / beta;
    }
}
