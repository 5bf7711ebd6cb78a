// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a numeric column holds Unix epoch times (seconds or milliseconds since 1970-01-01 UTC), the
 * timestamp rule for numbers ({@link RoleRules#decide}). Before it, a column of epoch seconds of the
 * last days ({@code 1764547200 + 37 i}) was id-like (near-unique or strictly increasing integers),
 * so it was never checked for stale batches and its reason said nothing of time.
 *
 * <p><b>The values decide.</b> Every number lies between 2000-01-01 and 2100-01-01 UTC read as epoch
 * seconds ({@value #FIRST_SECOND} to {@value #END_SECOND}), or every number is whole and lies there
 * read as epoch milliseconds. Order ids 1..n, or 100000..199999, lie nowhere near, nor do amounts,
 * counts or durations. Only a 10-digit (or 13-digit) number fits, and the numbers that people write
 * with 10 digits are keys: so the values must also spread as instants do, not as a key counts up.
 * A column whose whole numbers are unique and fill at least half of the integers between their
 * smallest and largest ({@value #KEY_FILL}) counts up like an auto-increment key (1,000,000,000 +
 * i); events seconds apart leave gaps (one every 37 s fills 1/37 of the seconds) or repeat
 * (several events in one second). Numbers that are not all whole may be fractional epoch seconds
 * or a measurement with a large offset ({@code 1e9 + x}): the values do not tell. Nor do whole
 * numbers before 2010 (the round offsets 1e9 s and 1e12 ms are 2001-09-09: {@code 1e12 + x}
 * integers are a measurement as often as milliseconds) or spanning more than 20 years (US phone
 * numbers of area codes 201 to 409, random 10-digit keys): the instants of one table are recent and
 * span days to years.
 *
 * <p><b>The name breaks ties</b> and only ties, stated in the reason: a column whose values count up
 * like a key, are not all whole, start before 2010 or span more than 20 years is a timestamp only
 * when its name says time ({@code ts},
 * {@code time}, {@code created_at}, {@code event_date}, {@code epoch}, …); one of whole numbers that
 * spread like instants is not one when its name says key ({@code id}, {@code customer_no},
 * {@code key}, …: random 10-digit customer numbers). The reason of a column left as it was names the
 * epoch reading it did not take.
 * Either way {@code --role COL=ROLE} settles it.
 */
final class EpochTimes {
    /** 2000-01-01T00:00:00Z in epoch seconds: the first instant an epoch column is read as. */
    static final long FIRST_SECOND = 946_684_800L;
    /** 2100-01-01T00:00:00Z in epoch seconds: the end of that range. */
    static final long END_SECOND = 4_102_444_800L;
    /** 2010-01-01T00:00:00Z in epoch seconds: the values alone read as instants from here on. */
    static final long RECENT_SECOND = 1_262_304_000L;
    /** Most years the values alone may span to read as the instants of one table. */
    static final int MAX_SPAN_YEARS = 20;
    /** Share of the integers between a column's smallest and largest value from which unique values count up like a key. */
    static final double KEY_FILL = 0.5;

    /** Name words that say time: a whole word of the name ({@code ts}, {@code created_at}), or part of one ({@code eventtime}). */
    private static final Set<String> TIME_WORDS = Set.of("ts", "at", "epoch", "unix", "created", "updated", "modified",
            "when", "utc");
    private static final String[] TIME_PARTS = {"time", "date"};
    /** Name words that say key. */
    private static final Set<String> KEY_WORDS = Set.of("id", "ids", "key", "no", "nr", "num", "number", "code",
            "ref", "sku", "uuid", "serial", "phone", "tel", "mobile", "fax", "ean", "gtin", "upc", "barcode", "isbn");

    /** How far ahead of the clock the values of a table's instants may lie, in years. */
    private static final int FUTURE_YEARS = 2;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EpochTimes() {
    }

    /**
     * The timestamp reason of a numeric column with more than {@value RoleRules#MAX_DISCRETE_VALUES}
     * distinct values that holds epoch times, or null when it does not (see the class comment).
     *
     * @param s the statistics of a numeric column
     * @return the reason, or null
     */
    static String timestampReason(ColumnStats s) {
        String unit = unit(s);
        if (unit == null) {
            return null;
        }
        boolean whole = s.integers() == s.numbers();
        double scale = unit.equals("seconds") ? 1 : 1000;
        String tie = tie(s, scale);
        String name = s.column();
        if (tie != null ? !says(name, TIME_WORDS, TIME_PARTS) : says(name, KEY_WORDS, new String[0])) {
            return null;
        }
        String reason = (s.distinctAtLeast() ? "at least " : "") + RoleRules.n(s.distinctNumbers()) + " distinct "
                + (whole ? "integers" : "numbers") + " from " + shown(s.min() / scale) + " to "
                + shown(s.max() / scale) + " UTC read as epoch " + unit;
        return reason + (tie != null ? " (" + tie + "; the name '" + name + "' says time)" : "") + ": timestamp";
    }

    /**
     * What the reason of a column of whole numbers not found a timestamp adds when its values would read as
     * epoch times, so that the user sees the other reading and its option.
     *
     * @param s the statistics of a numeric column whose role is not timestamp
     * @return the note, or "" when its values are no epoch times
     */
    static String otherReading(ColumnStats s) {
        String unit = unit(s);
        if (unit == null || s.integers() != s.numbers()) {
            return ""; // 1e9 + x is a measurement with an offset more often than fractional epoch seconds
        }
        double scale = unit.equals("seconds") ? 1 : 1000;
        String tie = tie(s, scale);
        String why = tie != null ? tie + " and the name says no time" : "the name says key";
        return " (as epoch " + unit + " they would be " + shown(s.min() / scale) + " to " + shown(s.max() / scale)
                + " UTC, but " + why + ": --role " + s.column() + "=timestamp if they are times)";
    }

    /** "seconds" or "milliseconds" when every number is an epoch time in that unit from 2000 to 2100, else null. */
    private static String unit(ColumnStats s) {
        if (s.numbers() == 0 || s.distinctNumbers() <= RoleRules.MAX_DISCRETE_VALUES) {
            return null;
        }
        if (s.min() >= FIRST_SECOND && s.max() < END_SECOND) {
            return "seconds";
        }
        boolean whole = s.integers() == s.numbers();
        return whole && s.min() >= FIRST_SECOND * 1000.0 && s.max() < END_SECOND * 1000.0 ? "milliseconds" : null;
    }

    /**
     * Why the values of an epoch-range column do not settle it (the name then does), or null when they read
     * as instants: whole numbers that do not count up like a key, from {@value #RECENT_SECOND} (2010) on,
     * spanning at most {@value #MAX_SPAN_YEARS} years, and at most {@value #FUTURE_YEARS} years ahead of the clock.
     */
    private static String tie(ColumnStats s, double scale) {
        if (s.integers() != s.numbers()) {
            return "they are not all whole, as a measurement with an offset (1e9 + x) is not";
        }
        if (countsUpLikeAKey(s)) {
            return "they count up like a key";
        }
        if (s.min() < RECENT_SECOND * scale) {
            return "they start before 2010, where offsets such as 1e9 or 1e12 + x lie (2001-09-09)";
        }
        if (s.max() - s.min() > MAX_SPAN_YEARS * 365.25 * 86_400 * scale) {
            return "they span more than " + MAX_SPAN_YEARS + " years, as phone numbers or random keys do";
        }
        // a table's instants are not years ahead of the clock: one area code's phone numbers (303-555-xxxx is
        // 2066 in seconds) or EAN barcodes (3017620xxxxxx is 2065 in milliseconds) are (review12a)
        double horizon = System.currentTimeMillis() / 1000.0 + FUTURE_YEARS * 365.25 * 86_400;
        if (s.max() > horizon * scale) {
            return "they lie more than " + FUTURE_YEARS + " years in the future, as phone numbers and barcodes do";
        }
        return null;
    }

    /** Whole, unique, and filling at least {@value #KEY_FILL} of the integers between the smallest and largest. */
    private static boolean countsUpLikeAKey(ColumnStats s) {
        long d = s.distinctNumbers();
        return s.integers() == s.numbers() && !s.distinctAtLeast() && d >= RoleRules.ID_DISTINCT_RATIO * s.numbers()
                && d >= KEY_FILL * (s.max() - s.min() + 1);
    }

    /**
     * Whether the name has one of {@code words} as a word (split at anything not a letter or digit and
     * at a lower-to-upper case step: {@code createdAt}, {@code created_at}) or one of {@code parts} in a word.
     */
    static boolean says(String name, Set<String> words, String[] parts) {
        String split = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        for (String w : split.split("[^a-z0-9]+")) {
            if (words.contains(w)) {
                return true;
            }
            for (String p : parts) {
                if (w.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String shown(double epochSeconds) {
        return SHOWN.format(Instant.ofEpochSecond((long) Math.floor(epochSeconds)));
    }
}
