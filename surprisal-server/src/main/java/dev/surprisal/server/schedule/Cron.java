// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.schedule;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A 5-field Unix cron expression ({@code minute hour day-of-month month day-of-week}) in a time
 * zone, evaluated by Quartz's {@link CronExpression} (Apache-2.0; only this class of Quartz is used,
 * not its scheduler). Quartz has a seconds field, {@code ?} for "no day restriction" and numbers
 * days of the week 1–7 from Sunday, so the expression is translated: seconds 0; {@code ?} in the
 * day field left as {@code *}; Unix day numbers 0–7 (0 and 7 Sunday) mapped to names. A Unix
 * expression restricting both day fields means "either" there and "both" in Quartz, so it is refused.
 * Across daylight-saving changes Quartz skips local times that do not exist (02:30 on a spring-forward
 * day does not fire) and fires once for a repeated hour.
 */
public final class Cron {
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
    private final String text;
    private final ZoneId zone;
    private final CronExpression quartz;

    private Cron(String text, ZoneId zone, CronExpression quartz) {
        this.text = text;
        this.zone = zone;
        this.quartz = quartz;
    }

    /**
     * The monitor-file loader of the server and {@code surprisal serve}/{@code drift --config}: the drift
     * library's loader, which also checks each monitor's schedule by {@link #parse}.
     *
     * @param secrets where {@code ${env:NAME}} is looked up
     * @return the loader
     */
    public static ConfigLoader configLoader(Secrets secrets) {
        return new ConfigLoader(secrets, Cron::parse);
    }

    /**
     * @param text 5 fields, e.g. {@code 0 6 * * *} (06:00 every day)
     * @param zone the zone the fields are read in
     * @return the expression
     * @throws ValidationException for anything else, with the reason
     */
    public static Cron parse(String text, ZoneId zone) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new ValidationException("cron: expected 5 fields (minute hour day-of-month month day-of-week), got "
                    + f.length + " in '" + text + "'");
        }
        boolean dom = !f[2].equals("*") && !f[2].equals("?");
        boolean dow = !f[4].equals("*") && !f[4].equals("?");
        if (dom && dow) {
            throw new ValidationException("cron: '" + text + "' restricts both day-of-month and day-of-week, which "
                    + "means 'either' in Unix cron and cannot be expressed here; use one of them, or two monitors");
        }
        String days = dow ? unixDays(f[4], text) : "?";
        String q = "0 " + f[0] + " " + f[1] + " " + (dow ? "?" : f[2]) + " " + f[3] + " " + days;
        try {
            CronExpression e = new CronExpression(q);
            e.setTimeZone(TimeZone.getTimeZone(zone));
            return new Cron(text.trim(), zone, e);
        } catch (ParseException | RuntimeException e) {
            throw new ValidationException("cron: cannot read '" + text + "': " + e.getMessage());
        }
    }

    private static String unixDays(String field, String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(field);
        while (m.find()) {
            int d = Integer.parseInt(m.group());
            if (d > 7) {
                throw new ValidationException("cron: day of week must be 0-7 or SUN..SAT, got " + d + " in '" + text + "'");
            }
            m.appendReplacement(out, DAYS[d]);
        }
        m.appendTail(out);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * @param after an instant
     * @return the first fire time strictly after it, or null if there is none
     */
    public Instant nextAfter(Instant after) {
        Date d = quartz.getNextValidTimeAfter(Date.from(after));
        return d == null ? null : d.toInstant();
    }

    /**
     * The latest fire time at or before {@code at}, found by stepping forward from a bounded look-back
     * (Quartz has no "previous"); null if none in the look-back of 400 days.
     *
     * @param at an instant
     * @return the last fire time not after it
     */
    public Instant latestAtOrBefore(Instant at) {
        // growing look-backs keep minute schedules to ~60 steps and daily ones to one or two
        for (long back : new long[] {3600, 86400 + 3600, 32L * 86400, 400L * 86400}) {
            Instant t = nextAfter(at.minusSeconds(back));
            if (t != null && !t.isAfter(at)) {
                Instant last = t;
                for (Instant n = nextAfter(t); n != null && !n.isAfter(at); n = nextAfter(n)) {
                    last = n;
                }
                return last;
            }
        }
        return null;
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }
}
