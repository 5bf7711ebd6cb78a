// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.drift.Measure;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history's timeline and off-scale rule, the one the CLI's sparklines and the server's chart and
 * JSON share (audit 11, defects 6 and 7): a failed day is a slot, and a point is off the scale for the
 * reason its check stored, not for the size of its value.
 */
class HistoryChartTest {
    /** Audit 11's amount: 14 quiet days, 9 drift days (PSI 0.20-0.83), then one PSI 15.1 day. */
    private static final double[] AMOUNT = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01,
        0.01, 0.01, 0.2, 0.3, 0.4, 0.5, 0.6, 0.83, 0.7, 0.5, 0.3, 15.1};

    private static HistoryPoint point(long run, String at, String column, double psi, double missingChange) {
        return new HistoryPoint(run, at, column, "OK", psi, psi, psi, psi, psi, 0.05, 0, false, 1, missingChange, -1);
    }

    /** One run a day from 2026-11-01 over {@code values}, one column, skipping {@code skipped} (a day of the month). */
    private static List<HistoryPoint> daily(String column, double[] values, int skipped, double lastMissingChange) {
        List<HistoryPoint> out = new ArrayList<>();
        int day = 1;
        for (int i = 0; i < values.length; i++, day++) {
            if (day == skipped) {
                day++;
            }
            out.add(point(i + 1, LocalDate.of(2026, 11, day).toString(), column, values[i],
                    i == values.length - 1 ? lastMissingChange : 0));
        }
        return out;
    }

    @Test
    void aColumnAllMissingInItsCheckIsOffTheScaleForThatReason() {
        // before: the CLI called it "a schema change or broken batch?" from its size; the server drew it on the
        // scale, every drift day flat under it
        HistoryChart chart = HistoryChart.of(daily("amount", AMOUNT, 20, 1.0), ZoneOffset.UTC, Map.of("amount", 0.0));
        HistoryChart.Series s = chart.series("amount", HistoryPoint::psi, 0.1);
        assertThat(s.offScale()).hasSize(1);
        HistoryChart.OffScalePoint off = s.offScale().get(0);
        assertThat(off.point().at()).isEqualTo("2026-11-25");
        assertThat(off.value()).isEqualTo(15.1);
        assertThat(off.reason()).startsWith("all missing in this check (missing share 0.0% in the reference, 100% here");
        assertThat(s.top()).isEqualTo(0.83);
        // the same series on the server's measure and floor: the same point
        assertThat(chart.decisions("amount").offScale()).extracting(HistoryChart.OffScalePoint::slot)
                .containsExactly(off.slot());
    }

    @Test
    void aLargePointWhoseCheckHadItsCellsIsOnlyCalledOffTheScale() {
        // 15.1 with the column present (missing share unchanged): no reason is guessed
        HistoryChart chart = HistoryChart.of(daily("amount", AMOUNT, 0, 0), ZoneOffset.UTC, Map.of("amount", 0.02));
        HistoryChart.OffScalePoint off = chart.series("amount", HistoryPoint::psi, 0.1).offScale().get(0);
        assertThat(off.reason()).isEqualTo("off the scale of the other checks");
        // a reference with 2% missing and a check at 100%: all missing
        HistoryChart missing = HistoryChart.of(daily("amount", AMOUNT, 0, 0.98), ZoneOffset.UTC, Map.of("amount", 0.02));
        assertThat(missing.series("amount", HistoryPoint::psi, 0.1).offScale().get(0).reason())
                .contains("missing share 2.0% in the reference, 100% here");
        // no baseline known: the value only
        HistoryChart unknown = HistoryChart.of(daily("amount", AMOUNT, 0, 1.0), ZoneOffset.UTC, Map.of());
        assertThat(unknown.series("amount", HistoryPoint::psi, 0.1).offScale().get(0).reason())
                .isEqualTo("off the scale of the other checks");
    }

    @Test
    void aFailedDayIsASlotOfTheTimelineAfterItsDaysRun() {
        List<HistoryPoint> h = new ArrayList<>();
        for (int d : new int[] {18, 19, 21, 22}) {
            String at = "2026-11-" + d;
            h.add(point(d, at, "a", 0.01, 0));
            h.add(point(d, at, "b", 0.02, 0));
        }
        HistoryChart chart = HistoryChart.of(h, ZoneOffset.UTC, Map.of());
        assertThat(chart.slots()).extracting(HistoryChart.Slot::at)
                .containsExactly("2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22");
        assertThat(chart.slots()).extracting(HistoryChart.Slot::missing).containsExactly(false, false, true, false, false);
        HistoryChart.Series b = chart.series("b", HistoryPoint::psi, 0.1);
        assertThat(b.values()[2]).isNaN();
        assertThat(b.points().get(2)).isNull();
        assertThat(b.values()[3]).isEqualTo(0.02);
        assertThat(chart.gaps()).hasSize(1);
        assertThat(chart.points()).hasSize(8);
    }

    @Test
    void theFirstCheckAfterAGapFindsTheDaysBeforeIt() {
        List<String> ats = List.of("2026-11-17", "2026-11-18", "2026-11-19", "2026-11-21");
        RunGaps.Gap g = RunGaps.before(ats, "2026-11-21", ZoneOffset.UTC).orElseThrow();
        assertThat(RunGaps.sentence(g)).isEqualTo("no run recorded for 2026-11-20");
        assertThat(RunGaps.before(ats, "2026-11-19", ZoneOffset.UTC)).isEmpty();
        RunGaps.Gap three = RunGaps.before(List.of("2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17",
                "2026-11-21"), "2026-11-21", ZoneOffset.UTC).orElseThrow();
        assertThat(RunGaps.sentence(three)).isEqualTo("no run recorded for 2026-11-18 to 2026-11-20 (3 days)");
    }

    @Test
    void aRealSpikeOrARiseForGoodStaysOnTheScale() {
        // one spike of 5x the rest is drawn, not set apart
        assertThat(HistoryChart.offScale(new double[] {0.1, 0.12, 0.5, 0.11, 0.1}, 0.1)).isEmpty();
        // at 0.01 then at 2 for good: more than a quarter is high, so nothing is left out
        assertThat(HistoryChart.offScale(new double[] {0.01, 0.01, 0.01, 2, 2, 2}, 0.1)).isEmpty();
        // a 10x spike over the floor, the rest far below it: set apart
        assertThat(HistoryChart.offScale(new double[] {0.005, 0.02, 0.005, 1.5}, 0.1)).containsExactly(3);
    }

    @Test
    void aRunLeftOutOfTheHistoryIsADayCheckedNotAMissingOne() {
        // days 18 to 22 all checked; the server excluded 20's run from the history (a partial load), so its
        // points are gone, but its run time is not: before, the chart said "no check recorded" on 20
        List<HistoryPoint> h = new ArrayList<>();
        for (int d : new int[] {18, 19, 21, 22}) {
            h.add(point(d, "2026-11-" + d, "a", 0.01, 0));
        }
        List<String> runs = List.of("2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22");
        HistoryChart chart = HistoryChart.of(h, runs, ZoneOffset.UTC, null);
        assertThat(chart.gaps()).isEmpty();
        assertThat(chart.slots()).extracting(HistoryChart.Slot::missing).containsOnly(false);
        // from the points alone, 20 would be missing: the days checked are the runs'
        assertThat(HistoryChart.of(h, ZoneOffset.UTC, (dev.surprisal.data.profile.Profile) null).gaps()).hasSize(1);
        // a day really missing (23) before a run whose day before it had no points: its slot comes before that run
        List<HistoryPoint> later = new ArrayList<>(h);
        later.add(point(24, "2026-11-24", "a", 0.01, 0));
        List<String> more = new ArrayList<>(runs);
        more.add("2026-11-24");
        HistoryChart gap = HistoryChart.of(later, more, ZoneOffset.UTC, null);
        assertThat(gap.slots()).extracting(HistoryChart.Slot::at).containsExactly("2026-11-18", "2026-11-19",
                "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24");
        assertThat(gap.slots().get(4).missing()).isTrue();
    }

    @Test
    void offScaleIsOneMeaningTheColumnsChartOfItsDecidingMeasureOverItsWarnBand() {
        // PSI 0.012 on a quiet column (0.001 a day, noise level 0.001): over 10x the rest and its noise level,
        // but below the warn band 0.1 of the baseline's rule, so it is on the scale of a chart that reaches
        // the warn band. Before, the CLI's JSON (PSI over the warn band) said on the scale and the server's
        // (decision over the noise level) off it
        double[] quiet = {0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.012};
        List<HistoryPoint> h = new ArrayList<>();
        for (int i = 0; i < quiet.length; i++) {
            h.add(new HistoryPoint(i + 1, "2026-11-" + (10 + i), "a", "OK", quiet[i], quiet[i], quiet[i], quiet[i],
                    quiet[i], 0.001, 0, false, 1, 0, -1));
        }
        dev.surprisal.data.profile.Profile reference = StoreFixtures.REFERENCE.withRule(Map.of());
        HistoryChart chart = HistoryChart.of(h, ZoneOffset.UTC, reference);
        assertThat(chart.warnBand()).isEqualTo(0.1);
        assertThat(chart.measure()).isEqualTo("PSI");
        assertThat(chart.offScale()).isEmpty();
        assertThat(chart.decisions("a").top()).isEqualTo(0.1);
        // a real jump, 15 against 0.1: off the scale, the one rule for every JSON
        h.set(quiet.length - 1, new HistoryPoint(8, "2026-11-17", "a", "DRIFT", 15, 15, 15, 15, 15, 0.001, 0, true, 1,
                0, -1));
        HistoryChart jump = HistoryChart.of(h, ZoneOffset.UTC, reference);
        assertThat(jump.offScale()).hasSize(1).containsKey(h.get(quiet.length - 1));
        // the baseline's own rule: a stored --warn 0.5 is the band the chart reaches
        assertThat(HistoryChart.of(h, ZoneOffset.UTC, StoreFixtures.REFERENCE.withRule(Map.of("warn", "0.5",
                "drift", "0.8"))).warnBand()).isEqualTo(0.5);
    }
    @Test
    void noiseReadsLowAgainstTheWarnBandAndTwiceTheNoiseLevel() {
        // review13a: a quiet column (PSI about half its noise level 0.002, every day) was drawn at half height
        // every day on a chart without the baseline's rule (scaled to its noise level), and where the noise
        // level is above the warn band (small batches: 0.15 against 0.1) too
        List<HistoryPoint> quiet = new ArrayList<>();
        List<HistoryPoint> small = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double v = 0.001 + 0.0001 * (i % 3);
            quiet.add(new HistoryPoint(i + 1, "2026-11-" + (10 + i), "a", "OK", v, v, v, v, v, 0.002, 0, false));
            double w = 0.07 + 0.01 * (i % 3);
            small.add(new HistoryPoint(i + 1, "2026-11-" + (10 + i), "a", "OK", w, w, w, w, w, 0.15, 0, false));
        }
        HistoryChart.Series noRule = HistoryChart.of(quiet, ZoneOffset.UTC, Map.<String, Double>of()).decisions("a");
        assertThat(noRule.top()).isEqualTo(Measure.PSI.warn()); // before: 0.002, the noise level
        HistoryChart.Series smallBatches = HistoryChart.of(small, ZoneOffset.UTC,
                StoreFixtures.REFERENCE.withRule(Map.of())).decisions("a");
        assertThat(smallBatches.top()).isEqualTo(2 * 0.15); // before: 0.15, noise at half height
        for (double v : smallBatches.values()) {
            assertThat(v / smallBatches.top()).isLessThan(0.35); // before: 0.47 to 0.6
        }
    }
}
