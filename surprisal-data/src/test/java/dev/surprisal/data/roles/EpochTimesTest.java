// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers that are epoch times are timestamps, numbers that are keys stay id-like (audit11: Unix
 * seconds of the last days, {@code 1764547200 + 37 i}, were id-like, so never checked for stale
 * batches). Known truth: each column is generated as what it is.
 */
class EpochTimesTest {
    private static final int N = 2000;
    /** 2025-12-01T00:00:00Z. */
    private static final long DEC_1 = 1_764_547_200L;

    @TempDir
    Path dir;

    private static RoleDecision decide(String name, LongUnaryOperator value) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = value.applyAsLong(i);
        }
        return RoleRules.decide(ColumnStats.of(NumericColumn.of(name, v)));
    }

    @Test
    void epochSecondsOfTheLastDaysAreATimestampWhateverTheName() {
        for (String name : new String[] {"ts", "event", "x"}) {
            RoleDecision d = decide(name, i -> DEC_1 + 37 * i);
            assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.TIMESTAMP);
            assertThat(d.reason()).isEqualTo("2,000 distinct integers from 2025-12-01 00:00:00 to 2025-12-01 "
                    + "20:32:43 UTC read as epoch seconds: timestamp");
        }
    }

    @Test
    void epochMillisecondsAndRepeatedSecondsAreTimestamps() {
        RoleDecision ms = decide("value", i -> (DEC_1 + 37 * i) * 1000 + i % 1000);
        assertThat(ms.role()).as(ms.reason()).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ms.reason()).contains("read as epoch milliseconds");
        // a busy log: ten events a second, each second repeated (no key repeats a value)
        RoleDecision busy = decide("logged", i -> DEC_1 + i / 10);
        assertThat(busy.role()).as(busy.reason()).isEqualTo(ColumnRole.TIMESTAMP);
    }

    @Test
    void integerKeysStayIdLike() {
        assertThat(decide("order_id", i -> 1 + i).role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(decide("order", i -> 100_000 + i).role()).isEqualTo(ColumnRole.ID_LIKE);
        // 10-digit keys counting up are epoch seconds of 2001 as well: the values say key, the name no time
        RoleDecision key = decide("order", i -> 1_000_000_000L + i);
        assertThat(key.role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(key.reason()).isEqualTo("2,000 distinct of 2,000 integers: id-like (as epoch seconds they would be "
                + "2001-09-09 01:46:40 to 2001-09-09 02:19:59 UTC, but they count up like a key and the name says no "
                + "time: --role order=timestamp if they are times)");
        // random 10-digit customer numbers spread like the instants of 2011 to 2025: the name says key
        SplittableRandom r = new SplittableRandom(3);
        long[] random = r.longs(N, 1_300_000_000L, 1_750_000_000L).toArray();
        RoleDecision customer = decide("customer_no", i -> random[(int) i]);
        assertThat(customer.role()).as(customer.reason()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(customer.reason()).contains("but the name says key");
        // over 2001 to 2033 they are no instants of one table, whatever the name
        long[] wide = r.longs(N, 1_000_000_000L, 2_000_000_000L).toArray();
        RoleDecision account = decide("account", i -> wide[(int) i]);
        assertThat(account.role()).as(account.reason()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(account.reason()).contains("they start before 2010");
        // US phone numbers of area codes 201 to 409: 2011 to 2099 as seconds, more than 20 years
        long[] phones = r.longs(N, 2_012_000_000L, 4_099_999_999L).toArray();
        RoleDecision phone = decide("phone", i -> phones[(int) i]);
        assertThat(phone.role()).as(phone.reason()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(phone.reason()).contains("they span more than 20 years");
    }

    @Test
    void oneAreaCodesPhoneNumbersAndBarcodesAreNoTimesInTheFuture() {
        // review12a: 303-555-xxxx read as seconds is 2066 within one year; EAN 3017620xxxxxx as milliseconds 2065
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        long[] phones = r.longs(N, 3_035_550_000L, 3_035_559_999L).toArray();
        RoleDecision phone = decide("contact", i -> phones[(int) i]);
        assertThat(phone.role()).as(phone.reason()).isNotEqualTo(ColumnRole.TIMESTAMP);
        assertThat(phone.reason()).contains("in the future");
        long[] eans = r.longs(N, 3_017_620_000_000L, 3_017_629_999_999L).toArray();
        RoleDecision ean = decide("article", i -> eans[(int) i]);
        assertThat(ean.role()).as(ean.reason()).isNotEqualTo(ColumnRole.TIMESTAMP);
    }

    @Test
    void theNameBreaksTheTieOfSecondsThatCountUp() {
        // one event a second exactly: the values count up like a key; the name says time
        for (String name : new String[] {"created_at", "createdAt", "event_time", "ts", "epoch"}) {
            RoleDecision d = decide(name, i -> DEC_1 + i);
            assertThat(d.role()).as(name + ": " + d.reason()).isEqualTo(ColumnRole.TIMESTAMP);
            assertThat(d.reason()).endsWith("UTC read as epoch seconds (they count up like a key; the name '" + name
                    + "' says time): timestamp");
        }
        for (String name : new String[] {"counts", "status", "batch"}) {
            assertThat(decide(name, i -> DEC_1 + i).role()).as(name).isEqualTo(ColumnRole.ID_LIKE);
        }
    }

    @Test
    void wholeNumbersWithTheOffsetOf1e12AreNoMillisecondsUnlessTheNameSaysTime() {
        // SqlPathDeterminismTest's "big": 1e12 + U(0, 1e6) integers, 2001-09-09 as milliseconds
        SplittableRandom r = new SplittableRandom(5);
        long[] big = r.longs(N, 1_000_000_000_000L, 1_000_001_000_000L).toArray();
        RoleDecision d = decide("big", i -> big[(int) i]);
        assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.ID_LIKE); // 2,000 distinct of 2,000
        assertThat(d.reason()).contains("as epoch milliseconds they would be 2001-09-09 01:46:40", "they start before 2010");
        RoleDecision ms = decide("ts_ms", i -> big[(int) i]);
        assertThat(ms.role()).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ms.reason()).endsWith("(they start before 2010, where offsets such as 1e9 or 1e12 + x lie "
                + "(2001-09-09); the name 'ts_ms' says time): timestamp");
    }

    @Test
    void aMeasurementWithALargeOffsetStaysContinuous() {
        // 1e9 + x: not all whole, so the values do not tell, and the name says no time
        SplittableRandom r = new SplittableRandom(4);
        double[] v = r.doubles(N).map(x -> 1e9 + x).toArray();
        RoleDecision d = RoleRules.decide(ColumnStats.of(NumericColumn.of("offset_big", v)));
        assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(RoleRules.decide(ColumnStats.of(NumericColumn.of("time", v))).role()).isEqualTo(ColumnRole.TIMESTAMP);
    }

    @Test
    void mutualInformationBringsAnEpochTimestampBackAsNumbersNotLabels() {
        // mi leaves timestamps out and names the --role that brings one back: numbers come back as numbers
        assertThat(dev.surprisal.data.mi.MiTable.bringBack(ColumnRole.TIMESTAMP, true)).isEqualTo("=discrete (or "
                + "=continuous)");
        assertThat(dev.surprisal.data.mi.MiTable.bringBack(ColumnRole.TIMESTAMP, false)).isEqualTo("=categorical");
    }

    @Test
    void aFileAndMemoryAgree() throws IOException {
        StringBuilder csv = new StringBuilder("order_id,ts,amount\n");
        double[] id = new double[N];
        double[] ts = new double[N];
        double[] amount = new double[N];
        for (int i = 0; i < N; i++) {
            id[i] = 1 + i;
            ts[i] = DEC_1 + 37L * i;
            amount[i] = 10 + i % 97;
            csv.append(1 + i).append(',').append(DEC_1 + 37L * i).append(',').append(10 + i % 97).append('\n');
        }
        Path f = Files.writeString(dir.resolve("orders.csv"), csv.toString());
        ColumnRoles file = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none());
        ColumnRoles mem = ColumnRoles.detect(Table.of(List.of(NumericColumn.of("order_id", id),
                NumericColumn.of("ts", ts), NumericColumn.of("amount", amount))), RoleOverrides.none());
        assertThat(file.role("ts")).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(file.role("order_id")).isEqualTo(ColumnRole.ID_LIKE);
        for (String c : List.of("order_id", "ts", "amount")) {
            assertThat(file.decision(c)).as(c).isEqualTo(mem.decision(c));
        }
    }
}
