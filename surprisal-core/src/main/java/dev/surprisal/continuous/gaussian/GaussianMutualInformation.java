// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous.gaussian;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;

/**
 * Mutual information between jointly Gaussian blocks of variables, in closed form from the covariance
 * (or correlation) matrix:
 * <pre>
 *   I(X;Y)   = ½ ln( |Σ_X| |Σ_Y| / |Σ_XY| )
 *   I(X;Y|Z) = ½ ln( |Σ_XZ| |Σ_YZ| / (|Σ_Z| |Σ_XYZ|) )
 *   I(X;Y)   = −½ ln(1 − ρ²)          for two scalars with correlation ρ
 * </pre>
 * where Σ_S is the sub-matrix on the variables of S. The formulas are invariant to rescaling any variable,
 * so a correlation matrix gives the same answer as the covariance matrix. Computed in nats, returned in the
 * requested {@link Base}.
 *
 * <p>Applied to a sample covariance ({@code fromSamples}), this is the "linear" MI estimator: exact for
 * Gaussian data, and for other data it measures only the linear (correlation) part of the dependence.
 *
 * <p>References: Cover, T. M. and Thomas, J. A. (2006). <i>Elements of Information Theory</i>, 2nd ed.,
 * ch. 8; Barnett, L., Barrett, A. B. and Seth, A. K. (2009). Granger causality and transfer entropy are
 * equivalent for Gaussian variables. <i>Physical Review Letters</i> 103, 238701.
 */
public final class GaussianMutualInformation {
    private GaussianMutualInformation() {
    }

    /**
     * MI of two jointly Gaussian scalars with correlation {@code rho}: −½ ln(1 − ρ²); +∞ when |ρ| = 1.
     *
     * @param rho the correlation ρ, in [−1, 1]
     * @param base the unit of the result
     * @return −½ log(1 − ρ²) in the unit of {@code base}
     * @throws IllegalArgumentException if ρ is NaN or outside [−1, 1]
     */
    public static double ofCorrelation(double rho, Base base) {
        if (!(rho >= -1.0 && rho <= 1.0)) {
            throw new ValidationException("rho: must lie in [-1, 1], got " + rho);
        }
        return base.fromNats(-0.5 * Math.log1p(-rho * rho));
    }

    /**
     * I(X;Y) of the blocks {@code x} and {@code y} (variable indices into the matrix) of a Gaussian with
     * the given covariance or correlation matrix. Variables in neither block are marginalised out.
     *
     * @param covariance the covariance or correlation matrix, symmetric positive definite
     * @param x the variables of X (indices into the matrix)
     * @param y the variables of Y, disjoint from x
     * @param base the unit of the result
     * @return I(X;Y) = ½ log(|Σ_X| |Σ_Y| / |Σ_XY|) in the unit of {@code base}
     * @throws IllegalArgumentException if the matrix is not symmetric positive definite on the used
     *         variables, or the blocks are empty, out of range or overlap
     */
    public static double ofCovariance(double[][] covariance, int[] x, int[] y, Base base) {
        Covariance.validate("covariance", covariance);
        Covariance.validateBlocks(covariance.length, new String[] {"x", "y"}, x, y);
        double nats = 0.5 * (logDet(covariance, x) + logDet(covariance, y) - logDet(covariance, concat(x, y)));
        return base.fromNats(Math.max(0.0, nats)); // rounding can push an exact 0 slightly negative
    }

    /**
     * Conditional MI I(X;Y|Z) of the blocks {@code x}, {@code y} and {@code z} of a Gaussian with the given
     * covariance or correlation matrix.
     *
     * @param covariance the covariance or correlation matrix, symmetric positive definite
     * @param x the variables of X (indices into the matrix)
     * @param y the variables of Y
     * @param z the variables of Z; the three blocks disjoint
     * @param base the unit of the result
     * @return I(X;Y|Z) ≥ 0 in the unit of {@code base}
     * @throws IllegalArgumentException as {@link #ofCovariance(double[][], int[], int[], Base)}
     */
    public static double conditional(double[][] covariance, int[] x, int[] y, int[] z, Base base) {
        Covariance.validate("covariance", covariance);
        Covariance.validateBlocks(covariance.length, new String[] {"x", "y", "z"}, x, y, z);
        double nats = 0.5 * (logDet(covariance, concat(x, z)) + logDet(covariance, concat(y, z))
                - logDet(covariance, z) - logDet(covariance, concat(concat(x, y), z)));
        return base.fromNats(Math.max(0.0, nats));
    }

