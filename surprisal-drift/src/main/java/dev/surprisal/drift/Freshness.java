// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.ColumnProfile;
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
 * <p>Values are ordered by {@link KeyStats#compareTimes}, the order of the profiles' ranges:
 * numbers by value (epoch times, {@code 999999999 < 1000000000}), ISO 8601 text in time order, and two
 * date-times whose UTC offsets are written differently as instants (the same instant is the same time).
 */
public final class Freshness {
    /**
     * The words a column's finding holds when its values span too much of the reference to tell a
     * re-sent batch; rendered from the decision {@link #judge} returns ({@link ColumnDrift#staleCheckSkipped()}).
     */
    static final String NOT_CHECKED = "not checked for re-sent batches";

    private static final Freshness SAMPLES = new Freshness(false, null, Map.of(), null);
    private static final Freshness FIRST_BATCH = new Freshness(true, null, Map.of(), null);

    private final boolean batch;
    private final String previousAt;
    private final Map<String, String> previousNewest;
    /** This batch's day (the date its run time or window starts on), or null when not given. */
    private final java.time.LocalDate day;

    private Freshness(boolean batch, String previousAt, Map<String, String> previousNewest, java.time.LocalDate day) {
        this.batch = batch;
        this.previousAt = previousAt;
        this.previousNewest = previousNewest;
        this.day = day;
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
        return new Freshness(true, previousAt, Map.copyOf(newest), day);
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
        if (compareTimes(newest, refOldest) < 0) {
            f.add(Status.WARN, "stale data: today's newest value " + newest + " is older than the reference's oldest "
                    + refOldest + " (all of today lies before the reference)");
            return false;
        }
        String last = previousNewest.get(column);
        boolean replay = oldest != null && compareTimes(oldest, refOldest) == 0 && compareTimes(newest, refNewest) == 0;
        if (batch && !replay && !isBatchTime(refOldest, refNewest, oldest, newest)) {
            f.add(Status.OK, "values " + oldest + " .. " + newest + " span as much as the reference's " + refOldest
                    + " .. " + refNewest + " (a date of the rows, like a birth or due date, not the batch's time: "
                    + NOT_CHECKED + ")");
            return true;
        }
        if (batch && last != null) {
            int c = compareTimes(newest, last);
            if (c == 0 && isThisBatchsDay(newest)) {
                f.add(Status.OK, "newest date " + newest + ", as in the batch checked at " + previousAt + ": a second "
                        + "batch of " + newest + " (a date cannot advance within its day)");
            } else if (c <= 0) {
                f.add(Status.WARN, "stale data: today's newest value " + newest + " is not newer than the newest "
                        + last + " of the batch checked at " + previousAt + " (a re-sent or replayed batch?)");
            } else {
                f.add(Status.OK, "newest value " + newest + ", after the newest " + last + " of the batch checked at "
                        + previousAt);
            }
        } else if (batch) {
            if (compareTimes(newest, refNewest) <= 0) {
                f.add(Status.WARN, "stale data: today's newest value " + newest + " is not newer than the reference's "
                        + "newest " + refNewest + " (a batch of the reference's period, re-sent or replayed?)");
            } else {
                f.add(Status.OK, "newest value " + newest + ", after the reference's newest " + refNewest);
            }
        } else {
            f.add(Status.OK, "values " + oldest + " .. " + newest + ", the reference's " + refOldest + " .. "
                    + refNewest);
        }
        return false;
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
     * A timestamp or date value as seconds on one scale (its UTC offset ignored: spans within one table), or NaN:
     * a number as it is (epoch seconds or milliseconds), an ISO date at its midnight, an ISO date-time to the
     * second.
     */
    static double seconds(String value) {
        if (value == null) {
            return Double.NaN;
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
     * Orders two timestamp or date values in time as the profiles order their ranges, date-times with
     * differently written UTC offsets as instants ({@link KeyStats#compareTimes}).
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
