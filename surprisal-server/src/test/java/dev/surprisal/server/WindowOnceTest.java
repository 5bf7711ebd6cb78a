// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.server.schedule.Scheduler;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A window is checked once", keyed by what a check reads: the demo's monitor reads
 * {@code orders-{date}.csv} on {@code cron "0 6 * * *"}, so the scheduled window [05-01 06:00,
 * 05-02 06:00) and the day 2024-05-01 asked for through the API read the same file and are one
 * check, whichever comes first; {@code "recheck": true} checks it again on purpose, and a store
 * written before the fix (the window under its start time, {@code 2024-05-01T06:00}) is read alike.
 */
class WindowOnceTest {
    private static final String CHECKS = "/api/v1/monitors/orders/checks";

    @Test
    void theScheduledWindowAndTheSameDayFromTheApiAreOneCheck(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 400, 4, c -> c, clock)) {
            assertThat(t.server.scheduler().tick()).singleElement()
                    .satisfies(k -> assertThat(k.outcome()).isEqualTo("ran"));

            HttpResponse<String> again = t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).contains("already checked as run").contains("\\\"recheck\\\": true");
            assertThat(t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01T06:00\"}").statusCode())
                    .as("the same date at another hour reads the same file").isEqualTo(409);
            assertWindows(t, "2024-05-01");
            assertThat(t.server.metrics().scrape()).doesNotContain("surprisal_check_failures_total{");

            HttpResponse<String> forced = t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\",\"recheck\":true}");
            assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
            assertWindows(t, "2024-05-01");
            assertThat(t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\",\"recheck\":\"yes\"}").statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void aDayCheckedThroughTheApiIsNotRunAgainByTheSchedule(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 400, 4, c -> c, clock)) {
            HttpResponse<String> first = t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            List<Scheduler.Tick> ticks = t.server.scheduler().tick();
            assertThat(ticks).singleElement().satisfies(k -> {
                assertThat(k.outcome()).isEqualTo("checked already");
                assertThat(k.window()).isEqualTo("2024-05-01");
            });
            assertThat(t.server.scheduler().tick()).as("marked: not tried again").isEmpty();
            assertWindows(t, "2024-05-01");
        }
    }

    @Test
    void aStoreWrittenBeforeTheFixKeepsItsDayChecked(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 400, 4, c -> c, new MutableClock(Instant.parse("2024-05-03T07:00:00Z")))) {
            HttpResponse<String> first = t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            long run = t.server.monitors().last("orders").orElseThrow().runId();
            // what a server before the fix recorded for the scheduled window: its start time as the key
            t.server.monitors().gate().with(s -> {
                try (Statement st = s.connection().createStatement()) {
                    st.executeUpdate("UPDATE runs SET run_at = '2024-05-01T06:00', run_time = TIMESTAMP "
                            + "'2024-05-01 06:00:00' WHERE id = " + run);
                    st.executeUpdate("UPDATE surprisal_server_checks SET window_key = '2024-05-01T06:00' WHERE run_id = "
                            + run);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            assertWindows(t, "2024-05-01T06:00");
            assertThat(t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\"}").statusCode()).isEqualTo(409);

            HttpResponse<String> forced = t.post(CHECKS, t.writeToken, "{\"window\":\"2024-05-01\",\"recheck\":true}");
            assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
            assertWindows(t, "2024-05-01");
            JsonNode history = dev.surprisal.server.ReportJson.MAPPER.readTree(
                    t.get("/api/v1/monitors/orders/history", t.readToken).body());
            assertThat(history.toString()).doesNotContain("2024-05-01T06:00");
        }
    }

    /** The recorded checks, newest first, and one run per check in the drift store. */
    private static void assertWindows(TestServer t, String... windows) {
        List<ServerTables.CheckRow> checks = t.server.monitors().checks("orders", Long.MAX_VALUE, 100);
        assertThat(checks).extracting(ServerTables.CheckRow::window).containsExactly(windows);
        long runs = t.server.monitors().gate().fresh(s -> s.counts()[0]);
        assertThat(runs).as("runs in the drift store").isEqualTo(windows.length);
    }
}
