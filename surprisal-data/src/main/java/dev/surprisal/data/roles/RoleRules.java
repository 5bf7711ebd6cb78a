// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.NumberStyle;
import dev.surprisal.core.ColumnRole;

import java.util.Locale;

/**
 * The role rules (see {@link ColumnRole} for the list), applied to a column's {@link ColumnStats}.
 * The thresholds are constants here and nowhere else:
 * <ul>
 *   <li>{@value #NUMERIC_SHARE}: a column is numeric when at least this share of its non-missing
 *       cells are numbers; the others are invalid cells, counted, never a reason to stop;</li>
 *   <li>{@value #MAX_DISCRETE_VALUES}: a numeric column with at most this many distinct values is
 *       binary (2) or discrete, binned by value (Evidently bins by value up to 20 too);</li>
 *   <li>{@value #ID_DISTINCT_RATIO} and {@value #ID_MIN_ROWS}: a whole-number or text column whose
 *       distinct values reach this share of its present cells, on at least this many, is id-like;
 *       so is a column of more than 20 strictly increasing whole numbers;</li>
 *   <li>{@value #TEMPORAL_SHARE}: a text column is a date or timestamp column when this share of
 *       its present cells are ISO dates or date-times; a numeric column of more than
 *       {@value #MAX_DISCRETE_VALUES} values is a timestamp column when its values are epoch seconds or
 *       milliseconds from 2000 to 2100 that spread as instants do ({@code EpochTimes});</li>
 *   <li>{@value #STRAY_DECIMAL_COMMAS}: the share of a column's present cells up to which its
 *       decimal-comma cells ({@code 0,5}) are typos among thousands-grouped ones ({@code 1,234}),
 *       invalid cells of a numeric column, rather than the column's convention
 *       ({@link #decimalCommaConvention}).</li>
 * </ul>
 */
public final class RoleRules {
    /** Share of non-missing cells that must be numbers for a numeric column. */
    public static final double NUMERIC_SHARE = 0.95;
    /** Most distinct values of a binary or discrete numeric column. */
    public static final int MAX_DISCRETE_VALUES = 20;
    /** Distinct share from which a whole-number or text column is id-like. */
    public static final double ID_DISTINCT_RATIO = 0.95;
    /** Fewest present cells for the distinct-share rule. */
    public static final int ID_MIN_ROWS = 100;
    /** Share of ISO dates or date-times for a temporal column. */
    public static final double TEMPORAL_SHARE = 0.95;
    /**
     * Share of present cells up to which decimal-comma cells beside {@code 1,234} cells are typos, not a
     * convention (one cell is always a typo): see {@link #decimalCommaConvention}.
     */
    public static final double STRAY_DECIMAL_COMMAS = 0.001;

    /**
     * The hint of a column that reads as decimals written with a decimal comma: why they are text and how
     * to have them read as numbers.
     */
    static final String DECIMAL_COMMA = ": it looks like European decimals (3,14 with a decimal comma), which are "
            + "read as text since a decimal comma and a thousands separator read 1,234 differently; if the column "
            + "holds numbers, write them with a '.' decimal point upstream (3.14; ',' thousands separators as in "
            + "2,096.40 or 1,234 are read) and rerun baseline";

    private RoleRules() {
    }

    /**
     * @param s a column's statistics
     * @return whether the column is numeric: at least {@value #NUMERIC_SHARE} of its present cells are numbers,
     *         and its {@code 1,234} cells have one reading ({@link #decimalCommaConvention} is false)
     */
    public static boolean isNumeric(ColumnStats s) {
        // 1,234 beside a decimal-comma convention is 1.234 as much as 1234: such a column is not read as numbers
        return s.present() > 0 && s.numbers() >= NUMERIC_SHARE * s.present() && !decimalCommaConvention(s);
    }

