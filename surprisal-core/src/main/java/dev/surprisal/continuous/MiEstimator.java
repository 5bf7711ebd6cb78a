// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.core.Base;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.knn.PointSet;

import java.util.List;

/**
 * The mutual-information estimator a pair of columns gets from their kinds, as scikit-learn's
 * {@code feature_selection/_mutual_info.py} chooses it ({@code _compute_mi}): the one place where that
 * choice is made, used by {@link SklearnMutualInfo}, {@code selection.MiPair} (rankings, pairs, the
 * matrix) and {@code selection.MiSelection} (mRMR, JMI).
 * <ul>
 *   <li>two continuous columns: KSG algorithm 1 (Kraskov, Stögbauer, Grassberger 2004, "Estimating
 *       mutual information", Phys. Rev. E 69, 066138), {@link KraskovMutualInformation};</li>
 *   <li>a discrete and a continuous column: Ross (2014), "Mutual information between discrete and
 *       continuous data sets", PLoS ONE 9(2): e87357, {@link RossMutualInformation};</li>
 *   <li>two discrete columns: the plug-in MI of their contingency table, {@link MutualInformation};</li>
 *   <li>{@link #CONSTANT}: a column is constant on the rows used, so the MI is 0 without estimating.</li>
 * </ul>
 * Values in nats, not clipped at 0 (scikit-learn clips; {@link SklearnMutualInfo} does so itself).
 */
public enum MiEstimator {
    /** Two continuous columns. */
    KSG1("KSG1", "two continuous columns: Kraskov-Stoegbauer-Grassberger kNN, algorithm 1"),
    /** A discrete and a continuous column. */
    ROSS("Ross", "a discrete and a continuous column: Ross (2014) kNN"),
    /** Two discrete columns. */
    PLUG_IN("plug-in", "two discrete columns: the plug-in MI of their table"),
    /** A constant column: MI = 0. */
    CONSTANT("none (constant column)", "a column is constant on these rows: MI = 0");

    private final String label;
    private final String reason;

    MiEstimator(String label, String reason) {
        this.label = label;
        this.reason = reason;
    }

    /**
     * The estimator two columns of these kinds get (constancy aside).
     *
     * @param firstDiscrete  whether the first column is discrete (labels)
     * @param secondDiscrete whether the second column is discrete
     * @return {@link #PLUG_IN}, {@link #ROSS} or {@link #KSG1}
     */
    public static MiEstimator forKinds(boolean firstDiscrete, boolean secondDiscrete) {
        if (firstDiscrete && secondDiscrete) {
            return PLUG_IN;
        }
        return firstDiscrete || secondDiscrete ? ROSS : KSG1;
    }

    /** @return why this estimator: the two columns' kinds, in words */
    public String reason() {
        return reason;
    }

    /** @return the name printed in outputs: KSG1, Ross, plug-in */
    public String label() {
        return label;
    }

    /**
     * I(a;b) in nats by this estimator. Each column is given either as continuous values (already
     * scaled and tie-broken, see {@link SklearnMutualInfo#scaled}) or as labels, whichever its kind is;
     * the other array is null.
     *
     * @param ca       the first column's continuous values, or null when it is discrete
     * @param la       the first column's labels, or null when it is continuous
     * @param cb       the second column's continuous values, or null when it is discrete
     * @param lb       the second column's labels, or null when it is continuous
     * @param k        neighbours of the kNN estimators
     * @param warnings receives the kNN estimator's warnings (ties, labels seen once); may be null
     * @return the MI in nats
     * @throws dev.surprisal.core.ValidationException if the kNN estimators get too few rows for k
     */
    public double nats(double[] ca, int[] la, double[] cb, int[] lb, int k, List<String> warnings) {
        if (warnings == null && (this == KSG1 || this == ROSS)) {
            // the value alone: the warnings' search for repeated points would be built for nobody to read
            return this == KSG1
                    ? KraskovMutualInformation.nats(PointSet.ofValues("x", ca), PointSet.ofValues("y", cb), k,
                            KraskovMutualInformation.Algorithm.KSG1)
                    : RossMutualInformation.nats(PointSet.ofValues("c", ca != null ? ca : cb), ca != null ? lb : la, k);
        }
        KnnEstimate e = switch (this) {
            case CONSTANT, PLUG_IN -> null;
            case KSG1 -> KraskovMutualInformation.estimate(ca, cb, k, KraskovMutualInformation.Algorithm.KSG1, Base.NATS);
            case ROSS -> RossMutualInformation.estimate(ca != null ? ca : cb, ca != null ? lb : la, k, Base.NATS);
        };
        if (e == null) {
            return this == CONSTANT ? 0.0 : MutualInformation.of(la, lb, Base.NATS);
        }
        if (warnings != null) {
            warnings.addAll(e.warnings());
        }
        return e.nats();
    }
}
