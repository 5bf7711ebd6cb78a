// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.internal.NeighbourSearch;
import dev.surprisal.knn.internal.Parallel;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.RadiusCounter;
import dev.surprisal.knn.internal.RadiusRule;
import java.util.List;

/**
 * Mutual information for discrete–continuous mixtures (data with point masses and ties) by the
 * estimator of W. Gao, S. Kannan, S. Oh, P. Viswanath (2017), "Estimating mutual information for
 * discrete-continuous mixtures", NeurIPS 2017 (their Algorithm 1). With ρ_i the max-norm distance
 * from point i to its k-th neighbour in the joint space:
 * <ul>
 *   <li>k̃_i = k if ρ_i &gt; 0, otherwise k̃_i = #{j ≠ i : ‖z_j − z_i‖ = 0} (the size of its point mass);</li>
 *   <li>n_x(i) = #{j ≠ i : ‖x_j − x_i‖ ≤ ρ_i}, likewise n_y(i);</li>
 * </ul>
 * <pre>  I = ⟨ψ(k̃_i) + ln n − ln(n_x(i) + 1) − ln(n_y(i) + 1)⟩</pre>
 * On purely discrete data this tends to the plug-in MI; on continuous data it behaves like KSG.
 * Nats internally; not clipped at 0.
 */
public final class GaoMixedMutualInformation {
    private GaoMixedMutualInformation() {
    }

    /**
     * k = 3, nats, one-dimensional samples.
     *
     * @param x the X sample, finite (ties and repeated values allowed)
     * @param y the Y sample, same length
     * @return the estimate of I(X;Y) in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), Estimators.DEFAULT_K, Base.NATS);
    }

    /**
     * Multi-dimensional samples as rows.
     *
     * @param x observations of X, one row each
     * @param y observations of Y, as many rows
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[][] x, double[][] y, int k, Base base) {
        return estimate(PointSet.ofRows("x", x), PointSet.ofRows("y", y), k, base);
    }

    /**
     * The general form.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet x, PointSet y, int k, Base base) {
        if (x.size() != y.size()) {
            throw new ValidationException("x and y: sample sizes differ (" + x.size() + " vs " + y.size() + ")");
        }
        int n = x.size();
        Estimators.checkK(k, n);
        PointSet joint = PointSet.join(x, y);
        double[] rho = NeighbourSearch.kthDistances(joint, k);
        RadiusCounter cxy = NeighbourSearch.counter(joint);
        RadiusCounter cx = NeighbourSearch.counter(x);
        RadiusCounter cy = NeighbourSearch.counter(y);
        double lnN = Math.log(n);
        double[] terms = new double[n];
        Parallel.forRange(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double r = rho[i];
                int kTilde = r > 0 ? k : cxy.countOthers(i, 0.0, RadiusRule.INCLUSIVE);
                int nx = cx.countOthers(i, r, RadiusRule.INCLUSIVE);
                int ny = cy.countOthers(i, r, RadiusRule.INCLUSIVE);
                terms[i] = Estimators.digamma(kTilde) + lnN - Math.log(nx + 1.0) - Math.log(ny + 1.0);
            }
        });
        return KnnEstimate.of(Parallel.mean(terms), base, "GaoMixed", k, n, List.of());
    }
}
