// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.knn.PointSet;

import dev.surprisal.core.ValidationException;

/**
 * Entry points of the max-norm kNN engine: picks the sorted-array path in one dimension and the
 * {@link KdTree} otherwise.
 */
public final class NeighbourSearch {
    private NeighbourSearch() {
    }

    /**
     * ε_i: the max-norm distance from every point to its k-th nearest other point, in input order.
     *
     * @throws IllegalArgumentException unless 1 ≤ k &lt; n
     */
    public static double[] kthDistances(PointSet points, int k) {
        checkK(k, points.size());
        if (points.dimension() == 1) {
            return SortedMarginal.wrap(points.column(0)).allKthDistances(k);
        }
        return KdTree.build(points).allKthDistances(k);
    }

    /** The k-th distances of a k-d tree built by the caller (who may reuse its {@link KdTree#treeOrder()}). */
    public static double[] kthDistances(KdTree tree, int k) {
        checkK(k, tree.size());
        return tree.allKthDistances(k);
    }

    /** A radius counter over the points: {@link SortedMarginal} in 1-D, {@link KdTree} otherwise. */
    public static RadiusCounter counter(PointSet points) {
        if (points.dimension() == 1) {
            return SortedMarginal.wrap(points.column(0));
        }
        return KdTree.build(points);
    }

    /**
     * For each point of {@code queries}, the max-norm distance to its k-th nearest point of
     * {@code reference} (a different sample, so nothing is excluded). Dimensions must agree.
     */
    public static double[] kthDistancesTo(PointSet reference, PointSet queries, int k) {
        if (reference.dimension() != queries.dimension()) {
            throw new ValidationException("samples: dimensions differ (" + reference.dimension()
                    + " vs " + queries.dimension() + ")");
        }
        if (k < 1 || k > reference.size()) {
            throw new ValidationException("k: must be in [1, " + reference.size() + "], got " + k);
        }
        int m = queries.size();
        int d = queries.dimension();
        double[] out = new double[m];
        if (d == 1) {
            SortedMarginal s = SortedMarginal.wrap(reference.column(0));
            double[] q = Points.rowMajor(queries);
            Parallel.forRange(m, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = s.kthDistanceTo(q[i], k);
                }
            });
            return out;
        }
        if (k == reference.size()) {
            // the heap of a KnnQuery holds k < n; fall back to a full scan for this corner case
            double[] q = Points.rowMajor(queries);
            double[] r = Points.rowMajor(reference);
            for (int i = 0; i < m; i++) {
                double far = 0.0;
                for (int j = 0; j < reference.size(); j++) {
                    double dist = 0.0;
                    for (int c = 0; c < d; c++) {
                        dist = Math.max(dist, Math.abs(q[i * d + c] - r[j * d + c]));
                    }
                    far = Math.max(far, dist);
                }
                out[i] = far;
            }
            return out;
        }
        KdTree tree = KdTree.build(reference);
        double[] q = Points.rowMajor(queries);
        Parallel.forRange(m, (from, to) -> {
            KnnQuery query = tree.query(k);
            double[] point = new double[d];
            for (int i = from; i < to; i++) {
                System.arraycopy(q, i * d, point, 0, d);
                out[i] = query.ofQuery(point);
            }
        });
        return out;
    }

    static void checkK(int k, int n) {
        if (k < 1 || k >= n) {
            throw new ValidationException("k: must be in [1, n - 1] with n = " + n + " points, got " + k);
        }
    }
}
