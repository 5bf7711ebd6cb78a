// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.Validate;

/** An immutable Gaussian N(mean, covariance); the covariance is checked positive definite on creation. */
public final class MultivariateGaussian {
    private final double[] mean;
    private final double[][] covariance;
    private final Cholesky cholesky;

    private MultivariateGaussian(double[] mean, double[][] covariance) {
        Validate.finite("mean", mean);
        Validate.sameLength("mean", mean.length, "covariance", covariance.length);
        this.mean = mean.clone();
        this.covariance = copy(covariance);
        this.cholesky = Cholesky.of("covariance", this.covariance);
    }

    /**
     * N(mean, covariance).
     *
     * @param mean the mean μ
     * @param covariance Σ, symmetric positive definite, same size
     * @return N(μ, Σ)
     */
    public static MultivariateGaussian of(double[] mean, double[][] covariance) {
        return new MultivariateGaussian(mean, covariance);
    }

    /**
     * N(mean, diag(variances)).
     *
     * @param mean the mean μ
     * @param variances the variances, &gt; 0, same length
     * @return N(μ, diag(variances))
     */
    public static MultivariateGaussian diagonal(double[] mean, double[] variances) {
        Validate.sameLength("mean", mean.length, "variances", variances.length);
        double[][] c = new double[mean.length][mean.length];
        for (int i = 0; i < mean.length; i++) {
            c[i][i] = variances[i];
        }
        return new MultivariateGaussian(mean, c);
    }

    /**
     * @return the dimension k
     */
    public int dimension() {
        return mean.length;
    }

    /**
     * @return a copy of the mean
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * @return a copy of the covariance
     */
    public double[][] covariance() {
        return copy(covariance);
    }

    double[][] covarianceView() {
        return covariance;
    }

    Cholesky cholesky() {
        return cholesky;
    }

    /**
     * Differential entropy ½ log((2πe)^k |Σ|), in nats.
     *
     * @return ½ log((2πe)^k |Σ|), in nats
     */
    public double entropy() {
        return 0.5 * (dimension() * Math.log(2 * Math.PI * Math.E) + cholesky.logDeterminant());
    }

    /**
     * log N(x; mean, Σ) in nats.
     *
     * @param x a point, length k
     * @return log N(x; μ, Σ) in nats
     */
    public double logDensity(double[] x) {
        Validate.sameLength("x", x.length, "mean", mean.length);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - mean[i];
        }
        double[] y = cholesky.solveLower(d);
        double q = 0;
        for (double v : y) {
            q += v * v;
        }
        return -0.5 * (x.length * Math.log(2 * Math.PI) + cholesky.logDeterminant() + q);
    }

    /**
     * KL(this ‖ other) in nats, see {@link GaussianKl#full}.
     *
     * @param other a Gaussian of the same dimension
     * @return KL(this ‖ other) ≥ 0 in nats
     */
    public double klTo(MultivariateGaussian other) {
        return GaussianKl.full(mean, covariance, other.mean, other.covariance);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
