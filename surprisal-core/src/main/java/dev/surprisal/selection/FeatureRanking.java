// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.dependence.Correlation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ranks features by their mutual information with a target (the "MIM" criterion, maximal relevance), and puts
 * Pearson's r and Spearman's ρ beside each MI so that a reader sees what correlation alone would have said.
 * A feature whose MI clearly exceeds the MI a Gaussian with the same r would carry is flagged as nonlinear
 * dependence ({@link NonlinearityRule}): y = x² has r ≈ 0 but large MI.
 *
 * <p>The MI estimator is plugged in ({@link DependenceMeasure}, nats) and is called once per feature, for
 * several features in parallel, so it must be thread-safe. A constant feature carries no information: it gets
 * MI = 0 and r = ρ = 0 without calling the estimator.
 *
 * <p>Reference for the criterion and its limits (redundancy is ignored; see {@link FeatureSelection}):
 * Brown, G., Pocock, A., Zhao, M.-J. and Luján, M. (2012). Conditional likelihood maximisation: a unifying
 * framework for information theoretic feature selection. <i>JMLR</i> 13, 27–66.
 */
public final class FeatureRanking {
    private FeatureRanking() {
    }

    /** Ranks with {@link NonlinearityRule#DEFAULT}. */
    public static List<FeatureScore> rank(String[] names, double[][] columns, double[] target, DependenceMeasure mi) {
        return rank(names, columns, target, mi, NonlinearityRule.DEFAULT);
    }

    /**
     * Scores every feature {@code columns[j]} (named {@code names[j]}) against {@code target} and returns the
     * rows sorted by MI, highest first (ties keep input order).
     *
     * @throws IllegalArgumentException on a NaN/∞ value (naming column and index), mismatched lengths, or a
     *         constant target
     */
    public static List<FeatureScore> rank(String[] names, double[][] columns, double[] target, DependenceMeasure mi,
            NonlinearityRule rule) {
        Columns.check(names, columns, target);
        FeatureScore[] scores = new FeatureScore[columns.length];
        IntStream.range(0, columns.length).parallel().forEach(j -> scores[j] = score(j, names[j], columns[j],
                target, mi, rule));
        return Arrays.stream(scores)
                .sorted(Comparator.comparingDouble(FeatureScore::mutualInformation).reversed()
                        .thenComparingInt(FeatureScore::index))
                .toList();
    }

    private static FeatureScore score(int j, String name, double[] x, double[] y, DependenceMeasure mi,
            NonlinearityRule rule) {
        if (Columns.isConstant(x)) {
            return new FeatureScore(j, name, 0.0, 0.0, 0.0, 0.0, false);
        }
        double info = Columns.checked(mi.estimate(x, y), "feature " + name);
        double r = Correlation.pearson(x, y);
        double rho = Correlation.spearman(x, y);
        return new FeatureScore(j, name, info, r, rho, NonlinearityRule.gaussianMi(r), rule.test(info, r));
    }
}
