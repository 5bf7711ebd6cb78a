// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.math.BigDecimal;

/**
 * What is checked about a column that is not scored (id-like, timestamp, date, constant), as
 * Deequ's {@code isUnique}, {@code isComplete} and freshness checks do: how many values are present
 * and distinct (duplicate keys), and the range of the values in {@linkplain #compareValues key order}.
 * A timestamp or date column's range is that of its dates and times only: its invalid cells (counted
 * apart) are no newest or oldest time, which the stale-data check compares. Date-times with a UTC offset
 * are ranged by their instant ({@link IsoInstants}), so a file that mixes offsets has its latest instant as
 * its newest value; a range stored before 2026-12-02 was taken in text order, and is kept until refitted.
 *
 * @param present  non-missing cells
 * @param distinct distinct non-missing values; -1 when unknown (after merging two profiles)
 * @param min      smallest value in key order, as the cell's text (null when none)
 * @param max      largest value in key order, as the cell's text (null when none)
 */
public record KeyStats(long present, long distinct, String min, String max) {
    /**
     * A number as key order reads it: plain decimal text, optionally signed, with an optional
     * exponent ({@code 42}, {@code -3.5}, {@code 1.7e9}); the same pattern in Java and in DuckDB's SQL
     * ({@code regexp_full_match}), so the file and the in-memory profilers order alike.
     */
    public static final String NUMBER_REGEX = "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    /**
     * @return the share of present values that repeat an earlier one, 1 − distinct/present; NaN when unknown
     */
    public double duplicateShare() {
        return distinct < 0 || present == 0 ? Double.NaN : 1.0 - (double) distinct / present;
    }

    /**
     * @param o the other part of the same data
     * @return both together: counts add, the distinct count becomes unknown, the range widens
     */
    public KeyStats merge(KeyStats o) {
        return new KeyStats(present + o.present, -1, lower(min, o.min), higher(max, o.max));
    }

    /**
     * The order of key values, one for every profiler and for the stale-data check: numbers
     * ({@link #NUMBER_REGEX}) by their value, so an integer id or an epoch time orders as a number
     * ({@code 9 < 10}, {@code 999999999 < 1000000000}), before any other text; other text by its
     * characters (UTF-16 code units), so ISO 8601 dates and date-times order in time; last the ISO
     * date-times with a UTC offset ({@link IsoInstants#REGEX}) by their instant to the microsecond, equal
     * instants by their text ({@code …T02:10:00+01:00} after {@code …T02:50:00+02:00}, the hour after it
     * on the night daylight-saving time ends). A total order: a column of mixed numbers and text has its
     * smallest number as minimum and its largest text as maximum, and a column of local times and
     * instants (a writer that changed style) has an instant as its newest value.
     *
     * @param a a value, not null
     * @param b a value, not null
     * @return negative, zero or positive as {@code a} orders before, with or after {@code b}
     */
    public static int compareValues(String a, String b) {
        long ma = IsoInstants.micros(a);
        long mb = IsoInstants.micros(b);
        return compare(a, kind(a, ma), ma, b, kind(b, mb), mb);
    }

    /** {@link #kind}: other text. */
    private static final int TEXT = 0;
    /** {@link #kind}: a number of {@link #NUMBER_REGEX} that is not digits only. */
    private static final int NUMBER = 1;
    /** {@link #kind}: an unsigned integer written with digits only (the usual id or epoch time). */
    private static final int DIGITS = 2;
    /** {@link #kind}: an ISO date-time with a UTC offset ({@link IsoInstants#micros}), ordered after other text. */
    private static final int INSTANT = 3;

    /**
     * How key order reads {@code value}: {@link #TEXT}, {@link #NUMBER}, {@link #DIGITS} or {@link #INSTANT};
     * {@code micros} is its {@link IsoInstants#micros}.
     */
    private static int kind(String value, long micros) {
        return micros != IsoInstants.NONE ? INSTANT : !isNumber(value) ? TEXT : digitsOnly(value) ? DIGITS : NUMBER;
    }

    /** {@link #compareValues} of two values whose {@link #kind}s (and instants, for {@link #INSTANT}) are known. */
    private static int compare(String a, int ka, long ma, String b, int kb, long mb) {
        if (ka == INSTANT || kb == INSTANT) {
            // the same rule as FileProfiler's SQL (IsoInstants.sql): instants after other text, by
            // their instant, then by their text, so the range does not depend on the engine or the file's split
            int c = ka != kb ? (ka == INSTANT ? 1 : -1) : Long.compare(ma, mb);
            return c != 0 ? c : a.compareTo(b);
        }
        return compareAsWritten(a, ka, b, kb);
    }

    /** Numbers by value before text by its characters: key order before instants, and the check's order of a local time. */
    private static int compareAsWritten(String a, int ka, String b, int kb) {
        if (ka != TEXT && kb != TEXT) {
            int c = ka == DIGITS && kb == DIGITS ? compareDigits(a, b)
                    : new BigDecimal(a).compareTo(new BigDecimal(b));
            return c != 0 ? c : a.compareTo(b); // 1.0 and 1: equal in value, kept apart as texts
        }
        // text by its characters, as DuckDB's min/max and Spark's ranges order it, so a column's range does not
        // depend on the engine or on how the file was split
        return ka != TEXT ? -1 : kb != TEXT ? 1 : a.compareTo(b);
    }