    /**
     * Plug-in estimate of I(X;Y) between two 1-D samples of equal length: −½ ln(1 − r²) with r the sample
     * Pearson correlation (computed through the 2×2 sample covariance).
     *
     * @param x the first sample, finite
     * @param y the second sample, same length
     * @param base the unit of the result
     * @return −½ log(1 − r²) in the unit of {@code base}
     * @throws IllegalArgumentException on NaN/∞, unequal lengths, fewer than 2 samples, or a constant column
     */
    public static double fromSamples(double[] x, double[] y, Base base) {
        Validate.sameLength("x", x.length, "y", y.length);
        double[][] c = Covariance.ofSamples("samples", Covariance.rowsOf("samples", x, y));
        checkVariance("x", c[0][0]);
        checkVariance("y", c[1][1]);
        double r = c[0][1] / Math.sqrt(c[0][0] * c[1][1]);
        return ofCorrelation(Math.max(-1.0, Math.min(1.0, r)), base);
    }

    /**
     * Plug-in estimate of I(X;Y) from multivariate observations {@code x[i][·]} and {@code y[i][·]} (row i is
     * the i-th observation): the Gaussian MI of the joint sample covariance.
     *
     * @param x observations of X, one row each
     * @param y observations of Y, as many rows
     * @param base the unit of the result
     * @return the Gaussian I(X;Y) of the sample covariance, in the unit of {@code base}
     */
    public static double fromSamples(double[][] x, double[][] y, Base base) {
        double[][] rows = joinRows(x, y);
        int dx = x[0].length;
        return ofCovariance(Covariance.ofSamples("samples", rows), range(0, dx), range(dx, rows[0].length), base);
    }

    /**
     * Plug-in estimate of I(X;Y|Z) from observation rows {@code x}, {@code y}, {@code z} of equal length.
     *
     * @param x observations of X, one row each
     * @param y observations of Y, as many rows
     * @param z observations of Z, as many rows
     * @param base the unit of the result
     * @return the Gaussian I(X;Y|Z) of the sample covariance, in the unit of {@code base}
     */
    public static double conditionalFromSamples(double[][] x, double[][] y, double[][] z, Base base) {
        double[][] rows = joinRows(joinRows(x, y), z);
        int dx = x[0].length;
        int dxy = dx + y[0].length;
        return conditional(Covariance.ofSamples("samples", rows), range(0, dx), range(dx, dxy),
                range(dxy, rows[0].length), base);
    }

    private static void checkVariance(String name, double variance) {
        if (!(variance > 0.0)) {
            throw new ValidationException(name + ": is constant (variance " + variance
                    + "), so its correlation with anything is undefined");
        }
    }

    private static double logDet(double[][] c, int[] index) {
        return Covariance.logDeterminant("covariance", Covariance.block(c, index));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static double[][] joinRows(double[][] a, double[][] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            throw new ValidationException("samples: blocks must be non-empty");
        }
        Validate.sameLength("x rows", a.length, "y rows", b.length);
        int da = a[0].length;
        int db = b[0].length;
        double[][] r = new double[a.length][da + db];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != da || b[i].length != db) {
                throw new ValidationException("samples[" + i + "]: ragged row (" + a[i].length + "+"
                        + b[i].length + " values, expected " + da + "+" + db + ")");
            }
            System.arraycopy(a[i], 0, r[i], 0, da);
            System.arraycopy(b[i], 0, r[i], da, db);
        }
        return r;
    }
}
