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
 *       binary (2) or discrete, binned by value (Evidently bins by value up to 20 too), unless its values are
 *       all distinct and not all integers: measurements seen once each (five amounts) are continuous;</li>
 *   <li>{@value #ID_DISTINCT_RATIO} and {@value #ID_MIN_ROWS}: a whole-number or text column whose
 *       distinct values reach this share of its present cells, on at least this many, is id-like;
 *       so is a column of more than 20 strictly increasing whole numbers;</li>
 *   <li>{@value #TEMPORAL_SHARE}: a text column is a date or timestamp column when this share of
 *       its present cells are ISO dates or date-times, or dates of one other layout ({@link DateLayout}:
 *       {@code 29/11/2026}, {@code 11/29/2026}, {@code 29.11.2026}, {@code 2026/11/29}); a numeric column of more than
 *       {@value #MAX_DISCRETE_VALUES} values is a timestamp column when its values are epoch seconds or
 *       milliseconds from 2000 to 2100 that spread as instants do ({@code EpochTimes});</li>
 *   <li>{@value #STRAY_DECIMAL_COMMAS}: the share of a column's present cells up to which its
 *       decimal-comma cells ({@code 0,5}) are typos in a column written with a decimal point (each read as
 *       0.5 and named), rather than the column's convention, a decimal comma ({@link #convention});</li>
 *   <li>{@value #NUMERIC_SHARE} again: a column is a column of times of day ({@code 08:15:32}, {@code 8:15 PM};
 *       {@link NumberConvention#TIME_OF_DAY}) when this share of its present cells are times of day; it is numeric,
 *       its cells read as seconds since midnight, and never id-like. A cell whose first field is beyond 23
 *       ({@code 58:30}) counts as one too, an elapsed time ({@link Cells#timeOfDay}): a column of durations is
 *       read the same way, and its reason says durations.</li>
 * </ul>
 */
public final class RoleRules {
    /** Share of non-missing cells that must be numbers for a numeric column. */
    public static final double NUMERIC_SHARE = 0.95;
    /** Most distinct values of a binary or discrete numeric column. */
    public static final int MAX_DISCRETE_VALUES = ColumnRole.MAX_DISCRETE_VALUES;
    /** Distinct share from which a whole-number or text column is id-like. */
    public static final double ID_DISTINCT_RATIO = 0.95;
    /** Fewest present cells for the distinct-share rule. */
    public static final int ID_MIN_ROWS = 100;
    /** Share of ISO dates or date-times for a temporal column. */
    public static final double TEMPORAL_SHARE = 0.95;
    /**
     * Share of present cells up to which decimal-comma cells are typos, not the column's convention (one cell is
     * always a typo): see {@link #decimalCommaConvention}.
     */
    public static final double STRAY_DECIMAL_COMMAS = 0.001;
    /**
     * Share of present cells from which decimal-comma cells ({@code 19,99}, {@code 0,5}) are the column's
     * convention: a writer with a decimal comma writes them in most cells with a decimal part, by the hundred per
     * thousand cells; a few in a column written otherwise are typos or another source's values.
     */
    public static final double CONVENTION_SHARE = 0.05;

    private RoleRules() {
    }

    /**
     * @param s a column's statistics, its numbers read in its {@link #convention}
     * @return whether the column is numeric: at least {@value #NUMERIC_SHARE} of its present cells are numbers
     */
    public static boolean isNumeric(ColumnStats s) {
        return s.present() > 0 && s.numbers() >= NUMERIC_SHARE * s.present() && !conventionInDoubt(s);
    }

    /**
     * Whether a left-out column comes back into mutual information as numbers ({@code --role C=discrete} or
     * {@code =continuous}) rather than as labels ({@code =categorical}): its cells are numbers and none of them is a
     * code that a number would change ({@link #codes}: {@code 02134}, an integer beyond 2^53). Order IDs with
     * leading zeros read as numbers would merge {@code 007} and {@code 7}, so their advice is labels.
     *
     * @param s a column's statistics
     * @return true when the advice is {@code =discrete (or =continuous)}
     */
    public static boolean comesBackAsNumbers(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        return isNumeric(s) && k.leadingZero() == 0 && k.beyond2_53() == 0;
    }

    /**
     * Whether a column writes its numbers with a decimal comma ({@link NumberConvention#DECIMAL_COMMA}): its cells
     * that only a decimal comma writes ({@code 19,99}, {@code 1.234,56}, {@code 0,5}) are more than one and more
     * than {@value #STRAY_DECIMAL_COMMAS} of its present cells, and no cell is grouped as only a decimal point's
     * writer groups ({@code 1,234,567}, {@code 2,096.40}). Its {@code 1.299} is then 1299 and its {@code 1,234}
     * 1.234, as pandas' {@code read_csv(decimal=',', thousands='.')} and a German Excel read them.
     *
     * <p>Why a count and not the mere presence of a {@code 1,5} cell: a writer who uses a decimal comma
     * writes many such cells. Dropping trailing zeros, one value in ten of 3 decimals ({@code 1,250}
     * written {@code 1,25}) and nearly every value of 1 or 2 decimals is written that way, so a
     * decimal-comma column holds them by the hundred per thousand cells (the weights of
     * {@code CommaColumnsTest}: about 31%, the ones under 1 included); one cell typed {@code 0,5} among 2,000 amounts
     * written {@code 1,234} is a typo or a value from another source, read as 0.5 with a note to check it. The bound
     * sits at the typo end (one cell in a thousand), a hundred times below what a convention writes. Only counts of
     * {@link ColumnStats} decide, so a file, DuckDB and Spark partitions summed give one answer; the reason says
     * which convention was read, and how its {@code 1,234} or {@code 1.299} cells were read.
     *
     * @param s a column's statistics
     * @return whether its numbers are read with a decimal comma
     */
    public static boolean decimalCommaConvention(ColumnStats s) {
        return convention(s) == NumberConvention.DECIMAL_COMMA;
    }

    /**
     * @param s a column's statistics (only its comma counts and present cells are used: the same under either
     *          reading)
     * @return how its cells are read ({@link #decimalCommaConvention})
     */
    public static NumberConvention convention(ColumnStats s) {
        return convention(s.commas(), s.present());
    }

    /**
     * @param k       a column's cells by comma kind
     * @param present its present cells
     * @return how its cells are read ({@link #decimalCommaConvention})
     */
    public static NumberConvention convention(ColumnStats.Commas k, long present) {
        if (k.timeOfDay() > 0 && k.timeOfDay() >= NUMERIC_SHARE * present) {
            // the numbers' share rule, for times of day: read as seconds since midnight whatever --decimal says
            return NumberConvention.TIME_OF_DAY;
        }
        if (k.forced() != null) {
            return k.forced(); // the user's --decimal: every column of the file, as pandas' decimal=','
        }
        if (semicolonComma(k)) {
            return NumberConvention.DECIMAL_COMMA;
        }
        return k.thousands() == 0 && k.decimal() > 1 && k.decimal() >= CONVENTION_SHARE * present
                ? NumberConvention.DECIMAL_COMMA : NumberConvention.DECIMAL_POINT;
    }

    /**
     * Whether a column of a ';'-separated file reads with a decimal comma because of its file (audit18 finding 4):
     * spreadsheets that write a decimal comma (German, French, Italian Excel) export CSV with ';', where a cell of one
     * ',' and 3 digits ({@code 6,600} kg) is 6.6, as DuckDB's sniffer and a German Excel read it; so are its cells of
     * any other number of decimals ({@code 6,6}), whatever their share, unless a cell groups thousands as only a
     * decimal point's writer does ({@code 1,234,567}, {@code 2,096.40}), which settles the column's decimal point.
     */
    private static boolean semicolonComma(ColumnStats.Commas k) {
        return k.semicolon() && k.forced() == null && k.thousands() == 0 && k.oneGroup() + k.decimal() > 0;
    }

    /**
     * Whether a column's numbers cannot be read safely either way: more decimal-comma cells ({@code 2,5}) than a typo
     * makes ({@link #STRAY_DECIMAL_COMMAS}) but fewer than a decimal-comma writer writes ({@link #CONVENTION_SHARE}),
     * beside cells that read a thousand times apart in the two conventions ({@code 1,234}: 1234 or 1.234;
     * {@code 1.299}: 1.299 or 1299). Either reading could be wrong by a factor of 1,000 on most of the column, so
     * it is read as text, with the reason and the fix, rather than as numbers (review13b: three typos among 1,500 US
     * quantities written {@code 12,345} made them 12.345).
     *
     * @param s a column's statistics
     * @return whether the column's convention is in doubt
     */
    public static boolean conventionInDoubt(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        long present = s.present();
        return k.forced() == null && !semicolonComma(k) && k.thousands() == 0 && k.decimal() > 1
                && k.decimal() > STRAY_DECIMAL_COMMAS * present
                && k.decimal() < CONVENTION_SHARE * present && k.oneGroup() + k.dotGroup() > 0;
    }

    /**
     * The detected role of a column, its dates read month first where no cell shows the order.
     *
     * @param s the column's statistics
     * @return the role and the reason, with the column's number convention and date layout
     */
    public static RoleDecision decide(ColumnStats s) {
        return decide(s, false);
    }

    /**
     * The detected role of a column and how its cells are read: the one place where a column's conventions are
     * decided, its number convention ({@link #convention}) and, for a date or timestamp column, its date layout
     * ({@link DateLayout}): a text column is a date column when {@value #TEMPORAL_SHARE} of its present cells are
     * ISO dates, or dates of one other layout ({@code 29/11/2026}).
     *
     * @param s        the column's statistics
     * @param dayFirst whether the user said the column's dates write the day first ({@code --dayfirst}): decides
     *                 only where no cell shows the order (every day and month 12 or less)
     * @return the role and the reason, with the column's number convention and date layout
     */
    public static RoleDecision decide(ColumnStats s, boolean dayFirst) {
        return role(s, dayFirst).withConvention(convention(s));
    }

    /**
     * A role the user set ({@code --role}, {@code --discrete}, {@code --continuous}) on a column detected as
     * {@code detected}: the column keeps the conventions {@link #decide} decided, its number convention, and its date
     * layout where the role set reads dates ({@link DateLayout#ISO} where it does not).
     *
     * @param detected the detected decision
     * @param set      the role set
     * @param reason   why, naming the option
     * @return the decision used
     */
    static RoleDecision overridden(RoleDecision detected, ColumnRole set, String reason) {
        return new RoleDecision(detected.column(), set, reason, true, detected.convention(),
                set.isTemporal() ? detected.layout() : DateLayout.ISO);
    }

    private static RoleDecision role(ColumnStats s, boolean dayFirst) {
        String c = s.column();
        long present = s.present();
        if (present == 0) {
            return new RoleDecision(c, ColumnRole.CONSTANT, "no values (all " + n(s.rows()) + " cells missing): constant",
                    false);
        }
        RoleDecision code = codes(s);
        if (code != null) {
            return code;
        }
        if (isNumeric(s) && convention(s) == NumberConvention.TIME_OF_DAY) {
            return timesOfDay(s);
        }
        if (isNumeric(s)) {
            String notes = conventionNote(s)
                    + (s.nonNumbers() == 0 ? "" : "; " + n(s.nonNumbers()) + " cells are not numbers (invalid)");
            long d = s.distinctNumbers();
            boolean whole = s.integers() == s.numbers();
            if (d <= 1) {
                return decision(c, ColumnRole.CONSTANT, "1 distinct value (" + num(s.min()) + "): constant" + notes);
            }
            // a measurement seen once each is no label set (audit16 D1: five lognormal amounts read as 5
            // equally likely labels, log2 5 bits): values all distinct and not all whole are continuous whatever
            // their count; integer codes (0/1, 1..5) and fractions that repeat (0.5, 1.5 grades) stay discrete
            if (d <= MAX_DISCRETE_VALUES && !whole && d == s.numbers()) {
                return decision(c, ColumnRole.CONTINUOUS, n(d) + " numbers, each seen once, not all integers ("
                        + num(s.min()) + " to " + num(s.max()) + "): continuous, measurements rather than labels"
                        + notes);
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
        // dates in another layout (29/11/2026), read as ISO dates by the layout frozen with the role (issue 9)
        DateLayout.Decision dl = DateLayout.decide(s.layouts(), present, dayFirst);
        if (dl != null && dl.layout() != null) {
            ColumnRole role = dl.time() ? ColumnRole.TIMESTAMP : ColumnRole.DATE;
            return decision(c, role, dl.reason() + ": " + role.label() + " (" + dl.layout() + ")").withLayout(dl.layout());
        }
        String twoLayouts = dl == null ? "" : "; " + dl.reason();
        // number-like text that is not numeric (its commas have two readings) is numbers, never keys: it stays
        // categorical, with the reason why it is not read as numbers (issue 9: floats are never id-like)
        if (present >= ID_MIN_ROWS && d >= ID_DISTINCT_RATIO * present && s.numbers() < NUMERIC_SHARE * present
                && !decimalCommaConvention(s)) {
            // a key column half of whose cells are numbers says so (audit18: amounts with (66.29) negatives were
            // "id-like" without a word that half of them read as numbers)
            return decision(c, ColumnRole.ID_LIKE, n(d) + " distinct of " + n(present) + " values: id-like"
                    + notNumbers(s) + twoLayouts);
        }
        return decision(c, ColumnRole.CATEGORICAL, n(d) + " distinct text values: categorical" + notNumbers(s)
                + twoLayouts);
    }

    /**
     * The role of a column of times of day ({@link NumberConvention#TIME_OF_DAY}), read as seconds since midnight:
     * by the numbers' rules (constant, binary, discrete up to {@value #MAX_DISCRETE_VALUES} values, else
     * continuous), never id-like or a timestamp: a thousand distinct login times at one-second resolution are whole
     * numbers of seconds, all distinct, yet a measurement, not a key (audit18 finding 6: they were "id-like", not
     * scored, so a batch of night-time logins raised no alarm). The reason states the range as times and the unit.
     * A column with a value whose first field is beyond 23 ({@code 58:30}: {@link Cells#timeOfDay}) holds no times
     * of day but durations, and its reason says so, with the reading (hours first, as an SQL interval) and why a
     * duration written {@code mm:ss} is still judged right.
     */
    private static RoleDecision timesOfDay(ColumnStats s) {
        String c = s.column();
        boolean durations = s.max() >= DAY_SECONDS;
        String what = durations ? "durations" : "times of day";
        String notes = s.nonNumbers() == 0 ? "" : "; " + n(s.nonNumbers()) + (s.nonNumbers() == 1
                ? " cell is not a " + (durations ? "duration" : "time of day") : " cells are not " + what) + " (invalid)";
        String unit = durations
                ? ", scored as seconds, read hours first as an SQL interval reads '58:30' (a first field beyond 23: not "
                + "times of day); a duration written mm:ss reads 60 times larger, every cell alike, which changes no "
                + "verdict"
                : ", scored as seconds since midnight (23:59 and 00:01 are far apart: no wrap-around)";
        long d = s.distinctNumbers();
        String min = Cells.formatTimeOfDay(s.min());
        String max = Cells.formatTimeOfDay(s.max());
        if (d <= 1) {
            return decision(c, ColumnRole.CONSTANT, "1 distinct " + (durations ? "duration" : "time of day") + " ("
                    + min + "): constant" + notes);
        }
        if (d == 2) {
            return decision(c, ColumnRole.BINARY, "2 distinct " + what + " (" + min + ", " + max + "): binary" + unit
                    + notes);
        }
        if (d <= MAX_DISCRETE_VALUES) {
            return decision(c, ColumnRole.DISCRETE, d + " distinct " + what + " (" + min + " to " + max + "): discrete"
                    + unit + notes);
        }
        return decision(c, ColumnRole.CONTINUOUS, (s.distinctAtLeast() ? "at least " : "") + n(d) + " distinct " + what
                + " (" + min + " to " + max + "): continuous" + unit + notes);
    }

    /** Seconds in a day: a column of times read as seconds whose maximum reaches it holds durations. */
    private static final double DAY_SECONDS = 86_400;

    /**
     * The role of a column of codes written as integers ({@link Cells#code}): one cell with a leading zero
     * ({@code 02134}, {@code 007}; not {@code 0} or {@code 0.5}) or an integer beyond 2^53 ({@code 9007199254740993})
     * makes the whole column text, categorical or id-like by the text rules, as pandas' {@code dtype=str} and
     * Deequ's string columns keep zip codes and order IDs. Read as numbers, {@code 02134} and {@code 2134} would be
     * one value (and a day of zip codes that lost their zeros in Excel no change), and 9007199254740993 the double
     * 9007199254740992 (neighbouring IDs one value). The role is frozen with the drift reference like any other, so
     * a current file whose {@code 02134} arrives as {@code 2134} has new values. {@code --role C=discrete} still
     * reads the column as numbers.
     *
     * @param s a column's statistics
     * @return its decision, or null when it has no such cell
     */
    static RoleDecision codes(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        if (k.leadingZero() == 0 && k.beyond2_53() == 0) {
            return null;
        }
        String why = (k.leadingZero() > 0 ? "codes with leading zeros (e.g. " + k.example(Cells.Comma.LEADING_ZERO)
                + "): read as text, so that 007 and 7 stay two codes" : "")
                + (k.leadingZero() > 0 && k.beyond2_53() > 0 ? "; " : "")
                + (k.beyond2_53() > 0 ? "integers beyond 2^53, exact only as text (e.g. "
                + k.example(Cells.Comma.BEYOND_2_53) + "): read as text, as no double tells neighbours apart" : "");
        long d = s.distinctTexts();
        long present = s.present();
        if (d <= 1) {
            return decision(s.column(), ColumnRole.CONSTANT, "1 distinct value: constant; " + why);
        }
        if (present >= ID_MIN_ROWS && d >= ID_DISTINCT_RATIO * present) {
            return decision(s.column(), ColumnRole.ID_LIKE, n(d) + " distinct of " + n(present) + " values: id-like; "
                    + why);
        }
        return decision(s.column(), ColumnRole.CATEGORICAL, n(d) + " distinct text values: categorical; " + why);
    }

    /**
     * Why a text column with numbers in it is not numeric: too few numbers, and the convention they were read in
     * when it is the decimal comma (in which {@code 1.5} is no number).
     */
    private static String notNumbers(ColumnStats s) {
        long present = s.present();
        if (conventionInDoubt(s)) {
            ColumnStats.Commas k = s.commas();
            return "; not read as numbers: " + kind(s, Cells.Comma.DECIMAL) + " write a decimal comma, too many for typos"
                    + " (over 1 in " + n(Math.round(1 / STRAY_DECIMAL_COMMAS)) + ") and too few to be its convention"
                    + " (under 1 in " + n(Math.round(1 / CONVENTION_SHARE)) + "), beside "
                    + cells(k.oneGroup() + k.dotGroup(), example(k, Cells.Comma.ONE_GROUP, Cells.Comma.DOT_GROUP))
                    + " that read a thousand times apart in the two conventions (1,234 is 1234 or 1.234; 1.299 is"
                    + " 1.299 or 1299); write the column with one convention upstream (all 1,234.56 or all 1.234,56)"
                    + " and rerun";
        }
        String why = s.numbers() == 0 || s.numbers() >= NUMERIC_SHARE * present ? "" : "; " + pct(s.numbers(), present)
                + " of values are numbers, under the " + pct(95, 100) + " that makes a column numeric";
        if (why.isEmpty() || !decimalCommaConvention(s)) {
            return why;
        }
        return why + ", read as " + NumberConvention.DECIMAL_COMMA.words() + " as its " + kind(s, Cells.Comma.DECIMAL)
                + " write them, in which a '.' only groups thousands (1.299 is 1299, 1.5 is no number); if its cells "
                + "use a '.' decimal point, write them all that way upstream and rerun";
    }

    /**
     * Why a column reads with a decimal comma, in the user's words: the convention set for the file
     * ({@code --decimal}), its decimal-comma cells, or its ';'-separated file ({@link #semicolonComma}), with the
     * option that reads it the other way.
     */
    private static String commaWhy(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        if (k.forced() != null) {
            return ", as --decimal sets for the file";
        }
        boolean cells = k.thousands() == 0 && k.decimal() > 1 && k.decimal() >= CONVENTION_SHARE * s.present();
        if (!cells && semicolonComma(k)) {
            return ", as a ';'-separated file writes them, no cell grouping thousands with ',' (--decimal . reads the"
                    + " file with a decimal point)" + (k.decimal() == 0 ? "" : "; " + kind(s, Cells.Comma.DECIMAL)
                    + " write a decimal comma");
        }
        return ", as its " + kind(s, Cells.Comma.DECIMAL) + " write them";
    }

    /**
     * The note on the convention of a numeric column that has cells whose reading depends on it, with counts and
     * an example of each kind in the user's words: with a decimal comma, how its {@code 1.299} and {@code 1,234}
     * cells were read; with a decimal point, its few decimal-comma cells (each read as pandas' {@code decimal=','}
     * reads it, {@code 0,5} as 0.5) beside what the column otherwise writes, so that the user checks those cells
     * (a typo, or a value from another source).
     */
    private static String conventionNote(ColumnStats s) {
        ColumnStats.Commas k = s.commas();
        if (decimalCommaConvention(s)) {
            String note = "; read as " + NumberConvention.DECIMAL_COMMA.words() + commaWhy(s);
            if (k.dotGroup() > 0) {
                note += "; " + kind(s, Cells.Comma.DOT_GROUP) + " read with '.' thousands separators (1.299 as 1299)";
            }
            if (k.oneGroup() > 0) {
                note += "; " + kind(s, Cells.Comma.ONE_GROUP) + " read with the decimal comma (1,234 as 1.234)";
            }
            return note;
        }
        if (k.decimal() == 0) {
            return "";
        }
        java.util.List<String> others = new java.util.ArrayList<>();
        if (k.thousands() + k.oneGroup() > 0) {
            others.add(cells(k.thousands() + k.oneGroup(), example(k, Cells.Comma.ONE_GROUP, Cells.Comma.THOUSANDS))
                    + " read with ',' thousands separators (1,234 as 1234)");
        }
        if (k.dotGroup() > 0) {
            others.add(kind(s, Cells.Comma.DOT_GROUP) + " read with a decimal point (1.299 as 1.299)");
        }
        long plain = s.numbers() - k.decimal() - k.thousands() - k.oneGroup() - k.dotGroup();
        if (plain > 0) {
            others.add(n(plain) + " other numbers");
        }
        // where a sure grouping (1,234,567, 2,096.40) settles the column's commas, the count does not matter
        String why = k.thousands() > 0 ? "" : k.decimal() <= Math.max(1, STRAY_DECIMAL_COMMAS * s.present())
                ? ", the decimal commas too few to be its convention (at most 1 cell or 1 in "
                + n(Math.round(1 / STRAY_DECIMAL_COMMAS)) + ")"
                : ", the decimal commas too few to be its convention (under 1 in " + n(Math.round(1 / CONVENTION_SHARE))
                + ")";
        return "; read as " + NumberConvention.DECIMAL_POINT.words() + "; " + kind(s, Cells.Comma.DECIMAL)
                + " read with a decimal comma (0,5 as 0.5)" + (others.isEmpty() ? "" : " beside " + String.join(" and ",
                others)) + ": two conventions in one column" + why + "; check those cells";
    }

    /** "3 cells like 0,5" (or "1 cell like 0,5"): a kind's count and its example. */
    private static String kind(ColumnStats s, Cells.Comma kind) {
        return cells(s.commas().count(kind), s.commas().example(kind));
    }

    /** "3 cells like 0,5", "1 cell like 0,5", or "3 cells" without an example. */
    private static String cells(long count, String example) {
        return n(count) + (count == 1 ? " cell" : " cells") + (example.isEmpty() ? "" : " like " + example);
    }

    /** The example of the first of two kinds that has one. */
    private static String example(ColumnStats.Commas k, Cells.Comma a, Cells.Comma b) {
        return k.example(a).isEmpty() ? k.example(b) : k.example(a);
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
