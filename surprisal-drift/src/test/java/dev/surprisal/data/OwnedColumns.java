// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.util.List;

/**
 * Columns that take ownership of arrays a test built, for the power tables
 * ({@link dev.surprisal.drift.power.PowerTable}): at a million rows a day, {@link CategoricalColumn#of}'s map
 * lookup per label and {@link NumericColumn#of}'s copy were a third of the CPU of drawing a day. The columns
 * are the ones {@code of} builds from the same cells (what {@code PowerTableDayTest} checks).
 */
public final class OwnedColumns {
    private OwnedColumns() {
    }

    /**
     * @param name       the column's name
     * @param codes      one code per row, {@link CategoricalColumn#MISSING} when missing; owned by the column
     * @param dictionary the label of each code, codes in order of first appearance (as {@code of} numbers them)
     * @return the column
     */
    public static CategoricalColumn categorical(String name, int[] codes, List<String> dictionary) {
        return CategoricalColumn.wrap(name, codes, dictionary);
    }

    /**
     * @param name   the column's name
     * @param values one value per row, NaN when missing; owned by the column
     * @return the column
     */
    public static NumericColumn numeric(String name, double[] values) {
        return NumericColumn.wrap(name, values, values.length);
    }
}
