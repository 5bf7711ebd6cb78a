// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianKlTest {

    /** Monte Carlo E_P[log p − log q] with n draws from P; returns {mean, standard error}. */
    private static double[] monteCarlo(MultivariateGaussian p, MultivariateGaussian q, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] l = p.cholesky().lower();
        double[] mu = p.mean();
        int k = mu.length;
        double s = 0;
        double s2 = 0;
        for (int t = 0; t < n; t++) {
            double[] e = new double[k];
            for (int i = 0; i < k; i++) {
                e[i] = gaussian(rng);
            }
            double[] x = mu.clone();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    x[i] += l[i][j] * e[j];
                }
            }
            double v = p.logDensity(x) - q.logDensity(x);
            s += v;
            s2 += v * v;
        }
        double mean = s / n;
        return new double[] {mean, Math.sqrt((s2 / n - mean * mean) / n)};
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller; independent of the code under test
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void univariateMatchesHandComputedValue() {
        // log(2/1) + (1 + 1)/(2·4) − ½ = ln 2 − 0.25
        assertThat(GaussianKl.univariate(0, 1, 1, 2)).isCloseTo(Math.log(2) - 0.25, within(1e-15));
        assertThat(GaussianKl.univariate(3, 2, 3, 2)).isEqualTo(0.0);
    }

    @Test
    void fullCovarianceAgreesWithMonteCarlo() {
        MultivariateGaussian p = MultivariateGaussian.of(new double[] {0.5, -1, 2},
                new double[][] {{2, 0.6, 0.2}, {0.6, 1, -0.3}, {0.2, -0.3, 0.5}});
        MultivariateGaussian q = MultivariateGaussian.of(new double[] {0, 0, 1},
                new double[][] {{1, 0.2, 0}, {0.2, 1.5, 0.1}, {0, 0.1, 0.8}});
        double exact = GaussianKl.full(p.mean(), p.covariance(), q.mean(), q.covariance());
        double[] mc = monteCarlo(p, q, 200_000, 7);
        assertThat(exact).isCloseTo(mc[0], within(4 * mc[1]));
        assertThat(mc[1]).isLessThan(0.01); // the check is sharp enough to catch a wrong term
    }

    @Test
    void univariateAgreesWithMonteCarlo() {
        MultivariateGaussian p = MultivariateGaussian.diagonal(new double[] {1.3}, new double[] {0.49});
        MultivariateGaussian q = MultivariateGaussian.diagonal(new double[] {-0.2}, new double[] {2.25});
        double[] mc = monteCarlo(p, q, 200_000, 11);
        assertThat(GaussianKl.univariate(1.3, 0.7, -0.2, 1.5)).isCloseTo(mc[0], within(4 * mc[1]));
    }

    @Test
    void diagonalAndVaeFormsAgreeWithFull() {
        double[] mu = {0.3, -1.2, 2.0};
        double[] var = {0.5, 1.7, 0.1};
        double[] logVar = {Math.log(0.5), Math.log(1.7), Math.log(0.1)};
        double full = MultivariateGaussian.diagonal(mu, var)
                .klTo(MultivariateGaussian.diagonal(new double[3], new double[] {1, 1, 1}));
        assertThat(GaussianKl.diagonal(mu, var, new double[3], new double[] {1, 1, 1})).isCloseTo(full, within(1e-12));
        assertThat(GaussianKl.toStandardNormal(mu, logVar)).isCloseTo(full, within(1e-12));
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += GaussianKl.univariate(mu[i], Math.sqrt(var[i]), 0, 1);
        }
        assertThat(full).isCloseTo(sum, within(1e-12));
    }

    @Test
    void badInputNamesArgumentAndValue() {
        assertThatThrownBy(() -> GaussianKl.univariate(0, -1, 0, 1)).hasMessageContaining("sigma0").hasMessageContaining("-1");
        assertThatThrownBy(() -> GaussianKl.diagonal(new double[] {0, 0}, new double[] {1, 0}, new double[2], new double[] {1, 1}))
                .hasMessageContaining("var0[1]");
        assertThatThrownBy(() -> GaussianKl.full(new double[2], new double[][] {{1, 2}, {2, 1}}, new double[2],
                new double[][] {{1, 0}, {0, 1}})).hasMessageContaining("cov0").hasMessageContaining("positive definite");
    }
}
