// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.config.SourceConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The span of data one check covers, [start, end), and its key: the start's local date
 * ({@code 2024-05-03}) when it starts at midnight, else its local date-time
 * ({@code 2024-05-03T06:00}). {@code {date}} in a source path is the start's local date. A check
 * is identified in the store (with the monitor and the reference version) by what it reads,
 * {@link #key(SourceConfig)}: for a source chosen by date that is the date, so the scheduled
 * window [05-03 06:00, 05-04 06:00) and the day 2024-05-03 asked for through the API are one check.
 *
 * @param start the first instant
 * @param end   the instant after the last
 * @param zone  the zone of the key and the date
 */
public record Window(Instant start, Instant end, ZoneId zone) {
    /** @return the window's key */
    public String key() {
        LocalDateTime t = LocalDateTime.ofInstant(start, zone);
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /**
     * The key of a check of this window from {@code source}: the date ({@link #date()}) when the
     * source is chosen by date ({@link SourceConfig#byDate()}), since every window of that date
     * reads the same data; else {@link #key()}.
     *
     * @param source the monitor's source, or null (a profile pushed for the window)
     * @return the key that identifies the check
     */
    public String key(SourceConfig source) {
        return source != null && source.byDate() ? date().toString() : key();
    }

    /** @return the start's local date, substituted for {@code {date}} */
    public LocalDate date() {
        return LocalDate.ofInstant(start, zone);
    }

    /**
     * A window given by a user: a date ({@code 2024-05-03}: that day) or a date-time (one day from it).
     *
     * @param text the window as typed
     * @param zone the monitor's zone
     * @return the window
     * @throws ValidationException naming {@code window} when it is not ISO
     */
    public static Window parse(String text, ZoneId zone) {
        try {
            ZonedDateTime s = LocalDate.parse(text.trim()).atStartOfDay(zone);
            return new Window(s.toInstant(), s.plusDays(1).toInstant(), zone);
        } catch (DateTimeParseException | NullPointerException e) {
            try {
                ZonedDateTime s = LocalDateTime.parse(text.trim()).atZone(zone);
                return new Window(s.toInstant(), s.plusDays(1).toInstant(), zone);
            } catch (DateTimeParseException | NullPointerException e2) {
                throw new ValidationException("window: expected an ISO date such as 2024-05-03 or 2024-05-03T06:00, got '"
                        + text + "'");
            }
        }
    }
}
