// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a date or timestamp column writes its dates: ISO ({@code 2024-03-31}, {@link #ISO}), or day, month and
 * four-digit year in another order with one separator ({@code 31/03/2024} is {@code dd/mm/yyyy}, {@code 03/31/2024}
 * {@code mm/dd/yyyy}, {@code 31.03.2024} {@code dd.mm.yyyy}, {@code 31-03-2024} {@code dd-mm-yyyy},
 * {@code 2024/03/31} {@code yyyy/mm/dd}), each with an optional {@code " HH:MM[:SS]"} or {@code "THH:MM[:SS]"}.
 * A column's layout is decided once from its cells' counts ({@link Counts}, {@link RoleRules#decide}) and frozen in
 * a baseline's profile, so that every later day's cells are read the same way ({@link #iso}): each date becomes its
 * ISO text, which orders in time, and the range, freshness and stale-data checks of ISO dates apply unchanged.
 *
 * <p>Day and month are told apart by a cell whose first number is above 12 (day first) or whose second is
 * (month first); when no cell shows it, dotted dates ({@code 01.03.2026}) are read day first, as they are written,
 * and '/' and '-' dates month first, as pandas' {@code to_datetime} reads them, and the role's reason says so with
 * the option that reads day first ({@code --dayfirst COL}). A date has a year 1000 to 2999 and is a real calendar
 * day: {@code 6.1.7601} (a Windows build) and {@code 31/02/2026} are no dates.
 */
public final class DateLayout {
    /** ISO 8601 dates and date-times (and epoch numbers): the layout of every profile written before layouts. */
    public static final DateLayout ISO = new DateLayout(Order.ISO, '-', Basis.CELLS);

    /**
     * What decided a day-and-month layout's order ({@code dd/mm/yyyy} or {@code mm/dd/yyyy}): frozen in a profile,
     * so that a later check whose cells read only in the other order says whether the baseline guessed
     * ({@link #ASSUMED}) or the column's writer changed ({@link #CELLS}).
     */
    public enum Basis {
        /** A cell showed it (a first or second number over 12), or the layout has no order to decide (ISO, yyyy/mm/dd). */
        CELLS,
        /** The user's {@code --dayfirst COL} (or a monitor file's {@code dayfirst:}), no cell showing either order. */
        DAYFIRST,
        /**
         * No cell showed it and nobody said: month first for '/' and '-' dates (pandas' reading), day first for dotted
         * dates; the data did not decide, and a baseline warns ({@code DateOrderWarning}).
         */
        ASSUMED,
        /** A profile written before the basis was recorded (2026-12-02). */
        UNRECORDED
    }

    /** Which field comes first. */
    private enum Order { ISO, DAY_FIRST, MONTH_FIRST, YEAR_FIRST }

    /**
     * The optional time after a date, the one pattern of every engine (Java, DuckDB's role scan and counts):
     * groups 5 (all of it), 6 (the separator), 7 (the hour, one or two digits: Excel writes {@code 1/15/2026 9:05})
     * and 8 (the rest). Java and DuckDB's regular expressions read it alike.
     */
    static final String TIME = "(([ T])([0-9]{1,2})(:[0-9]{2}(:[0-9]{2})?))?";

    /**
     * Day and month (either order, one or two digits), then a four-digit year, one separator: a two-digit year
     * would take version labels ({@code 1.2.10}) for dates (review13a).
     */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4})" + DateLayout.TIME);
    /** A four-digit year first, then month and day, separated by '/'. */
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("([0-9]{4})(/)([0-9]{1,2})/([0-9]{1,2})" + DateLayout.TIME);
    /** The separators of the day-and-month families, in {@link Counts}' order; the year-first family is last. */
    private static final String SEPARATORS = "/.-";
    /** The families counted: the three day-and-month separators and {@code yyyy/mm/dd}. */
    static final int FAMILIES = SEPARATORS.length() + 1;

    private final Order order;
    private final char separator;
    private final Basis basis;

    private DateLayout(Order order, char separator, Basis basis) {
        this.order = order;
        this.separator = separator;
        this.basis = order == Order.ISO || order == Order.YEAR_FIRST ? Basis.CELLS : basis;
    }

    /**
     * @param pattern a layout as {@link #toString} writes it ({@code "dd/mm/yyyy"}, {@code "iso"})
     * @return the layout; its {@link #basis} is {@link Basis#UNRECORDED} where the pattern has a day-and-month order
     *         ({@link #withBasis} sets it)
     * @throws IllegalArgumentException when it is no layout this class reads
     */
    public static DateLayout parse(String pattern) {
        if (pattern.equals("iso")) {
            return ISO;
        }
        for (Order o : new Order[] {Order.DAY_FIRST, Order.MONTH_FIRST, Order.YEAR_FIRST}) {
            for (char sep : (o == Order.YEAR_FIRST ? "/" : SEPARATORS).toCharArray()) {
                DateLayout l = new DateLayout(o, sep, Basis.UNRECORDED);
                if (l.toString().equals(pattern)) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException("date layout '" + pattern + "' is none of iso, dd/mm/yyyy, mm/dd/yyyy, "
                + "dd.mm.yyyy, mm.dd.yyyy, dd-mm-yyyy, mm-dd-yyyy, yyyy/mm/dd");
    }

    /** @return whether this is {@link #ISO} */
    public boolean isIso() {
        return order == Order.ISO;
    }

    /**
     * @return what decided the order of day and month; {@link Basis#CELLS} for ISO and {@code yyyy/mm/dd}, whose
     *         order is fixed
     */
    public Basis basis() {
        return basis;
    }

    /**
     * @param b what decided the order of day and month
     * @return this layout with that basis (unchanged for ISO and {@code yyyy/mm/dd}, whose order is fixed)
     */
    public DateLayout withBasis(Basis b) {
        return new DateLayout(order, separator, b);
    }

    /** @return whether the day comes first ({@code dd/mm/yyyy}, {@code dd.mm.yyyy}, {@code dd-mm-yyyy}) */
    public boolean dayFirst() {
        return order == Order.DAY_FIRST;
    }

    /**
     * @return whether the dates are dotted ({@code dd.mm.yyyy}, {@code mm.dd.yyyy}): with no day or month over 12 they
     *         are read day first with or without {@code --dayfirst}, so no option reads them month first
     */
    public boolean dotted() {
        return separator == '.';
    }

    /**
     * @return the same dates with day and month swapped ({@code dd/mm/yyyy} for {@code mm/dd/yyyy}, same separator),
     *         a reading nothing decided, so its basis is {@link Basis#UNRECORDED} (not this layout's: the swapped
     *         reading was not assumed); empty for ISO and {@code yyyy/mm/dd}, whose order is fixed
     */
    public Optional<DateLayout> otherOrder() {
        return switch (order) {
            case DAY_FIRST -> Optional.of(new DateLayout(Order.MONTH_FIRST, separator, Basis.UNRECORDED));
            case MONTH_FIRST -> Optional.of(new DateLayout(Order.DAY_FIRST, separator, Basis.UNRECORDED));
            case ISO, YEAR_FIRST -> Optional.empty();
        };
    }

    /**
     * An ISO date as this layout writes it, the inverse of {@link #iso} on padded cells: {@code 2026-01-03} is
     * {@code 01/03/2026} in {@code mm/dd/yyyy}; a time after the date is kept as it is.
     *
     * @param iso an ISO date, {@code yyyy-mm-dd}, maybe followed by a time
     * @return it in this layout; itself when it is no ISO date or this is {@link #ISO}
     */
    public String write(String iso) {
        if (order == Order.ISO || iso.length() < 10 || !Cells.isDate(iso.substring(0, 10))) {
            return iso;
        }
        String y = iso.substring(0, 4);
        String m = iso.substring(5, 7);
        String d = iso.substring(8, 10);
        String s = String.valueOf(separator);
        String date = switch (order) {
            case DAY_FIRST -> d + s + m + s + y;
            case MONTH_FIRST -> m + s + d + s + y;
            default -> y + s + m + s + d;
        };
        return date + iso.substring(10);
    }

    /** @return the layout as people write it: {@code "dd/mm/yyyy"}, {@code "yyyy/mm/dd"}, {@code "iso"} */
    @Override
    public String toString() {
        String s = String.valueOf(separator);
        return switch (order) {
            case ISO -> "iso";
            case DAY_FIRST -> "dd" + s + "mm" + s + "yyyy";
            case MONTH_FIRST -> "mm" + s + "dd" + s + "yyyy";
            case YEAR_FIRST -> "yyyy" + s + "mm" + s + "dd";
        };
    }

    /**
     * Two layouts are equal when they read every cell alike; the {@link #basis} (why the order was chosen) is not
     * compared.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DateLayout l && l.order == order && l.separator == separator;
    }

    @Override
    public int hashCode() {
        return order.hashCode() * 31 + separator;
    }

    /**
     * A cell of a date or timestamp column as ISO text, the one conversion of every engine's counts (the DuckDB
     * path's {@link #sqlIso} is the same rule): with {@link #ISO} an ISO date, date-time or epoch number is itself
     * ({@link Cells#isTime}); with another layout {@code 29/11/2026} is {@code 2026-11-29} and
     * {@code 29/11/2026 14:30} is {@code 2026-11-29 14:30}.
     *
     * @param cell a non-missing cell's text
     * @return its ISO text, or null when it is not a date in this layout (an invalid cell)
     */
    public String iso(String cell) {
        if (order == Order.ISO) {
            return Cells.isTime(cell) ? cell : null;
        }
        if (!mayBeDate(cell)) {
            return null;
        }
        Matcher m = (order == Order.YEAR_FIRST ? YEAR_MONTH_DAY : DAY_MONTH_YEAR).matcher(cell);
        if (!m.matches() || m.group(2).charAt(0) != separator) {
            return null;
        }
        String year = order == Order.YEAR_FIRST ? m.group(1) : m.group(4);
        String month = m.group(order == Order.DAY_FIRST ? 3 : order == Order.MONTH_FIRST ? 1 : 3);
        String day = m.group(order == Order.DAY_FIRST ? 1 : order == Order.MONTH_FIRST ? 3 : 4);
        if (!plausible(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))) {
            return null;
        }
        return year + "-" + pad(month) + "-" + pad(day) + (m.group(5) == null ? "" : m.group(6) + pad(m.group(7)) + m.group(8));
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return a VARCHAR SQL expression: {@link #iso} of the cell, NULL when it is not a date in this layout
     */
    public String sqlIso(String text) {
        if (order == Order.ISO) {
            return "(CASE WHEN " + Cells.sqlTime(text) + " THEN " + text + " END)";
        }
        String sep = "[" + separator + "]";
        // the groups as in Java's patterns: 1 to 3 the date's fields, then TIME's 4 (all), 5, 6 (the hour) and 7
        String p = order == Order.YEAR_FIRST ? "([0-9]{4})" + sep + "([0-9]{1,2})" + sep + "([0-9]{1,2})" + TIME
                : "([0-9]{1,2})" + sep + "([0-9]{1,2})" + sep + "([0-9]{4})" + TIME;
        int y = order == Order.YEAR_FIRST ? 1 : 3;
        int mo = order == Order.MONTH_FIRST ? 1 : 2;
        int d = order == Order.DAY_FIRST ? 1 : order == Order.MONTH_FIRST ? 2 : 3;
        String date = group(text, p, y) + " || '-' || lpad(" + group(text, p, mo) + ", 2, '0') || '-' || lpad("
                + group(text, p, d) + ", 2, '0')";
        String time = "CASE WHEN " + group(text, p, 6) + " = '' THEN '' ELSE " + group(text, p, 5) + " || lpad("
                + group(text, p, 6) + ", 2, '0') || " + group(text, p, 7) + " END";
        // plausible(): a year 1000 to 2999 and a real calendar day (TRY_CAST to DATE refuses 31/02)
        return "(CASE WHEN regexp_full_match(" + text + ", '" + p + "') AND TRY_CAST(" + group(text, p, y)
                + " AS INTEGER) BETWEEN " + MIN_YEAR + " AND " + MAX_YEAR + " AND TRY_CAST(" + date
                + " AS DATE) IS NOT NULL THEN " + date + " || " + time + " END)";
    }

    private static String group(String text, String pattern, int group) {
        return "regexp_extract(" + text + ", '" + pattern + "', " + group + ")";
    }

    /** The years a date in a non-ISO layout may have: a build number 6.1.7601 is no date of the year 7601. */
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 2999;

    /**
     * The one plausibility rule of a date in a non-ISO layout, every engine's ({@link Counts#add}, {@link #iso},
     * {@link #sqlIso}): a year 1000 to 2999 and a real calendar day (31/02 is none).
     */
    private static boolean plausible(int year, int month, int day) {
        return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1
                && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /**
     * A necessary condition of the layouts' patterns without a pattern (this runs on every distinct text of a
     * column): 8 to 20 characters, a digit first, and a separator where a pattern puts its first one, after one or
     * two digits ({@code 1/5/2026}, {@code 29.11.2026}) or a '/' after four ({@code 2026/11/29}). An ISO date or
     * date-time ({@code 2026-11-29T10:00}) has none there: a wide file's timestamp columns ran both patterns on each
     * of their distinct cells, a second of CPU in a 2,000-column baseline (wide15).
     */
    static boolean mayBeDate(String cell) {
        int n = cell.length();
        if (n < 8 || n > 20 || cell.charAt(0) < '0' || cell.charAt(0) > '9') {
            return false;
        }
        return SEPARATORS.indexOf(cell.charAt(1)) >= 0 || SEPARATORS.indexOf(cell.charAt(2)) >= 0
                || cell.charAt(4) == '/';
    }

    private static String pad(String field) {
        return field.length() == 1 ? "0" + field : field;
    }

    /**
     * Cells in a non-ISO date layout, counted per family (separator, or year first) with how many show day first
     * (first number above 12), month first (second above 12) and a time: additive over parts of a column, so a
     * file, DuckDB and Spark partitions summed give one decision ({@link #decide}).
     *
     * @param counts per family (four: the separators '/', '.' and '-', then yyyy/mm/dd), four counts: cells, day first, month first, with a time
     */
    public record Counts(List<Long> counts) {
        /** No date cell in a non-ISO layout. */
        public static final Counts NONE = new Counts(java.util.Collections.nCopies(4 * FAMILIES, 0L));

        /**
         * Checks the size.
         *
         * @param counts per family, four counts
         */
        public Counts {
            counts = List.copyOf(counts);
            if (counts.size() != 4 * FAMILIES) {
                throw new IllegalArgumentException("date counts: " + 4 * FAMILIES + " numbers, not " + counts.size());
            }
        }

        /**
         * @param other the counts of another part of the column
         * @return both parts' counts
         */
        public Counts plus(Counts other) {
            long[] sum = new long[counts.size()];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = counts.get(i) + other.counts.get(i);
            }
            return of(sum);
        }

        /**
         * @param c counts as {@link #counts} orders them
         * @return the record
         */
        public static Counts of(long[] c) {
            return new Counts(java.util.Arrays.stream(c).boxed().toList());
        }

        /**
         * Adds a cell to counts kept in an array ({@link #of(long[])} makes the record).
         *
         * @param into   16 counts, as {@link #counts} orders them
         * @param cell   a non-missing cell's text
         * @param weight how many cells have this text
         */
        public static void add(long[] into, String cell, long weight) {
            if (!mayBeDate(cell)) {
                return;
            }
            Matcher d = DAY_MONTH_YEAR.matcher(cell);
            Matcher y = YEAR_MONTH_DAY.matcher(cell);
            int family;
            Matcher m;
            if (d.matches()) {
                int a = Integer.parseInt(d.group(1));
                int b = Integer.parseInt(d.group(3));
                int year = Integer.parseInt(d.group(4));
                if (!plausible(year, b, a) && !plausible(year, a, b)) {
                    return;
                }
                family = SEPARATORS.indexOf(d.group(2).charAt(0));
                into[4 * family + 1] += a > 12 ? weight : 0;
                into[4 * family + 2] += b > 12 ? weight : 0;
                m = d;
            } else if (y.matches()) {
                if (!plausible(Integer.parseInt(y.group(1)), Integer.parseInt(y.group(3)), Integer.parseInt(y.group(4)))) {
                    return;
                }
                family = FAMILIES - 1;
                m = y;
            } else {
                return;
            }
            into[4 * family] += weight;
            into[4 * family + 3] += m.group(5) != null ? weight : 0;
        }

        /**
         * The counts a whole column keeps: all of them when a family holds {@value RoleRules#TEMPORAL_SHARE} of its
         * present cells and its ISO dates and times do not, else {@link #NONE}. The DuckDB path counts a column's
         * layouts only then (a loose pattern first), so every engine's statistics of a whole column are equal; a
         * part of a column (a Spark partition) keeps all, summed first.
         *
         * @param present  the column's present cells
         * @param isoTimes its ISO dates and date-times
         * @return these counts or none
         */
        public Counts kept(long present, long isoTimes) {
            if (present == 0 || isoTimes >= RoleRules.TEMPORAL_SHARE * present) {
                return NONE;
            }
            for (int f = 0; f < FAMILIES; f++) {
                if (cells(f) >= RoleRules.TEMPORAL_SHARE * present) {
                    return this;
                }
            }
            return NONE;
        }

        /**
         * @param at a family's index
         * @return its cells
         */
        long cells(int at) {
            return counts.get(4 * at);
        }
    }

    /**
     * The layout of a text column whose ISO dates are too few: the family of at least
     * {@value RoleRules#TEMPORAL_SHARE} of its present cells, day or month first as its cells show it.
     *
     * @param c        the column's counts
     * @param present  its present cells
     * @param dayFirst whether the user said its days come first ({@code --dayfirst})
     * @return the decision, or null when no family holds that share
     */
    static Decision decide(Counts c, long present, boolean dayFirst) {
        for (int f = 0; f < FAMILIES; f++) {
            long cells = c.cells(f);
            if (present == 0 || cells < RoleRules.TEMPORAL_SHARE * present) {
                continue;
            }
            // a timestamp as with ISO cells (RoleRules): only when its date-only cells are below the share, so one
            // cell with a time does not make a date column a timestamp
            boolean time = cells - c.counts().get(4 * f + 3) < RoleRules.TEMPORAL_SHARE * present;
            String share = RoleRules.pct(cells, present) + " of values are dates";
            if (f == FAMILIES - 1) {
                return new Decision(new DateLayout(Order.YEAR_FIRST, '/', Basis.CELLS), time, share + " written yyyy/mm/dd");
            }
            char sep = SEPARATORS.charAt(f);
            long days = c.counts().get(4 * f + 1);
            long months = c.counts().get(4 * f + 2);
            DateLayout dmy = new DateLayout(Order.DAY_FIRST, sep, Basis.CELLS);
            DateLayout mdy = new DateLayout(Order.MONTH_FIRST, sep, Basis.CELLS);
            // --dayfirst loses to the cells' evidence, and says so
            String ignored = dayFirst && months > 0 ? "; --dayfirst ignored: " + RoleRules.n(months) + " cells have a"
                    + " second number over 12" : "";
            if (days > 0 && months > 0) {
                return new Decision(null, time, share + " but not in one layout: " + RoleRules.n(days) + " with the day "
                        + "first (" + dmy + ", a first number over 12) and " + RoleRules.n(months) + " with the month "
                        + "first (" + mdy + "); write them in one layout upstream (ISO yyyy-mm-dd is safest) and rerun"
                        + ignored);
            }
            if (days > 0 || months > 0) {
                DateLayout l = days > 0 ? dmy : mdy;
                return new Decision(l, time, share + " written " + l + " (" + RoleRules.n(days > 0 ? days : months)
                        + " with a " + (days > 0 ? "first" : "second") + " number over 12)" + ignored);
            }
            if (dayFirst) {
                return new Decision(dmy.withBasis(Basis.DAYFIRST), time, share + " written " + dmy + ", as set by --dayfirst (no day or month is"
                        + " over 12)");
            }
            // dd.mm.yyyy is the dotted dates' layout (German, Russian, ...): a month-first dotted date is all but
            // unknown, so a monthly column 01.03.2026 .. 01.12.2026 is read day first
            if (sep == '.') {
                return new Decision(dmy.withBasis(Basis.ASSUMED), time, share + " read " + dmy + " (no day or month is over 12; dates written"
                        + " with dots put the day first)");
            }
            return new Decision(mdy.withBasis(Basis.ASSUMED), time, share + " read " + mdy + " (no day or month is over 12, so month first, as "
                    + "pandas reads them; --dayfirst COL if the days come first)");
        }
        return null;
    }

    /**
     * A column's layout decision.
     *
     * @param layout the layout, null when its dates are in two layouts (the column is text)
     * @param time   whether a cell has a time (a timestamp column)
     * @param reason why, in the user's words
     */
    record Decision(DateLayout layout, boolean time, String reason) {
    }

    /**
     * The one layout all of {@code cells} share, when they look like dates in a non-ISO layout: the name an alarm
     * on a date column gives for what it found.
     *
     * @param cells non-missing cells that are not ISO dates (a column's first invalid cells)
     * @return the layout, e.g. "dd/mm/yyyy", "mm/dd/yyyy", "dd/mm/yyyy or mm/dd/yyyy", "yyyy/mm/dd";
     *         empty when a cell is not such a date or the cells differ in layout
     */
    public static Optional<String> of(List<String> cells) {
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        long[] c = new long[4 * FAMILIES];
        for (String cell : cells) {
            Counts.add(c, cell.trim(), 1);
        }
        for (int f = 0; f < FAMILIES; f++) {
            if (c[4 * f] != cells.size()) {
                continue;
            }
            String time = c[4 * f + 3] > 0 ? " with a time" : "";
            if (f == FAMILIES - 1) {
                return Optional.of("yyyy/mm/dd" + time);
            }
            char sep = SEPARATORS.charAt(f);
            String dmy = new DateLayout(Order.DAY_FIRST, sep, Basis.CELLS).toString();
            String mdy = new DateLayout(Order.MONTH_FIRST, sep, Basis.CELLS).toString();
            boolean days = c[4 * f + 1] > 0;
            boolean months = c[4 * f + 2] > 0;
            if (days && months) {
                return Optional.empty();
            }
            return Optional.of((days ? dmy : months ? mdy : dmy + " or " + mdy) + time);
        }
        return Optional.empty();
    }
}
