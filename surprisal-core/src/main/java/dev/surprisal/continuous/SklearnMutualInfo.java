// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.RadiusCounter;
import dev.surprisal.knn.internal.SortedMarginal;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Feature-versus-target mutual information with the preprocessing of scikit-learn 1.2's
 * {@code mutual_info_regression} and {@code mutual_info_classif}, so results are comparable:
 * <ol>
 *   <li>each continuous column (and a continuous target) is divided by its population standard
 *       deviation, without centring;</li>
 *   <li>noise {@code 1e-10 · max(1, mean|x|) · N(0,1)} is added to each continuous column, drawn from a
 *       seeded generator (XO_RO_SHI_RO_128_PP; numpy's stream differs, so values match scikit-learn to
 *       within the effect of that noise, not bit for bit);</li>
 *   <li>continuous–continuous pairs use {@link KraskovMutualInformation} algorithm 1, continuous–discrete
 *       pairs {@link RossMutualInformation}, discrete–discrete pairs the plug-in MI of the contingency
 *       table;</li>
 *   <li>negative estimates are clipped to 0.</li>
 * </ol>
 * Features are given as rows, {@code features[i][j]} = feature j of sample i, as in scikit-learn.
 * Values are in nats. A constant continuous column is rejected: its standard deviation is 0.
 */
public final class SklearnMutualInfo {
    /** Default seed of the noise generator. */
    public static final long DEFAULT_SEED = 42L;

    private SklearnMutualInfo() {
    }

    /** Continuous target, all features continuous, k = 3, seed {@value #DEFAULT_SEED}. */
    public static double[] mutualInfoRegression(double[][] features, double[] target) {
        return mutualInfoRegression(features, target, null, Estimators.DEFAULT_K, DEFAULT_SEED);
    }

    /**
     * MI in nats between each feature and a continuous target.
     *
     * @param discreteFeatures per feature, whether it is discrete (null: none)
     */
    public static double[] mutualInfoRegression(double[][] features, double[] target, boolean[] discreteFeatures,
                                                int k, long seed) {
        PointSet rows = PointSet.ofRows("features", features);
        PointSet.ofValues("target", target);
        return compute(rows, target, null, discreteFeatures, k, seed);
    }

    /** Discrete target, all features continuous, k = 3, seed {@value #DEFAULT_SEED}. */
    public static double[] mutualInfoClassif(double[][] features, int[] target) {
        return mutualInfoClassif(features, target, null, Estimators.DEFAULT_K, DEFAULT_SEED);
    }

    /** MI in nats between each feature and a discrete (class label) target. */
    public static double[] mutualInfoClassif(double[][] features, int[] target, boolean[] discreteFeatures,
                                             int k, long seed) {
        PointSet rows = PointSet.ofRows("features", features);
        if (target == null) {
            throw new ValidationException("target: is null");
        }
        return compute(rows, null, target, discreteFeatures, k, seed);
    }

    private static double[] compute(PointSet rows, double[] yContinuous, int[] yDiscrete, boolean[] discrete,
                                    int k, long seed) {
        int n = rows.size();
        int p = rows.dimension();
        int targetLength = yContinuous != null ? yContinuous.length : yDiscrete.length;
        if (targetLength != n) {
            throw new ValidationException("features and target: lengths differ (" + n + " vs " + targetLength + ")");
        }
        if (discrete != null && discrete.length != p) {
            throw new ValidationException("discreteFeatures: has " + discrete.length + " entries, expected " + p);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] cols = new double[p][];
        double[] noiseScale = new double[p];
        for (int j = 0; j < p; j++) {
            cols[j] = rows.column(j);
            if (discrete == null || !discrete[j]) {
                scale(cols[j], "features column " + j);
                noiseScale[j] = 1e-10 * Math.max(1.0, meanAbs(cols[j]));
            }
        }
        // numpy draws an (n × continuous) matrix row by row; keep that order
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                if (discrete == null || !discrete[j]) {
                    cols[j][i] += noiseScale[j] * gauss.sample();
                }
            }
        }
        double[] y = null;
        RadiusCounter cy = null;
        if (yContinuous != null) {
            y = yContinuous.clone();
            scale(y, "target");
            double s = 1e-10 * Math.max(1.0, meanAbs(y));
            for (int i = 0; i < n; i++) {
                y[i] += s * gauss.sample();
            }
            cy = SortedMarginal.of(y); // shared by every continuous feature
        }
        double[] mi = new double[p];
        for (int j = 0; j < p; j++) {
            boolean xd = discrete != null && discrete[j];
            double v;
            if (yContinuous != null && !xd) {
                PointSet xs = PointSet.wrap(n, 1, cols[j]);
                PointSet ys = PointSet.wrap(n, 1, y);
                Estimators.checkK(k, n);
                v = KraskovMutualInformation.ksg1(xs, ys, SortedMarginal.of(cols[j]), cy, null, k, new double[n]);
            } else if (yContinuous != null) {
                v = RossMutualInformation.estimate(PointSet.wrap(n, 1, y), labels(cols[j]), k,
                        dev.surprisal.core.Base.NATS).nats();
            } else if (!xd) {
                v = RossMutualInformation.estimate(PointSet.wrap(n, 1, cols[j]), yDiscrete, k,
                        dev.surprisal.core.Base.NATS).nats();
            } else {
                v = plugInMi(labels(cols[j]), yDiscrete);
            }
            mi[j] = Math.max(0.0, v);
        }
        return mi;
    }

    private static void scale(double[] x, String name) {
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0.0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        if (!(sd > 0.0)) {
            throw new ValidationException(name + ": is constant (standard deviation 0, value " + x[0]
                    + "); it carries no information and cannot be scaled — drop it or mark it discrete");
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= sd;
        }
    }

    private static double meanAbs(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s / x.length;
    }

    /** Distinct values → dense labels (−0.0 and 0.0 are the same value, as in numpy). */
    static int[] labels(double[] x) {
        Map<Double, Integer> ids = new HashMap<>();
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] + 0.0;
            out[i] = ids.computeIfAbsent(v, key -> ids.size());
        }
        return out;
    }

    /** Plug-in MI in nats of two label vectors (scikit-learn's mutual_info_score). */
    static double plugInMi(int[] a, int[] b) {
        int n = a.length;
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> ca = new HashMap<>();
        Map<Integer, Integer> cb = new HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
            ca.merge(a[i], 1, Integer::sum);
            cb.merge(b[i], 1, Integer::sum);
        }
        double mi = 0.0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int ai = (int) (e.getKey() >> 32);
            int bi = (int) (long) e.getKey();
            double pxy = e.getValue() / (double) n;
            mi += pxy * Math.log(pxy * n * n / ((double) ca.get(ai) * cb.get(bi)));
        }
        return Math.max(0.0, mi);
    }
}
