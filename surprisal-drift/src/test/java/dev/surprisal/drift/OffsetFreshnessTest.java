// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.KeyStats;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-data check compares date-times as instants when their UTC offsets are written differently
 * (audit15 D2: they were compared as text). Known truth: a month of orders written in {@code Z}; a day's
 * batch, then the same rows re-written in {@code +09:00} (a replay, the same instants), and an hour's batch in
 * {@code +09:00} followed by the next hour's in {@code Z} (an hour newer, though its text sorts first).
 */
class OffsetFreshnessTest {
    @TempDir
    Path dir;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** Orders from {@code from}, one every {@code step} seconds, {@code n} of them, written at {@code offset}. */
    private Path orders(String name, Instant from, long step, int n, ZoneOffset offset) throws IOException {
        StringBuilder csv = new StringBuilder("ts,amount\n");
        for (int i = 0; i < n; i++) {
            csv.append(ISO.format(from.plusSeconds(step * i).atOffset(offset))).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 5 + (i % 97) * 1.37)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    private static final Instant APRIL = Instant.parse("2026-03-15T00:00:00Z");

    private Profile reference() throws IOException {
        return ProfileBuilder.fit(TableReader.open(orders("ref.csv", APRIL, 600, 30 * 144, ZoneOffset.UTC)),
                ProfileOptions.defaults());
    }

    private static ColumnDrift ts(Profile ref, Profile today, Freshness f) {
        return DriftScorer.compare(ref, today, DriftOptions.defaults(), ColumnRules.none(), Base.BITS, f)
                .columns().stream().filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }

    @Test
    void aBatchReWrittenInAnotherOffsetIsTheSameBatchReplayed() throws IOException {
        Profile ref = reference();
        Instant day1 = Instant.parse("2026-04-14T00:00:00Z");
        Profile first = ProfileBuilder.count(ref, TableReader.open(orders("day1.csv", day1, 60, 1440, ZoneOffset.UTC)));
        Profile replay = ProfileBuilder.count(ref, TableReader.open(orders("tokyo.csv", day1, 60, 1440,
                ZoneOffset.ofHours(9))));
        ColumnDrift c = ts(ref, replay, Freshness.after("2026-04-14", first, null));
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.WARN);
        assertThat(c.reason()).contains("stale data", "+09:00");
    }

    @Test
    void theNextHourInZIsNewerThanTheHourBeforeInPlusNine() throws IOException {
        Profile ref = reference();
        Instant hour1 = Instant.parse("2026-04-15T00:00:00Z");
        Profile first = ProfileBuilder.count(ref, TableReader.open(orders("h1.csv", hour1, 10, 360,
                ZoneOffset.ofHours(9))));
        Profile next = ProfileBuilder.count(ref, TableReader.open(orders("h2.csv", hour1.plusSeconds(3600), 10, 360,
                ZoneOffset.UTC)));
        ColumnDrift c = ts(ref, next, Freshness.after("2026-04-15T01:00Z", first, null));
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.OK);
        assertThat(c.reason()).contains("newest value 2026-04-15T01:59:50Z, after the newest 2026-04-15T09:59:50+09:00 "
                + "(2026-04-15 00:59:50 UTC)");
    }

    @Test
    void keyOrderComparesDifferentlyWrittenOffsetsAsInstants() {
        assertThat(KeyStats.compareTimes("2026-04-15T08:58:53+09:00", "2026-04-14T23:58:53Z")).isZero();
        assertThat(KeyStats.compareTimes("2026-04-15T01:59:58Z", "2026-04-15T09:59:46+09:00")).isPositive();
        assertThat(KeyStats.compareTimes("2026-04-15 01:59:58+0000", "2026-04-15T09:59:46+09")).isPositive();
        // a range is ordered by instant too, on every engine (IsoInstants; until 2026-12-02 in text order)
        assertThat(KeyStats.compareValues("2026-04-15T01:59:58Z", "2026-04-15T09:59:46+09:00")).isPositive();
        // offsets written alike, local times and non-dates keep their text order
        assertThat(KeyStats.compareTimes("2026-04-15T09:00:00+09:00", "2026-04-15T10:00:00+09:00")).isNegative();
        assertThat(KeyStats.compareTimes("2026-04-15T09:00:00", "2026-04-15T01:00:00Z")).isPositive();
        assertThat(KeyStats.compareTimes("2026-13-45T09:00:00+09:00", "2026-04-15T01:00:00Z")).isPositive();
    }
}
