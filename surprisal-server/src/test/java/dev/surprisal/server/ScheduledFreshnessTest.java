// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.demo.EventTable;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled window is a monitor's next batch: its timestamps must advance past the last checked
 * window's, as in {@code drift check}. Known truth from {@link EventTable} (baseline days 1-30).
 */
class ScheduledFreshnessTest {
    private static final int PER_DAY = 200;

    @TempDir
    Path dir;

    @Test
    void aReSentWindowWarnsAndTheNextNewOneDoesNot() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        EventTable.days(1, 30, PER_DAY, 4).writeCsv(data.resolve("reference.csv"));
        EventTable.days(31, 31, PER_DAY, 4).writeCsv(data.resolve("day-2024-01-31.csv"));
        EventTable.days(31, 31, PER_DAY, 4).writeCsv(data.resolve("day-2024-02-01.csv")); // re-sent
        EventTable.days(32, 32, PER_DAY, 4).writeCsv(data.resolve("day-2024-02-02.csv"));
        Path yaml = dir.resolve("events.yaml");
        Files.writeString(yaml, """
                monitors:
                  - name: events
                    source: { path: "data/day-{date}.csv" }
                    reference: { path: data/reference.csv }
                """, StandardCharsets.UTF_8);
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(yaml);
        try (TestServer t = new TestServer(dir.resolve("server"), 200, 2, c -> c.withMonitors(cfg.monitors()),
                Clock.systemUTC())) {
            Monitors ms = t.server.monitors();
            CheckResult day31 = ms.check("events", Window.parse("2024-01-31", ZoneOffset.UTC), "test");
            assertThat(day31.status()).as("%s", day31.report().columns()).isEqualTo("OK");
            CheckResult resent = ms.check("events", Window.parse("2024-02-01", ZoneOffset.UTC), "test");
            assertThat(resent.status()).isEqualTo("WARN");
            assertThat(ts(resent).reason()).startsWith("stale data: today's newest value 2024-01-31T")
                    .contains("of the batch checked at 2024-01-31");
            CheckResult day32 = ms.check("events", Window.parse("2024-02-02", ZoneOffset.UTC), "test");
            assertThat(day32.status()).as("%s", day32.report().columns()).isEqualTo("OK");
        }
    }

    /** {@code perDay} orders on each day {@code first..last}: id, order_date (ISO date), amount. */
    private static void dated(Path file, java.time.LocalDate first, java.time.LocalDate last, int perDay, int firstId)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("order_id,order_date,amount\n");
        int id = firstId;
        for (java.time.LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < perDay; i++, id++) {
                csv.append(id).append(',').append(d).append(',').append(10 + (id * 7919 % 101) * 0.5).append('\n');
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * An hourly schedule over a source whose time column is a date: the second batch of a day holds the same
     * date and is not "stale data" (it was, on every batch after a day's first); the first batch of the next
     * day that holds only yesterday is. Through the scheduler, the server's check path and the store.
     */
    @Test
    void hourlyChecksOfADateColumnWarnOnlyForYesterdayReSent() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        java.time.LocalDate may3 = java.time.LocalDate.parse("2024-05-03");
        dated(data.resolve("reference.csv"), may3.minusDays(32), may3.minusDays(3), 40, 1);
        Path hourly = data.resolve("hourly.csv");
        Path yaml = dir.resolve("orders.yaml");
        Files.writeString(yaml, """
                monitors:
                  - name: hourly
                    source: { path: data/hourly.csv }
                    reference: { path: data/reference.csv }
                    schedule: { cron: "0 * * * *", zone: UTC }
                """, StandardCharsets.UTF_8);
        ServerConfig cfg = new ConfigLoader(Secrets.of(Map.of())).load(yaml);
        MutableClock clock = new MutableClock(java.time.Instant.parse("2024-05-03T02:00:30Z"));
        try (TestServer t = new TestServer(dir.resolve("server"), 200, 2, c -> c.withMonitors(cfg.monitors()), clock)) {
            Monitors ms = t.server.monitors();
            dated(hourly, may3, may3, 25, 5000);
            assertThat(hour(t, ms, "2024-05-03T01:00")).isEqualTo("OK");
            dated(hourly, may3, may3, 25, 5025); // 02:00-03:00: more orders of 3 May
            clock.set(java.time.Instant.parse("2024-05-03T03:00:30Z"));
            assertThat(hour(t, ms, "2024-05-03T02:00")).isEqualTo("OK");
            assertThat(dateReason(ms)).contains("newest date 2024-05-03, as in the batch checked at 2024-05-03T01:00",
                    "a second batch of 2024-05-03");
            dated(hourly, may3, may3, 25, 5025); // 4 May, 00:00-01:00: 3 May's orders sent again
            clock.set(java.time.Instant.parse("2024-05-04T01:00:30Z"));
            assertThat(hour(t, ms, "2024-05-04")).isEqualTo("WARN");
            assertThat(dateReason(ms)).startsWith("stale data: today's newest value 2024-05-03 is not newer than the "
                    + "newest 2024-05-03 of the batch checked at 2024-05-03T02:00");
            dated(hourly, may3.plusDays(1), may3.plusDays(1), 25, 5050);
            clock.set(java.time.Instant.parse("2024-05-04T02:00:30Z"));
            assertThat(hour(t, ms, "2024-05-04T01:00")).isEqualTo("OK");
        }
    }

    /** Runs the scheduler's tick; returns the status of the window it checked, which must be {@code window}. */
    private static String hour(TestServer t, Monitors ms, String window) {
        java.util.List<dev.surprisal.server.schedule.Scheduler.Tick> ticks = t.server.scheduler().tick();
        assertThat(ticks).as("%s", ticks).singleElement().satisfies(k -> {
            assertThat(k.window()).isEqualTo(window);
            assertThat(k.outcome()).as(k.message()).isEqualTo("ran");
        });
        return ms.checkRow("hourly", ticks.get(0).runId()).status();
    }

    private static String dateReason(Monitors ms) throws Exception {
        long run = ms.last("hourly").orElseThrow().runId();
        for (var c : ReportJson.MAPPER.readTree(ms.checkJson("hourly", run)).path("columns")) {
            if (c.path("column").asText().equals("order_date")) {
                return c.path("reason").asText();
            }
        }
        throw new AssertionError("no order_date column in run " + run);
    }

    private static ColumnDrift ts(CheckResult r) {
        return r.report().columns().stream().filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }
}
