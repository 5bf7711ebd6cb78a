// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;


import dev.surprisal.counts.Counts;

import java.util.Collections;
import java.util.List;

/**
 * The histogram of one column: {@code counts.get(i)} rows hold {@code labels.get(i)}. Labels are
 * sorted (numbers numerically, text lexicographically); a numeric value's label is written as an
 * integer when it is one ({@code "3"}, not {@code "3.0"}). With {@link MissingPolicy#AS_CATEGORY}
 * the last label is {@code null} and counts the missing rows.
 *
 * @param column  the column counted
 * @param labels  one label per category (unmodifiable; may contain one {@code null})
 * @param counts  one count per label
 * @param missing number of rows with no value, whether dropped or counted
 */
public record ValueCounts(String column, List<String> labels, Counts counts, long missing) {
    /**
     * Checks that labels and counts align.
     *
     * @param column the column counted
     * @param labels one label per category
     * @param counts one count per label
     * @param missing the number of rows with no value
     */
    public ValueCounts {
        if (labels.size() != counts.size()) {
            throw new IllegalArgumentException("labels: has " + labels.size() + " entries, counts has " + counts.size());
        }
        labels = Collections.unmodifiableList(new java.util.ArrayList<>(labels));
    }
}
