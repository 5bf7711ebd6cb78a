// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.ColumnProfile;
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
 *   <li>{@link #nextBatch()} and {@link #after(String, Profile)}: a monitor's next batch ({@code drift
 *       check}, the server's scheduled checks). A batch should add time: today's newest value not newer
 *       than the newest of the previous checked batch (a re-sent or replayed batch), or, before any
 *       batch was checked, than the reference's newest (a day of the reference period), is WARN, as is a
 *       today entirely older than the reference. This is the freshness idea of Deequ's and whylogs'
 *       monitors (the newest timestamp must advance), applied batch to batch.</li>
 * </ul>
 * Values are ordered as numbers when both are numbers (epoch times), else as text (ISO 8601 sorts in
 * time order).
 */
public final class Freshness {
    private static final Freshness SAMPLES = new Freshness(false, null, Map.of());
    private static final Freshness FIRST_BATCH = new Freshness(true, null, Map.of());

    private final boolean batch;
    private final String previousAt;
    private final Map<String, String> previousNewest;

    private Freshness(boolean batch, String previousAt, Map<String, String> previousNewest) {
        this.batch = batch;
        this.previousAt = previousAt;
        this.previousNewest = previousNewest;
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
     * {@code previous}'s newest (a re-sent or replayed batch). A column {@code previous} lacks, or has no
     * value in, is compared with the reference's newest.
     *
     * @param at       the previous batch's run time, as recorded (named in the warning)
     * @param previous the previous checked batch's profile
     * @return the rule for the batch after {@code previous}
     * @throws ValidationException if {@code at} or {@code previous} is null
     */
    public static Freshness after(String at, Profile previous) {
        if (at == null || previous == null) {
            throw new ValidationException("previous batch: its run time and profile are both needed, got "
                    + (at == null ? "no run time" : "no profile"));
        }
        Map<String, String> newest = new LinkedHashMap<>();
        for (ColumnProfile c : previous.columns()) {
            if (c.keys() != null && c.keys().max() != null) {
                newest.put(c.name(), c.keys().max());
            }
        }
        return new Freshness(true, at, Map.copyOf(newest));
    }

    /** @return true for a monitor's next batch, false for two samples */
    public boolean isBatch() {
        return batch;
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
     */
    void judge(String column, String refOldest, String refNewest, String oldest, String newest, Findings f) {
        if (newest == null || refOldest == null || refNewest == null) {
            return;
        }
        if (compareTimes(newest, refOldest) < 0) {
            f.add(Status.WARN, "stale data: today's newest value " + newest + " is older than the reference's oldest "
                    + refOldest + " (all of today lies before the reference)");
            return;
        }
        String last = previousNewest.get(column);
        if (batch && last != null) {
            if (compareTimes(newest, last) <= 0) {
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
    }

    /**
     * Orders two timestamp or date values: as numbers when both are (epoch seconds or milliseconds,
     * where "999" &lt; "1000"), else as text (ISO 8601 text sorts in time order).
     */
    static int compareTimes(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    @Override
    public String toString() {
        return !batch ? "samples" : previousAt == null ? "next batch (after the reference)"
                : "next batch (after the batch checked at " + previousAt + ")";
    }
}
