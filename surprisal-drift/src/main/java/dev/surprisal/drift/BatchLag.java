// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.KeyStats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The age of a batch: how long before the check's time its newest timestamp lies, the lag check of a
 * monitor's stale-data rule ({@code drift check --max-lag 36h}, a monitor file's {@code max-lag: 36h}).
 * A batch that is newer than the previous one may still be weeks old (a pipeline that stalled and
 * resumed on old files); the re-sent-batch check cannot see that, the lag can. Off unless a limit is
 * given: no limit follows from the data alone (a weekly export and an hourly feed differ by 168×).
 *
 * <p>Timestamp values read as instants: epoch seconds (below 10<sup>11</sup>) or milliseconds, an ISO
 * date-time with a UTC offset as that instant, one without (local time) as UTC, an ISO date as the end
 * of its day (a date's rows may be as late as 23:59:59), in UTC.
 */
public final class BatchLag {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Epoch values from here on are milliseconds (10^11 s is the year 5138; 10^11 ms is 1973). */
    private static final double MILLIS_FROM = 1e11;

    private BatchLag() {
    }

    /**
     * Parses a lag limit: a whole number and a unit, {@code m} (minutes), {@code h} (hours), {@code d}
     * (days) or {@code w} (weeks), such as {@code 36h} or {@code 2d}; or an ISO 8601 duration such as
     * {@code PT36H}. It must be positive.
     *
     * @param option the option or key it was given as, for the message ({@code --max-lag}, {@code max-lag})
     * @param value  the text
     * @return the limit
     * @throws ValidationException naming the option and the value if it is no positive duration
     */
    public static Duration parse(String option, String value) {
        Duration d = null;
        String v = value == null ? "" : value.trim();
        try {
            if (v.startsWith("P") || v.startsWith("p")) {
                d = Duration.parse(v);
            } else if (v.length() >= 2) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                d = switch (v.charAt(v.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    case 'w' -> Duration.ofDays(7 * n);
                    default -> null;
                };
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ValidationException(option + ": expected a positive duration such as 90m, 36h, 2d or 1w (or ISO "
                    + "PT36H), got '" + value + "'");
        }
        return d;
    }

    /**
     * A timestamp or date value as an instant (see the class comment), or null when it is none.
     *
     * @param value the value as the profile's range holds it
     * @return its instant, or null
     */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            double x = Double.parseDouble(value);
            return Double.isFinite(x) ? Instant.ofEpochMilli((long) Math.floor(x < MILLIS_FROM ? x * 1000 : x)) : null;
        } catch (NumberFormatException e) {
            // ISO text: below
        }
        String offset = KeyStats.offsetOf(value);
        try {
            if (offset == null) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
            }
            String local = value.substring(0, value.length() - offset.length()).replace(' ', 'T').replace('t', 'T');
            ZoneOffset zone = offset.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(offset.toUpperCase(Locale.ROOT));
            return LocalDateTime.parse(local).toInstant(zone);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A value as the stale-data reasons print it: as written, with its UTC instant where the text does not show
     * it: an epoch number ({@code 2026-02-01 23:59:00 UTC (epoch 1769990340)}), and a date-time whose offset is
     * written differently from {@code other}'s ({@code 2026-04-15T09:59:46+09:00 (2026-04-15 00:59:46 UTC)}).
     *
     * @param value the value
     * @param other the value it is compared with, or null
     * @return the text
     */
    static String shown(String value, String other) {
        if (value == null) {
            return "null";
        }
        Instant at = instant(value);
        if (at == null) {
            return value;
        }
        if (KeyStats.offsetOf(value) == null && !value.contains("-")) {
            return SHOWN.format(at) + " UTC (epoch " + value + ")";
        }
        String mine = KeyStats.offsetOf(value);
        String theirs = other == null ? null : KeyStats.offsetOf(other);
        boolean differ = mine != null && theirs != null && !mine.equalsIgnoreCase(theirs);
        return differ && !mine.isEmpty() && !mine.equalsIgnoreCase("Z") ? value + " (" + SHOWN.format(at) + " UTC)"
                : value;
    }

    /**
     * The lag of a batch's newest value behind the check's time in words ("73 days 4 hours"), to the minute.
     *
     * @param lag a non-negative duration
     * @return the words
     */
    public static String words(Duration lag) {
        long days = lag.toDays();
        long hours = lag.toHoursPart();
        long minutes = lag.toMinutesPart();
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append(days == 1 ? " day" : " days");
        }
        if (hours > 0) {
            b.append(b.length() > 0 ? " " : "").append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (days == 0 && (minutes > 0 || b.length() == 0)) {
            b.append(b.length() > 0 ? " " : "").append(minutes).append(minutes == 1 ? " minute" : " minutes");
        }
        return b.toString();
    }
}
