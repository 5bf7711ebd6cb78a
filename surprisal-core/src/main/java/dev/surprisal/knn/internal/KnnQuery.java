// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;


/**
 * A k-nearest-neighbour search on a {@link KdTree} under the max norm, holding its own bounded
 * max-heap so that repeated queries allocate nothing. Not thread-safe: use one per thread.
 */
public final class KnnQuery {
    private final KdTree tree;
    private final int k;
    private final int d;
    private final double[] heapDist;
    private final int[] heapSlot;
    private int size;
    private double[] q;
    private int qo;
    private int self;
    private int skipLeaf;

    KnnQuery(KdTree tree, int k) {
        this.tree = tree;
        this.k = k;
        this.d = tree.dimension();
        this.heapDist = new double[k];
        this.heapSlot = new int[k];
    }

    /** Distance from tree point i to its k-th nearest other point (duplicates of i count, at distance 0). */
    public double ofPoint(int i) {
        int s = tree.slotOf(i);
        run(tree.pts, s * d, s);
        return heapDist[0];
    }

    /** Distance from an arbitrary point q to its k-th nearest tree point. */
    public double ofQuery(double[] point) {
        if (point.length != d) {
            throw new IllegalArgumentException("point: has " + point.length + " coordinates, expected " + d);
        }
        run(point, 0, -1);
        return heapDist[0];
    }

    /** After a query: the input index of one of the k neighbours found ({@code m} in [0, k), unordered). */
    public int neighbour(int m) {
        return tree.originalIndex(heapSlot[m]);
    }

    private void run(double[] point, int offset, int selfSlot) {
        this.q = point;
        this.qo = offset;
        this.self = selfSlot;
        this.size = 0;
        this.skipLeaf = -1;
        if (selfSlot >= 0) {
            // seed the heap from the point's own leaf: a tight bound prunes most of the tree at once
            int node = 0;
            while (node < tree.firstLeaf()) {
                int right = 2 * node + 2;
                node = selfSlot >= tree.nodeStart(right) ? right : right - 1;
            }
            scan(node);
            skipLeaf = node;
        }
        search(0);
        this.q = null;
    }

    private double bound() {
        return size < k ? Double.POSITIVE_INFINITY : heapDist[0];
    }

    private void search(int node) {
        if (node >= tree.firstLeaf()) {
            if (node != skipLeaf) {
                scan(node);
            }
            return;
        }
        int left = 2 * node + 1;
        int right = left + 1;
        double dl = tree.minDistance(q, qo, left);
        double dr = tree.minDistance(q, qo, right);
        if (dl <= dr) {
            if (dl < bound()) {
                search(left);
            }
            if (dr < bound()) {
                search(right);
            }
        } else {
            if (dr < bound()) {
                search(right);
            }
            if (dl < bound()) {
                search(left);
            }
        }
    }

    private void scan(int node) {
        double[] p = tree.pts;
        for (int s = tree.nodeStart(node), e = tree.nodeEnd(node); s < e; s++) {
            if (s == self) {
                continue;
            }
            double b = bound();
            int o = s * d;
            double m = 0.0;
            for (int j = 0; j < d && m < b; j++) {
                double g = Math.abs(q[qo + j] - p[o + j]);
                if (g > m) {
                    m = g;
                }
            }
            if (m < b) {
                offer(m, s);
            }
        }
    }

    private void offer(double dist, int s) {
        if (size < k) {
            int c = size++;
            while (c > 0) {
                int parent = (c - 1) >>> 1;
                if (heapDist[parent] >= dist) {
                    break;
                }
                heapDist[c] = heapDist[parent];
                heapSlot[c] = heapSlot[parent];
                c = parent;
            }
            heapDist[c] = dist;
            heapSlot[c] = s;
            return;
        }
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= k) {
                break;
            }
            int r = l + 1;
            int big = r < k && heapDist[r] > heapDist[l] ? r : l;
            if (heapDist[big] <= dist) {
                break;
            }
            heapDist[c] = heapDist[big];
            heapSlot[c] = heapSlot[big];
            c = big;
        }
        heapDist[c] = dist;
        heapSlot[c] = s;
    }
}
