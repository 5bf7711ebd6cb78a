// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.knn.PointSet;

import dev.surprisal.core.ValidationException;

import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * A bucketed k-d tree under the max (Chebyshev) norm, stored in flat primitive arrays.
 *
 * <p>Layout: points are copied row-major into one {@code double[]} permuted into tree order; the
 * tree is complete and implicit (children of node t are 2t+1 and 2t+2), every leaf sits at the same
 * depth and holds at most {@value #LEAF_SIZE} contiguous points. Each node keeps its index range and
 * its bounding box. Nodes split at the median of their widest dimension (Hoare selection, which
 * stays balanced under heavy ties).
 *
 * <p>Queries: k-nearest neighbours with a bounded max-heap, pruning boxes whose minimum distance is
 * not below the current k-th distance; radius counts that add whole subtrees when their box lies
 * inside the radius, so a count costs about O(log n) node visits plus the boundary leaves.
 * Boxes and points are compared with the same floating-point subtractions as a brute-force
 * {@code max_j |p_j − q_j|}, so results equal brute force exactly, ties included.
 *
 * <p>Immutable after construction and safe to query from many threads.
 */
public final class KdTree implements RadiusCounter {
    /** Maximum points per leaf. */
    public static final int LEAF_SIZE = 16;
    private static final int PARALLEL_BUILD = 1 << 15;

    private final int n;
    private final int d;
    private final int firstLeaf;
    final double[] pts;
    private final int[] index;
    private final int[] slot;
    private final int[] start;
    private final int[] end;
    private final double[] lo;
    private final double[] hi;

    private KdTree(PointSet p) {
        this.n = p.size();
        this.d = p.dimension();
        int levels = 0;
        while ((n + (1L << levels) - 1) >> levels > LEAF_SIZE) {
            levels++;
        }
        int nodes = (1 << (levels + 1)) - 1;
        this.firstLeaf = (1 << levels) - 1;
        this.pts = Points.rowMajor(p).clone();
        this.index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        this.start = new int[nodes];
        this.end = new int[nodes];
        this.lo = new double[nodes * d];
        this.hi = new double[nodes * d];
        new Build(0, 0, n).invoke();
        this.slot = new int[n];
        for (int s = 0; s < n; s++) {
            slot[index[s]] = s;
        }
    }

    /** Builds the tree over a copy of the points. */
    public static KdTree build(PointSet points) {
        return new KdTree(points);
    }

    private final class Build extends RecursiveAction {
        private final int node;
        private final int from;
        private final int to;

        Build(int node, int from, int to) {
            this.node = node;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            start[node] = from;
            end[node] = to;
            int widest = box(node, from, to);
            if (node >= firstLeaf) {
                return;
            }
            int mid = (from + to) >>> 1;
            select(from, to - 1, mid, widest);
            Build left = new Build(2 * node + 1, from, mid);
            Build right = new Build(2 * node + 2, mid, to);
            if (to - from > PARALLEL_BUILD) {
                ForkJoinTask.invokeAll(left, right);
            } else {
                left.compute();
                right.compute();
            }
        }
    }

    // stores the bounding box of [from, to) for node; returns its widest dimension
    private int box(int node, int from, int to) {
        int b = node * d;
        for (int j = 0; j < d; j++) {
            lo[b + j] = Double.POSITIVE_INFINITY;
            hi[b + j] = Double.NEGATIVE_INFINITY;
        }
        for (int s = from; s < to; s++) {
            int o = s * d;
            for (int j = 0; j < d; j++) {
                double v = pts[o + j];
                if (v < lo[b + j]) {
                    lo[b + j] = v;
                }
                if (v > hi[b + j]) {
                    hi[b + j] = v;
                }
            }
        }
        int widest = 0;
        double w = -1;
        for (int j = 0; j < d; j++) {
            double span = hi[b + j] - lo[b + j];
            if (span > w) {
                w = span;
                widest = j;
            }
        }
        return widest;
    }

    // Wirth/Hoare selection on rows [l, r] (inclusive) so that row kth holds the median of dim
    private void select(int l, int r, int kth, int dim) {
        while (l < r) {
            int m = (l + r) >>> 1;
            double a = pts[l * d + dim];
            double b = pts[m * d + dim];
            double c = pts[r * d + dim];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = l;
            int j = r;
            do {
                while (pts[i * d + dim] < pivot) {
                    i++;
                }
                while (pts[j * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < kth) {
                l = i;
            }
            if (kth < i) {
                r = j;
            }
        }
    }

    private void swap(int a, int b) {
        int oa = a * d;
        int ob = b * d;
        for (int j = 0; j < d; j++) {
            double t = pts[oa + j];
            pts[oa + j] = pts[ob + j];
            pts[ob + j] = t;
        }
        int t = index[a];
        index[a] = index[b];
        index[b] = t;
    }

    @Override
    public int size() {
        return n;
    }

    /** Dimension of the points. */
    public int dimension() {
        return d;
    }

    int firstLeaf() {
        return firstLeaf;
    }

    int nodeStart(int node) {
        return start[node];
    }

    int nodeEnd(int node) {
        return end[node];
    }

    /** Input indices in tree order: spatially close points are adjacent (a cache-friendly visiting order). */
    public int[] treeOrder() {
        return index.clone();
    }

    int originalIndex(int slotIndex) {
        return index[slotIndex];
    }

    int slotOf(int original) {
        return slot[original];
    }

    /** Max-norm distance from query q (at offset qo) to the box of node: 0 inside. */
    double minDistance(double[] q, int qo, int node) {
        int b = node * d;
        double m = 0.0;
        for (int j = 0; j < d; j++) {
            double x = q[qo + j];
            double below = lo[b + j] - x;
            double above = x - hi[b + j];
            double g = below > above ? below : above;
            if (g > m) {
                m = g;
            }
        }
        return m;
    }

    /** Largest max-norm distance from q to any point of the box of node. */
    double maxDistance(double[] q, int qo, int node) {
        int b = node * d;
        double m = 0.0;
        for (int j = 0; j < d; j++) {
            double x = q[qo + j];
            double toLo = x - lo[b + j];
            double toHi = hi[b + j] - x;
            double g = toLo > toHi ? toLo : toHi;
            if (g > m) {
                m = g;
            }
        }
        return m;
    }

    @Override
    public int countOthers(int i, double r, RadiusRule rule) {
        int s = slot[i];
        return count(pts, s * d, 0, r, rule) - (rule.accepts(0.0, r) ? 1 : 0);
    }

    /** Number of tree points within radius r of an arbitrary query point q (nothing excluded). */
    public int countAround(double[] q, double r, RadiusRule rule) {
        if (q.length != d) {
            throw new IllegalArgumentException("q: has " + q.length + " coordinates, expected " + d);
        }
        return count(q, 0, 0, r, rule);
    }

    private int count(double[] q, int qo, int node, double r, RadiusRule rule) {
        if (!rule.accepts(minDistance(q, qo, node), r)) {
            return 0;
        }
        if (rule.accepts(maxDistance(q, qo, node), r)) {
            return end[node] - start[node];
        }
        if (node >= firstLeaf) {
            int c = 0;
            for (int s = start[node]; s < end[node]; s++) {
                if (rule.accepts(distance(q, qo, s), r)) {
                    c++;
                }
            }
            return c;
        }
        return count(q, qo, 2 * node + 1, r, rule) + count(q, qo, 2 * node + 2, r, rule);
    }

    double distance(double[] q, int qo, int s) {
        int o = s * d;
        double m = 0.0;
        for (int j = 0; j < d; j++) {
            double g = Math.abs(q[qo + j] - pts[o + j]);
            if (g > m) {
                m = g;
            }
        }
        return m;
    }

    /** A reusable k-nearest-neighbour query (one per thread). */
    public KnnQuery query(int k) {
        if (k < 1 || k >= n) {
            throw new ValidationException("k: must be in [1, n - 1] = [1, " + (n - 1) + "], got " + k);
        }
        return new KnnQuery(this, k);
    }

    /** Distance from every point to its k-th nearest other point, in input order, computed in parallel. */
    public double[] allKthDistances(int k) {
        query(k); // validates k
        double[] out = new double[n];
        Parallel.forRange(n, (from, to) -> {
            KnnQuery q = new KnnQuery(this, k);
            // tree order: consecutive queries touch the same leaves, which keeps them in cache
            for (int s = from; s < to; s++) {
                out[index[s]] = q.ofPoint(index[s]);
            }
        });
        return out;
    }
}
