// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The days with no recorded check in a monitor's daily history. A check that failed (an empty
 * file, exit 3) records nothing, so without this a history reads 19 November, 21 November as if
 * nothing were missing. A history is daily when more than half of the steps between its runs'
 * days ({@link RunTime#day}) are exactly one day, over at least three days; other cadences (weekly,
 * irregular) have no missing days by this rule.
 */
public final class RunGaps {
    private RunGaps() {
    }

    /**
     * A run of consecutive days with no check.
     *
     * @param first the first missing day
     * @param last  the last missing day (equal to {@code first} for one day)
     * @param after the run time ({@code at}, as recorded) of the check just before the gap
     */
    public record Gap(LocalDate first, LocalDate last, String after) {
        /**
         * How many days are missing.
         *
         * @return the number of days from {@link #first} to {@link #last}, both included
         */
        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }
    }

    /**
     * The missing days between recorded runs, oldest first.
     *
     * @param ats  the runs' times as recorded ({@code --at}), in any order, repeats allowed
     * @param zone the monitor's zone (UTC where it has none)
     * @return the gaps, empty unless the runs are daily; a day of the week on which no run was ever recorded
     *         (Saturday and Sunday of weekday batches, over two weeks of history or more) is never missing
     * @throws dev.surprisal.core.ValidationException if a time is no ISO date or date-time
     */
    public static List<Gap> missingDays(List<String> ats, ZoneId zone) {
        TreeSet<LocalDate> days = new TreeSet<>();
        java.util.Map<LocalDate, String> lastAt = new java.util.HashMap<>();
        for (String at : ats) {
            LocalDate d = RunTime.day(at, zone);
            days.add(d);
            lastAt.merge(d, at, (a, b) -> RunTime.parse(a).isAfter(RunTime.parse(b)) ? a : b);
        }
        List<LocalDate> sorted = new ArrayList<>(days);
        if (sorted.size() < 3) {
            return List.of();
        }
        long[] steps = new long[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            steps[i - 1] = ChronoUnit.DAYS.between(sorted.get(i - 1), sorted.get(i));
        }
        long ones = Arrays.stream(steps).filter(s -> s == 1).count();
        if (2 * ones <= steps.length) {
            return List.of(); // not daily: at most half of the steps are one day
        }
        // a day of the week the monitor never ran on (the weekend of Monday-to-Friday batches) is not missing:
        // else every Monday's check would report Saturday and Sunday as failed or skipped (review12b)
        // (learnt only from two weeks of history or more, where every day of the week had two chances to run)
        java.util.EnumSet<java.time.DayOfWeek> runWeekdays = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        if (ChronoUnit.DAYS.between(sorted.get(0), sorted.get(sorted.size() - 1)) >= 14) {
            sorted.forEach(d -> runWeekdays.add(d.getDayOfWeek()));
        } else {
            runWeekdays.addAll(java.util.EnumSet.allOf(java.time.DayOfWeek.class));
        }
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            LocalDate from = null;
            for (LocalDate d = sorted.get(i - 1).plusDays(1); d.isBefore(sorted.get(i)); d = d.plusDays(1)) {
                boolean missing = runWeekdays.contains(d.getDayOfWeek());
                if (missing && from == null) {
                    from = d;
                }
                if (!missing && from != null) {
                    gaps.add(new Gap(from, d.minusDays(1), lastAt.get(sorted.get(i - 1))));
                    from = null;
                }
            }
            if (from != null) {
                gaps.add(new Gap(from, sorted.get(i).minusDays(1), lastAt.get(sorted.get(i - 1))));
            }
        }
        return List.copyOf(gaps);
    }

    /**
     * The missing days just before a run's day: what the first check after a gap says ("no run
     * recorded for 2026-11-20"), by the same rule as {@link #missingDays}.
     *
     * @param ats  the runs' times as recorded, this run's included, in any order
     * @param at   this run's time
     * @param zone the monitor's zone (UTC where it has none)
     * @return the gap that ends the day before {@code at}'s day, if the history is daily and has one
     * @throws dev.surprisal.core.ValidationException if a time is no ISO date or date-time
     */
    public static java.util.Optional<Gap> before(List<String> ats, String at, ZoneId zone) {
        LocalDate day = RunTime.day(at, zone);
        return missingDays(ats, zone).stream().filter(g -> g.last().plusDays(1).equals(day)).findFirst();
    }

    /**
     * The gap in words: "no run recorded for 2026-11-20", or "for 2026-11-20 to 2026-11-22 (3 days)".
     *
     * @param gap a gap
     * @return the sentence, without a full stop
     */
    public static String sentence(Gap gap) {
        return "no run recorded for " + gap.first() + (gap.days() == 1 ? ""
                : " to " + gap.last() + " (" + gap.days() + " days)");
    }
}
