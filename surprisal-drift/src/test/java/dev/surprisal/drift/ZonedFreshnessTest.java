// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.DriftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store overload of {@link MonitoredCheck#freshness} takes the monitor's zone: a batch's day is its
 * date there. Known truth: two evening batches in Chicago (UTC-5 in May) both hold 3 May's orders; at
 * 22:00 Chicago it is already 4 May in UTC.
 */
class ZonedFreshnessTest {
    @TempDir
    Path dir;

    @Test
    void aSecondEveningBatchInChicagoIsItsDaysSecondBatchNotYesterdayReSent() {
        LocalDate may3 = LocalDate.parse("2024-05-03");
        Profile baseline = aprilOrders();
        ZoneId chicago = ZoneId.of("America/Chicago");
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("orders", baseline);
            int version = store.reference("orders").orElseThrow().version();
            recordFirstEveningBatch(store, baseline, version);

            String second = "2024-05-03T22:00-05:00";
            Profile secondBatch = ProfileBuilder.count(baseline, BatchFreshnessTest.dated(may3, may3, 25));
            ColumnDrift inChicago = column(score(baseline, secondBatch,
                    MonitoredCheck.freshness(store, "orders", version, second, Set.of(), chicago)));
            assertThat(inChicago.status()).as(inChicago.reason()).isEqualTo(Status.OK);
            assertThat(inChicago.reason()).contains("a second batch of 2024-05-03");

            // the old behaviour, kept for a monitor without a zone: in UTC the batch is 4 May's, so 3 May is stale
            ColumnDrift inUtc = column(score(baseline, secondBatch,
                    MonitoredCheck.freshness(store, "orders", version, second, Set.of())));
            assertThat(inUtc.status()).as(inUtc.reason()).isEqualTo(Status.WARN);
            assertThat(column(score(baseline, secondBatch, MonitoredCheck.freshness(store, "orders", version, second,
                    Set.of(), ZoneOffset.UTC))).reason()).isEqualTo(inUtc.reason());
        }
    }

    @Test
    void aMonitorFileWithAZoneChecksInThatZoneAsTheServerDoes() throws java.io.IOException {
        // review12b: MonitorCheck.of(file) used UTC whatever the file's schedule.zone, where the server uses it
        LocalDate may3 = LocalDate.parse("2024-05-03");
        Profile baseline = aprilOrders();
        Path yaml = java.nio.file.Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "day-{date}.csv" }
                    schedule: { cron: "0 22 * * *", zone: America/Chicago }
                """);
        dev.surprisal.drift.rules.MonitorCheck check = dev.surprisal.drift.rules.MonitorCheck.fromFile(yaml, "orders");
        try (DriftStore store = DriftStore.open(dir.resolve("zoned.duckdb").toString())) {
            store.saveBaseline("orders", baseline);
            int version = store.reference("orders").orElseThrow().version();
            recordFirstEveningBatch(store, baseline, version);
            Freshness f = check.baseline(store, "2024-05-03T22:00-05:00").freshness();
            Profile secondBatch = ProfileBuilder.count(baseline, BatchFreshnessTest.dated(may3, may3, 25));
            ColumnDrift c = column(score(baseline, secondBatch, f));
            assertThat(c.status()).as(c.reason()).isEqualTo(Status.OK);
            assertThat(c.reason()).contains("a second batch of 2024-05-03");
        }
    }

    /** The baseline: a month of April's orders. */
    private static Profile aprilOrders() {
        return ProfileBuilder.fit(BatchFreshnessTest.dated(LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30"),
                40), ProfileOptions.defaults());
    }

    /** 3 May's first evening batch in Chicago, recorded with the Chicago day rule. */
    private static void recordFirstEveningBatch(DriftStore store, Profile baseline, int version) {
        LocalDate may3 = LocalDate.parse("2024-05-03");
        String first = "2024-05-03T20:00-05:00";
        Profile firstBatch = ProfileBuilder.count(baseline, BatchFreshnessTest.dated(may3, may3, 25));
        MonitoredCheck.record(store, "orders", first, version, firstBatch, score(baseline, firstBatch,
                MonitoredCheck.freshness(store, "orders", version, first, Set.of(), ZoneId.of("America/Chicago"))),
                null);
    }

    private static DriftReport score(Profile reference, Profile today, Freshness freshness) {
        return DriftScorer.compare(reference, today, DriftOptions.defaults(), ColumnRules.none(), Base.BITS, freshness);
    }

    private static ColumnDrift column(DriftReport r) {
        return r.columns().stream().filter(c -> c.name().equals("order_date")).findFirst().orElseThrow();
    }
}
