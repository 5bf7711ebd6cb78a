// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

/**
 * How a column writes its numbers, decided once per column from its cells' commas
 * ({@link RoleRules#convention}) and frozen in a baseline's profile, so that every cell of the column, on every
 * engine and on every later day, is read the same way ({@link Cells#number(String, NumberConvention)}).
 */
public enum NumberConvention {
    /**
     * A '.' decimal point, as Java, pandas' defaults and US spreadsheets write: {@code 1.299} is 1.299,
     * {@code 1,234} and {@code 2,096.40} group thousands (1234, 2096.4); a stray decimal-comma cell
     * ({@code 0,5}) is read as 0.5.
     */
    DECIMAL_POINT("numbers with a decimal point (1,234.56)"),
    /**
     * A ',' decimal comma, as German or French spreadsheets write, read as pandas'
     * {@code read_csv(decimal=',', thousands='.')} and a German Excel read it: {@code 19,99} is 19.99,
     * {@code 1.299} and {@code 1.299,00} are 1299, {@code 1.234.567,8} is 1234567.8, {@code 1,234} is 1.234;
     * a '.' that does not group three digits ({@code 1.5}) or a ',' grouping ({@code 1,234,567}) makes the
     * cell invalid.
     */
    DECIMAL_COMMA("numbers with a decimal comma (1.234,56)");

    private final String words;

    NumberConvention(String words) {
        this.words = words;
    }

    /** @return the convention in the user's words, with an example, as role reasons say it */
    public String words() {
        return words;
    }
}
