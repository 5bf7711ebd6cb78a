// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The exact distributions of the one-sample Kolmogorov–Smirnov statistics, which the asymptotic
 * two-sample test evaluates at n = round(n₁n₂/(n₁+n₂)):
 * <ul>
 *   <li>{@link #twoSidedSf(int, double)}: P(Dₙ ≥ x) for Dₙ = supₜ |Fₙ(t) − F(t)|, scipy's
 *       {@code kstwo.sf(x, n)}, choosing between the Durbin matrix (Marsaglia, Tsang &amp; Wang,
 *       2003), Pomeranz's recursion (1974), the Pelz–Good series (1976) and 2·P(Dₙ⁺ ≥ x) in the
 *       regions of Simard, R. and L'Ecuyer, P. (2011) "Computing the two-sided Kolmogorov–Smirnov
 *       distribution", J. Stat. Softw. 39(11), as scipy 1.10's {@code _ksstats._kolmogn} does;</li>
 *   <li>{@link #oneSidedSf(int, double)}: P(Dₙ⁺ ≥ x), scipy's {@code special.smirnov(n, x)}, by the
 *       Smirnov / Birnbaum–Tingey (1951) sum.</li>
 * </ul>
 * Package-private: the supported entry point is {@link KolmogorovSmirnovTest}.
 */
final class KolmogorovDistribution {
    private static final double TWO_128 = 0x1p128;
    private static final double TWO_M128 = 0x1p-128;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
        7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** P(Dₙ ≥ x), the survival function of the two-sided statistic; n ≥ 1. */
    static double twoSidedSf(int n, double x) {
        if (x >= 1.0) {
            return 0.0;
        }
        double t = n * x;
        if (t <= 0.5) {
            return 1.0;
        }
        if (t <= 1.0) { // Ruben & Gambino: 1/(2n) < x <= 1/n
            double prob;
            if (n <= 140) {
                prob = 1.0;
                double f = 2 * t - 1;
                for (int i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * f;
                }
            } else {
                prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1.0 - prob);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * oneSidedSf(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                return clip(1.0 - durbinCdf(n, x));
            }
            if (nxSquared <= 4) {
                return clip(1.0 - pomeranzCdf(n, x));
            }
            return clip(2 * oneSidedSf(n, x));
        }
        if (nxSquared >= 370.0) {
            return 0.0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * oneSidedSf(n, x));
        }
        double cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf(n, x) : pelzGoodCdf(n, x);
        return clip(1.0 - cdf);
    }

    /** log(n! / nⁿ) by Stirling's series. */
    private static double logFactorialOverPower(int n) {
        double rn = 1.0 / n;
        double z = rn / n;
        double poly = STIRLING[0];
        for (int i = 1; i < STIRLING.length; i++) {
            poly = poly * z + STIRLING[i];
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    /**
     * P(Dₙ⁺ ≥ x) = x Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (x + j/n)^{j−1} (1 − x − j/n)^{n−j}. Every term is
     * positive, so the sum loses nothing to cancellation; each term is formed from its logarithm,
     * written with Stirling's formula so that no part of it is large (see {@link #logTerm}).
     */
    static double oneSidedSf(int n, double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (x >= 1) {
            return 0.0;
        }
        if (n == 1) {
            return 1.0 - x;
        }
        int last = (int) Math.floor(n * (1.0 - x));
        double nx = n * x;
        double deltaN = stirlingCorrection(n);
        double sum = Math.exp(-Math.log(x) + n * Math.log1p(-x)); // j = 0: (1 − x)^n / x
        for (int j = 1; j <= last && j < n; j++) {
            double u = -nx / (n - j);
            if (u <= -1) {
                continue; // 1 − x − j/n ≤ 0: the term is 0
            }
            sum += Math.exp(logTerm(n, j, x, nx, u, deltaN));
        }
        return clip(sum * x);
    }

    /**
     * log[C(n, j) aʲ⁻¹ bⁿ⁻ʲ] with a = x + j/n, b = 1 − a, 1 ≤ j &lt; n. With log k! = k log k − k +
     * ½ log(2πk) + δ(k), the parts of size n cancel exactly on paper:
     * j·log1p(nx/j) + (n−j)·log1p(−nx/(n−j)) − log a + ½ log(n/(2π j (n−j))) + δ(n) − δ(j) − δ(n−j).
     * The log-gamma form instead loses ~n·ε (1e-11 at n = 10⁵).
     */
    private static double logTerm(int n, int j, double x, double nx, double u, double deltaN) {
        double a = x + (double) j / n;
        return j * Math.log1p(nx / j) + (n - j) * Math.log1p(u) - Math.log(a)
                + 0.5 * Math.log((double) n / (2 * Math.PI * j * (double) (n - j)))
                + deltaN - stirlingCorrection(j) - stirlingCorrection(n - j);
    }

    /** δ(k) = log k! − (k log k − k + ½ log(2πk)), k ≥ 1: directly for small k, by its series beyond. */
    private static double stirlingCorrection(long k) {
        if (k < 16) {
            return LogGamma.value(k + 1.0) - (k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k));
        }
        double r = 1.0 / k;
        double r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
    }

    /** Pr(Dₙ ≤ d) by the Durbin matrix, H^n with scaling (Marsaglia, Tsang &amp; Wang 2003). */
    private static double durbinCdf(int n, double d) {
        double nd = n * d;
        if (nd <= 0.5) {
            return 0.0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[][] hm = new double[m][m];
        double[] v = new double[m];
        double[] w = new double[m];
        double fac = 1.0;
        for (int j = 1; j <= m; j++) {
            v[j - 1] = 1.0 - Math.pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }
        double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                hm[r][i] = w[r - (i - 1)];
            }
        }
        for (int r = 0; r < m; r++) {
            hm[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            hm[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = new double[m][m];
        for (int i = 0; i < m; i++) {
            power[i][i] = 1.0;
        }
        int nn = n;
        int exponent = 0;
        int hExponent = 0;
        while (nn > 0) {
            if (nn % 2 == 1) {
                power = multiply(power, hm);
                exponent += hExponent;
            }
            hm = multiply(hm, hm);
            hExponent *= 2;
            if (Math.abs(hm[k - 1][k - 1]) > TWO_128) {
                scale(hm, TWO_M128);
                hExponent += 128;
            }
            nn /= 2;
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < TWO_M128) {
                p *= TWO_128;
                exponent -= 128;
            }
        }
        return clip(Math.scalb(p, exponent));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < m; l++) {
                double ail = a[i][l];
                if (ail == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
    }

    /** Pr(Dₙ ≤ x) by Pomeranz's recursion (1974), as Simard &amp; L'Ecuyer implement it. */
    private static double pomeranzCdf(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int exponent = 0;
        int[] j12 = pomeranzInterval(0, n, ll, ceilf, roundf);
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j12[0];
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swapS = v0s;
            v0s = v1s;
            v1s = swapS;
            java.util.Arrays.fill(v1, 0.0);
            j12 = pomeranzInterval(i, n, ll, ceilf, roundf);
            int j1 = j12[0];
            int j2 = j12[1];
            double[] pwrs = i == 1 || i == 2 * n + 1 ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                int base = k1 - v0s;
                for (int o = 0; o < convLen; o++) {
                    int idx = convStart + o; // full convolution index
                    double s = 0.0;
                    for (int a = Math.max(0, idx - (ln2 - 1)); a <= Math.min(idx, ln2 - 1); a++) {
                        s += v0[base + a] * pwrs[idx - a];
                    }
                    v1[o] = s;
                }
                double max = 0.0;
                for (double e : v1) {
                    max = Math.max(max, e);
                }
                if (max > 0 && max < TWO_M128) {
                    for (int q = 0; q < v1.length; q++) {
                        v1[q] *= TWO_128;
                    }
                    exponent -= 128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > TWO_128) {
                ans *= TWO_M128;
                exponent += 128;
            }
            ans *= m;
        }
        return clip(Math.scalb(ans, exponent));
    }

    private static int[] pomeranzInterval(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) { // i is odd
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
    }

    /** The Pelz–Good (1976) approximation to Pr(Dₙ ≤ x), four terms in 1/√n. */
    private static double pelzGoodCdf(int n, double x) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (x >= 1.0) {
            return 1.0;
        }
        double z = Math.sqrt(n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < -708) {
            return 0.0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] k = new double[4];
        int maxk = (int) Math.ceil(16 * z / Math.PI);
        for (int kk = maxk; kk > 0; kk--) {
            double m = 2 * kk - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qpower = Math.pow(q, 8 * kk);
            k[0] = k[0] * qpower + 1.0;
            k[1] = k[1] * qpower + (k1a + k1b * m2);
            k[2] = k[2] * qpower + (k2a + k2b * m2 + k2c * m4);
            k[3] = k[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }
        double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            k[i] = k[i] * q * SQRT_2PI / div[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = Math.sqrt(3) * z;
        double k2extra = 0.0;
        double k3extra = 0.0;
        for (int kk = maxk; kk > 0; kk--) {
            double ks2 = (double) kk * kk;
            double qp = Math.pow(q2, ks2);
            double kspi = Math.PI * kk;
            k2extra += ks2 * qp;
            k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
        }
        k[2] += k2extra * PI2 * SQRT_2PI / (-36 * z3);
        k[3] += k3extra * PI2 * SQRT_2PI / (216 * z6);
        double sum = 0.0;
        for (int i = 0; i < 4; i++) {
            sum += k[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
