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
 * Differential entropy h(X) of a continuous sample in any dimension by the k-nearest-neighbour
 * estimator of L. F. Kozachenko and N. N. Leonenko (1987), "Sample estimate of the entropy of a
 * random vector", Problems Inform. Transmission 23, in the form of Kraskov et al. (2004, eq. 20).
 *
 * <p>We use the max norm, for consistency with the KSG estimators: the unit ball is the cube
 * [−1, 1]^d of volume 2^d, so with ε_i the max-norm distance from point i to its k-th neighbour
 * <pre>  h = ψ(n) − ψ(k) + d·ln 2 + (d/n) Σ ln ε_i</pre>
 * (The Euclidean form differs only in the volume constant; the estimator is consistent for either.)
 * The value is in nats internally and may be negative (differential entropy). Duplicated points
 * give ε_i = 0 and ln 0 = −∞, which is rejected with an explanation rather than returned; fewer than k
 * copies of a point shrink its ε_i and bias the estimate down, which the result warns about (count and share).
 */
public final class KozachenkoLeonenkoEntropy {
    private KozachenkoLeonenkoEntropy() {
    }

    /**
     * k = 3, nats, one-dimensional sample.
     *
     * @param x the sample, finite
     * @return the differential entropy estimate in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x) {
        return estimate(PointSet.ofValues("x", x), Estimators.DEFAULT_K, Base.NATS);
    }

    /**
     * One-dimensional sample with the given k and unit.
     *
     * @param x the sample, finite
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the differential entropy estimate in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, int k, Base base) {
        return estimate(PointSet.ofValues("x", x), k, base);
    }

    /**
     * Rows of a multi-dimensional sample.
     *
     * @param x the sample, one point per row
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the differential entropy estimate in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[][] x, int k, Base base) {
        return estimate(PointSet.ofRows("x", x), k, base);
    }

    /**
     * The general form.
     *
     * @param x the points
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the differential entropy estimate in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet x, int k, Base base) {
        int n = x.size();
        Estimators.checkK(k, n);
        double[] eps = NeighbourSearch.kthDistances(x, k);
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            if (eps[i] == 0.0) {
                throw new ValidationException("x[" + i + "]: has at least k = " + k + " exact duplicates, so its "
                        + "k-th neighbour distance is 0 and the entropy estimate would be −∞; the sample is not "
                        + "continuous (use a discrete estimator, a larger k, or add jitter)");
            }
            logs[i] = Math.log(eps[i]);
        }
        int d = x.dimension();
        double nats = Estimators.digamma(n) - Estimators.digamma(k) + d * Math.log(2.0)
                + d * Parallel.mean(logs);
        return KnnEstimate.of(nats, base, "KozachenkoLeonenko", k, n,
                Estimators.duplicateWarnings(DistinctRows.of(x), "x"));
    }
}
