// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.schedule;

import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 5-field cron through Quartz, with daylight-saving days in Europe/Berlin and America/New_York. */
class CronTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void dailyInUtc() {
        Cron c = Cron.parse("0 6 * * *", ZoneId.of("UTC"));
        assertThat(c.nextAfter(Instant.parse("2024-05-01T06:00:00Z"))).isEqualTo(Instant.parse("2024-05-02T06:00:00Z"));
        assertThat(c.latestAtOrBefore(Instant.parse("2024-05-01T05:59:59Z")))
                .isEqualTo(Instant.parse("2024-04-30T06:00:00Z"));
        assertThat(c.latestAtOrBefore(Instant.parse("2024-05-01T06:00:00Z")))
                .isEqualTo(Instant.parse("2024-05-01T06:00:00Z"));
    }

    @Test
    void unixDayNumbersMeanWhatTheyMeanInUnix() {
        Cron sunday0 = Cron.parse("0 12 * * 0", ZoneId.of("UTC"));
        Cron sunday7 = Cron.parse("0 12 * * 7", ZoneId.of("UTC"));
        Cron monFri = Cron.parse("0 12 * * 1-5", ZoneId.of("UTC"));
        Instant saturday = Instant.parse("2024-05-04T13:00:00Z");
        assertThat(sunday0.nextAfter(saturday)).isEqualTo(Instant.parse("2024-05-05T12:00:00Z"));
        assertThat(sunday7.nextAfter(saturday)).isEqualTo(Instant.parse("2024-05-05T12:00:00Z"));
        assertThat(monFri.nextAfter(saturday)).isEqualTo(Instant.parse("2024-05-06T12:00:00Z"));
    }

    @Test
    void springForwardSkipsTheMissingHourAndKeepsLocalTimeAfterwards() {
        // Berlin, 2024-03-31: 02:00 -> 03:00. 02:30 does not exist that day.
        Cron c = Cron.parse("30 2 * * *", BERLIN);
        Instant next = c.nextAfter(at("2024-03-30T03:00", BERLIN));
        // Quartz does not fire on the gap day (no 02:30 exists), and fires at 02:30 local the next day
        assertThat(next.atZone(BERLIN).toLocalDateTime().toString()).isEqualTo("2024-04-01T02:30");
        assertThat(next).isEqualTo(Instant.parse("2024-04-01T00:30:00Z"));
        // 06:00 local: 04:00 UTC in summer, 05:00 UTC in winter
        Cron six = Cron.parse("0 6 * * *", BERLIN);
        assertThat(six.nextAfter(Instant.parse("2024-03-30T12:00:00Z"))).isEqualTo(Instant.parse("2024-03-31T04:00:00Z"));
        assertThat(six.nextAfter(Instant.parse("2024-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2024-03-30T05:00:00Z"));
    }

    @Test
    void fallBackFiresOnceInTheRepeatedHour() {
        // New York, 2024-11-03: 02:00 -> 01:00, so 01:30 local happens twice.
        Cron c = Cron.parse("30 1 * * *", NEW_YORK);
        Instant first = c.nextAfter(at("2024-11-02T12:00", NEW_YORK));
        Instant second = c.nextAfter(first);
        assertThat(first.atZone(NEW_YORK).toLocalDate().toString()).isEqualTo("2024-11-03");
        assertThat(second.atZone(NEW_YORK).toLocalDateTime().toString()).isEqualTo("2024-11-04T01:30");
    }

    @Test
    void malformedExpressionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Cron.parse("0 6 * *", ZoneId.of("UTC"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("expected 5 fields");
        assertThatThrownBy(() -> Cron.parse("0 25 * * *", ZoneId.of("UTC"))).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> Cron.parse("0 6 * * 8", ZoneId.of("UTC"))).hasMessageContaining("0-7");
    }

    @Test
    void theServersLoaderRefusesABadScheduleAtItsFileLineAndKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), """
                monitors:
                  - name: orders
                    source: { path: a.csv }
                    schedule: { cron: "0 6 1 * MON" }
                """);
        var loader = Cron.configLoader(dev.surprisal.drift.config.Secrets.of(java.util.Map.of()));
        assertThatThrownBy(() -> loader.load(f)).hasMessageStartingWith(f + ":4: monitors[0].schedule.cron: cron:")
                .hasMessageContaining("both day-of-month and day-of-week");
    }
}