    /**
     * Whether a column's {@code 1,234} cells may be decimals written with a decimal comma (1.234), so
     * that the column has two readings and is not read as numbers: its commas are
     * {@linkplain ColumnStats.Commas#ambiguous ambiguous} (cells like {@code 1,234} and cells like
     * {@code 1,5}, no grouping only thousands separators write), and its decimal-comma cells are more
     * than one and more than {@value #STRAY_DECIMAL_COMMAS} of its present cells. Fewer are typos or values
     * from another source: the column is read with thousands separators, each such cell as pandas'
     * {@code decimal=','} reads it (0,5 is 0.5), and the reason names the two conventions.
     *
     * <p>Why a count and not the mere presence of a {@code 1,5} cell: a writer who uses a decimal comma
     * writes many such cells. Dropping trailing zeros, one value in ten of 3 decimals ({@code 1,250}
     * written {@code 1,25}) and nearly every value of 1 or 2 decimals is written that way, so a
     * decimal-comma column holds them by the hundred per thousand cells (the weights of
     * {@code CommaColumnsTest}: about 31%, the ones under 1 included); one cell typed {@code 0,5} among 2,000 amounts written
     * {@code 1,234} is a typo, not a convention, and made the whole amount column text. The bound sits
     * at the typo end (one cell in a thousand), a hundred times below what a convention writes: reading
     * {@code 1,234} wrongly is off by a factor of 1,000, so a column in doubt stays text with the
     * decimal-comma hint (50 {@code 2,5} weights among 20,000 {@code 1,234} ones are 2.5 in a thousand).
     * Only counts of {@link ColumnStats} decide, so a file, DuckDB and Spark partitions summed give one
     * answer.
     *
     * @param s a column's statistics
     * @return whether its decimal-comma cells make {@code 1,234} read as 1.234 as much as 1234
     */
    public static boolean decimalCommaConvention(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        return k.ambiguous() && k.decimal() > 1 && k.decimal() > STRAY_DECIMAL_COMMAS * s.present();
    }

    /**
     * The detected role of a column.
     *
     * @param s the column's statistics
     * @return the role and the reason
     */
    public static RoleDecision decide(ColumnStats s) {
        String c = s.column();
        long present = s.present();
        if (present == 0) {
            return new RoleDecision(c, ColumnRole.CONSTANT, "no values (all " + n(s.rows()) + " cells missing): constant",
                    false);
        }
        if (isNumeric(s)) {
            String notes = decimalCommas(s)
                    + (s.nonNumbers() == 0 ? "" : "; " + n(s.nonNumbers()) + " cells are not numbers (invalid)");
            long d = s.distinctNumbers();
            boolean whole = s.integers() == s.numbers();
            if (d <= 1) {
                return decision(c, ColumnRole.CONSTANT, "1 distinct value (" + num(s.min()) + "): constant" + notes);
            }
            if (d == 2) {
                return decision(c, ColumnRole.BINARY, "2 distinct values (" + num(s.min()) + ", " + num(s.max())
                        + "): binary" + notes);
            }
            if (d <= MAX_DISCRETE_VALUES) {
                return decision(c, ColumnRole.DISCRETE, d + " distinct values (" + num(s.min()) + " to " + num(s.max())
                        + "): discrete" + notes);
            }
            String epoch = EpochTimes.timestampReason(s);
            if (epoch != null) {
                return decision(c, ColumnRole.TIMESTAMP, epoch + notes);
            }
            if (whole && present >= ID_MIN_ROWS && d >= ID_DISTINCT_RATIO * s.numbers()) {
                return decision(c, ColumnRole.ID_LIKE, n(d) + " distinct of " + n(s.numbers()) + " integers: id-like"
                        + EpochTimes.otherReading(s) + notes);
            }
            if (whole && s.increasing()) {
                return decision(c, ColumnRole.ID_LIKE, n(d) + " strictly increasing integers: id-like"
                        + EpochTimes.otherReading(s) + notes);
            }
            return decision(c, ColumnRole.CONTINUOUS, (s.distinctAtLeast() ? "at least " : "") + n(d) + " distinct "
                    + (whole ? "integers" : "numbers") + " ("
                    + num(s.min()) + " to " + num(s.max()) + "): continuous" + EpochTimes.otherReading(s) + notes);
        }
        long d = s.distinctTexts();
        if (d <= 1) {
            return decision(c, ColumnRole.CONSTANT, "1 distinct value: constant");
        }
        if (s.dates() >= TEMPORAL_SHARE * present) {
            return decision(c, ColumnRole.DATE, pct(s.dates(), present) + " of values are ISO dates: date");
        }
        if (s.dates() + s.timestamps() >= TEMPORAL_SHARE * present) {
            return decision(c, ColumnRole.TIMESTAMP, pct(s.dates() + s.timestamps(), present)
                    + " of values are ISO date-times: timestamp");
        }
        // number-like text that is not numeric (its commas have two readings) is numbers, never keys: it stays
        // categorical, with the reason why it is not read as numbers (issue 9: floats are never id-like)
        if (present >= ID_MIN_ROWS && d >= ID_DISTINCT_RATIO * present && s.numbers() < NUMERIC_SHARE * present) {
            return decision(c, ColumnRole.ID_LIKE, n(d) + " distinct of " + n(present) + " values: id-like");
        }
        return decision(c, ColumnRole.CATEGORICAL, n(d) + " distinct text values: categorical" + notNumbers(s));
    }

