// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

/**
 * How Surprisal treats a column.
 *
 * <ul>
 *   <li>{@link #NUMERIC}: values are {@code double}; DuckDB integer, decimal and floating types are
 *       numeric by default.</li>
 *   <li>{@link #CATEGORICAL}: values are labels (strings) coded as {@code int}; text, boolean
 *       ({@code "true"}/{@code "false"}), date and timestamp columns are categorical by default.</li>
 * </ul>
 *
 * Overriding a date or timestamp column to {@code NUMERIC} gives seconds since 1970-01-01 UTC
 * (DuckDB {@code epoch}); overriding a boolean gives 0/1; overriding a text column requires every
 * value to parse as a number. Overriding a numeric column of a CSV file to {@code CATEGORICAL}
 * keeps the text as written, so zip code {@code 01234} stays {@code "01234"}.
 */
public enum ColumnType {
    /** A real-valued column: {@code double[]} plus a missing mask. */
    NUMERIC,
    /** A discrete column: {@code int[]} codes plus a dictionary of labels. */
    CATEGORICAL
}
