// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.core.ValidationException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
        if (at != null) {
            try {
                return LocalDate.parse(at).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e1) {
                try {
                    return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
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
                + "2024-05-01T06:00 (UTC) or 2024-05-01T06:00+02:00, got '" + at + "'");
    }
}
