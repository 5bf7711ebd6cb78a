// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.server.schedule.Scheduler;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on a controlled clock: the demo monitor runs at 06:00 UTC, each window is the day
 * before ({@code {date}} = the window's start date). Only the latest missed window runs, none runs
 * twice (also after a restart), a paused monitor does not run, and concurrent ticks run a window once.
 */
class ScheduleTest {
    @Test
    void latestWindowOnlyNeverTwiceNotWhenPausedAndNoOverlap(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 400, 4, c -> c, clock)) {
            Scheduler s = t.server.scheduler();
            List<Scheduler.Tick> first = s.tick();
            assertThat(first).singleElement().satisfies(k -> {
                assertThat(k.outcome()).isEqualTo("ran");
                assertThat(k.window()).as("keyed by its {date}").isEqualTo("2024-05-01");
                assertThat(k.missed()).isZero();
            });
            assertThat(s.tick()).isEmpty();

            // down from May 2 to May 5: windows starting May 2 and 3 are missed, only May 4 runs (the drifted day)
            clock.set(Instant.parse("2024-05-05T06:30:00Z"));
            List<Scheduler.Tick> later = s.tick();
            assertThat(later).singleElement().satisfies(k -> {
                assertThat(k.window()).isEqualTo("2024-05-04");
                assertThat(k.missed()).isEqualTo(2);
                assertThat(k.message()).contains("DRIFT").contains("2 earlier missed window(s) not run");
            });
            assertThat(t.server.monitors().missedWindows("orders")).isEqualTo(2);
            assertThat(ReportJson.MAPPER.readTree(t.get("/api/v1/monitors/orders", t.readToken).body())
                    .get("missed_windows").asLong()).isEqualTo(2);
            assertThat(t.server.metrics().scrape())
                    .contains("surprisal_schedule_missed_windows_total{monitor=\"orders\"} 2.0");

            // a restarted scheduler on the same store does not run that window again
            Scheduler restarted = new Scheduler(t.server.monitors(), clock);
            assertThat(restarted.tick()).isEmpty();

            // paused: the next window waits
            t.server.monitors().setPaused("orders", true);
            clock.set(Instant.parse("2024-05-06T06:30:00Z"));
            assertThat(s.tick()).isEmpty();
            t.server.monitors().setPaused("orders", false);

            // four concurrent ticks on a new window: one run, never two
            clock.set(Instant.parse("2024-05-05T06:30:00Z").plusSeconds(86400));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Scheduler.Tick> all = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> {
                    go.await();
                    all.addAll(s.tick());
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            // the window of May 5 has no file in the demo (4 days): it is skipped, once
            assertThat(all.stream().filter(k -> !k.outcome().equals("busy")).toList()).singleElement()
                    .satisfies(k -> assertThat(k.outcome()).isEqualTo("skipped"));
            List<ServerTables.CheckRow> checks = t.server.monitors().checks("orders", Long.MAX_VALUE, 100);
            assertThat(checks).extracting(ServerTables.CheckRow::window)
                    .containsExactly("2024-05-04", "2024-05-01");
            assertThat(checks).extracting(ServerTables.CheckRow::trigger).containsOnly("schedule");
            assertThat(checks.get(1).createdAt()).isEqualTo(Instant.parse("2024-05-02T07:00:00Z"));
        }
    }
}
