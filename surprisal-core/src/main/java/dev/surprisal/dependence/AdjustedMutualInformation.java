// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Adjusted mutual information AMI(U,V) = (I − E[I]) / (avg(H(U), H(V)) − E[I]), unitless: 1 for
 * identical partitions, about 0 for independent random labellings, and negative when worse than
 * chance (Vinh, Epps &amp; Bailey, 2010, "Information Theoretic Measures for Clusterings
 * Comparison"). E[I] is the exact expected mutual information under random permutation of the
 * labels (hypergeometric model), see {@link #expected(ContingencyTable)}.
 *
 * <p>Follows {@code sklearn.metrics.adjusted_mutual_info_score} of scikit-learn 1.2: rows of the
 * table are U (labels_true); two single-cluster labellings score 1.0; and a denominator within
 * machine epsilon of 0 is replaced by ±ε with its sign.
 *
 * <p>Two deliberate differences, both where scikit-learn's answer is decided by rounding:
 * <ul>
 *   <li>When one labelling puts every sample in its own cluster (or all in one), every permutation
 *       of the labels gives the same table up to relabelling, so E[I] = I exactly and the
 *       numerator is exactly 0: this class returns 0 (agreement at chance level) for every average
 *       method. scikit-learn computes E[I] as exp of log-gamma differences, a few ulps above I, and
 *       with {@code average_method="min"} the denominator H(V) − E[I] is then also a few ulps, so
 *       it returns values such as 0.95, 1.0, 1.4 or 2.0 (AMI above 1 is impossible).</li>
 *   <li>When both labellings are all singletons, I = E[I] = avg(H) = log N and the ratio is 0/0;
 *       scikit-learn's result depends on rounding (0.0 for N = 2, 1.0 for N ≥ 3), this class
 *       returns 1.0, the value of a perfect match.</li>
 * </ul>
 * Both I and E[I] are also held to their exact bound min(H(U), H(V)), so rounding cannot push AMI
 * above 1: AMI ≤ 1 always, with equality when one labelling refines the other and the average is
 * {@link AverageMethod#MIN}.
 */
public final class AdjustedMutualInformation {
    private static final double EPS = Math.ulp(1.0);

    private AdjustedMutualInformation() {
    }

    /**
     * AMI of a table with the given average method: {@code
     * sklearn.metrics.adjusted_mutual_info_score(average_method=...)} on its labels.
     *
     * @param table  counts n_uv, rows U (labels_true), columns V (labels_pred)
     * @param method how H(U) and H(V) are averaged in the denominator
     * @return AMI, unitless, at most 1; about 0 for independent labellings
     * @throws ValidationException if {@code table} or {@code method} is null
     */
    public static double of(ContingencyTable table, AverageMethod method) {
        if (table == null || method == null) {
            throw new ValidationException((table == null ? "table" : "method") + ": is null");
        }
        int r = table.rowCounts().nonZero(); // clusters that occur, as np.unique sees them
        int c = table.colCounts().nonZero();
        if (r == 1 && c == 1) {
            return 1.0;
        }
        if (r == c && r == table.total()) {
            return 1.0; // both labellings are all singletons: a perfect match, 0/0 otherwise
        }
        double hu = Entropy.nats(table.rowCounts());
        double hv = Entropy.nats(table.colCounts());
        // I(U;V) <= min(H(U), H(V)) for every table with these marginals, hence also E[I]: holding both
        // to the bound keeps the numerator <= the denominator, i.e. AMI <= 1, whatever the rounding
        double bound = Math.min(hu, hv);
        double mi = Math.min(MutualInformation.nats(table), bound);
        double emi = ExpectedMutualInformation.isPermutationInvariant(table)
                ? mi // E[I] = I exactly: the numerator is 0, not a difference of rounding errors
                : Math.min(ExpectedMutualInformation.nats(table), bound);
        // every mean of H(U), H(V) is >= their minimum; sqrt(h*h) may round below h, so hold it there too
        double denominator = Math.max(method.average(hu, hv), bound) - emi;
        if (denominator < 0) {
            denominator = Math.min(denominator, -EPS);
        } else {
            denominator = Math.max(denominator, EPS);
        }
        return (mi - emi) / denominator;
    }

    /**
     * AMI with the arithmetic mean, scikit-learn's default.
     *
     * @param table counts, rows U (labels_true), columns V (labels_pred)
     * @return AMI, unitless, at most 1
     * @throws ValidationException if {@code table} is null
     */
    public static double of(ContingencyTable table) {
        return of(table, AverageMethod.ARITHMETIC);
    }

    /**
     * AMI of two label arrays: {@code sklearn.metrics.adjusted_mutual_info_score}.
     *
     * @param labelsTrue the reference labelling U
     * @param labelsPred the labelling V compared with it, same length
     * @param method     how H(U) and H(V) are averaged
     * @return AMI, unitless, at most 1
     * @throws ValidationException if the arrays are null, empty or of different lengths
     */
    public static double of(int[] labelsTrue, int[] labelsPred, AverageMethod method) {
        return of(LabelCounts.table(labelsTrue, labelsPred), method);
    }

    /**
     * The exact expected mutual information E[I(U;V)] in nats under the hypergeometric model.
     *
     * @param table counts of the two labellings; only its marginals matter
     * @return E[I] in nats, between 0 and min(H(U), H(V)) up to rounding
     */
    public static double expected(ContingencyTable table) {
        return ExpectedMutualInformation.nats(table);
    }

    /**
     * {@link #expected(ContingencyTable)} from the two margins alone, for a table too large to hold densely
     * (a column with many values against another): the cost grows with the distinct row sizes times the
     * distinct column sizes, not with the cells.
     *
     * @param rowSizes the size of each label of U (zeros are ignored)
     * @param colSizes the size of each label of V, with the same total
     * @return E[I] in nats, between 0 and min(H(U), H(V)) up to rounding
     * @throws ValidationException if the totals differ
     */
    public static double expected(Counts rowSizes, Counts colSizes) {
        if (rowSizes.total() != colSizes.total()) {
            throw new ValidationException("colSizes: total " + colSizes.total()
                    + " differs from the row sizes' total " + rowSizes.total() + "; give the two margins of one table");
        }
        return ExpectedMutualInformation.nats(rowSizes, colSizes);
    }
}
