// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.internal.NeighbourSearch;
import dev.surprisal.knn.internal.Parallel;
import dev.surprisal.knn.PointSet;
import java.util.List;

/**
 * Kullback–Leibler divergence D(P‖Q) between two continuous samples, x ~ P (n points) and y ~ Q
 * (m points), by the k-nearest-neighbour estimator of Q. Wang, S. R. Kulkarni, S. Verdú (2009),
 * "Divergence estimation for multidimensional densities via k-nearest-neighbor distances", IEEE
 * Trans. Inf. Theory 55(5):
 * <pre>  D(P‖Q) ≈ (d/n) Σ ln(ν_k(i) / ρ_k(i)) + ln(m / (n − 1))</pre>
 * where ρ_k(i) is the distance from x_i to its k-th nearest other point of x and ν_k(i) the distance
 * from x_i to its k-th nearest point of y (max norm; the volume constant cancels). Direction: P is
 * the reference (the sample averaged over), Q the model. Nats internally; the estimate can be
 * slightly negative for equal distributions.
 */
public final class KnnDivergence {
    private KnnDivergence() {
    }

    /**
     * k = 3 (the paper also studies k = 1), nats, one-dimensional samples.
     *
     * @param x the sample of P, finite
     * @param y the sample of Q, finite
     * @return the estimate of D(P‖Q) in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), Estimators.DEFAULT_K, Base.NATS);
    }

    /**
     * One-dimensional samples with the given k and unit.
     *
     * @param x the sample of P, finite
     * @param y the sample of Q, finite
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of D(P‖Q) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y, int k, Base base) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), k, base);
    }

    /**
     * Rows of multi-dimensional samples (same dimension).
     *
     * @param x the sample of P, one point per row
     * @param y the sample of Q, one point per row, same dimension
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of D(P‖Q) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[][] x, double[][] y, int k, Base base) {
        return estimate(PointSet.ofRows("x", x), PointSet.ofRows("y", y), k, base);
    }

    /**
     * The general form.
     *
     * @param x the points of P
     * @param y the points of Q, same dimension
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of D(P‖Q) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet x, PointSet y, int k, Base base) {
        if (x.dimension() != y.dimension()) {
            throw new ValidationException("x and y: dimensions differ (" + x.dimension() + " vs " + y.dimension() + ")");
        }
        int n = x.size();
        int m = y.size();
        Estimators.checkK(k, n);
        if (m < k) {
            throw new ValidationException("y: needs at least k = " + k + " points, got " + m);
        }
        double[] rho = NeighbourSearch.kthDistances(x, k);
        double[] nu = NeighbourSearch.kthDistancesTo(y, x, k);
        double[] terms = new double[n];
        for (int i = 0; i < n; i++) {
            if (rho[i] == 0.0) {
                throw new ValidationException("x[" + i + "]: has at least k = " + k + " exact duplicates in x "
                        + "(k-th neighbour distance 0), so ln(ν/ρ) is infinite; use a larger k or add jitter");
            }
            if (nu[i] == 0.0) {
                throw new ValidationException("x[" + i + "]: coincides with at least k = " + k + " points of y "
                        + "(distance 0), so ln(ν/ρ) is −∞; use a larger k or add jitter");
            }
            terms[i] = Math.log(nu[i] / rho[i]);
        }
        double nats = x.dimension() * Parallel.mean(terms) + Math.log(m / (n - 1.0));
        return KnnEstimate.of(nats, base, "WangKulkarniVerdu", k, n, List.of());
    }
}
