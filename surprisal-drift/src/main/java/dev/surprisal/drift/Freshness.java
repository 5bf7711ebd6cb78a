// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.IsoInstants;
import dev.surprisal.data.profile.KeyStats;
import dev.surprisal.data.profile.Profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stale-data check of timestamp and date columns compares today's values with. That depends
 * on what is compared, so the caller says it:
 * <ul>
 *   <li>{@link #samples()}: two samples that may cover the same period ({@code drift compare}: a
 *       train/test split, a random split of one table, an A/B comparison). Today's newest value not
 *       newer than the reference's newest is then ordinary (half of all random splits); only a today
 *       <em>entirely older</em> than the reference (its newest value before the reference's oldest) is
 *       WARN. Otherwise a note states both ranges.</li>
 *   <li>{@link #nextBatch()} and {@link #after(String, Profile, java.time.LocalDate)}: a monitor's next
 *       batch ({@code drift check}, the server's scheduled checks). A batch should add time: today's newest value not newer
 *       than the newest of the previous checked batch (a re-sent or replayed batch), or, before any
 *       batch was checked, than the reference's newest (a day of the reference period), is WARN, as is a
 *       today entirely older than the reference. This is the freshness idea of Deequ's and whylogs'
 *       monitors (the newest timestamp must advance), applied batch to batch.</li>
 * </ul>
 * <p><b>Several batches a day of a date column.</b> A column of day resolution (ISO dates, no time)
 * cannot advance between two batches of one day (hourly checks, or checks posted several times a
 * day). So a batch whose newest date <em>equals</em> the previous batch's newest is OK when that date
 * is this batch's own day (the date of its run time or window in the monitor's zone, else UTC: one
 * rule, {@code RunTime.day}, so a run at {@code 2024-05-03T23:30-05:00} is a batch of 4 May, as the
 * store orders it): a second batch of today.
 * It is WARN when this batch's day is later (yesterday's newest date re-sent today), and a newest
 * date older than the previous batch's is WARN whatever the day. Without this batch's day (a caller
 * that does not give it), an equal newest value is WARN, as for a timestamp.
 *
 * <p>Values are ordered by {@link KeyStats#compareTimes}, as the profiles order their ranges: numbers by
 * value (epoch times, {@code 999999999 < 1000000000}), ISO 8601 text in time order, and date-times with a
 * UTC offset as instants (the same instant is the same time, whatever offset it is written in).
 */
public final class Freshness {
    /**
     * The words a column's finding holds when its values span too much of the reference to tell a
     * re-sent batch; rendered from the decision {@link #judge} returns ({@link ColumnDrift#staleCheckSkipped()}).
     */
    static final String NOT_CHECKED = "not checked for re-sent batches";

    private static final Freshness SAMPLES = new Freshness(false, null, Map.of(), null, null, null);
    private static final Freshness FIRST_BATCH = new Freshness(true, null, Map.of(), null, null, null);

    private final boolean batch;
    private final String previousAt;
    private final Map<String, String> previousNewest;
    /** This batch's day (the date its run time or window starts on), or null when not given. */
    private final java.time.LocalDate day;
    /** The check's time, the lag check's "now", or null when the lag is not checked. */
    private final java.time.Instant checkedAt;
    /** The longest lag of a batch's newest value behind {@link #checkedAt}, or null: not checked. */
    private final java.time.Duration maxLag;

    private Freshness(boolean batch, String previousAt, Map<String, String> previousNewest, java.time.LocalDate day,
                      java.time.Instant checkedAt, java.time.Duration maxLag) {
        this.batch = batch;
        this.previousAt = previousAt;
        this.previousNewest = previousNewest;
        this.day = day;
        this.checkedAt = checkedAt;
        this.maxLag = maxLag;
    }

    /**
     * This rule with the lag check ({@link BatchLag}): WARN when a batch's newest timestamp lies more than
     * {@code maxLag} before {@code checkedAt} (a batch weeks old that is still newer than the previous one).
     * Only a monitor's batch is checked so; two samples ({@link #samples()}) are not.
     *
     * @param checkedAt the check's time ({@code --at}, else the clock)
     * @param maxLag    the longest lag allowed, positive; null turns the check off
     * @return the rule with the lag check
     * @throws ValidationException if {@code maxLag} is given without {@code checkedAt}, or is not positive
     */
    public Freshness withMaxLag(java.time.Instant checkedAt, java.time.Duration maxLag) {
        if (maxLag != null && (checkedAt == null || maxLag.isNegative() || maxLag.isZero())) {
            throw new ValidationException("max-lag: expected a positive duration and the check's time, got "
                    + maxLag + " at " + checkedAt);
        }
        return new Freshness(batch, previousAt, previousNewest, day, checkedAt, maxLag);
    }

    /** @return the lag limit of this rule, or null when the lag is not checked */
    public java.time.Duration maxLag() {
        return maxLag;
    }

    /**
     * Two samples that may cover the same period ({@code drift compare}): WARN only when today lies
     * entirely before the reference.
     *
     * @return the rule for two samples
     */
    public static Freshness samples() {
        return SAMPLES;
    }

    /**
     * A monitor's next batch when no batch has been checked against this baseline yet: WARN when
     * today's newest value is not newer than the reference's newest.
     *
     * @return the rule for a monitor's first batch
     */
    public static Freshness nextBatch() {
        return FIRST_BATCH;
    }

    /**
     * A monitor's next batch after a checked one: WARN when today's newest value is not newer than
     * {@code previous}'s newest (a re-sent or replayed batch), except a date column's second batch of
     * the same day (see the class comment). A column {@code previous} lacks, or has no value in, is
     * compared with the reference's newest.
     *
     * @param previousAt the previous batch's run time, as recorded (named in the warning)
     * @param previous   the previous checked batch's profile
     * @param day        this batch's day, by the one day rule of its run time
     *                   ({@code dev.surprisal.drift.store.RunTime#day}: the monitor's zone, else UTC); null
     *                   when unknown
     * @return the rule for the batch after {@code previous}
     * @throws ValidationException if {@code previousAt} or {@code previous} is null
     */
    public static Freshness after(String previousAt, Profile previous, java.time.LocalDate day) {
        if (previousAt == null || previous == null) {
            throw new ValidationException("previous batch: its run time and profile are both needed, got "
                    + (previousAt == null ? "no run time" : "no profile"));
        }
        Map<String, String> newest = new LinkedHashMap<>();
        for (ColumnProfile c : previous.columns()) {
            if (c.keys() != null && c.keys().max() != null) {
                newest.put(c.name(), c.keys().max());
            }
        }
        return new Freshness(true, previousAt, Map.copyOf(newest), day, null, null);
    }

    /** Whether {@code value} is a date of day resolution (ISO {@code yyyy-MM-dd}, no time) that is this batch's day. */
    private boolean isThisBatchsDay(String value) {
        return day != null && value.equals(day.toString());
    }

    /**
     * Judges one timestamp or date column: a WARN for stale data, else an OK note with the ranges.
     *
     * @param column   the column's name
     * @param refOldest the reference's oldest value, or null
     * @param refNewest the reference's newest value, or null
     * @param oldest   today's oldest value, or null
     * @param newest   today's newest value, or null
     * @param f        where the finding goes
     * @return true when the re-sent-batch check could not run (today spans as much as the reference), the
     *         decision {@link ColumnDrift#staleCheckSkipped()} carries; false when it ran or did not apply
     */
    boolean judge(String column, String refOldest, String refNewest, String oldest, String newest, Findings f) {
        if (newest == null || refOldest == null || refNewest == null) {
            return false;
        }
        if (batch) {
            lag(newest, f);
            offsetStyle(refNewest, newest, f);
        }
        if (compareTimes(newest, refOldest) < 0) {
            f.add(Status.WARN, "stale data: today's newest value " + shown(newest, refOldest) + " is older than the "
                    + "reference's oldest " + shown(refOldest, newest) + " (all of today lies before the reference)");
            return false;
        }
        String last = previousNewest.get(column);
        boolean replay = oldest != null && compareTimes(oldest, refOldest) == 0 && compareTimes(newest, refNewest) == 0;
        if (batch && !replay && !isBatchTime(refOldest, refNewest, oldest, newest)) {
            f.add(Status.OK, "values " + shown(oldest, refOldest) + " .. " + shown(newest, refNewest) + " span as much "
                    + "as the reference's " + shown(refOldest, oldest) + " .. " + shown(refNewest, newest) + " (a date of the rows, like a birth or due date, not the batch's time: "
                    + NOT_CHECKED + ")");
            return true;
        }
        if (batch && last != null) {
            int c = compareTimes(newest, last);
            if (c == 0 && isThisBatchsDay(newest)) {
                f.add(Status.OK, "newest date " + newest + ", as in the batch checked at " + previousAt + ": a second "
                        + "batch of " + newest + " (a date cannot advance within its day)");
            } else if (c <= 0) {
                f.add(Status.WARN, "stale data: today's newest value " + shown(newest, last) + " is not newer than "
                        + "the newest " + shown(last, newest) + " of the batch checked at " + previousAt + " (a re-sent or replayed batch?)");
            } else {
                f.add(Status.OK, "newest value " + shown(newest, last) + ", after the newest " + shown(last, newest)
                        + " of the batch checked at " + previousAt);
            }
        } else if (batch) {
            if (compareTimes(newest, refNewest) <= 0) {
                f.add(Status.WARN, "stale data: today's newest value " + shown(newest, refNewest) + " is not newer than "
                        + "the reference's newest " + shown(refNewest, newest) + " (a batch of the reference's period, re-sent or replayed?)");
            } else {
                f.add(Status.OK, "newest value " + shown(newest, refNewest) + ", after the reference's newest "
                        + shown(refNewest, newest));
            }
        } else {
            f.add(Status.OK, "values " + shown(oldest, refOldest) + " .. " + shown(newest, refNewest) + ", the reference's "
                    + shown(refOldest, oldest) + " .. " + shown(refNewest, newest));
        }
        return false;
    }

    /**
     * The lag check ({@link #withMaxLag}): WARN when today's newest value lies more than the limit before the
     * check's time. A value that reads as no instant is not judged here.
     */
    private void lag(String newest, Findings f) {
        java.time.Instant at = maxLag == null ? null : BatchLag.instant(newest);
        if (at == null) {
            return;
        }
        java.time.Duration behind = java.time.Duration.between(at, checkedAt);
        String limit = "max-lag " + BatchLag.words(maxLag);
        if (behind.compareTo(maxLag) > 0) {
            f.add(Status.WARN, "stale data: today's newest value " + shown(newest, null) + " lies "
                    + BatchLag.words(behind) + " before the check's time " + checkedAt + " (" + limit
                    + "; a stalled feed, or an old batch sent late?)");
        } else {
            f.add(Status.OK, "newest value " + shown(newest, null) + ", "
                    + (behind.isNegative() ? "after" : BatchLag.words(behind) + " before") + " the check's time "
                    + checkedAt + " (" + limit + ")");
        }
    }

    /**
     * WARN when today's date-times write their UTC offset in another style than the reference's: {@code Z} to
     * {@code +02:00} (the writer's zone changed: hours of the day and day boundaries move), or an offset to none
     * (local time: its instant cannot be known, and it is ordered as written against the reference's instants).
     */
    private static void offsetStyle(String refNewest, String newest, Findings f) {
        String was = KeyStats.offsetOf(refNewest);
        String now = KeyStats.offsetOf(newest);
        if (was == null || now == null || was.equalsIgnoreCase(now)
                || !was.isEmpty() && !now.isEmpty() && offsetSeconds(was) == offsetSeconds(now)) {
            return; // one offset spelt two ways (+0200 and +02:00, Z and +00:00): the same clock
        }
        // +01:00 to +02:00 in spring is one zone's daylight-saving time, no change of writer: a note, not a WARN
        boolean summerTime = !was.isEmpty() && !now.isEmpty() && !was.equalsIgnoreCase("Z") && !now.equalsIgnoreCase("Z")
                && Math.abs(offsetSeconds(was) - offsetSeconds(now)) == 3600;
        f.add(summerTime ? Status.OK : Status.WARN, "time zone changed: today's date-times are written " + style(now) + " ("
                + newest + "), the reference's " + style(was) + " (" + refNewest + ")"
                + (now.isEmpty() || was.isEmpty() ? "; a local time and an instant cannot be compared, so they are "
                + "ordered as written" : "; compared as instants") + ". Refit the baseline if the writer's zone "
                + "changed on purpose" + (summerTime ? " (one hour apart: daylight-saving time?)" : ""));
    }

    /** An offset ({@code +02:00}, {@code -0500}) in seconds. */
    private static int offsetSeconds(String offset) {
        if (offset.equalsIgnoreCase("Z")) {
            return 0;
        }
        try {
            return java.time.ZoneOffset.of(offset).getTotalSeconds();
        } catch (java.time.DateTimeException e) {
            return Integer.MIN_VALUE; // an offset such as +25:00: no summer time
        }
    }

    private static String style(String offset) {
        return offset.isEmpty() ? "without a UTC offset (local time)" : "with offset " + offset;
    }

    /** A value in a reason: as written, with its UTC instant where the text does not show it ({@link BatchLag#shown}). */
    private static String shown(String value, String other) {
        return BatchLag.shown(value, other);
    }

    /**
     * Whether a column tells the batch's time: today's values span at most half of the reference's span, as the
     * event time of a day does against a month's reference. A column whose batch spans as much as the reference
     * (a birth, due or ship date: any batch holds old and new values) has a newest value that is no newer than the
     * reference's about as often as not, so "not newer" says nothing about a re-sent batch there. Unparsable
     * values, or a reference of one instant, are not the batch's time either. (A batch with exactly the
     * reference's oldest and newest values, the reference period replayed, is judged whatever its span.)
     */
    static boolean isBatchTime(String refOldest, String refNewest, String oldest, String newest) {
        double reference = seconds(refNewest) - seconds(refOldest);
        double today = seconds(newest) - seconds(oldest);
        return reference > 0 && today >= 0 && today <= 0.5 * reference;
    }

    /**
     * A timestamp or date value as seconds on one scale, or NaN: a number as it is (epoch seconds or
     * milliseconds), an ISO date-time with a UTC offset as its instant ({@link IsoInstants#micros}: a range's
     * ends may be written in two offsets, across the end of summer time), an ISO date at its midnight, another
     * ISO date-time to the second as written.
     */
    static double seconds(String value) {
        if (value == null) {
            return Double.NaN;
        }
        long micros = IsoInstants.micros(value);
        if (micros != IsoInstants.NONE) {
            return Math.floorDiv(micros, 1_000_000L);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            // ISO text: handled below
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value.substring(0, Math.min(10, value.length())));
            double s = date.toEpochDay() * 86_400.0;
            if (value.length() >= 16) {
                s += Integer.parseInt(value.substring(11, 13)) * 3600 + Integer.parseInt(value.substring(14, 16)) * 60;
                if (value.length() >= 19 && value.charAt(16) == ':') {
                    s += Integer.parseInt(value.substring(17, 19));
                }
            }
            return s;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Orders two timestamp or date values in time, date-times with UTC offsets as instants
     * ({@link KeyStats#compareTimes}).
     */
    static int compareTimes(String a, String b) {
        return KeyStats.compareTimes(a, b);
    }

    @Override
    public String toString() {
        return !batch ? "samples" : previousAt == null ? "next batch (after the reference)"
                : "next batch (after the batch checked at " + previousAt + (day == null ? "" : ", of " + day) + ")";
    }
}
