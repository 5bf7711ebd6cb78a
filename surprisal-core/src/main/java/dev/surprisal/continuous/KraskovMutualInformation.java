// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.internal.KdTree;
import dev.surprisal.knn.internal.KnnQuery;
import dev.surprisal.knn.internal.NeighbourSearch;
import dev.surprisal.knn.internal.Parallel;
import dev.surprisal.knn.internal.PlanarKnn;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.RadiusCounter;
import dev.surprisal.knn.internal.RadiusRule;
import dev.surprisal.knn.internal.SortedMarginal;

/**
 * Mutual information I(X;Y) between continuous, possibly multi-dimensional, samples by the
 * Kraskov–Stögbauer–Grassberger estimators (A. Kraskov, H. Stögbauer, P. Grassberger, 2004,
 * "Estimating mutual information", Phys. Rev. E 69, 066138). Max norm in every space.
 *
 * <p><b>Algorithm 1</b>: ε_i is the distance from point i to its k-th neighbour in the joint space
 * Z = (X, Y), n_x(i) counts the points j ≠ i with ‖x_j − x_i‖ &lt; ε_i (likewise n_y), and
 * <pre>  I = ψ(k) + ψ(n) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩</pre>
 * When ε_i = 0 (exact duplicates) the count is of points at distance ≤ 0, as scikit-learn's
 * {@code _compute_mi_cc} effectively does ({@link RadiusRule#strictUnlessZero}); with that rule
 * algorithm 1 equals scikit-learn to rounding (before its clipping at 0).
 *
 * <p><b>Algorithm 2</b>: ε_x(i), ε_y(i) are the largest X- and Y-distances among the k joint
 * neighbours, n_x(i) counts j ≠ i with ‖x_j − x_i‖ ≤ ε_x(i), and
 * <pre>  I = ψ(k) − 1/k + ψ(n) − ⟨ψ(n_x) + ψ(n_y)⟩</pre>
 *
 * <p><b>Repeated points.</b> A copy of a point is its neighbour at distance 0, so duplicated records read
 * as dependence: independent normal x, y with every row present twice give about 0.8 nats instead of
 * about 0. The result therefore warns when any (x, y) point repeats an earlier one (count and share),
 * and a permutation test on such rows is invalid (copies are not exchangeable, independent records).
 * Estimate on {@link DistinctRows} when the rows are duplicated records.
 *
 * <p>The estimate is not clipped (it can be slightly negative for independent data); values are
 * computed in nats and returned in the requested {@link Base}. Cost O(n log n); the query phase
 * runs in parallel and the result does not depend on the number of threads.
 */
public final class KraskovMutualInformation {
    /** The two estimators of the 2004 paper. */
    public enum Algorithm {
        /** Strict counts inside the joint k-th distance. */
        KSG1,
        /** Inclusive counts inside the marginal extents of the k neighbours. */
        KSG2
    }

    private KraskovMutualInformation() {
    }

    /**
     * Algorithm 1, k = 3, in nats, for two one-dimensional samples.
     *
     * @param x the X sample, finite
     * @param y the Y sample, same length
     * @return the KSG1 estimate of I(X;Y) in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), Estimators.DEFAULT_K, Algorithm.KSG1, Base.NATS);
    }

    /**
     * Two one-dimensional samples with the given k, algorithm and unit.
     *
     * @param x the X sample, finite
     * @param y the Y sample, same length
     * @param k neighbours, ≥ 1 and below the number of points
     * @param algorithm KSG1 or KSG2
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] x, double[] y, int k, Algorithm algorithm, Base base) {
        return estimate(PointSet.ofValues("x", x), PointSet.ofValues("y", y), k, algorithm, base);
    }

    /**
     * Multi-dimensional samples given as rows ({@code x[i]} is the i-th observation of X).
     *
     * @param x observations of X, one row each
     * @param y observations of Y, as many rows
     * @param k neighbours, ≥ 1 and below the number of points
     * @param algorithm KSG1 or KSG2
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[][] x, double[][] y, int k, Algorithm algorithm, Base base) {
        return estimate(PointSet.ofRows("x", x), PointSet.ofRows("y", y), k, algorithm, base);
    }

    /**
     * The general form.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @param algorithm KSG1 or KSG2
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet x, PointSet y, int k, Algorithm algorithm, Base base) {
        if (x.size() != y.size()) {
            throw new ValidationException("x and y: sample sizes differ (" + x.size() + " vs " + y.size() + ")");
        }
        return prepare(x, y, k, algorithm).estimate(base);
    }

    /**
     * Builds the marginal structures of x and y once, so that many re-pairings of the same samples
     * (a permutation test) only redo the joint search: the sorted marginals stay valid when y is
     * shuffled, because a marginal count depends on the values, not on their pairing.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @param algorithm KSG1 or KSG2
     * @return the prepared searches
     */
    public static Prepared prepare(PointSet x, PointSet y, int k, Algorithm algorithm) {
        if (x.size() != y.size()) {
            throw new ValidationException("x and y: sample sizes differ (" + x.size() + " vs " + y.size() + ")");
        }
        Estimators.checkK(k, x.size());
        return new Prepared(x, y, k, algorithm);
    }

