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
    DECIMAL_POINT("numbers with a decimal point (1,234.56)", "a number"),
    /**
     * A ',' decimal comma, as German or French spreadsheets write, read as pandas'
     * {@code read_csv(decimal=',', thousands='.')} and a German Excel read it: {@code 19,99} is 19.99,
     * {@code 1.299} and {@code 1.299,00} are 1299, {@code 1.234.567,8} is 1234567.8, {@code 1,234} is 1.234;
     * a '.' that does not group three digits ({@code 1.5}) or a ',' grouping ({@code 1,234,567}) makes the
     * cell invalid.
     */
    DECIMAL_COMMA("numbers with a decimal comma (1.234,56)", "a number written with a decimal comma (1.234,56)"),
    /**
     * Times of day ({@code 08:15:32}, {@code 8:15}, {@code 08:15:32.250}, {@code 8:15 PM}), read as seconds since
     * midnight ({@link Cells#timeOfDay}), so that a column of login times is measured as the continuum it is, not as
     * a thousand labels; a cell that is no time ({@code 25:61}, {@code abc}, a plain number) is invalid. The
     * scale is linear: 23:59 and 00:01 are 86,280 s apart, not 120 s (no wrap-around at midnight). A cell whose
     * first field is beyond 23 ({@code 58:30}, {@code 25:10:00}) is an elapsed time, read by the same rule
     * (58 h 30 min, as an SQL interval reads it), so that a column of durations is a continuum too and a batch of
     * long calls is a shift, not invalid cells.
     */
    TIME_OF_DAY("times of day (08:15:32), as seconds since midnight",
            "a time of day or duration (hh:mm or hh:mm:ss)");

    private final String words;
    private final String cellWords;

    NumberConvention(String words, String cellWords) {
        this.words = words;
        this.cellWords = cellWords;
    }

    /**
     * What one valid cell of a column in this convention is, for the sentences that say what an invalid cell is
     * ("neither a time of day or duration (hh:mm or hh:mm:ss) nor missing"): one wording for every output.
     *
     * @return e.g. "a number", "a number written with a decimal comma (1.234,56)"
     */
    public String cellWords() {
        return cellWords;
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
