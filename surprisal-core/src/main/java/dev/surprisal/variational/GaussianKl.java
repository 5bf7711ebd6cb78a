// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Validate;

/**
 * Closed-form Kullback–Leibler divergence KL(P‖Q) between Gaussians, in nats.
 *
 * <p>For P = N(μ₀, Σ₀) and Q = N(μ₁, Σ₁) in k dimensions:
 * <pre>KL(P‖Q) = ½ [ tr(Σ₁⁻¹Σ₀) + (μ₁−μ₀)ᵀ Σ₁⁻¹ (μ₁−μ₀) − k + log|Σ₁| − log|Σ₀| ]</pre>
 * (Kullback 1959, <i>Information Theory and Statistics</i>; see also Bishop 2006, §2.3). The
 * diagonal case is the one a VAE uses against its N(0, I) prior. Convert with
 * {@link dev.surprisal.core.Base#fromNats(double)} for bits.
 */
public final class GaussianKl {
    private GaussianKl() {
    }

    /**
     * KL(N(μ₀,σ₀²) ‖ N(μ₁,σ₁²)) = log(σ₁/σ₀) + (σ₀² + (μ₀−μ₁)²)/(2σ₁²) − ½, in nats; σ are standard deviations.
     *
     * @param mu0 μ₀, the mean of the first Gaussian
     * @param sigma0 σ₀ &gt; 0, its standard deviation
     * @param mu1 μ₁, the mean of the second Gaussian
     * @param sigma1 σ₁ &gt; 0, its standard deviation
     * @return KL ≥ 0 in nats
     */
    public static double univariate(double mu0, double sigma0, double mu1, double sigma1) {
        positive("sigma0", sigma0);
        positive("sigma1", sigma1);
        finite("mu0", mu0);
        finite("mu1", mu1);
        double d = mu0 - mu1;
        return Math.log(sigma1 / sigma0) + (sigma0 * sigma0 + d * d) / (2 * sigma1 * sigma1) - 0.5;
    }

    /**
     * KL between diagonal Gaussians given means and <em>variances</em>:
     * {@code ½ Σ_i [v₀/v₁ + (μ₁−μ₀)²/v₁ − 1 + log v₁ − log v₀]}, in nats.
     *
     * @param mu0 the means of the first Gaussian
     * @param var0 its variances, &gt; 0, same length
     * @param mu1 the means of the second Gaussian, same length
     * @param var1 its variances, &gt; 0, same length
     * @return KL ≥ 0 in nats
     */
    public static double diagonal(double[] mu0, double[] var0, double[] mu1, double[] var1) {
        Validate.finite("mu0", mu0);
        Validate.finite("mu1", mu1);
        Validate.sameLength("mu0", mu0.length, "var0", var0.length);
        Validate.sameLength("mu0", mu0.length, "mu1", mu1.length);
        Validate.sameLength("mu0", mu0.length, "var1", var1.length);
        double s = 0;
        for (int i = 0; i < mu0.length; i++) {
            positive("var0[" + i + "]", var0[i]);
            positive("var1[" + i + "]", var1[i]);
            double d = mu1[i] - mu0[i];
            s += var0[i] / var1[i] + d * d / var1[i] - 1 + Math.log(var1[i]) - Math.log(var0[i]);
        }
        return 0.5 * s;
    }

    /**
     * KL(N(μ, diag(exp(logVar))) ‖ N(0, I)) = −½ Σ (1 + logVar − μ² − exp(logVar)), the VAE's KL term
     * (Kingma and Welling 2014, <i>Auto-Encoding Variational Bayes</i>, appendix B), in nats.
     *
     * @param mu the means μ
     * @param logVar the log-variances, same length
     * @return KL ≥ 0 in nats
     */
    public static double toStandardNormal(double[] mu, double[] logVar) {
        Validate.finite("mu", mu);
        Validate.finite("logVar", logVar);
        Validate.sameLength("mu", mu.length, "logVar", logVar.length);
        double s = 0;
        for (int i = 0; i < mu.length; i++) {
            s += 1 + logVar[i] - mu[i] * mu[i] - Math.exp(logVar[i]);
        }
        return -0.5 * s;
    }

    /**
     * KL between full-covariance Gaussians, through Cholesky factors of both covariances; in nats.
     *
     * @param mu0 the mean of the first Gaussian
     * @param cov0 its covariance, symmetric positive definite
     * @param mu1 the mean of the second Gaussian, same length
     * @param cov1 its covariance, symmetric positive definite, same size
     * @return KL ≥ 0 in nats
     */
    public static double full(double[] mu0, double[][] cov0, double[] mu1, double[][] cov1) {
        Validate.finite("mu0", mu0);
        Validate.finite("mu1", mu1);
        Validate.sameLength("mu0", mu0.length, "mu1", mu1.length);
        Validate.sameLength("mu0", mu0.length, "cov0", cov0.length);
        Validate.sameLength("mu0", mu0.length, "cov1", cov1.length);
        Cholesky c0 = Cholesky.of("cov0", cov0);
        Cholesky c1 = Cholesky.of("cov1", cov1);
        int k = mu0.length;
        // tr(Σ₁⁻¹Σ₀) = ‖L₁⁻¹ L₀‖_F², column by column: no inverse is formed
        double[][] l0 = c0.lower();
        double trace = 0;
        for (int j = 0; j < k; j++) {
            double[] col = new double[k];
            for (int i = 0; i < k; i++) {
                col[i] = l0[i][j];
            }
            double[] y = c1.solveLower(col);
            for (double v : y) {
                trace += v * v;
            }
        }
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            d[i] = mu1[i] - mu0[i];
        }
        double[] y = c1.solveLower(d);
        double maha = 0;
        for (double v : y) {
            maha += v * v;
        }
        return 0.5 * (trace + maha - k + c1.logDeterminant() - c0.logDeterminant());
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ValidationException(name + ": must be finite and > 0, got " + v);
        }
    }

    static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new ValidationException(name + ": is " + v);
        }
    }
}