    /**
     * Why a text column with numbers in it is not numeric: too few numbers, or commas with two readings;
     * and the decimal-comma hint when the column reads as decimal-comma numbers (most present cells are
     * digits, ',', digits, and some are no thousands grouping) or mixes {@code 1,5} with {@code 1,234}.
     */
    private static String notNumbers(ColumnStats s) {
        long present = s.present();
        ColumnStats.Commas k = s.commas();
        String why = s.numbers() == 0 || s.numbers() >= NUMERIC_SHARE * present ? "" : "; " + pct(s.numbers(), present)
                + " of values are numbers, under the " + pct(95, 100) + " that makes a column numeric";
        if (decimalCommaConvention(s)) {
            why += "; " + n(k.oneGroup()) + " cells like 1,234 read as 1234 with a thousands separator and as 1.234 "
                    + "with the decimal comma of its " + n(k.decimal()) + " cells like 1,5";
        }
        boolean decimalComma = k.decimal() > 0 && k.oneGroup() + k.decimal() > present / 2.0;
        return why + (decimalComma || decimalCommaConvention(s) ? DECIMAL_COMMA : "");
    }

    /**
     * The note on a numeric column's decimal-comma cells, each read as pandas' {@code decimal=','} reads it
     * ({@code 569,97} is 569.97): their count, and where the column's other commas are thousands separators
     * ({@code 1,234} read as 1234) fewer than {@link #decimalCommaConvention} needs, that the column mixes two
     * conventions, so that the user checks those few cells (a typo, or a value from another source).
     */
    private static String decimalCommas(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        if (k.decimal() == 0) {
            return "";
        }
        long grouped = k.thousands() + k.oneGroup();
        if (grouped == 0) {
            return "; " + n(k.decimal()) + " cells read with a decimal comma (569,97 as 569.97, 1.234,56 as 1234.56)";
        }
        // where a sure grouping (1,234,567, 2,096.40) settles the column's commas, the count does not matter
        String why = k.ambiguous() ? ", the decimal commas too few to be its convention (at most 1 cell or 1 in "
                + n(Math.round(1 / STRAY_DECIMAL_COMMAS)) + ")" : "";
        return "; " + n(k.decimal()) + (k.decimal() == 1 ? " cell" : " cells") + " with a decimal comma (like 0,5,"
                + " read as 0.5) beside " + n(grouped) + " cells with a thousands separator (like 1,234, read as 1234):"
                + " two conventions in one column" + why + "; check those cells";
    }

    private static RoleDecision decision(String column, ColumnRole role, String reason) {
        return new RoleDecision(column, role, reason, false);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(long part, long whole) {
        double p = 100.0 * part / whole;
        return String.format(Locale.ROOT, p == Math.rint(p) ? "%.0f%%" : p >= 99.95 || p < 0.05 ? "%.2f%%" : "%.1f%%", p);
    }

    static String num(double v) {
        return CELL.format(v); // a cell "-inf" is a number, quoted as the user would write it
    }

    private static final NumberStyle CELL = NumberStyle.label(4).withInfinity("inf", "-inf");
}
