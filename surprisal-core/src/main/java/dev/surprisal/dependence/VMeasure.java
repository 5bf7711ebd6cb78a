// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Homogeneity, completeness and V-measure of a clustering against reference classes (Rosenberg,
 * A. and Hirschberg, J. (2007) "V-Measure: A conditional entropy-based external cluster evaluation
 * measure", EMNLP-CoNLL), all unitless in [0, 1], higher is better:
 * <pre>
 *   homogeneity  h = I(C;K) / H(C)   = 1 − H(C|K)/H(C)   (each cluster holds one class)
 *   completeness c = I(C;K) / H(K)   = 1 − H(K|C)/H(K)   (each class sits in one cluster)
 *   V_β          = (1 + β) h c / (β h + c)
 * </pre>
 * with C the classes (labels_true, the table's rows) and K the clusters (labels_pred, its
 * columns). β &gt; 1 weights completeness more, β &lt; 1 homogeneity; V₁ equals
 * {@link NormalizedMutualInformation} with the arithmetic mean.
 *
 * <p>Matches {@code sklearn.metrics.homogeneity_completeness_v_measure(labels_true, labels_pred,
 * beta=β)} of scikit-learn 1.2, with its conventions: h = 1 when H(C) = 0, c = 1 when H(K) = 0,
 * and V = 0 when h + c = 0.
 *
 * @param homogeneity  I(C;K)/H(C), in [0, 1]
 * @param completeness I(C;K)/H(K), in [0, 1]
 * @param vMeasure     the weighted harmonic mean V_β of the two, in [0, 1]
 * @param beta         the weight β of completeness against homogeneity
 */
public record VMeasure(double homogeneity, double completeness, double vMeasure, double beta) {

    /**
     * The three scores of a contingency table with β = 1.
     *
     * @param table counts, rows the classes C (labels_true), columns the clusters K (labels_pred)
     * @return homogeneity, completeness and V₁
     * @throws ValidationException if {@code table} is null
     */
    public static VMeasure of(ContingencyTable table) {
        return of(table, 1.0);
    }

    /**
     * The three scores of a contingency table.
     *
     * @param table counts, rows the classes C (labels_true), columns the clusters K (labels_pred)
     * @param beta  β &gt; 0, finite: the weight of completeness against homogeneity
     * @return homogeneity, completeness and V_β
     * @throws ValidationException if {@code table} is null or β is not positive and finite
     */
    public static VMeasure of(ContingencyTable table, double beta) {
        if (table == null) {
            throw new ValidationException("table: is null");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new ValidationException("beta: must be positive and finite, got " + beta);
        }
        double hc = Entropy.nats(table.rowCounts());
        double hk = Entropy.nats(table.colCounts());
        // I(C;K) <= min(H(C), H(K)) exactly; held there so that rounding cannot give h or c above 1
        double mi = Math.min(MutualInformation.nats(table), Math.min(hc, hk));
        // scikit-learn's conventions: a labelling with one cluster is trivially homogeneous / complete
        double h = hc == 0.0 ? 1.0 : mi / hc;
        double c = hk == 0.0 ? 1.0 : mi / hk;
        double v = h + c == 0.0 ? 0.0 : (1 + beta) * h * c / (beta * h + c);
        return new VMeasure(h, c, v, beta);
    }

    /**
     * The three scores of two labellings:
     * {@code sklearn.metrics.homogeneity_completeness_v_measure(labels_true, labels_pred, beta=beta)}.
     *
     * @param labelsTrue the reference classes C
     * @param labelsPred the clusters K, same length
     * @param beta       β &gt; 0, finite
     * @return homogeneity, completeness and V_β
     * @throws ValidationException if the arrays are null or of different lengths, or β is not
     *         positive and finite
     */
    public static VMeasure of(int[] labelsTrue, int[] labelsPred, double beta) {
        return of(LabelCounts.table(labelsTrue, labelsPred), beta);
    }
}
