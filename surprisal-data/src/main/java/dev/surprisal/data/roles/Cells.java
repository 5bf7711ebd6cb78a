// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a cell's text is read, the same way in Java and in DuckDB SQL ({@link #sqlMissing},
 * {@link #sqlNumber}), so that a file and an in-memory table give the same column roles and counts.
 *
 * <ul>
 *   <li><b>Missing</b>: the strings pandas' {@code read_csv} reads as missing by default
 *       ({@code keep_default_na=True}, pandas 2.x): {@link #MISSING_TOKENS}, matched exactly, and a
 *       NULL (an empty CSV field).</li>
 *   <li><b>Number</b>: between optional spaces, a decimal or scientific number ({@code 12}, {@code -0.5},
 *       {@code 1e-3}, {@code .5}) or {@code inf} / {@code infinity} with an optional sign; or number-like
 *       text: ',' thousands groups of 3 digits, with or without a '.' decimal part ({@code 2,096.40} is
 *       2096.4, {@code 1,234} is 1234), a '%' sign ({@code 12.5%} is 12.5, in percent points), a currency
 *       sign {@code $ € £ ¥} before or after the amount ({@code $1,200.00} is 1200, {@code 12,50 €} is 12.5),
 *       and a decimal comma, read as pandas reads it with {@code decimal=',', thousands='.'} ({@code 569,97} is 569.97,
 *       {@code 1.234,56} is 1234.56). {@code 1,234} is 1.234 with a decimal comma and {@code 1.299} is 1299 with a
 *       decimal comma's '.' thousands groups: which reading a cell gets is its column's convention
 *       ({@link NumberConvention}, decided by {@link RoleRules#convention} from the column's {@link #comma} counts,
 *       read by {@link #number(String, NumberConvention)}). Currency codes ({@code EUR 12.50}) are not read: three
 *       letters before a number are as often a unit or a product code ({@code SKU 12}).</li>
 *   <li><b>Invalid</b>: in a numeric column, a cell that is neither.</li>
 *   <li><b>Date</b> / <b>timestamp</b>: ISO {@code 2024-05-01} / {@code 2024-05-01 06:00[:00[.123]][Z|+02[:00]]}
 *       (space or {@code T}).</li>
 *   <li><b>Invalid time</b>: in a date or timestamp column, a cell that is none of these and not a
 *       plain decimal (epoch seconds or milliseconds: no exponent, separator, '%' or {@code inf}) nor
 *       missing ({@link #isTime}).</li>
 * </ul>
 */
public final class Cells {
    /** pandas' default missing-value strings (pandas 2.x {@code STR_NA_VALUES}), empty string included. */
    public static final Set<String> MISSING_TOKENS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    private static final String NUMBER = "[+-]?(([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?|[iI][nN][fF]([iI][nN][iI][tT][yY])?)";
    private static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";
    private static final String TIMESTAMP = DATE + "[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?";
    private static final String SPACED_NUMBER = " *" + NUMBER + " *";
    /** A decimal without an exponent. */
    private static final String PLAIN = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)";
    /** {@link #PLAIN} without its sign. */
    private static final String UNSIGNED = "([0-9]+([.][0-9]*)?|[.][0-9]+)";
    /** The first of thousands groups: 1–3 digits without a leading 0. */
    private static final String LEAD = "[1-9][0-9]{0,2}";
    /**
     * '.' thousands groups of 3 digits ({@code 1.299}, {@code 1.234.567}): the one spelling of a decimal-comma writer's
     * grouping, in {@link #DOT_GROUPS}, {@link #EURO} and {@link #COMMA_NUMBER}, Java's patterns and the SQL alike.
     */
    private static final String DOT_THOUSANDS = LEAD + "([.][0-9]{3})+";
    /**
     * A separator that only ever groups thousands: a space, a no-break space (U+00A0) or a narrow no-break space
     * (U+202F) as French and Swiss-French spreadsheets write ({@code 13 665,55}), a thin space (U+2009), or an
     * apostrophe as Swiss ones write ({@code 13'665.55}, {@code 13’665.55}). Unlike ',' and '.' it has one reading.
     */
    private static final String SEP = "[ \u00a0\u202f\u2009'\u2019]";
    /** Thousands groups of 3 digits with a {@link #SEP} ({@code 13 665}, {@code 1'234'567}). */
    private static final String SEP_THOUSANDS = LEAD + "(" + SEP + "[0-9]{3})+";
    /**
     * Thousands groups of ',' (3 digits each, the first 1–3 digits without a leading 0), or of a {@link #SEP},
     * a '.' decimal part optional.
     */
    private static final String GROUPS = "(" + LEAD + "(,[0-9]{3})+|" + SEP_THOUSANDS + ")([.][0-9]+)?";
    /**
     * A decimal comma, as Excel and pandas' {@code decimal=','} write it: digits ',' digits, after plain digits
     * or '.' thousands groups ({@code 569,97}, {@code 1.234,56}, {@code 0,5}). {@code 1,234} matches too and is
     * read by {@link #POINT_LIKE} first (as 1234); whether the column may mean 1.234 is its question
     * ({@link #comma}).
     */
    private static final String EURO = "([0-9]+|" + DOT_THOUSANDS + "|" + SEP_THOUSANDS + "),[0-9]+";
    /** A currency sign, before or after an amount ({@code $1,200.00}, {@code 569,97 €}, {@code £ 12}). */
    private static final String CURRENCY = "[$€£¥]";
    /**
     * The characters {@link #undress} drops besides spaces: what {@link #dressed} may add to a number (a no-break
     * space included: Excel writes 12,50 €; an accounting negative's parentheses) and the {@link #SEP} separators.
     */
    private static final String DRESS = "%$€£¥\u00a0\u202f\u2009'\u2019()";
    /** One ASCII, no-break or narrow no-break space between an amount and its currency or '%' sign, or none. */
    private static final String SPACE = "[ \u00a0\u202f]?";

    /**
     * An unsigned number form with what people write around numbers: a '%' after it or a currency sign before or
     * after it (one space allowed: {@code 6.2 %}, {@code 12,50 €}), and a sign: a '+' or '-' first
     * ({@code -$4.30}), after the currency sign ({@code $ -4.30}), an accounting negative's parentheses
     * ({@code (1,234.56)}, {@code $(1,234.56)}) or SAP's trailing minus ({@code 12.50-}); between optional spaces.
     * Each form has at most one sign, so the undressed text ({@link #undress}) is a signed decimal.
     */
    private static String dressed(String unsigned) {
        String u = "(" + unsigned + ")";
        String body = "(" + u + "(" + SPACE + "%)?|" + CURRENCY + SPACE + u + "|" + u + SPACE + CURRENCY + ")";
        return " *([+-]?" + body + "|" + CURRENCY + SPACE + "([+-]" + u + "|[(]" + u + "[)])|[(]" + body + "[)]|"
                + body + "-) *";
    }

    /**
     * One group of 3 digits after a ',' or a '.', and nothing else: {@code 1,234} is 1234 with thousands grouping
     * and 1.234 with a decimal comma; {@code 1.299} is 1.299 with a decimal point and 1299 with the '.' thousands
     * grouping of a decimal-comma writer (a German price list: {@code 1.299 €} beside {@code 19,99 €}).
     */
    private static final String ONE_GROUP = dressed(LEAD + ",[0-9]{3}");
    /**
     * '.' thousands groups and nothing else: {@code 1.299} (1.299 with a decimal point, 1299 with a decimal comma)
     * and {@code 1.234.567} (only a decimal-comma writer's grouping).
     */
    private static final String DOT_GROUPS = dressed(DOT_THOUSANDS);
    /**
     * A number as a decimal-comma writer writes it ({@link NumberConvention#DECIMAL_COMMA}): digits, or '.' thousands
     * groups of 3 digits, then an optional ',' decimal part ({@code 41,} too: German Excel's 41,000 with its trailing
     * zeros dropped, 41 as pandas reads it); or a ',' decimal part alone ({@code ,5}).
     */
    private static final String COMMA_NUMBER = "(([0-9]+|" + DOT_THOUSANDS + "|" + SEP_THOUSANDS + ")(,[0-9]*)?|,[0-9]+)";
    /** What a decimal comma writes: digits, one ',', digits ({@code 1,5}, {@code 1,234}), or '.' groups first. */
    private static final String COMMA_DIGITS = dressed(EURO);
    /** Thousands groups no decimal comma can write: two groups or more, or a '.' decimal part. */
    private static final String SURE_GROUPS = dressed(LEAD + "((,[0-9]{3}){2,}([.][0-9]+)?|,[0-9]{3}[.][0-9]+)");
    /** An epoch time: a plain decimal between optional spaces. */
    private static final String EPOCH = " *" + PLAIN + " *";
    /**
     * Number-like text with a decimal point: ',' thousands groups, or a plain or grouped decimal with a
     * '%' or a currency sign ({@code 2,096.40}, {@code 12.5%}, {@code $1,200.00}).
     */
    private static final String POINT_LIKE = dressed("(" + UNSIGNED + "|" + GROUPS + ")");
    /** Number-like text with a decimal comma ({@link #EURO}), bare or with a '%' or a currency sign. */
    private static final String EURO_LIKE = dressed(EURO);
    private static final Pattern POINT_LIKE_P = Pattern.compile(POINT_LIKE);
    private static final Pattern EURO_LIKE_P = Pattern.compile(EURO_LIKE);
    /** What {@link #number} reads besides plain numbers, in the order it tries them. */
    private static final String NUMBER_LIKE = POINT_LIKE + "|" + EURO_LIKE;
    /** The patterns the hand-written checks implement; tests compare the two on generated cells. */
    static final Pattern NUMBER_P = Pattern.compile(SPACED_NUMBER + "|" + NUMBER_LIKE);
    static final Pattern DATE_P = Pattern.compile(DATE);
    static final Pattern TIMESTAMP_P = Pattern.compile(TIMESTAMP);
    static final Pattern EPOCH_P = Pattern.compile(EPOCH);
    private static final Pattern ONE_GROUP_P = Pattern.compile(ONE_GROUP);
    private static final Pattern DOT_GROUPS_P = Pattern.compile(DOT_GROUPS);
    private static final Pattern COMMA_NUMBER_P = Pattern.compile(dressed(COMMA_NUMBER));
    /** The same text as {@link #EURO_LIKE}: one compiled pattern for both names. */
    private static final Pattern COMMA_DIGITS_P = EURO_LIKE_P;
    private static final Pattern SURE_GROUPS_P = Pattern.compile(SURE_GROUPS);

    private Cells() {
    }

    /**
     * @param cell a cell's text, null for a NULL
     * @return whether pandas would read it as missing
     */
    public static boolean isMissing(String cell) {
        if (cell == null || cell.isEmpty()) {
            return true;
        }
        // most cells are numbers or words no token can be: ruled out by length and first character
        // before the set's hash (this runs on every distinct cell of a file)
        if (cell.length() > LONGEST_TOKEN || TOKEN_STARTS.indexOf(cell.charAt(0)) < 0) {
            return false;
        }
        return MISSING_TOKENS.contains(cell);
    }

    /**
     * {@link #isMissing(String)} of the cell whose text is the bytes {@code b[from, to)} (ASCII/Latin-1 or
     * UTF-8: the tokens are ASCII, so a byte-wise match is a match of the text), without making a String.
     *
     * @param b    the bytes
     * @param from the cell's first byte
     * @param to   one past its last byte
     * @return whether pandas would read the cell as missing
     */
    public static boolean isMissing(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (n > LONGEST_TOKEN || TOKEN_STARTS.indexOf(b[from] & 0xff) < 0) {
            return false;
        }
        for (byte[] token : TOKENS_BY_LENGTH[n]) {
            if (java.util.Arrays.equals(b, from, to, token, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** The length of the longest of {@link #MISSING_TOKENS}. */
    private static final int LONGEST_TOKEN = MISSING_TOKENS.stream().mapToInt(String::length).max().orElse(0);
    /** The first characters of the non-empty {@link #MISSING_TOKENS}. */
    private static final String TOKEN_STARTS = MISSING_TOKENS.stream().filter(t -> !t.isEmpty())
            .map(t -> t.substring(0, 1)).distinct().sorted().collect(java.util.stream.Collectors.joining());
    /** {@link #MISSING_TOKENS} as ASCII bytes, by length. */
    private static final byte[][][] TOKENS_BY_LENGTH = java.util.stream.IntStream.rangeClosed(0, LONGEST_TOKEN)
            .mapToObj(n -> MISSING_TOKENS.stream().filter(t -> t.length() == n)
                    .map(t -> t.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new))
            .toArray(byte[][][]::new);

    /**
     * A cell read with a decimal point ({@link NumberConvention#DECIMAL_POINT}): {@code 1,234} is 1234, {@code 1.299}
     * is 1.299, and a decimal-comma cell ({@code 569,97}, {@code 1.234,56}) as pandas' {@code decimal=','} reads it.
     *
     * @param cell a non-missing cell's text
     * @return its value, or NaN when it is not a number (an invalid cell in a numeric column)
     */
    public static double number(String cell) {
        // a hand-written check of NUMBER (no regex per cell: this runs on every cell of a file)
        int end = trimmedEnd(cell);
        int i = trimmedStart(cell, end);
        int start = i;
        if (i < end && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
            i++;
        }
        if (i < end && DRESS.indexOf(cell.charAt(i)) >= 0) {
            return numberLike(cell); // a currency sign first: $1,200.00, -€5
        }
        if (i < end && (cell.charAt(i) == 'i' || cell.charAt(i) == 'I')) {
            String word = cell.substring(i, end);
            if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
                return cell.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.NaN;
        }
        int digitsFrom = i;
        int intDigits = digits(cell, i, end);
        i += intDigits;
        int fracDigits = 0;
        if (i < end && cell.charAt(i) == '.') {
            i++;
            fracDigits = digits(cell, i, end);
            i += fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0) {
            return Double.NaN;
        }
        if (i < end && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < end && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(cell, i, end);
            if (expDigits == 0) {
                return Double.NaN;
            }
            i += expDigits;
            return i == end ? Double.parseDouble(cell.substring(start, end)) : Double.NaN;
        }
        if (i != end) {
            // only a cell that starts as a number and goes on with ',' (1,234 or 1.234,56), a second '.'
            // (1.234.567,8), '%', a space or a currency sign pays for the patterns
            char ch = cell.charAt(i);
            return ch == ',' || ch == '.' || ch == ' ' || ch == '-' || DRESS.indexOf(ch) >= 0 ? numberLike(cell)
                    : Double.NaN;
        }
        if (intDigits + fracDigits <= FAST_DIGITS) {
            // Clinger's fast path (1990): the digits as an exact integer below 2^53 divided by an exact
            // power of ten is one correctly rounded operation, so it equals Double.parseDouble
            long m = 0;
            for (int k = digitsFrom; k < end; k++) {
                char ch = cell.charAt(k);
                if (ch != '.') {
                    m = 10 * m + (ch - '0');
                }
            }
            double v = m / POW10[fracDigits];
            return cell.charAt(start) == '-' ? -v : v;
        }
        return Double.parseDouble(cell.substring(start, end));
    }

    /**
     * A cell read in its column's convention. With {@link NumberConvention#DECIMAL_POINT} it is
     * {@link #number(String)}. With {@link NumberConvention#DECIMAL_COMMA} a cell with a '.' or a ',' is read as
     * pandas' {@code read_csv(decimal=',', thousands='.')} reads it, a '.' only between thousands groups of three
     * digits ({@code 1.299} and {@code 1.299,00} are 1299, {@code 19,99} is 19.99, {@code 1,234} is 1.234), the
     * same '%' and currency signs allowed; any other '.' or ',' ({@code 1.5}, {@code 1,234,567}, {@code 2,096.40})
     * makes it no number, an invalid cell, where pandas would drop the '.' and read 1.5 as 15. A cell without
     * either is read as {@link #number(String)} reads it ({@code 12}, {@code 1e3}, {@code inf}, {@code 12 €}).
     * With {@link NumberConvention#TIME_OF_DAY} it is {@link #timeOfDay}: seconds since midnight (or, for a first
     * field beyond 23, elapsed seconds), and any cell that is no time (a plain number too) is no number, an invalid
     * cell.
     *
     * @param cell       a non-missing cell's text
     * @param convention its column's convention
     * @return its value, or NaN when it is not a number in that convention
     */
    public static double number(String cell, NumberConvention convention) {
        if (convention == NumberConvention.TIME_OF_DAY) {
            return timeOfDay(cell);
        }
        if (convention == NumberConvention.DECIMAL_POINT || (cell.indexOf('.') < 0 && cell.indexOf(',') < 0)) {
            return number(cell);
        }
        return COMMA_NUMBER_P.matcher(cell).matches() ? commaNumber(cell) : Double.NaN;
    }

    /**
     * A time of day as exports write it: {@code H:MM} or {@code HH:MM}, optional {@code :SS} and a decimal fraction
     * of a second ({@code 08:15:32.250}), optional 12-hour suffix ({@code 8:15 PM}, {@code 08:15:32 am},
     * {@code 8:15pm}), between optional spaces; or an elapsed time written the same way with a first field of up to
     * 3 digits ({@code 58:30}, {@code 125:07}). Group 1 the hour, 2 the minutes, 3 the seconds, 4 the fraction's
     * digits, 5 the suffix's letter (a or p). The hour's range is checked apart ({@link #timeOfDay}).
     */
    private static final String TIME_OF_DAY = " *([0-9]{1,3}):([0-5][0-9])(?::([0-5][0-9])(?:[.]([0-9]{1,9}))?)?"
            + "(?: ?([AaPp])[Mm])? *";
    private static final Pattern TIME_OF_DAY_P = Pattern.compile(TIME_OF_DAY);

    /**
     * A cell read as a time of day ({@link NumberConvention#TIME_OF_DAY}), in seconds since midnight:
     * {@code 08:15:32} is 29,732, {@code 8:15 PM} and {@code 20:15} are both 72,900, {@code 12:00 AM} is 0,
     * {@code 08:15:32.250} is 29,732.25. With a 12-hour suffix the hour is 1 to 12. Without one, a first field beyond
     * 23 is an elapsed time read by the same rule, hours first, as an SQL interval reads {@code '58:30'}
     * ({@code 24:00} is 86,400, {@code 25:10:00} 90,600, {@code 58:30} 210,600): such a cell cannot be a time of day,
     * and reading it as an invalid cell would turn a batch of long calls in a column of durations ({@code 03:45},
     * {@code 58:30}) into an "invalid share" alarm instead of the shift it is. A duration written {@code mm:ss} is
     * then read 60 times too large, every cell alike, which changes no drift measure (quantile bins, KS, W₁/σ and TV
     * do not depend on the scale). Anything else ({@code 25:61}, {@code 13:00 PM}, {@code 8:5}, {@code abc}, a plain
     * number) is no time. The same rule as {@link #sqlTimeOfDay}: the whole seconds, exact, plus the fraction read as
     * the double {@code 0.fff}.
     *
     * @param cell a non-missing cell's text
     * @return seconds since midnight (at least 86,400 for a first field beyond 23), or NaN when it is no time
     */
    public static double timeOfDay(String cell) {
        if (cell.indexOf(':') < 0) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = TIME_OF_DAY_P.matcher(cell);
        if (!m.matches()) {
            return Double.NaN;
        }
        int h = Integer.parseInt(m.group(1));
        String ap = m.group(5);
        if (ap != null && (h < 1 || h > 12)) {
            return Double.NaN;
        }
        if (ap != null) {
            h = h % 12 + (ap.equalsIgnoreCase("p") ? 12 : 0);
        }
        int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        double whole = h * 3600 + Integer.parseInt(m.group(2)) * 60 + s;
        return m.group(4) == null ? whole : whole + Double.parseDouble("0." + m.group(4));
    }

    /**
     * Seconds since midnight as a time of day, the way {@link #timeOfDay} reads it back: {@code HH:MM:SS}, with the
     * fraction of a second to the millisecond when there is one ({@code 08:15:32.250}). Reports and reasons show a
     * time-of-day column's values, edges and quantiles so, never as seconds.
     *
     * @param seconds seconds since midnight (finite)
     * @return the time of day, e.g. {@code 08:15:32}; a value of 86,400 or more as the elapsed time it is
     *         ({@code 58:30:00}, hours not wrapped, as {@link #timeOfDay} reads it back), a negative value as
     *         {@code 00:00:00}, an edge of ±infinity written {@code -inf} or {@code inf}
     */
    public static String formatTimeOfDay(double seconds) {
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(seconds)) {
            return "NaN";
        }
        long ms = Math.round(Math.max(0, seconds) * 1000);
        long s = ms / 1000;
        String t = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return ms % 1000 == 0 ? t : t + String.format(java.util.Locale.ROOT, ".%03d", ms % 1000);
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return a DOUBLE SQL expression: {@link #timeOfDay} of the cell, NULL when it is no time of day
     */
    static String sqlTimeOfDay(String text) {
        String p = sqlLiteral("^" + TIME_OF_DAY.replace("(?:", "(") + "$");
        // the groups of the non-capturing pattern, renumbered: (h)(m)((s)((f)))?((ap))?
        String h = "TRY_CAST(regexp_extract(" + text + ", " + p + ", 1) AS INTEGER)";
        String min = "TRY_CAST(regexp_extract(" + text + ", " + p + ", 2) AS INTEGER)";
        String sec = "coalesce(TRY_CAST(regexp_extract(" + text + ", " + p + ", 4) AS INTEGER), 0)";
        String frac = "regexp_extract(" + text + ", " + p + ", 6)";
        String ap = "lower(regexp_extract(" + text + ", " + p + ", 8))";
        return "(CASE WHEN strpos(" + text + ", ':') > 0 AND regexp_full_match(" + text + ", " + sqlLiteral(TIME_OF_DAY)
                + ") AND (" + ap + " = '' OR " + h + " BETWEEN 1 AND 12) THEN "
                + "CAST((CASE WHEN " + ap + " = '' THEN " + h + " WHEN " + ap + " = 'p' THEN " + h + " % 12 + 12 ELSE "
                + h + " % 12 END) * 3600 + " + min + " * 60 + " + sec + " AS DOUBLE) + (CASE WHEN " + frac
                + " = '' THEN 0.0 ELSE CAST('0.' || " + frac + " AS DOUBLE) END) END)";
    }

    /** A cell that matches {@link #COMMA_NUMBER} (dressed): '.' groups dropped, the ',' as the point. */
    private static double commaNumber(String cell) {
        return Double.parseDouble(undress(cell).replace(".", "").replace(',', '.'));
    }

    /**
     * {@link #number(String)} of the cell whose text is the ASCII/Latin-1 bytes {@code b[from, to)}, without
     * making a String for an ordinary number: a plain decimal (an optional sign, digits with an optional point,
     * an optional exponent) of at most 19 significant digits is converted by {@link DecimalReader} (Clinger's
     * exact operation, or Eisel–Lemire), which gives exactly the double {@link Double#parseDouble} gives or
     * declines near a halfway point; a declined or longer decimal is converted by FastDoubleParser; any other
     * cell (spaces, {@code inf}, a missing string, text) goes through {@link #number(String)}. A tokeniser
     * reading many cells keeps a {@link DecimalReader} of its own and calls {@link DecimalReader#number}.
     *
     * @param b    the bytes
     * @param from the cell's first byte
     * @param to   one past its last byte
     * @return its value, or NaN when it is not a number
     */
    public static double number(byte[] b, int from, int to) {
        return new DecimalReader().number(b, from, to);
    }

    private static double slow(byte[] b, int from, int to) {
        // UTF-8, as the file is: a currency sign (€ is 3 bytes) must reach the patterns as itself
        return number(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A cell that {@link DecimalReader#read} declined or did not read to its end: when it is a plain
     * decimal (an optional sign, digits with an optional point, an optional exponent; nothing else, as
     * {@link #number(String)} requires) it is converted by {@link #exact}, else it goes through
     * {@link #number(String)}.
     */
    static double notFast(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int digits = 0;
        for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
            digits++;
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                digits++;
            }
        }
        if (digits > 0 && i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int exp = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            digits = i == exp ? 0 : digits; // an exponent without digits: not a number
        }
        return digits > 0 && i == to ? exact(b, from, to) : slow(b, from, to);
    }

    /**
     * The double nearest a valid plain decimal {@code b[from, to)} (checked by the caller) that
     * {@link EiselLemire} declined or that has more than 19 significant digits, by FastDoubleParser
     * (with its exact fallback, MIT licence, shipped inside jackson-core), which gives exactly what
     * {@link Double#parseDouble} gives without Java 17's big-integer arithmetic in most cases.
     */
    private static double exact(byte[] b, int from, int to) {
        char[] c = new char[to - from];
        for (int k = 0; k < c.length; k++) {
            c[k] = (char) b[from + k];
        }
        return com.fasterxml.jackson.core.io.NumberInput.parseDouble(c, 0, c.length, true);
    }

    /** At most this many digits make an integer below 2^53, exact as a double. */
    private static final int FAST_DIGITS = 15;
    /** The powers of ten up to 10^22, each exact as a double. */
    private static final double[] POW10 = DecimalReader.POW10;

    /**
     * A number written for people: {@code 2,096.40} and {@code 1,234} (',' thousands groups of 3 digits)
     * are 2096.4 and 1234, {@code 12.5%} is 12.5 (percent points: the number as written, not 0.125),
     * {@code $1,200.00} and {@code 12.50 €} are 1200 and 12.5 (the amount; the currency is the column's
     * unit), and a decimal comma is read as pandas reads it with {@code decimal=',', thousands='.'}: {@code 569,97} is 569.97,
     * {@code 1.234,56} is 1234.56. {@code 1,234} is read with the ',' as thousands separator; whether a
     * column's {@code 1,234} may be a decimal comma instead is the column's question ({@link #comma}).
     */
    private static double numberLike(String cell) {
        if (POINT_LIKE_P.matcher(cell).matches()) {
            return Double.parseDouble(undress(cell).replace(",", ""));
        }
        if (EURO_LIKE_P.matcher(cell).matches()) {
            return commaNumber(cell);
        }
        return Double.NaN;
    }

    /**
     * A cell that matches a {@link #dressed} pattern without spaces, '%', currency signs and {@link #SEP} separators:
     * the signed digits and ',' '.' separators, an accounting negative ({@code (12.50)}) or a trailing minus
     * ({@code 12.50-}) written with a leading '-' ({@code -12.50}). The SQL twin is {@link #sqlUndressed}.
     */
    private static String undress(String cell) {
        StringBuilder b = new StringBuilder(cell.length() + 1);
        boolean negative = false;
        for (int k = 0; k < cell.length(); k++) {
            char ch = cell.charAt(k);
            negative |= ch == '(';
            if (ch != ' ' && DRESS.indexOf(ch) < 0) {
                b.append(ch);
            }
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
            negative = true;
        }
        return negative ? b.insert(0, '-').toString() : b.toString();
    }

    /** The number of ASCII digits at {@code from}, stopping at {@code end}. */
    private static int digits(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /**
     * @param cell a non-missing cell's text
     * @return whether it is an ISO date without a time
     */
    public static boolean isDate(String cell) {
        return cell.length() == 10 && isDatePrefix(cell);
    }

    /**
     * @param cell a non-missing cell's text
     * @return whether it is an ISO date-time
     */
    public static boolean isTimestamp(String cell) {
        // DATE [ T] hh:mm [:ss [.f+]] [Z | +hh[[:]mm]], checked by hand as TIMESTAMP says
        int n = cell.length();
        if (n < 16 || !isDatePrefix(cell) || (cell.charAt(10) != ' ' && cell.charAt(10) != 'T')
                || !twoDigits(cell, 11) || cell.charAt(13) != ':' || !twoDigits(cell, 14)) {
            return false;
        }
        int i = 16;
        if (i < n && cell.charAt(i) == ':') {
            if (!twoDigits(cell, i + 1)) {
                return false;
            }
            i += 3;
            if (i < n && cell.charAt(i) == '.') {
                int d = digits(cell, i + 1, n);
                if (d == 0) {
                    return false;
                }
                i += 1 + d;
            }
        }
        if (i == n) {
            return true;
        }
        char z = cell.charAt(i);
        if (z == 'Z') {
            return i + 1 == n;
        }
        if ((z != '+' && z != '-') || !twoDigits(cell, i + 1)) {
            return false;
        }
        i += 3;
        if (i == n) {
            return true;
        }
        if (cell.charAt(i) == ':') {
            i++;
        }
        return i + 2 == n && twoDigits(cell, i);
    }

    /**
     * Whether a cell is a value of a date or timestamp column: an ISO date, an ISO date-time, or a
     * plain decimal ({@code 1714550400}, {@code 1714550400.5}: epoch seconds or milliseconds, as a
     * column given that role may hold). Anything else (text, {@code 03/05/2024}, and the number-like
     * text {@link #number} reads, {@code 50%}, {@code 1,234.5}, {@code 1e9}, {@code inf}: a share or an
     * amount, never an epoch) is an invalid cell that a downstream date parser rejects.
     *
     * @param cell a non-missing cell's text
     * @return whether it is a valid date or time
     */
    public static boolean isTime(String cell) {
        return isDate(cell) || isTimestamp(cell) || isEpoch(cell);
    }

    /**
     * Whether a cell is a plain decimal between optional spaces ({@link #EPOCH}): a number ({@link #number})
     * written without what only the other forms use (an exponent, {@code inf}, ',' groups, '%').
     */
    private static boolean isEpoch(String cell) {
        for (int k = 0; k < cell.length(); k++) {
            if (NOT_EPOCH.indexOf(cell.charAt(k)) >= 0) {
                return false;
            }
        }
        // a space inside (13 665) or a trailing minus (12-) is number-like text, never an epoch
        String t = cell.strip();
        return !t.contains(" ") && !t.endsWith("-") && !Double.isNaN(number(cell));
    }

    /** The characters of {@link #NUMBER} and {@link #NUMBER_LIKE} that {@link #EPOCH} has not (spaces aside). */
    private static final String NOT_EPOCH = "eEiI," + DRESS;

    /**
     * How a cell uses a ',' or a '.' between digits, as far as its column's convention
     * ({@link NumberConvention}) and the reading of its cells depend on it; and whether it is an integer code that a
     * number would change ({@link #LEADING_ZERO}, {@link #BEYOND_2_53}: {@link #code}), counted with them so that
     * every engine's tally ({@link ColumnStats.Commas}) carries it.
     */
    public enum Comma {
        /** No such separator that matters (or text that is no number either way). */
        NONE,
        /** ',' thousands grouping that no decimal comma writes: {@code 1,234,567}, {@code 2,096.40}. */
        THOUSANDS,
        /** One ',' group of 3 digits, no decimal part: {@code 1,234} (1234, or 1.234 with a decimal comma). */
        ONE_GROUP,
        /** Digits, ',', digits that no thousands grouping writes: {@code 1,5}, {@code 3,14}, {@code 1.234,56}. */
        DECIMAL,
        /**
         * '.' groups of 3 digits and nothing else: {@code 1.299} (1.299, or 1299 in a decimal-comma writer's price
         * list), {@code 1.234.567}.
         */
        DOT_GROUP,
        /**
         * An integer written with a leading zero ({@code 007}, {@code 02134}; not {@code 0}, not {@code 0.5}): a code
         * (a zip code, an account number), whose zeros a number would drop, so that {@code 007} and {@code 7} merge
         * ({@link #code}).
         */
        LEADING_ZERO,
        /**
         * An integer whose magnitude exceeds 2^53 ({@code 9007199254740993}): no double holds it, so neighbours merge
         * as numbers; a code or an ID, exact only as text ({@link #code}).
         */
        BEYOND_2_53,
        /**
         * A time of day ({@link #timeOfDay}: {@code 08:15:32}, {@code 8:15 PM}): no ',' at all, but counted with the
         * kinds because it, like them, decides how the column's cells are read ({@link RoleRules#convention}:
         * {@link NumberConvention#TIME_OF_DAY}), and every engine's tally carries the kinds.
         */
        TIME_OF_DAY
    }

    /** 2^53 written out: the largest magnitude up to which every integer is exact as a double. */
    private static final String TWO_53 = "9007199254740992";

    /** The end of {@code cell} without its trailing spaces (the cell readers' one rule for surrounding spaces). */
    private static int trimmedEnd(String cell) {
        int end = cell.length();
        while (end > 0 && cell.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /** The first index of {@code cell} before {@code end} that is not a leading space. */
    private static int trimmedStart(String cell, int end) {
        int i = 0;
        while (i < end && cell.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Whether a non-missing cell is a code that reading it as a number would change: an integer with a leading
     * zero ({@link Comma#LEADING_ZERO}) or beyond 2^53 ({@link Comma#BEYOND_2_53}). A column with such cells is
     * read as text ({@link RoleRules#decide}), as pandas' {@code dtype=str} keeps zip codes and order IDs.
     *
     * @param cell a non-missing cell's text
     * @return {@link Comma#LEADING_ZERO}, {@link Comma#BEYOND_2_53}, or {@link Comma#NONE}
     */
    public static Comma code(String cell) {
        int end = trimmedEnd(cell);
        int i = trimmedStart(cell, end);
        if (i < end && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
            i++;
        }
        int n = end - i;
        if (n < 2 || digits(cell, i, end) != n) {
            return Comma.NONE;
        }
        if (cell.charAt(i) == '0') {
            return Comma.LEADING_ZERO;
        }
        return n > TWO_53.length() || n == TWO_53.length() && cell.substring(i, end).compareTo(TWO_53) > 0
                ? Comma.BEYOND_2_53 : Comma.NONE;
    }

    /**
     * {@link #code} of the cell {@code b[from, to)} (ASCII digits), without a String for the cells that cannot be
     * one: the tokeniser asks it of every number cell.
     *
     * @param b    the bytes
     * @param from the cell's first byte
     * @param to   one past its last byte
     * @return whether the cell is a code a number would change ({@link #code} is not {@link Comma#NONE})
     */
    public static boolean isCode(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '+' || b[i] == '-')) {
            i++;
        }
        // most number cells are ruled out by their first two bytes and length, without a String: 0.5 (a '.' after
        // the 0), 12.5 and 1234 (a first digit other than 0 and fewer than 16 bytes)
        if (to - i < 2 || (b[i] == '0' ? b[i + 1] < '0' || b[i + 1] > '9' : to - i < TWO_53.length())) {
            return false;
        }
        return code(new String(b, from, to - from, java.nio.charset.StandardCharsets.US_ASCII)) != Comma.NONE;
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return an INTEGER SQL expression: the {@link Comma#ordinal} of {@link #code} of the cell
     */
    static String sqlCode(String text) {
        String digits = "regexp_replace(" + text + ", '[ +-]', '', 'g')";
        return "(CASE WHEN regexp_full_match(" + text + ", ' *[+-]?0[0-9]+ *') THEN " + Comma.LEADING_ZERO.ordinal()
                + " WHEN regexp_full_match(" + text + ", ' *[+-]?[1-9][0-9]{15,} *') AND (length(" + digits + ") > "
                + TWO_53.length() + " OR " + digits + " > '" + TWO_53 + "') THEN " + Comma.BEYOND_2_53.ordinal()
                + " ELSE " + Comma.NONE.ordinal() + " END)";
    }

    /**
     * The comma kind of a non-missing cell, the same as {@link #sqlComma} gives.
     *
     * @param cell a non-missing cell's text
     * @return how it uses a ',' or a '.' between digits
     */
    public static Comma comma(String cell) {
        if (cell.indexOf(':') >= 0) {
            return Double.isNaN(timeOfDay(cell)) ? Comma.NONE : Comma.TIME_OF_DAY;
        }
        if (cell.indexOf(',') < 0) {
            // nearly every cell: no pattern to pay for, but 1.299 (one '.' group) has the two readings of 1,234
            return mayBeDotGroups(cell) && DOT_GROUPS_P.matcher(cell).matches() ? Comma.DOT_GROUP : code(cell);
        }
        if (ONE_GROUP_P.matcher(cell).matches()) {
            return Comma.ONE_GROUP;
        }
        if (COMMA_DIGITS_P.matcher(cell).matches()) {
            return Comma.DECIMAL;
        }
        return SURE_GROUPS_P.matcher(cell).matches() ? Comma.THOUSANDS : Comma.NONE;
    }

    /**
     * A necessary condition of {@link #DOT_GROUPS}, without a pattern: the first '.' follows a digit and is followed
     * by exactly three digits. Nearly every decimal ({@code 0.8017345}) fails it at once; the pattern matched every
     * cell with a '.' cost the 10⁶-row {@code mi} about 0.6 s of CPU (two columns of distinct floats).
     */
    private static boolean mayBeDotGroups(String cell) {
        int dot = cell.indexOf('.');
        if (dot < 1 || dot + 4 > cell.length() || !isDigit(cell.charAt(dot - 1))) {
            return false;
        }
        for (int i = dot + 1; i <= dot + 3; i++) {
            if (!isDigit(cell.charAt(i))) {
                return false;
            }
        }
        return dot + 4 == cell.length() || !isDigit(cell.charAt(dot + 4));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code s} starts with {@code dddd-dd-dd}. */
    private static boolean isDatePrefix(String s) {
        return s.length() >= 10 && digits(s, 0, 4) == 4 && s.charAt(4) == '-' && twoDigits(s, 5) && s.charAt(7) == '-'
                && twoDigits(s, 8);
    }

    private static boolean twoDigits(String s, int at) {
        return at + 2 <= s.length() && digits(s, at, at + 2) == 2;
    }

    /**
     * @param text a VARCHAR SQL expression
     * @return a BOOLEAN SQL expression, true when the cell is missing (the same rule as {@link #isMissing})
     */
    public static String sqlMissing(String text) {
        StringBuilder b = new StringBuilder("(").append(text).append(" IS NULL OR ").append(text).append(" IN (");
        boolean first = true;
        for (String t : MISSING_TOKENS.stream().sorted().toList()) {
            b.append(first ? "" : ", ").append("'").append(t.replace("'", "''")).append("'");
            first = false;
        }
        return b.append("))").toString();
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return a DOUBLE SQL expression: the number, or NULL when the cell is not one (the rule of {@link #number})
     */
    public static String sqlNumber(String text) {
        String undressed = sqlUndressed(text);
        return "(CASE WHEN regexp_full_match(" + text + ", " + sqlLiteral(SPACED_NUMBER) + ") THEN TRY_CAST(trim("
                + text + ") AS DOUBLE) WHEN regexp_full_match(" + text + ", " + sqlLiteral(POINT_LIKE)
                + ") THEN TRY_CAST(replace(" + undressed + ", ',', '') AS DOUBLE) WHEN regexp_full_match(" + text + ", "
                + sqlLiteral(EURO_LIKE) + ") THEN " + sqlCommaNumber(undressed) + " END)";
    }

    /**
     * @param text       a VARCHAR SQL expression, not missing
     * @param convention its column's convention
     * @return a DOUBLE SQL expression: the number, or NULL when the cell is not one (the rule of
     *         {@link #number(String, NumberConvention)})
     */
    public static String sqlNumber(String text, NumberConvention convention) {
        if (convention == NumberConvention.DECIMAL_POINT) {
            return sqlNumber(text);
        }
        if (convention == NumberConvention.TIME_OF_DAY) {
            return sqlTimeOfDay(text);
        }
        return "(CASE WHEN strpos(" + text + ", '.') = 0 AND strpos(" + text + ", ',') = 0 THEN " + sqlNumber(text)
                + " WHEN regexp_full_match(" + text + ", " + sqlLiteral(dressed(COMMA_NUMBER)) + ") THEN "
                + sqlCommaNumber(sqlUndressed(text)) + " END)";
    }

    /**
     * The SQL of {@link #undress}: spaces, '%', currency signs, separators and parentheses dropped, an accounting
     * negative or a trailing minus written with a leading '-'.
     */
    private static String sqlUndressed(String text) {
        String raw = "regexp_replace(" + text + ", " + sqlLiteral("[ " + DRESS + "]") + ", '', 'g')";
        return "(CASE WHEN strpos(" + text + ", '(') > 0 OR suffix(" + raw + ", '-') THEN '-' || rtrim(" + raw
                + ", '-') ELSE " + raw + " END)";
    }

    /** A SQL string literal of {@code s} (a pattern may hold an apostrophe, {@link #SEP}). */
    private static String sqlLiteral(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The SQL of {@link #commaNumber}: '.' groups dropped, the ',' as the point. */
    private static String sqlCommaNumber(String undressed) {
        return "TRY_CAST(replace(replace(" + undressed + ", '.', ''), ',', '.') AS DOUBLE)";
    }

    /**
     * @param text a VARCHAR SQL expression
     * @return a BOOLEAN SQL expression for {@link #isDate}
     */
    public static String sqlDate(String text) {
        return "regexp_full_match(" + text + ", '" + DATE + "')";
    }

    /**
     * @param text a VARCHAR SQL expression
     * @return a BOOLEAN SQL expression for {@link #isTimestamp}
     */
    public static String sqlTimestamp(String text) {
        return "regexp_full_match(" + text + ", '" + TIMESTAMP + "')";
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return a BOOLEAN SQL expression for {@link #isTime}
     */
    public static String sqlTime(String text) {
        return "(" + sqlDate(text) + " OR " + sqlTimestamp(text) + " OR regexp_full_match(" + text + ", '" + EPOCH
                + "'))";
    }

    /**
     * @param text a VARCHAR SQL expression, not missing
     * @return an INTEGER SQL expression: the {@link Comma#ordinal} of {@link #comma} of the cell
     */
    public static String sqlComma(String text) {
        // a cell with a ':' is a time of day or nothing that matters; only those pay for the time pattern (a CASE
        // evaluates a branch on the rows that reach it)
        return "(CASE WHEN strpos(" + text + ", ':') > 0 THEN (CASE WHEN " + sqlTimeOfDay(text) + " IS NOT NULL THEN "
                + Comma.TIME_OF_DAY.ordinal() + " ELSE " + Comma.NONE.ordinal() + " END)"
                + " WHEN regexp_full_match(" + text + ", " + sqlLiteral(ONE_GROUP) + ") THEN "
                + Comma.ONE_GROUP.ordinal() + " WHEN regexp_full_match(" + text + ", " + sqlLiteral(COMMA_DIGITS)
                + ") THEN " + Comma.DECIMAL.ordinal() + " WHEN regexp_full_match(" + text + ", "
                + sqlLiteral(SURE_GROUPS) + ") THEN " + Comma.THOUSANDS.ordinal() + " WHEN regexp_full_match(" + text
                + ", " + sqlLiteral(DOT_GROUPS) + ") THEN " + Comma.DOT_GROUP.ordinal()
                + " ELSE " + sqlCode(text) + " END)";
    }
}
