// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

/**
 * ISO 8601 date-times with a UTC offset read as instants, one rule for every engine: the order of a
 * key column's range ({@link KeyStats#compareValues}: the file profiler's SQL, the memory profiler, and
 * Spark's partitions, which count with the memory profiler) and the stale-data check's comparison of its
 * ends ({@link KeyStats#compareTimes}). A file that mixes offsets (a local-time export across the end of
 * summer time, rows of two sites in {@code Z} and {@code +09:00}) has its latest instant as its newest value,
 * whichever text sorts last.
 */
public final class IsoInstants {
    private IsoInstants() {
    }

    /**
     * An ISO 8601 date-time with a UTC offset, as key order reads it as an instant: {@code yyyy-mm-dd}, {@code T}
     * or a space, {@code hh:mm}, optional {@code :ss} and fraction, then {@code Z} or {@code ±hh}, {@code ±hhmm},
     * {@code ±hh:mm} up to 14 hours (the offsets in use); a day the month does not have ({@code 2026-02-30}) is no
     * instant either. The same pattern in Java ({@link #micros}) and in DuckDB's SQL
     * ({@link #sql}).
     */
    public static final String REGEX = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]"
            + "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?(Z|[+-](0[0-9]|1[0-4])(:?[0-5][0-9])?)";

    /** {@link #micros}: the value is no ISO date-time with a UTC offset. */
    public static final long NONE = Long.MIN_VALUE;

    /**
     * The instant of an ISO date-time with a UTC offset ({@link #REGEX}) in microseconds since
     * 1970-01-01T00:00Z, digits of the fraction beyond the sixth dropped (DuckDB and Spark keep microseconds).
     * Written by hand: it runs on every cell of an unscored column.
     *
     * @param value a value, not null
     * @return its instant in microseconds, or {@link #NONE}
     */
    public static long micros(String value) {
        int n = value.length();
        if (n < 17 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(13) != ':'
                || (value.charAt(10) != 'T' && value.charAt(10) != ' ')) {
            return NONE;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return NONE;
        }
        int i = 16;
        int second = 0;
        long micros = 0;
        if (value.charAt(i) == ':') {
            second = i + 3 <= n ? digits(value, i + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return NONE;
            }
            i += 3;
            if (i < n && value.charAt(i) == '.') {
                int from = ++i;
                for (; i < n && isDigit(value.charAt(i)); i++) {
                    if (i - from < 6) {
                        micros = 10 * micros + (value.charAt(i) - '0');
                    }
                }
                if (i == from) {
                    return NONE;
                }
                for (int k = i - from; k < 6; k++) {
                    micros *= 10;
                }
            }
        }
        int offset = offsetSeconds(value, i);
        if (offset == Integer.MIN_VALUE) {
            return NONE;
        }
        long seconds = java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L
                + second - offset;
        return seconds * 1_000_000L + micros;
    }

    /** The offset of {@link #REGEX} from {@code value[i]} to its end in seconds; MIN_VALUE when it is none. */
    private static int offsetSeconds(String value, int i) {
        int n = value.length();
        if (i == n - 1 && value.charAt(i) == 'Z') {
            return 0;
        }
        if (i + 3 > n || (value.charAt(i) != '+' && value.charAt(i) != '-')) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(value, i + 1, 2);
        int at = i + 3 < n && value.charAt(i + 3) == ':' ? i + 4 : i + 3;
        int minutes = at == n && at == i + 3 ? 0 : at + 2 == n ? digits(value, at, 2) : -1;
        if (hours < 0 || hours > 14 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int s = hours * 3600 + minutes * 60;
        return value.charAt(i) == '-' ? -s : s;
    }

    /** The {@code length} digits of {@code s} from {@code at} as a number; −1 when any is no digit. */
    private static int digits(String s, int at, int length) {
        int v = 0;
        for (int k = at; k < at + length; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = 10 * v + (c - '0');
        }
        return v;
    }

    /**
     * {@link #micros} in DuckDB's SQL, the one rule of the file profiler's ranges: NULL when the value is no
     * {@link #REGEX}, or names a day its month does not have. The fraction is cut to microseconds before
     * the cast, as {@link #micros} cuts it.
     *
     * @param text a VARCHAR SQL expression
     * @return a BIGINT SQL expression: the instant in microseconds since 1970-01-01T00:00Z, or NULL
     */
    public static String sql(String text) {
        return "CASE WHEN regexp_full_match(" + text + ", '" + REGEX + "') THEN epoch_us(try_cast("
                + "regexp_replace(" + text + ", '([.][0-9]{6})[0-9]+', '\\1') AS TIMESTAMPTZ)) END";
    }

    /** The days of a month of the proleptic Gregorian calendar (java.time's and DuckDB's). */
    private static int monthLength(int year, int month) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
