// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Normalised mutual information NMI(U,V) = I(U;V) / avg(H(U), H(V)), unitless, in [0, 1]
 * (Strehl &amp; Ghosh, 2002; Vinh, Epps &amp; Bailey, 2010, "Information Theoretic Measures for
 * Clusterings Comparison"), with scikit-learn 1.2's conventions: two labellings that are both a
 * single cluster score 1.0, and I(U;V) = 0 scores 0.0. Rows of the table are U (labels_true).
 */
public final class NormalizedMutualInformation {
    private NormalizedMutualInformation() {
    }

    /**
     * NMI of a table with the given average method.
     *
     * @param table joint counts, rows U (labels_true) and columns V (labels_pred)
     * @param method how the two entropies are averaged in the denominator
     * @return NMI in [0, 1], dimensionless
     */
    public static double of(ContingencyTable table, AverageMethod method) {
        if (table.rowCounts().nonZero() == 1 && table.colCounts().nonZero() == 1) {
            return 1.0;
        }
        double mi = MutualInformation.nats(table);
        if (mi == 0.0) {
            return 0.0;
        }
        double hu = Entropy.nats(table.rowCounts());
        double hv = Entropy.nats(table.colCounts());
        return mi / method.average(hu, hv);
    }

    /**
     * NMI with the arithmetic mean, scikit-learn's default.
     *
     * @param table joint counts, rows U (labels_true) and columns V (labels_pred)
     * @return NMI in [0, 1], dimensionless
     */
    public static double of(ContingencyTable table) {
        return of(table, AverageMethod.ARITHMETIC);
    }

    /**
     * NMI of two label arrays: {@code sklearn.metrics.normalized_mutual_info_score}.
     *
     * @param labelsTrue the reference labelling
     * @param labelsPred the labelling to compare, same length
     * @param method how the two entropies are averaged in the denominator
     * @return NMI in [0, 1], dimensionless
     */
    public static double of(int[] labelsTrue, int[] labelsPred, AverageMethod method) {
        return of(LabelCounts.table(labelsTrue, labelsPred), method);
    }
}