    /**
     * The estimate alone, in nats: {@link #estimate(PointSet, PointSet, int, Algorithm, Base)} without its warnings,
     * whose search for repeated points would be built for nobody to read (a bootstrap replicate, a selection's
     * terms, a value-only estimate). One preparation, one re-pairing: the identity.
     *
     * @param x the X points
     * @param y the Y points, as many
     * @param k neighbours, ≥ 1 and below the number of points
     * @param algorithm KSG1 or KSG2
     * @return the estimate of I(X;Y) in nats
     * @throws ValidationException if the sizes differ or k does not fit
     */
    public static double nats(PointSet x, PointSet y, int k, Algorithm algorithm) {
        return prepare(x, y, k, algorithm).nats();
    }

    /** Samples with their marginal counters built; immutable and thread-safe. */
    public static final class Prepared {
        private final PointSet x;
        private final PointSet y;
        private final int k;
        private final Algorithm algorithm;
        private final RadiusCounter cx;
        private final RadiusCounter cy;

        private Prepared(PointSet x, PointSet y, int k, Algorithm algorithm) {
            this.x = x;
            this.y = y;
            this.k = k;
            this.algorithm = algorithm;
            if (x.size() >= Parallel.BESIDE) {
                // the two sorts are independent and each mostly one-threaded (a radix sort, its inverse): one
                // runs beside the other
                java.util.concurrent.ForkJoinTask<RadiusCounter> second =
                        java.util.concurrent.ForkJoinTask.adapt(() -> NeighbourSearch.counter(y)).fork();
                this.cx = NeighbourSearch.counter(x);
                this.cy = second.join();
            } else {
                this.cx = NeighbourSearch.counter(x);
                this.cy = NeighbourSearch.counter(y);
            }
        }

        /**
         * Number of points.
         *
         * @return the number of points n
         */
        public int size() {
            return x.size();
        }

        /**
         * The estimate in nats for the original pairing.
         *
         * @return the estimate of I(X;Y) in nats
         */
        public double nats() {
            return natsPaired(null);
        }

        /**
         * The estimate for the original pairing with its warnings: what {@link #estimate(PointSet, PointSet,
         * int, Algorithm, Base)} returns, from the counters built once.
         *
         * @param base the unit of the result
         * @return the estimate of I(X;Y) in the unit of {@code base}, with k, n and warnings
         */
        public KnnEstimate estimate(Base base) {
            double[] eps = new double[x.size()];
            double nats = algorithm == Algorithm.KSG1
                    ? ksg1(x, y, cx, cy, null, k, eps)
                    : ksg2(x, y, cx, cy, null, k, eps);
            // no hashing of every point when a marginal shows that none can repeat (see mayRepeat), nor when both are
            // one-dimensional: a repeat is then a tie in x whose y ties too, found in x's runs of ties
            String suggestion = "Use GaoMixedMutualInformation for data with point masses.";
            if (!mayRepeat()) {
                return KnnEstimate.of(nats, base, algorithm.name(), k, x.size(),
                        Estimators.repeatWarnings(0, x.size(), "(x, y)", eps, suggestion));
            }
            if (cx instanceof SortedMarginal mx && cy instanceof SortedMarginal my) {
                return KnnEstimate.of(nats, base, algorithm.name(), k, x.size(),
                        Estimators.repeatWarnings(mx.pairRepeats(my), x.size(), "(x, y)", eps, suggestion));
            }
            return KnnEstimate.of(nats, base, algorithm.name(), k, x.size(),
                    Estimators.repeatWarnings(DistinctRows.of(x, y), "(x, y)", eps, suggestion));
        }

        /**
         * Whether a point may repeat an earlier one in (x, y): false when a one-dimensional marginal has no two equal
         * values, which its sorted copy shows in one pass, since a copy repeats every coordinate. Hashing every
         * point ({@link DistinctRows}) cost about 0.1 s of CPU on one thread at 10⁶ points, on the command's
         * critical path.
         */
        private boolean mayRepeat() {
            return !(cx instanceof SortedMarginal mx && !mx.hasTies()) && !(cy instanceof SortedMarginal my && !my.hasTies());
        }

