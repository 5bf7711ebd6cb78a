// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;


import dev.surprisal.counts.ContingencyTable;

import java.util.Collections;
import java.util.List;

/**
 * The contingency table of two columns X and Y: {@code table.get(r, c)} rows hold
 * X = {@code rowLabels.get(r)} and Y = {@code colLabels.get(c)}. Labels are sorted as in
 * {@link ValueCounts}. Marginals are the table's row and column sums, so one call gives
 * H(X), H(Y), H(X,Y) and I(X;Y) over the same rows.
 *
 * @param xColumn   the row variable
 * @param yColumn   the column variable
 * @param rowLabels labels of X (unmodifiable; with {@link MissingPolicy#AS_CATEGORY} the last may be {@code null})
 * @param colLabels labels of Y (likewise)
 * @param table     the joint counts
 * @param dropped   rows left out because X or Y was missing (0 with {@code AS_CATEGORY})
 */
public record JointCounts(String xColumn, String yColumn, List<String> rowLabels, List<String> colLabels,
                          ContingencyTable table, long dropped) {
    /**
     * Checks that labels and table align.
     *
     * @param xColumn the row variable
     * @param yColumn the column variable
     * @param rowLabels labels of X
     * @param colLabels labels of Y
     * @param table the joint counts
     * @param dropped rows left out because X or Y was missing
     */
    public JointCounts {
        if (rowLabels.size() != table.rows() || colLabels.size() != table.cols()) {
            throw new IllegalArgumentException("table: is " + table.rows() + " x " + table.cols() + ", labels are "
                    + rowLabels.size() + " x " + colLabels.size());
        }
        rowLabels = Collections.unmodifiableList(new java.util.ArrayList<>(rowLabels));
        colLabels = Collections.unmodifiableList(new java.util.ArrayList<>(colLabels));
    }
}
