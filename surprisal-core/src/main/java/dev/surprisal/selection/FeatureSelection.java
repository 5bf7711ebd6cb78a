// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Greedy forward feature selection by mutual information, with a plugged-in estimator (nats). Both methods
 * start from the most relevant feature, argmax I(f;y), then add one feature per step:
 * <ul>
 *   <li>{@link #mrmr mRMR}, minimum redundancy – maximum relevance:
 *       J(f) = I(f;y) − (1/|S|) Σ_{s∈S} I(f;s). Peng, H., Long, F. and Ding, C. (2005). Feature selection
 *       based on mutual information: criteria of max-dependency, max-relevance, and min-redundancy.
 *       <i>IEEE TPAMI</i> 27(8), 1226–1238.</li>
 *   <li>{@link #jmi JMI}, joint mutual information: J(f) = Σ_{s∈S} I(f, s; y). Yang, H. H. and Moody, J.
 *       (1999). Data visualization and feature selection: new algorithms for nongaussian data. <i>NIPS</i> 12;
 *       Brown, G. et al. (2012). Conditional likelihood maximisation. <i>JMLR</i> 13, 27–66.</li>
 * </ul>
 * Every term is an estimate of a mutual information, which is never negative; a kNN estimate (KSG, Ross) of
 * independent columns scatters around 0 and falls below it about half of the time. Each term is therefore
 * clipped at 0, max(0, Î), before it enters a criterion, as scikit-learn's {@code mutual_info_regression} clips
 * its estimates: an unclipped negative redundancy I(f;s) &lt; 0 would add to an mRMR score (a noise column with
 * relevance 0.028 bits and redundancy −0.02 bits scored 0.048 bits, above its relevance, and was chosen ahead of
 * the real predictors), and a negative joint term would count against a JMI candidate.
 * Every estimator value is computed once: relevances up front, and the redundancy (or joint) terms are
 * accumulated per candidate as features are selected, so selecting k of p features costs p + (k−1)·p
 * estimator calls at most. Candidates are scored in parallel, so the estimator must be thread-safe; the
 * result does not depend on the thread count (ties go to the lower index).
 */
public final class FeatureSelection {
    private FeatureSelection() {
    }

    /**
     * Selects {@code k} features by mRMR.
     *
     * @param names   the feature names, one per column
     * @param columns the features, one array per feature, each as long as the target
     * @param target  the target
     * @param k       how many features to select, 1..p
     * @param mi      the estimator of I(a; b) in nats (relevance and redundancy terms); must be thread-safe
     * @return the selected features in the order chosen, each with its score in nats
     * @throws IllegalArgumentException on bad input (a NaN or infinite value, naming column and index; mismatched lengths; a constant target) or k outside [1, p]
     */
    public static List<SelectedFeature> mrmr(String[] names, double[][] columns, double[] target, int k,
            DependenceMeasure mi) {
        int p = prepare(names, columns, target, k);
        double[] relevance = relevance(names, columns, target, mi);
        double[] redundancySum = new double[p];
        return greedy(names, relevance, k, (selected, candidates) -> {
            int s = selected.get(selected.size() - 1);
            double[] score = new double[p];
            candidates.parallel().forEach(f -> {
                // a constant feature shares no information with anything
                redundancySum[f] += Columns.isConstant(columns[f]) || Columns.isConstant(columns[s]) ? 0.0
                        : clipped(mi.estimate(columns[f], columns[s]), "I(" + names[f] + ";" + names[s] + ")");
                score[f] = relevance[f] - redundancySum[f] / selected.size();
            });
            return score;
        });
    }

    /**
     * Selects {@code k} features by JMI; {@code joint} estimates I(f, s; y) from the two columns f and s.
     *
     * @param names   the feature names, one per column
     * @param columns the features, one array per feature, each as long as the target
     * @param target  the target
     * @param k       how many features to select, 1..p
     * @param mi      the estimator of I(a; b) in nats (relevance and redundancy terms); must be thread-safe
     * @param joint   the estimator of I(f, s; target) from a candidate f and a selected s (JMI's joint term)
     * @return the selected features in the order chosen, each with its score in nats
     * @throws IllegalArgumentException on bad input (a NaN or infinite value, naming column and index; mismatched lengths; a constant target) or k outside [1, p]
     */
    public static List<SelectedFeature> jmi(String[] names, double[][] columns, double[] target, int k,
            DependenceMeasure mi, JointDependenceMeasure joint) {
        int p = prepare(names, columns, target, k);
        double[] relevance = relevance(names, columns, target, mi);
        double[] jointSum = new double[p];
        return greedy(names, relevance, k, (selected, candidates) -> {
            int s = selected.get(selected.size() - 1);
            double[] score = new double[p];
            candidates.parallel().forEach(f -> {
                // with a constant member the pair carries exactly what the other member carries
                jointSum[f] += Columns.isConstant(columns[f]) ? relevance[s]
                        : Columns.isConstant(columns[s]) ? relevance[f]
                        : clipped(joint.estimate(new double[][] {columns[f], columns[s]}, target),
                                "I(" + names[f] + "," + names[s] + ";y)");
                score[f] = jointSum[f];
            });
            return score;
        });
    }

    /** Scores the remaining candidates after a new feature joined {@code selected}. */
    private interface StepScore {
        double[] score(List<Integer> selected, IntStream candidates);
    }

    private static List<SelectedFeature> greedy(String[] names, double[] relevance, int k, StepScore step) {
        int p = relevance.length;
        boolean[] taken = new boolean[p];
        List<Integer> selected = new ArrayList<>();
        List<SelectedFeature> out = new ArrayList<>();
        int first = argmax(relevance, taken);
        taken[first] = true;
        selected.add(first);
        out.add(new SelectedFeature(first, names[first], relevance[first], relevance[first]));
        while (out.size() < k) {
            double[] score = step.score(selected, IntStream.range(0, p).filter(f -> !taken[f]));
            int best = argmax(score, taken);
            taken[best] = true;
            selected.add(best);
            out.add(new SelectedFeature(best, names[best], score[best], relevance[best]));
        }
        return List.copyOf(out);
    }

    private static int argmax(double[] v, boolean[] taken) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (!taken[i] && (best < 0 || v[i] > v[best])) {
                best = i;
            }
        }
        return best;
    }

    private static int prepare(String[] names, double[][] columns, double[] target, int k) {
        Columns.check(names, columns, target);
        if (k < 1 || k > columns.length) {
            throw new ValidationException("k: must lie in [1, " + columns.length + "], got " + k);
        }
        return columns.length;
    }

    private static double[] relevance(String[] names, double[][] columns, double[] target, DependenceMeasure mi) {
        double[] r = new double[columns.length];
        IntStream.range(0, columns.length).parallel().forEach(j -> r[j] = Columns.isConstant(columns[j]) ? 0.0
                : clipped(mi.estimate(columns[j], target), "I(" + names[j] + ";target)"));
        return r;
    }

    /** An MI estimate checked to be finite and clipped at 0 (see the class comment). */
    private static double clipped(double nats, String what) {
        return Math.max(0.0, Columns.checked(nats, what));
    }
}
