// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.store.DriftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag check of a check run without a run time ({@code drift check --max-lag 36h} without {@code --at}): the
 * check is filed under today's date, and the lag's "now" is the check's clock, not the start of that day. The
 * clock is the one {@link MonitorCheck#withMaxLag} takes (the CLI gives it {@code Instant.now()}); here it is
 * fixed, so nothing sleeps. Known truth: April's hourly orders as the baseline, then a batch whose newest order is
 * 2024-05-02T06:00Z, checked on 3 May (filed "2024-05-03") at 20:00Z (38 hours behind: stale under 36 h) and at
 * 10:00Z (28 hours: fresh). Measured from the filed day's start (18 hours) both would pass.
 */
class MaxLagClockTest {
    @TempDir
    Path dir;

    private static final Duration LIMIT = Duration.ofHours(36);

    /** Hourly orders from {@code from}, {@code hours} of them, with their time in ISO 8601 UTC ({@code ts}). */
    private static Table hourly(Instant from, int hours) {
        String[] ts = new String[hours];
        double[] amount = new double[hours];
        for (int i = 0; i < hours; i++) {
            ts[i] = from.plusSeconds(3600L * i).toString();
            amount[i] = 10 + (i * 7919 % 101) * 0.5;
        }
        return Table.of(List.of(CategoricalColumn.of("ts", ts), NumericColumn.of("amount", amount)));
    }

    private static ColumnDrift ts(DriftStore store, Instant now, Table batch) {
        MonitorCheck check = MonitorCheck.of("orders").withMaxLag(LIMIT, now);
        MonitorCheck.Baseline b = check.baseline(store, "2024-05-03"); // today's date, as the CLI files it
        return check.score(b, ProfileBuilder.count(b.reference(), batch)).columns().stream()
                .filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }

    @Test
    void withoutARunTimeTheLagIsMeasuredFromTheCheckClockAndSaysSo() {
        Profile april = ProfileBuilder.fit(hourly(Instant.parse("2024-04-01T00:00:00Z"), 30 * 24),
                ProfileOptions.defaults());
        assertThat(april.column("ts").role()).isEqualTo(dev.surprisal.core.ColumnRole.TIMESTAMP);
        Table batch = hourly(Instant.parse("2024-05-02T00:00:00Z"), 7); // newest 2024-05-02T06:00:00Z
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("orders", april);
            ColumnDrift evening = ts(store, Instant.parse("2024-05-03T20:00:00Z"), batch);
            assertThat(evening.status()).as(evening.reason()).isEqualTo(Status.WARN);
            assertThat(evening.reason()).contains("stale data: today's newest value 2024-05-02T06:00:00Z lies "
                    + "1 day 14 hours before the check's time 2024-05-03T20:00:00Z (max-lag 1 day 12 hours; a stalled "
                    + "feed, or an old batch sent late?)");
            ColumnDrift morning = ts(store, Instant.parse("2024-05-03T10:00:00Z"), batch);
            assertThat(morning.status()).as(morning.reason()).isEqualTo(Status.OK);
            assertThat(morning.reason()).contains("newest value 2024-05-02T06:00:00Z, 1 day 4 hours before the check's "
                    + "time 2024-05-03T10:00:00Z (max-lag 1 day 12 hours)").doesNotContain("stale data");
        }
    }
}
