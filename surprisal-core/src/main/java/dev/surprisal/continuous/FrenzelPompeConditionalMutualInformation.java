// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.internal.NeighbourSearch;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.RadiusCounter;

/**
 * Conditional mutual information I(X;Y|Z) of continuous samples by the kNN estimator of
 * S. Frenzel and B. Pompe (2007), "Partial mutual information for coupling analysis of multivariate
 * time series", Phys. Rev. Lett. 99, 204101 (the KSG algorithm-1 construction applied to CMI):
 * <pre>  I(X;Y|Z) = ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩</pre>
 * where ε_i is the max-norm distance to the k-th neighbour in the joint (X, Y, Z) space and n_xz(i)
 * counts the points j ≠ i with ‖(x,z)_j − (x,z)_i‖ &lt; ε_i (≤ 0 when ε_i = 0, as in
 * {@link KraskovMutualInformation}); likewise n_yz and n_z. Computed in nats, returned in the
 * requested {@link Base}; not clipped at 0.
 */
public final class FrenzelPompeConditionalMutualInformation {
    private FrenzelPompeConditionalMutualInformation() {
    }

    /**
     * k = 3, nats, one-dimensional samples.
     *
     * @param x the X sample, finite
     * @param y the Y sample, same length
     * @param z the conditioning sample, same length
     * @return the estimate of I(X;Y|Z) in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y, double[] z) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), PointSet.ofValues("z", z),
                Estimators.DEFAULT_K, Base.NATS);
    }

    /**
     * Multi-dimensional samples as rows.
     *
     * @param x observations of X, one row each
     * @param y observations of Y, as many rows
     * @param z observations of Z, as many rows
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of I(X;Y|Z) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[][] x, double[][] y, double[][] z, int k, Base base) {
        return estimate(PointSet.ofRows("x", x), PointSet.ofRows("y", y), PointSet.ofRows("z", z), k, base);
    }

    /**
     * The general form.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param z the conditioning points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @param base the unit of the result
     * @return the estimate of I(X;Y|Z) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet x, PointSet y, PointSet z, int k, Base base) {
        if (x.size() != y.size() || x.size() != z.size()) {
            throw new ValidationException("x, y and z: sample sizes differ (" + x.size() + ", " + y.size()
                    + ", " + z.size() + ")");
        }
        Estimators.checkK(k, x.size());
        PointSet xz = PointSet.join(x, z);
        RadiusCounter cz = NeighbourSearch.counter(z);
        double[] eps = new double[x.size()];
        double nats = nats(xz, PointSet.join(y, z), cz, k, eps);
        return KnnEstimate.of(nats, base, "FrenzelPompe", k, x.size(), Estimators.repeatWarnings(DistinctRows.of(x, y, z),
                "(x, y, z)", eps, "Add a little jitter to tied columns."));
    }

    /**
     * Builds the (y, z) and z structures once, so that a conditional permutation test, which
     * re-pairs x only, redoes just the (x, z) and joint searches.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param z the conditioning points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @return the prepared searches
     */
    public static Prepared prepare(PointSet x, PointSet y, PointSet z, int k) {
        if (x.size() != y.size() || x.size() != z.size()) {
            throw new ValidationException("x, y and z: sample sizes differ (" + x.size() + ", " + y.size()
                    + ", " + z.size() + ")");
        }
        Estimators.checkK(k, x.size());
        return new Prepared(x, y, z, k);
    }

    /** Samples with their fixed structures built; immutable and thread-safe. */
    public static final class Prepared {
        private final PointSet x;
        private final PointSet z;
        private final PointSet yz;
        private final RadiusCounter cyz;
        private final RadiusCounter cz;
        private final int k;

        private Prepared(PointSet x, PointSet y, PointSet z, int k) {
            this.x = x;
            this.z = z;
            this.k = k;
            this.yz = PointSet.join(y, z);
            this.cyz = NeighbourSearch.counter(yz);
            this.cz = NeighbourSearch.counter(z);
        }

        /**
         * The z sample.
         *
         * @return the conditioning points
         */
        public PointSet z() {
            return z;
        }

        /**
         * The estimate in nats when the x value of point i is x_{order[i]} (null: as observed).
         *
         * @param order a permutation of the point indices, or null for the observed pairing
         * @return the estimate of I(X;Y|Z) in nats
         */
        public double natsWithX(int[] order) {
            PointSet xz = PointSet.join(order == null ? x : x.permute(order), z);
            double[] eps = new double[x.size()];
            return nats(xz, yz, NeighbourSearch.counter(xz), cyz, cz, k, eps);
        }
    }

    /** CMI in nats given the (x,z) and (y,z) samples and a counter over z; writes ε_i into epsOut. */
    static double nats(PointSet xz, PointSet yz, RadiusCounter cz, int k, double[] epsOut) {
        return nats(xz, yz, NeighbourSearch.counter(xz), NeighbourSearch.counter(yz), cz, k, epsOut);
    }

    static double nats(PointSet xz, PointSet yz, RadiusCounter cxz, RadiusCounter cyz, RadiusCounter cz, int k,
                       double[] epsOut) {
        // (x, z, y, z): repeating z leaves every max-norm distance equal to that in (x, y, z)
        PointSet xyz = PointSet.join(xz, yz);
        double[] eps = NeighbourSearch.kthDistances(xyz, k);
        System.arraycopy(eps, 0, epsOut, 0, eps.length);
        int[] nxz = cxz.countAllStrictUnlessZero(eps);
        int[] nyz = cyz.countAllStrictUnlessZero(eps);
        int[] nz = cz.countAllStrictUnlessZero(eps);
        return Estimators.digamma(k) - Estimators.meanDigamma(nxz, 1) - Estimators.meanDigamma(nyz, 1)
                + Estimators.meanDigamma(nz, 1);
    }
}
