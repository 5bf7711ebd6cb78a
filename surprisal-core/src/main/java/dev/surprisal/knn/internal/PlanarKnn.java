// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.core.ValidationException;

/**
 * Exact k-th neighbour distances of two-dimensional points (x_i, y_i) under the max norm, for the
 * common case of mutual information between two scalar samples.
 *
 * <p>Layout: the points are cut by x-rank into slabs of {@code B ≈ √(n·k)} points; inside a slab they
 * are sorted by y, and x, y and the point index are stored in three flat arrays in that order (a
 * bucket pass over the y-sorted order, so no further sort). A query scans its own slab outward in y
 * from its own slot, stopping once |Δy| reaches the current k-th distance, then visits the
 * neighbouring slabs nearest in x first (a binary search in y, then the same outward scan) until the
 * x-gap to the next slab reaches the k-th distance. Slabs of √(n·k) points are about as wide in x as
 * the typical k-th distance, so a query looks at O(k) points in two or three slabs whatever the
 * density, and the points it touches are adjacent in memory. Queries run slab by slab.
 *
 * <p>Distances are {@code max(|x_j − x_i|, |y_j − y_i|)} with the same floating-point subtractions as
 * brute force, and every pruning test compares a lower bound computed with the same monotone
 * subtractions, so results equal brute force exactly, ties and duplicates included. The axis with more
 * distinct values is used for the slabs; {@link #kthDistances} returns null when both axes are mostly
 * ties (the caller then uses a {@link KdTree}).
 */
public final class PlanarKnn {
    private final int n;
    private final int slab;
    private final int slabs;
    private final double[] px;
    private final double[] py;
    private final int[] id;
    private final double[] lowX;
    private final double[] highX;

    private PlanarKnn(SortedMarginal p, int[] pOf, SortedMarginal s, int[] jointOfS, int slab) {
        this.n = p.size();
        this.slab = slab;
        this.slabs = (n + slab - 1) / slab;
        this.px = new double[n];
        this.py = new double[n];
        this.id = new int[n];
        int[] fill = new int[slabs];
        for (int b = 0; b < slabs; b++) {
            fill[b] = b * slab;
        }
        int[] pRank = p.rank();
        double[] pSorted = p.sortedValues();
        int[] sOrder = s.order();
        double[] sSorted = s.sortedValues();
        for (int r = 0; r < n; r++) {
            int j = sOrder[r];
            int i = jointOfS == null ? j : jointOfS[j];
            int pr = pRank[pOf == null ? i : pOf[i]];
            int at = fill[pr / slab]++;
            px[at] = pSorted[pr];
            py[at] = sSorted[r];
            id[at] = i;
        }
        this.lowX = new double[slabs];
        this.highX = new double[slabs];
        for (int b = 0; b < slabs; b++) {
            lowX[b] = pSorted[b * slab];
            highX[b] = pSorted[Math.min(n, (b + 1) * slab) - 1];
        }
    }

    /**
     * ε_i, the max-norm distance from joint point i = (x_i, y_{pair[i]}) to its k-th nearest other
     * joint point, in input order; null when both samples are mostly ties.
     *
     * @param pair pairs x_i with y_{pair[i]} (a permutation; null: the identity)
     */
    public static double[] kthDistances(SortedMarginal x, SortedMarginal y, int[] pair, int k) {
        int n = x.size();
        if (y.size() != n) {
            throw new ValidationException("x and y: sample sizes differ (" + n + " vs " + y.size() + ")");
        }
        NeighbourSearch.checkK(k, n);
        int dx = distinct(x.sortedValues());
        int dy = distinct(y.sortedValues());
        if (Math.max(dx, dy) < n / 4) {
            return null;
        }
        int slab = slabSize(n, k);
        PlanarKnn index;
        if (dx >= dy) {
            // slabs by x; joint point of y-index j is the i with pair[i] = j
            index = new PlanarKnn(x, null, y, pair == null ? null : ArgSort.inverse(pair), slab);
        } else {
            index = new PlanarKnn(y, pair, x, null, slab);
        }
        return index.all(k);
    }

    static int slabSize(int n, int k) {
        long b = Math.round(Math.sqrt((double) n * k));
        return (int) Math.max(4L * (k + 1), Math.min(b, n));
    }

    private static int distinct(double[] sorted) {
        int c = 1;
        for (int r = 1; r < sorted.length; r++) {
            if (sorted[r] != sorted[r - 1]) {
                c++;
            }
        }
        return c;
    }

    private double[] all(int k) {
        double[] out = new double[n];
        Parallel.forRange(n, (from, to) -> {
            double[] best = new double[k];
            for (int t = from; t < to; t++) {
                out[id[t]] = query(t, best);
            }
        });
        return out;
    }

    private double query(int t, double[] best) {
        int k = best.length;
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        double xq = px[t];
        double yq = py[t];
        int s = t / slab;
        int start = s * slab;
        int end = Math.min(n, start + slab);
        up(t + 1, end, xq, yq, best);
        down(t - 1, start, xq, yq, best);
        int l = s - 1;
        int r = s + 1;
        while (true) {
            double bound = best[k - 1];
            double gl = l >= 0 ? xq - highX[l] : Double.POSITIVE_INFINITY;
            double gr = r < slabs ? lowX[r] - xq : Double.POSITIVE_INFINITY;
            if (gl <= gr) {
                if (!(gl < bound)) {
                    break;
                }
                visit(l--, xq, yq, best);
            } else {
                if (!(gr < bound)) {
                    break;
                }
                visit(r++, xq, yq, best);
            }
        }
        return best[k - 1];
    }

    private void visit(int b, double xq, double yq, double[] best) {
        int lo = b * slab;
        int end = Math.min(n, lo + slab);
        // branch-free lower bound of yq: py[j] < yq for j < lo, ≥ yq from lo + len on
        int len = end - lo;
        while (len > 1) {
            int half = len >>> 1;
            lo = py[lo + half] < yq ? lo + half : lo;
            len -= half;
        }
        lo += py[lo] < yq ? 1 : 0;
        up(lo, end, xq, yq, best);
        down(lo - 1, b * slab, xq, yq, best);
    }

    // slots from, from+1, ... < to hold y ≥ yq in increasing order
    private void up(int from, int to, double xq, double yq, double[] best) {
        int last = best.length - 1;
        double bound = best[last];
        for (int u = from; u < to; u++) {
            double dy = py[u] - yq;
            if (dy >= bound) {
                return;
            }
            double dx = Math.abs(px[u] - xq);
            double d = dx > dy ? dx : dy; // Math.max: the same value here (no NaN, no −0.0), but no call under C1
            if (d < bound) {
                bound = insert(best, d);
            }
        }
    }

    // slots from, from-1, ... ≥ to hold y ≤ yq in decreasing order
    private void down(int from, int to, double xq, double yq, double[] best) {
        int last = best.length - 1;
        double bound = best[last];
        for (int u = from; u >= to; u--) {
            double dy = yq - py[u];
            if (dy >= bound) {
                return;
            }
            double dx = Math.abs(px[u] - xq);
            double d = dx > dy ? dx : dy; // Math.max: the same value here (no NaN, no −0.0), but no call under C1
            if (d < bound) {
                bound = insert(best, d);
            }
        }
    }

    // inserts d into the ascending array best (dropping its largest); returns the new largest
    private static double insert(double[] best, double d) {
        int i = best.length - 1;
        while (i > 0 && best[i - 1] > d) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = d;
        return best[best.length - 1];
    }
}
