// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

/**
 * What a file's reader says about its numbers' decimal mark, beside what its cells say ({@link RoleRules#convention}):
 * the convention the user set ({@code --decimal}, {@link dev.surprisal.data.TableReader#withDecimal}), as pandas'
 * {@code read_csv(decimal=',')} and DuckDB's {@code decimal_separator} set it for a whole file; or that the file is
 * ';'-separated, as spreadsheets that write a decimal comma export CSV (German, French, Italian Excel). In such a
 * file a cell of one ',' and 3 digits ({@code 6,600}) is a decimal comma (6.6), not a thousands group, unless a
 * cell of its column is grouped as only a decimal point's writer groups ({@code 1,234,567}, {@code 2,096.40}): a
 * weight column written {@code 6,600} with 3 decimals was read as 6600 (audit18 finding 4).
 *
 * @param forced    the convention the user set for every column, or null when each column's cells decide
 * @param semicolon whether the file's field delimiter is ';'
 */
public record NumberHint(NumberConvention forced, boolean semicolon) {
    /** Nothing but the cells decides. */
    public static final NumberHint NONE = new NumberHint(null, false);

    /**
     * @param delimiter the file's field delimiter, null when none was given (',' or tab by the extension)
     * @param forced    the convention the user set, or null
     * @return the hint of a file read so
     */
    public static NumberHint of(Character delimiter, NumberConvention forced) {
        return new NumberHint(forced, delimiter != null && delimiter == ';');
    }

    /**
     * A column's comma counts with what this file's reader says, from which {@link RoleRules#convention} decides the
     * column's convention: the convention set ({@link ColumnStats.Commas#forced}) and whether the file is
     * ';'-separated ({@link ColumnStats.Commas#semicolon}).
     *
     * @param k a column's comma counts, as its cells alone give them
     * @return the counts the column's convention is decided from
     */
    public ColumnStats.Commas apply(ColumnStats.Commas k) {
        ColumnStats.Commas out = forced != null ? k.withForced(forced) : k;
        return semicolon ? out.inSemicolonFile() : out;
    }
}
