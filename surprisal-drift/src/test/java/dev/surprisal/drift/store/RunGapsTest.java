// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunGapsTest {
    private static List<String> days(int from, int to, int... skipped) {
        List<String> at = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            final int day = d;
            if (java.util.Arrays.stream(skipped).noneMatch(s -> s == day)) {
                at.add(LocalDate.of(2026, 11, d).toString());
            }
        }
        return at;
    }

    @Test
    void aFailedDayInADailyHistoryIsAGap() {
        // audit 11: day 20 (an empty file, exit 3) recorded nothing
        List<RunGaps.Gap> gaps = RunGaps.missingDays(days(1, 30, 20), ZoneOffset.UTC);
        assertThat(gaps).containsExactly(new RunGaps.Gap(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20),
                "2026-11-19"));
        assertThat(gaps.get(0).days()).isEqualTo(1);
        RunGaps.Gap week = RunGaps.missingDays(days(1, 30, 10, 11, 12), ZoneOffset.UTC).get(0);
        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(week.days()).isEqualTo(3);
    }

    @Test
    void weeklyIrregularOrShortHistoriesHaveNoMissingDays() {
        assertThat(RunGaps.missingDays(List.of("2026-11-01", "2026-11-08", "2026-11-15", "2026-11-29"),
                ZoneOffset.UTC)).isEmpty();
        assertThat(RunGaps.missingDays(List.of("2026-11-01", "2026-11-05"), ZoneOffset.UTC)).isEmpty();
        // several runs a day count as one day; the gap comes after the day's last run
        List<RunGaps.Gap> g = RunGaps.missingDays(List.of("2026-11-01T06:00", "2026-11-01T18:00", "2026-11-02",
                "2026-11-03", "2026-11-05"), ZoneOffset.UTC);
        assertThat(g).containsExactly(new RunGaps.Gap(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 4),
                "2026-11-03"));
    }

    @Test
    void daysFollowTheStoresDayRule() {
        // 23:30 at UTC-5 is the next day in UTC: 1, 2, (3 at -05:00 = 4 in UTC) -> 3 is the gap
        List<String> at = List.of("2026-11-01", "2026-11-02", "2026-11-03T23:30-05:00", "2026-11-05");
        assertThat(RunGaps.missingDays(at, ZoneOffset.UTC)).extracting(RunGaps.Gap::first)
                .containsExactly(LocalDate.of(2026, 11, 3));
        assertThat(RunGaps.missingDays(at, ZoneId.of("America/New_York"))).extracting(RunGaps.Gap::first)
                .containsExactly(LocalDate.of(2026, 11, 4));
    }

    @Test
    void weekendsOfWeekdayBatchesAreNotMissingButAMissedWeekdayIs() {
        // Monday-to-Friday batches, 2026-11-02 (a Monday) to 2026-11-27; Wednesday 2026-11-18 failed
        List<String> at = new java.util.ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 2); d.isBefore(java.time.LocalDate.of(2026, 11, 28));
                d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && d.getDayOfMonth() != 18) {
                at.add(d.toString());
            }
        }
        List<RunGaps.Gap> gaps = RunGaps.missingDays(at, ZoneOffset.UTC);
        assertThat(gaps).extracting(g -> g.first().toString() + ".." + g.last()).containsExactly("2026-11-18..2026-11-18");
        assertThat(RunGaps.before(at, "2026-11-23", ZoneOffset.UTC)).as("a Monday after a weekend").isEmpty();
        assertThat(RunGaps.before(at, "2026-11-19", ZoneOffset.UTC)).isPresent();
    }
}
