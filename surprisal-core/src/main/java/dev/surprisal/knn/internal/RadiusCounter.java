// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

/**
 * Counts, for a point of an indexed sample, how many <em>other</em> points of the same sample lie
 * within a max-norm radius. Implementations: {@link SortedMarginal} (one dimension, two binary
 * searches) and {@link KdTree} (any dimension). Implementations are immutable and thread-safe.
 */
public interface RadiusCounter {
    /** Number of points in the sample. */
    int size();

    /**
     * Number of points {@code j ≠ i} with {@code rule.accepts(‖p_j − p_i‖∞, r)}.
     *
     * @param i index of the query point in the sample
     * @param r radius, ≥ 0
     */
    int countOthers(int i, double r, RadiusRule rule);

    /** {@link #countOthers} for every point, with per-point radii, computed in parallel. */
    default int[] countAll(double[] radii, RadiusRule rule) {
        int[] out = new int[size()];
        Parallel.forRange(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = countOthers(i, radii[i], rule);
            }
        });
        return out;
    }

    /**
     * {@link #countOthers} for every result slot i, around point {@code query[i]} (null: i) with radius {@code radii[i]}, visited in the
     * order given; results land at {@code out[visit[t]]}. Visiting nearby points consecutively (for
     * example in {@link KdTree#treeOrder()}) keeps the searched arrays in cache.
     *
     * @param visit  the visiting order, a permutation of [0, n)
     * @param query  for result slot i, the index of the point of this sample to count around
     */
    default int[] countAllStrictUnlessZero(double[] radii, int[] visit, int[] query) {
        int[] out = new int[radii.length];
        Parallel.forRange(out.length, (from, to) -> {
            for (int t = from; t < to; t++) {
                int i = visit[t];
                int at = query == null ? i : query[i];
                out[i] = countOthers(at, radii[i], RadiusRule.strictUnlessZero(radii[i]));
            }
        });
        return out;
    }

    /** Like {@link #countAll} with the zero-radius rule of {@link RadiusRule#strictUnlessZero}. */
    default int[] countAllStrictUnlessZero(double[] radii) {
        int[] out = new int[size()];
        Parallel.forRange(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = countOthers(i, radii[i], RadiusRule.strictUnlessZero(radii[i]));
            }
        });
        return out;
    }
}
