// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.ValidationException;

import dev.surprisal.knn.PointSet;
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
 *       deviation, without centring, and noise {@code 1e-10 · max(1, mean|x|) · N(0,1)} is added
 *       ({@link #scaled}), drawn from a seeded generator (XO_RO_SHI_RO_128_PP, column after column;
 *       numpy's stream differs, so values match scikit-learn to within the effect of that noise, not
 *       bit for bit);</li>
 *   <li>the estimator follows the two kinds ({@link MiEstimator}): continuous–continuous pairs use
 *       {@link KraskovMutualInformation} algorithm 1, continuous–discrete pairs {@link RossMutualInformation},
 *       discrete–discrete pairs the plug-in MI of the contingency table;</li>
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

    /**
     * Continuous target, all features continuous, k = 3, seed {@value #DEFAULT_SEED}.
     *
     * @param features the samples as rows: {@code features[i][j]} is feature j of sample i
     * @param target   the continuous target, one value per row
     * @return I(feature j; target) in nats for each feature j, clipped at 0
     * @throws ValidationException on a null, ragged or non-finite input, a length mismatch or a constant
     *         continuous column
     */
    public static double[] mutualInfoRegression(double[][] features, double[] target) {
        return mutualInfoRegression(features, target, null, Estimators.DEFAULT_K, DEFAULT_SEED);
    }

    /**
     * MI in nats between each feature and a continuous target.
     *
     * @param discreteFeatures per feature, whether it is discrete (null: none)
     * @param features the samples as rows: {@code features[i][j]} is feature j of sample i
     * @param target   the continuous target, one value per row
     * @param k        neighbours of the KSG and Ross estimators (scikit-learn's {@code n_neighbors}), at least 1
     * @param seed     seed of the tie-breaking noise (scikit-learn's {@code random_state})
     * @return I(feature j; target) in nats for each feature j, clipped at 0
     * @throws ValidationException on a null, ragged or non-finite input, a length mismatch, a constant
     *         continuous column or {@code k < 1}
     */
    public static double[] mutualInfoRegression(double[][] features, double[] target, boolean[] discreteFeatures,
                                                int k, long seed) {
        PointSet rows = PointSet.ofRows("features", features);
        PointSet.ofValues("target", target);
        return compute(rows, target, null, discreteFeatures, k, seed);
    }

    /**
     * Discrete target, all features continuous, k = 3, seed {@value #DEFAULT_SEED}.
     *
     * @param features the samples as rows: {@code features[i][j]} is feature j of sample i
     * @param target   the class label of each row
     * @return I(feature j; target) in nats for each feature j, clipped at 0
     * @throws ValidationException on a null, ragged or non-finite input, a length mismatch or a constant
     *         continuous column
     */
    public static double[] mutualInfoClassif(double[][] features, int[] target) {
        return mutualInfoClassif(features, target, null, Estimators.DEFAULT_K, DEFAULT_SEED);
    }

    /**
     * MI in nats between each feature and a discrete (class label) target.
     *
     * @param features the samples as rows: {@code features[i][j]} is feature j of sample i
     * @param target   the class label of each row
     * @param discreteFeatures per feature, whether it is discrete (null: none)
     * @param k        neighbours of the KSG and Ross estimators (scikit-learn's {@code n_neighbors}), at least 1
     * @param seed     seed of the tie-breaking noise (scikit-learn's {@code random_state})
     * @return I(feature j; target) in nats for each feature j, clipped at 0
     * @throws ValidationException on a null, ragged or non-finite input, a length mismatch, a constant
     *         continuous column or {@code k < 1}
     */
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
        for (int j = 0; j < p; j++) {
            cols[j] = rows.column(j);
            if (discrete == null || !discrete[j]) {
                cols[j] = scaledOrThrow(cols[j], "features column " + j, gauss);
            }
        }
        double[] y = yContinuous == null ? null : scaledOrThrow(yContinuous, "target", gauss);
        int[] yLabels = yDiscrete;
        double[] mi = new double[p];
        for (int j = 0; j < p; j++) {
            boolean xd = discrete != null && discrete[j];
            MiEstimator estimator = MiEstimator.forKinds(xd, y == null);
            if (estimator != MiEstimator.PLUG_IN) {
                Estimators.checkK(k, n);
            }
            mi[j] = Math.max(0.0, estimator.nats(xd ? null : cols[j], xd ? labels(cols[j]) : null, y, yLabels, k, null));
        }
        return mi;
    }

    /**
     * A continuous column as scikit-learn prepares it for the kNN estimators: divided by its population
     * standard deviation (no centring), then noise {@code 1e-10 · max(1, mean|x|) · N(0,1)} added to break
     * ties. The scaling matters because the KSG estimator measures distances in the joint space with
     * the max norm, which mixes the units of x and y; the noise breaks exact ties, which the kNN
     * estimators do not expect, without changing anything visible. NaN (missing) values stay NaN and are
     * left out of the standard deviation and the mean; a constant column (standard deviation 0) is
     * returned unscaled and without noise. The one implementation of this preprocessing, used here and
     * by {@code selection.MiVariable}.
     *
     * @param values the column (not modified)
     * @param normal standard normal draws, one per present value, in row order
     * @return the scaled, tie-broken copy
     */
    public static double[] scaled(double[] values, java.util.function.DoubleSupplier normal) {
        double sum = 0.0;
        int m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                m++;
            }
        }
        double mean = m == 0 ? 0.0 : sum / m;
        double ss = 0.0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = m == 0 ? 0.0 : Math.sqrt(ss / m);
        double[] out = values.clone();
        if (!(sd > 0.0)) {
            return out;
        }
        double meanAbs = 0.0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] /= sd;
                meanAbs += Math.abs(out[i]);
            }
        }
        double noise = 1e-10 * Math.max(1.0, meanAbs / m);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] += noise * normal.getAsDouble();
            }
        }
        return out;
    }

    private static double[] scaledOrThrow(double[] x, String name, ZigguratSampler.NormalizedGaussian gauss) {
        double first = x[0];
        for (double v : x) {
            if (v != first) {
                return scaled(x, gauss::sample);
            }
        }
        throw new ValidationException(name + ": is constant (standard deviation 0, value " + first
                + "); it carries no information and cannot be scaled — drop it or mark it discrete");
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
}
