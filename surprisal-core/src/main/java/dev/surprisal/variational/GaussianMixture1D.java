// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import dev.surprisal.core.Validate;

/** An immutable univariate Gaussian mixture Σ w_j N(μ_j, σ_j²), for the forward/reverse KL demonstrations. */
public final class GaussianMixture1D {
    private final double[] weights;
    private final double[] means;
    private final double[] sds;

    private GaussianMixture1D(double[] weights, double[] means, double[] sds) {
        this.weights = weights.clone();
        this.means = means.clone();
        this.sds = sds.clone();
    }

    /**
     * Weights must sum to 1; standard deviations must be > 0.
     *
     * @param weights the component weights, a probability vector
     * @param means the component means, same length
     * @param sds the component standard deviations, &gt; 0, same length
     * @return the mixture
     */
    public static GaussianMixture1D of(double[] weights, double[] means, double[] sds) {
        Validate.probabilities("weights", weights);
        Validate.finite("means", means);
        Validate.sameLength("weights", weights.length, "means", means.length);
        Validate.sameLength("weights", weights.length, "sds", sds.length);
        for (int i = 0; i < sds.length; i++) {
            GaussianKl.positive("sds[" + i + "]", sds[i]);
        }
        return new GaussianMixture1D(weights, means, sds);
    }

    /**
     * log density at x, by log-sum-exp over components.
     *
     * @param x a point
     * @return log p(x)
     */
    public double logDensity(double x) {
        double[] a = new double[weights.length];
        for (int j = 0; j < a.length; j++) {
            double z = (x - means[j]) / sds[j];
            a[j] = Math.log(weights[j]) - 0.5 * z * z - Math.log(sds[j]) - 0.5 * Math.log(2 * Math.PI);
        }
        return LogWeights.logSumExp(a);
    }

    /**
     * @return the mixture's mean Σ wⱼ μⱼ
     */
    public double mean() {
        double s = 0;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * means[j];
        }
        return s;
    }

    /**
     * @return the mixture's variance Σ wⱼ (σⱼ² + μⱼ²) − mean²
     */
    public double variance() {
        double mu = mean();
        double s = 0;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (sds[j] * sds[j] + means[j] * means[j]);
        }
        return s - mu * mu;
    }

    /**
     * @return a copy of the component weights
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * @return a copy of the component means
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * @return a copy of the component standard deviations
     */
    public double[] sds() {
        return sds.clone();
    }

    /** Smallest lower and largest upper end of μ_j ± span·σ_j, for quadrature grids and plots. */
    double lower(double span) {
        double lo = Double.POSITIVE_INFINITY;
        for (int j = 0; j < means.length; j++) {
            lo = Math.min(lo, means[j] - span * sds[j]);
        }
        return lo;
    }

    double upper(double span) {
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < means.length; j++) {
            hi = Math.max(hi, means[j] + span * sds[j]);
        }
        return hi;
    }
}
