// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.RunTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor's batch must add time, judged on the column's own scale: epoch seconds as numbers (their
 * range from a file was once text-ordered), and a date column at day resolution, which cannot advance
 * between two batches of one day (hourly checks). Known truth: generated orders with a known send time.
 */
class BatchFreshnessTest {
    @TempDir
    Path dir;

    /** Orders with an epoch-seconds column {@code paid_at} from {@code from} to {@code to}, one every {@code step} s. */
    private Path epochOrders(String name, long from, long to, long step) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,paid_at,amount\n");
        long id = from / step;
        for (long t = from; t <= to; t += step) {
            csv.append(id++).append(',').append(t).append(',').append(String.format(java.util.Locale.ROOT, "%.2f",
                    5 + (t / step % 97) * 1.37)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void aReSentBatchOfEpochSecondsIsCaughtWhenTheReferenceCrossesTenDigits() throws IOException {
        // the reference crosses 1,000,000,000 s (2001-09-09): as text its "newest" was 999,999,xxx and its
        // "oldest" 1,000,000,xxx, a negative span, so no batch was checked for re-sending
        ProfileOptions o = ProfileOptions.defaults().withRoles(RoleOverrides.none().withRole("paid_at",
                ColumnRole.TIMESTAMP));
        Profile ref = ProfileBuilder.fit(TableReader.open(epochOrders("ref.csv", 999_000_000L, 1_000_500_000L,
                1_500)), o);
        Profile resent = ProfileBuilder.count(ref, TableReader.open(epochOrders("resent.csv", 1_000_400_000L,
                1_000_480_000L, 1_500)));
        ColumnDrift stale = column(DriftScorer.compare(ref, resent, DriftOptions.defaults(), ColumnRules.none(),
                dev.surprisal.core.Base.BITS, Freshness.nextBatch()), "paid_at");
        assertThat(stale.status()).as(stale.reason()).isEqualTo(Status.WARN);
        // epoch values read as UTC beside the number (audit15 D8a: the number alone)
        assertThat(stale.reason()).startsWith("stale data: today's newest value 2001-09-14 14:58:20 UTC (epoch 1000479")
                .contains("not newer than the reference's newest 2001-09-14 20:40:00 UTC (epoch 1000500000)");
        Profile next = ProfileBuilder.count(ref, TableReader.open(epochOrders("next.csv", 1_000_501_500L,
                1_000_586_000L, 1_500)));
        ColumnDrift fresh = column(DriftScorer.compare(ref, next, DriftOptions.defaults(), ColumnRules.none(),
                dev.surprisal.core.Base.BITS, Freshness.nextBatch()), "paid_at");
        assertThat(fresh.status()).as(fresh.reason()).isEqualTo(Status.OK);
        assertThat(fresh.reason()).contains("after the reference's newest 2001-09-14 20:40:00 UTC (epoch 1000500000)");
    }

    /** A table of {@code perDay} orders on each day {@code first..last} (a DATE column {@code order_date}). */
    static dev.surprisal.data.Table dated(LocalDate first, LocalDate last, int perDay) {
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        String[] date = new String[days * perDay];
        double[] amount = new double[date.length];
        for (int i = 0; i < date.length; i++) {
            date[i] = first.plusDays(i / perDay).toString();
            amount[i] = 10 + (i * 7919 % 101) * 0.5;
        }
        return dev.surprisal.data.Table.of(java.util.List.of(dev.surprisal.data.CategoricalColumn.of("order_date", date),
                dev.surprisal.data.NumericColumn.of("amount", amount)));
    }

    @Test
    void hourlyBatchesOfADateColumnWarnOnlyWhenTheDayDoesNotAdvance() {
        Profile baseline = ProfileBuilder.fit(dated(LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30"), 40),
                ProfileOptions.defaults());
        assertThat(baseline.column("order_date").role()).isEqualTo(ColumnRole.DATE);
        LocalDate may3 = LocalDate.parse("2024-05-03");
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("orders", baseline);
            assertThat(check(store, "2024-05-03T01:00", may3).status()).isEqualTo(Status.OK);
            // the second batch of 3 May holds 3 May again: a date cannot advance within its day
            ColumnDrift second = check(store, "2024-05-03T02:00", may3);
            assertThat(second.status()).as(second.reason()).isEqualTo(Status.OK);
            assertThat(second.reason()).contains("newest date 2024-05-03, as in the batch checked at 2024-05-03T01:00",
                    "a second batch of 2024-05-03");
            // the first batch of 4 May holds only 3 May: yesterday re-sent, not a second batch of its day
            ColumnDrift yesterday = check(store, "2024-05-04T00:00", may3);
            assertThat(yesterday.status()).isEqualTo(Status.WARN);
            assertThat(yesterday.reason()).startsWith("stale data: today's newest value 2024-05-03 is not newer than the "
                    + "newest 2024-05-03 of the batch checked at 2024-05-03T02:00").contains("re-sent or replayed");
            // 2 May re-sent at 01:00 of 4 May: older than the batch before, whatever the day
            ColumnDrift older = check(store, "2024-05-04T01:00", may3.minusDays(1));
            assertThat(older.status()).isEqualTo(Status.WARN);
            assertThat(older.reason()).startsWith("stale data: today's newest value 2024-05-02 is not newer than the "
                    + "newest 2024-05-03 of the batch checked at 2024-05-04T00:00");
            assertThat(check(store, "2024-05-04T02:00", may3.plusDays(1)).status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void aRunTimeWithAnOffsetBelongsToItsDayInUtcAsTheStoreOrdersIt() {
        // 23:30 at UTC-5 on 3 May is 04:30 UTC on 4 May: the store orders it after a run at 4 May 00:30 UTC,
        // and the stale-data rule takes its day by the same rule (UTC: a CLI monitor has no zone). Before,
        // the day was the text's first ten characters (3 May), so 4 May's second batch was "re-sent".
        Profile baseline = ProfileBuilder.fit(dated(LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30"), 40),
                ProfileOptions.defaults());
        LocalDate may4 = LocalDate.parse("2024-05-04");
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            store.saveBaseline("orders", baseline);
            assertThat(check(store, "2024-05-04T00:30", may4).status()).isEqualTo(Status.OK);
            ColumnDrift second = check(store, "2024-05-03T23:30-05:00", may4);
            assertThat(second.status()).as(second.reason()).isEqualTo(Status.OK);
            assertThat(second.reason()).contains("newest date 2024-05-04, as in the batch checked at 2024-05-04T00:30",
                    "a second batch of 2024-05-04");
            // and 3 May's dates in that run are yesterday's, re-sent
            ColumnDrift resent = check(store, "2024-05-03T23:45-05:00", may4.minusDays(1));
            assertThat(resent.status()).as(resent.reason()).isEqualTo(Status.WARN);
        }
        assertThat(RunTime.day("2024-05-03T23:30-05:00", java.time.ZoneOffset.UTC)).isEqualTo(may4);
        assertThat(RunTime.day("2024-05-03T23:30-05:00", java.time.ZoneId.of("America/Chicago")))
                .isEqualTo(may4.minusDays(1));
        assertThat(RunTime.day("2024-05-03T23:30", java.time.ZoneId.of("Asia/Tokyo"))).as("a local key is its own day")
                .isEqualTo(may4.minusDays(1));
        assertThat(RunTime.day("2024-05-03", java.time.ZoneId.of("Asia/Tokyo"))).isEqualTo(may4.minusDays(1));
    }

    private static ColumnDrift check(DriftStore store, String at, LocalDate day) {
        Profile reference = store.reference("orders").orElseThrow().profile();
        return column(MonitoredCheck.check(store, "orders", at, ProfileBuilder.count(reference, dated(day, day, 25)),
                DriftOptions.defaults(), null).report(), "order_date");
    }

    private static ColumnDrift column(DriftReport r, String name) {
        return r.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
