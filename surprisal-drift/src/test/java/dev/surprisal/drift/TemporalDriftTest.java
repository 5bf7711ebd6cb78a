// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 through the library: an orders table whose {@code day} column is ISO on the reference and
 * today turns to garbage, to dd/mm/yyyy, to a few unreadable cells, or stays a resample. Before, the
 * day column was OK in every case (its cells were never read).
 */
class TemporalDriftTest {
    private static final int ROWS = 5000;

    /** Orders of April 2024: order_id, day (written by {@code day} from row and date), ts, amount. */
    static Table orders(long seed, BiFunction<Integer, LocalDate, String> day) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] id = new double[ROWS];
        String[] days = new String[ROWS];
        String[] ts = new String[ROWS];
        double[] amount = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            id[i] = seed * 1_000_000 + i;
            LocalDate d = LocalDate.of(2024, 4, 1).plusDays(r.nextInt(30));
            days[i] = day.apply(i, d);
            ts[i] = d + String.format(" %02d:%02d:00", r.nextInt(24), r.nextInt(60));
            amount[i] = Math.exp(4 + r.nextGaussian() / 2);
        }
        return Table.of(List.of(NumericColumn.of("order_id", id), CategoricalColumn.of("day", days),
                CategoricalColumn.of("ts", ts), NumericColumn.of("amount", amount)));
    }

    private static final Profile REF = ProfileBuilder.fit(orders(1, (i, d) -> d.toString()), ProfileOptions.defaults());

    private static DriftReport today(BiFunction<Integer, LocalDate, String> day) {
        return DriftScorer.compare(REF, ProfileBuilder.count(REF, orders(2, day)), DriftOptions.defaults());
    }

    private static ColumnDrift day(DriftReport r) {
        return r.columns().stream().filter(c -> c.name().equals("day")).findFirst().orElseThrow();
    }

    @Test
    void theReferenceFreezesDayAsADateAndTsAsATimestamp() {
        assertThat(REF.column("day").role()).isEqualTo(ColumnRole.DATE);
        assertThat(REF.column("ts").role()).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(DriftScorer.tests(ColumnRole.DATE)).as("missing share and invalid share").isEqualTo(2);
    }

    @Test
    void garbageInEveryCellIsDriftNamingTheFormatExpected() {
        ColumnDrift c = day(today((i, d) -> "garbage"));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).startsWith("invalid share rose 0.0% -> 100.0% (5,000 of 5,000 cells today, beyond "
                + "noise): all invalid: expected dates like 2024-04-30 (yyyy-mm-dd), found 'garbage' (row 1); ");
        assertThat(c.invalidRateCurrent()).isEqualTo(1.0);
        assertThat(c.invalidCells()).containsExactly(new InvalidCell("row 1", "garbage", 5000));
        assertThat(c.checksInvalid()).isTrue();
        assertThat(c.invalidMeaning()).isEqualTo("neither a date nor missing");
    }

    @Test
    void anotherLayoutIsDriftNamingTheLayoutSeen() {
        ColumnDrift c = day(today((i, d) -> String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(),
                d.getYear())));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("all invalid: expected dates like 2024-04-30 (yyyy-mm-dd), found dd/mm/yyyy "
                + "dates like '");
    }

    @Test
    void aFewUnreadableCellsAlarmPerTheNoiseRule() {
        // 3% of the cells: beyond the 1-point floor and far beyond noise at 5,000 rows
        ColumnDrift three = day(today((i, d) -> i % 100 < 3 ? "unknown" : d.toString()));
        assertThat(three.status()).isEqualTo(Status.DRIFT);
        // one cause, one alarm line: the shares, the count and the first invalid value with its place, once
        assertThat(three.reason()).startsWith("invalid share rose 0.0% -> 3.0% (150 of 5,000 cells today, beyond "
                + "noise): expected dates like 2024-04-30 (yyyy-mm-dd), found 'unknown' (row 1); ")
                .doesNotContain("all invalid");
        assertThat(three.reason().split("expected dates", -1)).as(three.reason()).hasSize(2);
        // 0.4%: below the floor of a point, as for a numeric column's invalid share
        assertThat(day(today((i, d) -> i % 250 == 0 ? "unknown" : d.toString())).status()).isEqualTo(Status.OK);
    }

    @Test
    void aReplayWithAFewUnreadableCellsIsStillStaleData() {
        // the reference period re-sent as a monitor's batch, 0.4% of its dates 'unknown' (below the invalid
        // share's floor of a point): the range is the dates', so the replay is caught. Before, 'unknown' (after
        // every ISO date as text) was the batch's newest value: "values 2024-04-01 .. unknown", OK
        Profile replay = ProfileBuilder.count(REF, orders(1, (i, d) -> i % 250 == 0 ? "unknown" : d.toString()));
        ColumnDrift c = day(DriftScorer.compare(REF, replay, DriftOptions.defaults(), ColumnRules.none(),
                dev.surprisal.core.Base.BITS, Freshness.nextBatch()));
        assertThat(c.status()).as(c.reason()).isEqualTo(Status.WARN);
        assertThat(c.reason()).startsWith("stale data: today's newest value 2024-04-30 is not newer than the "
                + "reference's newest 2024-04-30");
    }

    @Test
    void aResampleIsOkEverywhere() {
        DriftReport r = today((i, d) -> d.toString());
        assertThat(r.columns()).allSatisfy(c -> assertThat(c.status()).as(c.name() + ": " + c.reason())
                .isEqualTo(Status.OK));
        assertThat(day(r).invalidRateCurrent()).isZero();
    }

    @Test
    void aTimestampColumnOfTextIsDriftToo() {
        Table t = orders(3, (i, d) -> d.toString());
        String[] ts = new String[ROWS];
        java.util.Arrays.fill(ts, "not a time");
        Table broken = Table.of(List.of(t.column("order_id"), t.column("day"), CategoricalColumn.of("ts", ts),
                t.column("amount")));
        ColumnDrift c = DriftScorer.compare(REF, ProfileBuilder.count(REF, broken), DriftOptions.defaults()).columns()
                .stream().filter(x -> x.name().equals("ts")).findFirst().orElseThrow();
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("all invalid: expected date-times like 2024-04-30 ", "(ISO 8601), found "
                + "'not a time' (row 1)");
    }
}
