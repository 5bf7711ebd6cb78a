// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.core.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The date or time a check is run for ({@code --at}), as a UTC instant: the store orders history
 * by this instant and identifies a run by it, so "2024-05-01" and "2024-05-01T00:00" are the same
 * run, and the text format never decides the order.
 */
public final class RunTime {
    private RunTime() {
    }

    /**
     * Parses an ISO date ({@code 2024-05-01}, midnight UTC), local date-time ({@code 2024-05-01T06:00},
     * read as UTC) or date-time with offset ({@code 2024-05-01T06:00+02:00}).
     *
     * @param at the text
     * @return the instant
     * @throws ValidationException if the text is none of these
     */
    public static Instant parse(String at) {
        return parse(at, ZoneOffset.UTC);
    }

    /**
     * The day a run at {@code at} belongs to, by the one day rule of monitors: the run's instant
     * ({@link #parse}) as a date in {@code zone}, the monitor's zone, else UTC. A date or local
     * date-time is read in that zone, so its own date is its day; a date-time with an offset is
     * moved to the zone first: {@code 2024-05-03T23:30-05:00} is 2024-05-04 in UTC.
     *
     * @param at   the run's time or window key, as {@link #parse} reads it
     * @param zone the monitor's zone (UTC where it has none)
     * @return the run's day in {@code zone}
     * @throws ValidationException if the text is no ISO date or date-time
     */
    public static LocalDate day(String at, ZoneId zone) {
        return LocalDate.ofInstant(parse(at, zone), zone);
    }

    /**
     * Today by the same day rule as {@link #day}: the date now in {@code zone}, the monitor's zone, else
     * UTC; never the machine's own zone, so a check run without {@code --at} at 23:30 in New York is
     * recorded as the UTC day the store files it under.
     *
     * @param zone the monitor's zone (UTC where it has none)
     * @return today's date in {@code zone}
     */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }

    /**
     * The instant of a run time in a monitor's zone: a date at its start of day there, a local date-time
     * there, a date-time with an offset as written (the instant {@link #day} takes the date of).
     *
     * @param at   the run's time or window key
     * @param zone the monitor's zone (UTC where it has none)
     * @return the instant
     * @throws ValidationException if the text is no ISO date or date-time
     */
    public static Instant parse(String at, ZoneId zone) {
        if (at != null) {
            try {
                return LocalDate.parse(at).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e1) {
                try {
                    return LocalDateTime.parse(at).atZone(zone).toInstant();
                } catch (DateTimeParseException e2) {
                    try {
                        return OffsetDateTime.parse(at).toInstant();
                    } catch (DateTimeParseException e3) {
                        // fall through to the error
                    }
                }
            }
        }
        throw new ValidationException("at: expected an ISO date such as 2024-05-01 or a date-time such as "
                + "2024-05-01T06:00 (" + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId())
                + ") or 2024-05-01T06:00+02:00, got '" + at + "'");
    }
}
