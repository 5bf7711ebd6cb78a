// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

/**
 * How a column writes its numbers (or its times of day, read as numbers), decided once per column from its cells' commas
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
    DECIMAL_COMMA("numbers with a decimal comma (1.234,56)"),
    /**
     * Times of day ({@code 08:15:32}, {@code 8:15}, {@code 08:15:32.250}, {@code 8:15 PM}), read as seconds since
     * midnight ({@link Cells#timeOfDay}), so that a column of login times is measured as the continuum it is, not as
     * a thousand labels; a cell that is no time of day ({@code 25:61}, {@code abc}, a plain number) is invalid. The
     * scale is linear: 23:59 and 00:01 are 86,280 s apart, not 120 s (no wrap-around at midnight).
     */
    TIME_OF_DAY("times of day (08:15:32), as seconds since midnight");

    private final String words;

    NumberConvention(String words) {
        this.words = words;
    }

    /** @return the convention in the user's words, with an example, as role reasons say it */
    public String words() {
        return words;
    }

    /**
     * A value of a column read in this convention, as reports show it: a time of day as {@code 08:15:32}
     * ({@link Cells#formatTimeOfDay}), any other number by {@code numbers}.
     *
     * @param value   a value read in this convention (seconds since midnight for {@link #TIME_OF_DAY})
     * @param numbers how numbers are written otherwise
     * @return the value as text
     */
    public String format(double value, java.util.function.DoubleFunction<String> numbers) {
        return this == TIME_OF_DAY ? Cells.formatTimeOfDay(value) : numbers.apply(value);
    }
}
