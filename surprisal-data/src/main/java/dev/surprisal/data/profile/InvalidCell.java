// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.util.List;

/**
 * A cell of a numeric column that is neither a number nor missing, e.g. {@code abc}.
 *
 * @param where where it is: "line 17" in a CSV file (the header is line 1), "row 16" elsewhere
 * @param value the cell's text
 */
public record InvalidCell(String where, String value) {
    /**
     * How many invalid cells a profile keeps per column: the first cell of each distinct value, in file
     * order, so five copies of {@code 1.234,56} do not hide the {@code #VALUE!} after them.
     */
    public static final int KEPT = 5;

    /**
     * How many of a column's first invalid cells the file profiler's SQL gathers before keeping the first
     * of each value ({@link #keep}): its aggregate keeps the first n cells, not the first of each value.
     */
    static final int GATHERED = 20 * KEPT;

    /**
     * Whether a profile that keeps {@code kept} keeps an invalid cell of this value next: fewer than
     * {@value #KEPT} are kept and none has the value.
     *
     * @param kept  the cells kept so far, in file order
     * @param value the next invalid cell's text
     * @return whether it is kept
     */
    static boolean wanted(List<InvalidCell> kept, String value) {
        if (kept.size() >= KEPT) {
            return false;
        }
        for (InvalidCell c : kept) {
            if (c.value.equals(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds {@code cell} to {@code kept} when {@link #wanted}: the first cell of each distinct value, in file
     * order, at most {@value #KEPT}.
     *
     * @param kept the cells kept so far, in file order; changed
     * @param cell the next invalid cell
     */
    static void keep(List<InvalidCell> kept, InvalidCell cell) {
        if (wanted(kept, cell.value)) {
            kept.add(cell);
        }
    }
}
