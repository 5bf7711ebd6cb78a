package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.knn.NeighbourSearch;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.RadiusCounter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** k = 3, nats. */
    public static KnnEstimate estimate(double[] c, int[] labels) {
        return estimate(PointSet.ofValues("c", c), labels, Estimators.DEFAULT_K, Base.NATS);
    }

    /** One-dimensional continuous sample with the given k and unit. */
    public static KnnEstimate estimate(double[] c, int[] labels, int k, Base base) {
        return estimate(PointSet.ofValues("c", c), labels, k, base);
    }

    /** The general form. */
    public static KnnEstimate estimate(PointSet c, int[] labels, int k, Base base) {
        if (labels == null || labels.length != c.size()) {
            throw new ValidationException("c and labels: lengths differ (" + c.size() + " vs "
                    + (labels == null ? 0 : labels.length) + ")");
        }
        if (k < 1) {
            throw new ValidationException("k: must be ≥ 1, got " + k);
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            groups.computeIfAbsent(labels[i], key -> new ArrayList<>()).add(i);
        }
        List<String> warnings = new ArrayList<>();
        int dropped = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (groups.get(labels[i]).size() > 1) {
                kept.add(i);
            } else {
                dropped++;
            }
        }
        if (kept.isEmpty()) {
            throw new ValidationException("labels: every label occurs only once; the Ross estimator needs repeated labels");
        }
        if (dropped > 0) {
            warnings.add(dropped + " points whose label occurs only once were left out (as scikit-learn does)");
        }
        int n = kept.size();
        int d = c.dimension();
        int[] keptIdx = kept.stream().mapToInt(Integer::intValue).toArray();
        double[] radius = new double[n];
        int[] kAll = new int[n];
        int[] labelCount = new int[n];
        Map<Integer, Integer> position = new HashMap<>();
        for (int p = 0; p < n; p++) {
            position.put(keptIdx[p], p);
        }
        for (List<Integer> members : groups.values()) {
            int count = members.size();
            if (count < 2) {
                continue;
            }
            int kl = Math.min(k, count - 1);
            double[] sub = new double[count * d];
            for (int m = 0; m < count; m++) {
                for (int j = 0; j < d; j++) {
                    sub[m * d + j] = c.get(members.get(m), j);
                }
            }
            double[] r = NeighbourSearch.kthDistances(PointSet.wrap(count, d, sub), kl);
            for (int m = 0; m < count; m++) {
                int p = position.get(members.get(m));
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
        warnings.addAll(Estimators.tieWarnings(radius, "Use GaoMixedMutualInformation for data with point masses."));
        double nats = Estimators.digamma(n) + Estimators.meanDigamma(kAll, 0)
                - Estimators.meanDigamma(labelCount, 0) - Estimators.meanDigamma(m, 1);
        return KnnEstimate.of(nats, base, "Ross", k, n, warnings);
    }
}