    /**
     * The order of two timestamp or date values in time, as the stale-data check compares a batch with the
     * reference and the previous batch: two ISO 8601 date-times with UTC offsets ({@link IsoInstants#REGEX}) as
     * instants, equal when they are the same instant ({@code 2026-04-15T08:58:53+09:00} and
     * {@code 2026-04-14T23:58:53Z}): a batch re-written in another offset is the same batch, and an hour later in
     * {@code Z} is later than the hour before in {@code +09:00} (audit15 D2: both were compared as text). Other
     * values as written: numbers by value before text by its characters, so a local time (no offset) is never
     * guessed into an instant.
     *
     * @param a a value, not null
     * @param b a value, not null
     * @return negative, zero or positive as {@code a} is before, at or after {@code b}
     */
    public static int compareTimes(String a, String b) {
        long ma = IsoInstants.micros(a);
        long mb = IsoInstants.micros(b);
        if (ma != IsoInstants.NONE && mb != IsoInstants.NONE) {
            return Long.compare(ma, mb);
        }
        return compareAsWritten(a, kind(a, IsoInstants.NONE), b, kind(b, IsoInstants.NONE));
    }

    /**
     * The UTC offset of an ISO 8601 date-time as written: {@code "Z"}, {@code "+09:00"}, {@code "-0500"};
     * {@code ""} for a date-time without one (local time); null for a value that is no ISO date-time (a
     * date, a number, other text). The stale-data check says when the offset style of a batch differs from
     * the reference's ({@code Z} to {@code +02:00}, an offset to local time).
     *
     * @param value a value, not null
     * @return the offset as written, "" or null
     */
    public static String offsetOf(String value) {
        int i = offsetStart(value);
        if (i >= 0) {
            return value.substring(i);
        }
        boolean dateTime = value.length() >= 16 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && value.charAt(13) == ':' && "Tt ".indexOf(value.charAt(10)) >= 0;
        return dateTime ? "" : null;
    }

    /**
     * Where the UTC offset of an ISO date-time ({@code yyyy-mm-ddThh:mm...}, {@code T} or a space) starts:
     * the index of its {@code Z} or of the sign of {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}; −1 when the
     * value is no such date-time or has no offset.
     */
    private static int offsetStart(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
            return -1;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ' && sep != 't') {
            return -1;
        }
        char last = s.charAt(n - 1);
        if (last == 'Z' || last == 'z') {
            return n - 1;
        }
        for (int i = n - 1; i > 15; i--) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
            if (!isDigit(c) && c != ':') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The smallest and largest of values added one at a time, in key order ({@link #lower} and
     * {@link #higher} of each value in turn, the same result): each value is scanned once, and the
     * range's ends keep their {@link #kind}, instead of four scans per value (a 2,000-column
     * baseline spent a seventh of its CPU in them, JFR).
     */
    static final class Range {
        private String min;
        private String max;
        private int minKind;
        private int maxKind;
        private long minMicros;
        private long maxMicros;

        /** @param value a value, not null */
        void add(String value) {
            long m = IsoInstants.micros(value);
            int k = kind(value, m);
            if (min == null) {
                min = value;
                max = value;
                minKind = k;
                maxKind = k;
                minMicros = m;
                maxMicros = m;
                return;
            }
            if (compare(min, minKind, minMicros, value, k, m) > 0) {
                min = value;
                minKind = k;
                minMicros = m;
            }
            if (compare(max, maxKind, maxMicros, value, k, m) < 0) {
                max = value;
                maxKind = k;
                maxMicros = m;
            }
        }

        /** @return the smallest value added, null when none */
        String min() {
            return min;
        }

        /** @return the largest value added, null when none */
        String max() {
            return max;
        }
    }

    /**
     * Whether key order reads {@code value} as a number: a hand-written scanner of {@link #NUMBER_REGEX}
     * (the range of every unscored column's cells is kept per cell, and the regex with a BigDecimal per
     * comparison made a 2,000-column baseline 40% slower).
     *
     * @param value a cell's text
     * @return whether key order reads it as a number ({@link #NUMBER_REGEX})
     */
    public static boolean isNumber(String value) {
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false; // "", "+", ".", "+." are not numbers; ".5" and "5." are
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** An unsigned integer written with digits only (the usual id or epoch time). */
    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Two digit-only integers by value: leading zeros skipped, then the longer is larger, then by digits. */
    private static int compareDigits(String a, String b) {
        int i = 0;
        while (i < a.length() - 1 && a.charAt(i) == '0') {
            i++;
        }
        int j = 0;
        while (j < b.length() - 1 && b.charAt(j) == '0') {
            j++;
        }
        int la = a.length() - i;
        int lb = b.length() - j;
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        for (int k = 0; k < la; k++) {
            int d = a.charAt(i + k) - b.charAt(j + k);
            if (d != 0) {
                return d < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /**
     * @param a a value or null
     * @param b a value or null
     * @return the smaller in key order; the other when one is null
     */
    public static String lower(String a, String b) {
        return a == null ? b : b == null ? a : compareValues(a, b) <= 0 ? a : b;
    }

    /**
     * @param a a value or null
     * @param b a value or null
     * @return the larger in key order; the other when one is null
     */
    public static String higher(String a, String b) {
        return a == null ? b : b == null ? a : compareValues(a, b) >= 0 ? a : b;
    }
}
