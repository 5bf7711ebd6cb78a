// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous.gaussian;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;

/**
 * Differential entropy of a (multivariate) normal distribution, in closed form:
 * <pre>  h(N(μ, Σ)) = ½ ln((2πe)^d |Σ|)   nats</pre>
 * and for d = 1, {@code ½ ln(2πe σ²)}. The mean does not matter. Results are computed in nats and
 * converted to the requested {@link Base} (bits = nats / ln 2). A differential entropy can be negative.
 *
 * <p>Reference: Cover, T. M. and Thomas, J. A. (2006). <i>Elements of Information Theory</i>, 2nd ed.,
 * Theorem 8.4.1.
 */
public final class GaussianEntropy {
    private static final double LN_2PI_E = Math.log(2.0 * Math.PI) + 1.0;

    private GaussianEntropy() {
    }

    /**
     * Entropy of N(μ, σ²) from its variance.
     *
     * @param variance σ² &gt; 0
     * @param base the unit of the result
     * @return ½ log(2πeσ²) in the unit of {@code base}; negative when σ² &lt; 1/(2πe)
     * @throws IllegalArgumentException if the variance is not finite and &gt; 0
     */
    public static double ofVariance(double variance, Base base) {
        if (!(variance > 0.0) || !Double.isFinite(variance)) {
            throw new ValidationException("variance: must be finite and > 0, got " + variance
                    + (variance == 0.0 ? " (a constant has differential entropy -infinity)" : ""));
        }
        return base.fromNats(0.5 * (LN_2PI_E + Math.log(variance)));
    }

    /**
     * Entropy of N(μ, Σ) from its d×d covariance matrix, via a Cholesky factorisation.
     *
     * @param covariance Σ, symmetric positive definite
     * @param base the unit of the result
     * @return ½ log((2πe)^d |Σ|) in the unit of {@code base}
     * @throws IllegalArgumentException if Σ is not symmetric positive definite (the message names the pivot)
     */
    public static double ofCovariance(double[][] covariance, Base base) {
        int d = covariance == null ? 0 : covariance.length;
        double logDet = Covariance.logDeterminant("covariance", covariance);
        return base.fromNats(0.5 * (d * LN_2PI_E + logDet));
    }

    /**
     * Plug-in estimate: the entropy of the normal distribution with the sample covariance (divisor n − 1)
     * of observations {@code rows[i][j]} (i-th observation, j-th variable). Exact only for Gaussian data;
     * for any other distribution with the same covariance it is an upper bound on the true entropy.
     *
     * @param rows one observation per row, at least two, finite
     * @param base the unit of the result
     * @return the Gaussian entropy of the sample covariance, in the unit of {@code base}
     */
    public static double fromSamples(double[][] rows, Base base) {
        return ofCovariance(Covariance.ofSamples("rows", rows), base);
    }
}
