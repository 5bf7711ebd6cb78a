// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

/**
 * A cell of a numeric column that is neither a number nor missing, e.g. {@code abc}.
 *
 * @param where where it is: "line 17" in a CSV file (the header is line 1), "row 16" elsewhere
 * @param value the cell's text
 */
public record InvalidCell(String where, String value) {
    /** How many invalid cells a profile keeps per column, the first ones in file order. */
    public static final int KEPT = 5;
}
