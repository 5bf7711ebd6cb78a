// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retention-days} on the server's clock: an expired check leaves the history, the check list and
 * the drift store together, so an excluded run cannot return into the history when its record ages out;
 * a recent check stays whole.
 */
class RetentionTest {
    @Test
    void expiredChecksLeaveHistoryAndRecordsTogetherAndExclusionsDoNotComeBack(@TempDir Path dir) {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 400, 4, c -> c.withRetentionDays(10), clock)) {
            Monitors ms = t.server.monitors();
            long first = ms.check("orders", Window.parse("2024-05-01", ZoneOffset.UTC), "api").runId();
            long second = ms.check("orders", Window.parse("2024-05-02", ZoneOffset.UTC), "api").runId();
            ms.exclude("orders", first, "a bad load");
            assertThat(runs(ms)).containsExactly(second);

            clock.set(Instant.parse("2024-05-11T06:59:00Z")); // 9 days on: nothing expires yet
            assertThat(ms.applyRetention(clock.instant())).isZero();
            clock.set(Instant.parse("2024-05-20T07:00:00Z"));
            long third = ms.check("orders", Window.parse("2024-05-03", ZoneOffset.UTC), "api").runId();
            assertThat(ms.applyRetention(clock.instant())).isEqualTo(2);

            assertThat(runs(ms)).containsExactly(third);
            assertThat(ms.checks("orders", Long.MAX_VALUE, 100)).extracting(ServerTables.CheckRow::runId)
                    .containsExactly(third);
            // the drift store itself holds no run of the expired checks any more
            java.util.List<Long> stored = ms.gate().fresh(s -> s.runsRecordedBefore("orders",
                    Instant.parse("2100-01-01T00:00:00Z")));
            assertThat(stored).containsExactly(third);
            assertThat(ms.applyRetention(clock.instant())).isZero();
        }
    }

    private static Set<Long> runs(Monitors ms) {
        return ms.history("orders", null).stream().map(HistoryPoint::runId).collect(Collectors.toSet());
    }
}
