// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Validate;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;

/**
 * An estimator of the Shannon entropy H = −Σ p_i log p_i of the distribution that produced a
 * histogram of counts. The plug-in value −Σ (n_i/N) ln(n_i/N) is biased downwards, by about
 * (K−1)/(2N) nats for K observed categories (Miller 1955), and badly so when N is not much larger
 * than the number of categories; the implementations of this interface correct that bias in
 * different ways.
 *
 * <p>Every implementation computes in nats internally and converts once with
 * {@link Base#fromNats(double)}. Implementations are immutable and thread-safe.
 */
public interface EntropyEstimator {

    /**
     * The estimated entropy of the distribution behind {@code counts}, in the unit of {@code base}.
     *
     * @param counts the observed histogram
     * @param base the unit of the result
     * @return the estimated entropy in the unit of {@code base}
     * @throws IllegalArgumentException if an argument is null
     */
    double entropy(Counts counts, Base base);

    /**
     * The estimator's canonical name, as accepted by {@link EntropyEstimators#byName(String)}.
     *
     * @return the canonical name, e.g. {@code miller-madow}
     */
    String name();

    /**
     * Mutual information I(X;Y) = H(X) + H(Y) − H(X,Y), each entropy estimated with this estimator
     * from the row sums, the column sums and the cells of {@code table}, in the unit of {@code base}.
     *
     * <p>The value is <b>not clipped</b>: with a bias-corrected estimator the three corrections do
     * not cancel exactly, so for (nearly) independent X and Y the result can be slightly negative.
     * That negative value is honest information about the estimator's error at this sample size;
     * use {@link #mutualInformationClipped} when a non-negative value is required. With the plug-in
     * estimator the result is ≥ 0 up to rounding.
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return the estimate of I(X;Y) in the unit of {@code base}; may be slightly negative
     * @throws IllegalArgumentException if {@code table} or {@code base} is null
     */
    default double mutualInformation(ContingencyTable table, Base base) {
        Validate.notNull("table", table);
        Validate.notNull("base", base);
        double nats = entropy(table.rowCounts(), Base.NATS)
                + entropy(table.colCounts(), Base.NATS)
                - entropy(table.jointCounts(), Base.NATS);
        return base.fromNats(nats);
    }

    /**
     * {@link #mutualInformation} clipped at zero: {@code max(0, I)}. Mutual information is never
     * negative, so clipping never increases the error, but it biases the average of many estimates
     * upwards; keep the raw value when averaging or testing.
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return max(0, the estimate of I(X;Y)) in the unit of {@code base}
     */
    default double mutualInformationClipped(ContingencyTable table, Base base) {
        return Math.max(0.0, mutualInformation(table, base));
    }
}
