// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

/**
 * Frozen bins of one scored column, fitted on the reference: {@link NumericBins} (continuous:
 * equal-frequency edges plus underflow and overflow), {@link ValueBins} (binary and discrete: one
 * bin per reference value plus unseen) or {@link CategoryBins} (categorical: top K plus other and
 * unseen). Missing and invalid cells are counted apart, never in these bins.
 */
public sealed interface Bins permits NumericBins, ValueBins, CategoryBins {
    /** @return the number of bins */
    int size();

    /**
     * @param i a bin
     * @return a short label for it
     */
    String label(int i);

    /**
     * A label with the values written by {@code values}: a time-of-day column's bins read {@code [08:15:32, 09:02:10)},
     * not seconds since midnight ({@link ColumnProfile#binLabel}).
     *
     * @param i      a bin
     * @param values how a value (an edge, a reference value) is written
     * @return a short label for it; {@link #label(int)} for bins that name no value
     */
    default String label(int i, java.util.function.DoubleFunction<String> values) {
        return label(i);
    }

    /**
     * @param i a bin
     * @return true for the bins the reference has no mass in by construction (out of range, unseen)
     */
    boolean isNovel(int i);
}
