// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

/**
 * One typed column of a {@link Table}: either {@link NumericColumn} or {@link CategoricalColumn}.
 * Columns are immutable; accessors that return arrays return copies.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    /**
     * The column's name as in the file.
     *
     * @return the column's name as in the file
     */
    String name();

    /**
     * How the column was read.
     *
     * @return how the column was read
     */
    ColumnType type();

    /**
     * Number of rows, missing ones included.
     *
     * @return the number of rows, missing ones included
     */
    int size();

    /**
     * Whether row {@code i} holds no value.
     *
     * @param i a row
     * @return true when row {@code i} holds no value
     */
    boolean isMissing(int i);

    /**
     * Number of rows without a value.
     *
     * @return the number of rows without a value
     */
    int missingCount();
}
