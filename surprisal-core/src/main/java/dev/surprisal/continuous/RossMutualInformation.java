// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.internal.NeighbourSearch;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.RadiusCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutual information between a continuous sample C and a discrete label D by the nearest-neighbour
 * estimator of B. C. Ross (2014), "Mutual information between discrete and continuous data sets",
 * PLoS ONE 9(2): e87357, exactly as scikit-learn's {@code _compute_mi_cd} computes it:
 * <ul>
 *   <li>labels that occur only once are dropped (with their points) before anything else is counted;</li>
 *   <li>for a point with label ℓ (occurring N_ℓ times) k_i = min(k, N_ℓ − 1) and d_i is the distance
 *       to its k_i-th neighbour among points with the same label;</li>
 *   <li>m_i counts the retained points (itself included) at distance &lt; d_i from it, or at
 *       distance 0 when d_i = 0;</li>
 * </ul>
 * <pre>  I = ψ(N) + ⟨ψ(k_i)⟩ − ⟨ψ(N_ℓ(i))⟩ − ⟨ψ(m_i)⟩</pre>
 * with N the number of retained points. Max norm when C is multi-dimensional (scikit-learn only
 * handles one dimension, where all norms agree). Nats internally; not clipped at 0.
 */
public final class RossMutualInformation {
    private RossMutualInformation() {
    }

    /**
     * k = 3, nats.
     *
     * @param c the continuous sample, finite
     * @param labels the discrete labels, same length
     * @return the estimate of I(C;L) in nats, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] c, int[] labels) {
        return estimate(PointSet.ofValues("c", c), labels, Estimators.DEFAULT_K, Base.NATS);
    }

    /**
     * One-dimensional continuous sample with the given k and unit.
     *
     * @param c the continuous sample, finite
     * @param labels the discrete labels, same length
     * @param k neighbours within a label, ≥ 1
     * @param base the unit of the result
     * @return the estimate of I(C;L) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(double[] c, int[] labels, int k, Base base) {
        return estimate(PointSet.ofValues("c", c), labels, k, base);
    }

    /**
     * The general form.
     *
     * @param c the continuous points
     * @param labels the discrete labels, one per point
     * @param k neighbours within a label, ≥ 1
     * @param base the unit of the result
     * @return the estimate of I(C;L) in the unit of {@code base}, with k, n and warnings
     */
    public static KnnEstimate estimate(PointSet c, int[] labels, int k, Base base) {
        Fit f = fit(c, labels, k);
        List<String> warnings = new ArrayList<>();
        if (f.dropped() > 0) {
            warnings.add(f.dropped() + " points whose label occurs only once were left out (as scikit-learn does)");
        }
        warnings.addAll(Estimators.repeatWarnings(DistinctRows.of(DistinctRows.columnsOf(c, DistinctRows.labelColumn(labels))),
                "(c, label)", f.radius(), "Use GaoMixedMutualInformation for data with point masses."));
        return KnnEstimate.of(f.nats(), base, "Ross", k, f.n(), warnings);
    }

    /**
     * The estimate alone, in nats: {@link #estimate(PointSet, int[], int, Base)}'s value without its
     * warnings, whose search for repeated points costs a hash of every point. For the many re-estimates of
     * one pair (permutations, bootstrap resamples) whose warnings nobody reads.
     *
     * @param c the continuous points
     * @param labels the discrete labels, one per point
     * @param k neighbours within a label, ≥ 1
     * @return the estimate of I(C;L) in nats, the same value as {@code estimate(c, labels, k, Base.NATS).nats()}
     * @throws ValidationException if the lengths differ, k &lt; 1 or every label occurs only once
     */
    public static double nats(PointSet c, int[] labels, int k) {
        Fit f = fit(c, labels, k);
        return KnnEstimate.of(f.nats(), Base.NATS, "Ross", k, f.n(), List.of()).nats(); // estimate's refusal of NaN
    }

    /** The estimate in nats, the points kept, the points left out (label seen once), the within-label k-th distances. */
    private record Fit(double nats, int n, int dropped, double[] radius) {
    }

    private static Fit fit(PointSet c, int[] labels, int k) {
        if (labels == null || labels.length != c.size()) {
            throw new ValidationException("c and labels: lengths differ (" + c.size() + " vs "
                    + (labels == null ? 0 : labels.length) + ")");
        }
        if (k < 1) {
            throw new ValidationException("k: must be ≥ 1, got " + k);
        }
        // group the points by label with primitive arrays (dense codes, counting sort): no boxing at 10^6 rows
        dev.surprisal.counts.Codes codes = dev.surprisal.counts.LabelCounts.codes(labels);
        int groups = codes.cardinality();
        int[] size = new int[groups];
        for (int i = 0; i < labels.length; i++) {
            size[codes.code(i)]++;
        }
        int dropped = 0;
        int[] position = new int[labels.length]; // index among the kept points, −1 if dropped
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (size[codes.code(i)] > 1) {
                position[i] = n++;
            } else {
                position[i] = -1;
                dropped++;
            }
        }
        if (n == 0) {
            throw new ValidationException("labels: every label occurs only once; the Ross estimator needs repeated labels");
        }
        int d = c.dimension();
        int[] keptIdx = new int[n];
        for (int i = 0; i < labels.length; i++) {
            if (position[i] >= 0) {
                keptIdx[position[i]] = i;
            }
        }
        int[] start = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = start[g] + size[g];
        }
        int[] fill = java.util.Arrays.copyOf(start, groups);
        int[] members = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            members[fill[codes.code(i)]++] = i;
        }
        double[] radius = new double[n];
        int[] kAll = new int[n];
        int[] labelCount = new int[n];
        for (int g = 0; g < groups; g++) {
            int count = size[g];
            if (count < 2) {
                continue;
            }
            int kl = Math.min(k, count - 1);
            double[] sub = new double[count * d];
            for (int m = 0; m < count; m++) {
                for (int j = 0; j < d; j++) {
                    sub[m * d + j] = c.get(members[start[g] + m], j);
                }
            }
            double[] r = NeighbourSearch.kthDistances(PointSet.wrap(count, d, sub), kl);
            for (int m = 0; m < count; m++) {
                int p = position[members[start[g] + m]];
                radius[p] = r[m];
                kAll[p] = kl;
                labelCount[p] = count;
            }
        }
        double[] data = new double[n * d];
        for (int p = 0; p < n; p++) {
            for (int j = 0; j < d; j++) {
                data[p * d + j] = c.get(keptIdx[p], j);
            }
        }
        RadiusCounter counter = NeighbourSearch.counter(PointSet.wrap(n, d, data));
        int[] m = counter.countAllStrictUnlessZero(radius); // others; +1 below for the point itself
        double nats = Estimators.digamma(n) + Estimators.meanDigamma(kAll, 0)
                - Estimators.meanDigamma(labelCount, 0) - Estimators.meanDigamma(m, 1);
        return new Fit(nats, n, dropped, radius);
    }
}