        /**
         * The permutation that sorts a one-dimensional sample ascending, which the estimator built anyway
         * (so that a caller can rank the sample without sorting it again); null for a multi-dimensional one.
         *
         * @param second false for X, true for Y
         * @return {@code order[r]} = the index of the r-th smallest value (a copy), or null
         */
        public int[] sortingOrder(boolean second) {
            RadiusCounter c = second ? cy : cx;
            return c instanceof SortedMarginal m ? m.order().clone() : null;
        }

        /**
         * The estimate in nats when x_i is paired with y_{order[i]} (null: the original pairing).
         *
         * @param order a permutation of the point indices, or null for the original pairing
         * @return the estimate of I(X;Y) in nats
         */
        public double natsPaired(int[] order) {
            double[] eps = new double[x.size()];
            return algorithm == Algorithm.KSG1
                    ? ksg1(x, y, cx, cy, order, k, eps)
                    : ksg2(x, y, cx, cy, order, k, eps);
        }
    }

    /**
     * Algorithm 1 in nats. {@code order} (or null for identity) pairs x_i with y_{order[i]}, which is
     * how a permutation test reuses the marginal counters {@code cx}, {@code cy}; {@code epsOut}
     * receives ε_i.
     */
    static double ksg1(PointSet x, PointSet y, RadiusCounter cx, RadiusCounter cy, int[] order, int k, double[] epsOut) {
        int n = x.size();
        if (cx instanceof SortedMarginal && cy instanceof SortedMarginal) {
            // two scalar samples: the slab search needs no joint copy and no tree
            double[] eps = PlanarKnn.kthDistances((SortedMarginal) cx, (SortedMarginal) cy, order, k);
            if (eps != null) {
                System.arraycopy(eps, 0, epsOut, 0, n);
                return ksg1Sum(n, k, cx.countAllStrictUnlessZero(eps, null, null),
                        cy.countAllStrictUnlessZero(eps, null, order));
            }
        }
        PointSet joint = PointSet.join(x, order == null ? y : y.permute(order));
        KdTree tree = KdTree.build(joint);
        double[] eps = NeighbourSearch.kthDistances(tree, k);
        System.arraycopy(eps, 0, epsOut, 0, n);
        int[] visit = tree.treeOrder();
        int[] nx = cx.countAllStrictUnlessZero(eps, visit, null);
        int[] ny = cy.countAllStrictUnlessZero(eps, visit, order);
        return ksg1Sum(n, k, nx, ny);
    }

    private static double ksg1Sum(int n, int k, int[] nx, int[] ny) {
        return Estimators.digamma(n) + Estimators.digamma(k)
                - Estimators.meanDigamma(nx, 1) - Estimators.meanDigamma(ny, 1);
    }

    /** Algorithm 2 in nats; arguments as in {@link #ksg1}. */
    static double ksg2(PointSet x, PointSet y, RadiusCounter cx, RadiusCounter cy, int[] order, int k, double[] epsOut) {
        int n = x.size();
        PointSet yy = order == null ? y : y.permute(order);
        PointSet joint = PointSet.join(x, yy);
        KdTree tree = KdTree.build(joint);
        int[] nx = new int[n];
        int[] ny = new int[n];
        int dx = x.dimension();
        int dy = y.dimension();
        Parallel.forRange(n, (from, to) -> {
            KnnQuery q = tree.query(k);
            for (int i = from; i < to; i++) {
                epsOut[i] = q.ofPoint(i);
                double ex = 0.0;
                double ey = 0.0;
                for (int m = 0; m < k; m++) {
                    int j = q.neighbour(m);
                    for (int c = 0; c < dx; c++) {
                        ex = Math.max(ex, Math.abs(x.get(j, c) - x.get(i, c)));
                    }
                    for (int c = 0; c < dy; c++) {
                        ey = Math.max(ey, Math.abs(yy.get(j, c) - yy.get(i, c)));
                    }
                }
                nx[i] = cx.countOthers(i, ex, RadiusRule.INCLUSIVE);
                ny[i] = cy.countOthers(order == null ? i : order[i], ey, RadiusRule.INCLUSIVE);
            }
        });
        return Estimators.digamma(k) - 1.0 / k + Estimators.digamma(n)
                - Estimators.meanDigamma(nx, 0) - Estimators.meanDigamma(ny, 0);
    }
}
