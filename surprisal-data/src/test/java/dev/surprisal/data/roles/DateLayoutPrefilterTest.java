// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DateLayout}'s prefilter runs on every distinct text of every text column: it must let through every
 * cell a layout's pattern reads (or a date would be counted as text), and turn away ISO dates and date-times
 * cheaply (a wide file's timestamp columns hold a distinct cell per row).
 */
class DateLayoutPrefilterTest {
    /** The layouts' patterns as the class writes them (day and month either order; a year first with '/'). */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{4})"
            + DateLayout.TIME);
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"
            + DateLayout.TIME);

    @Test
    void isoDatesAndDateTimesAreTurnedAwayBeforeAnyPattern() {
        for (String iso : new String[] {"2024-05-01", "2024-05-01T00:00:00", "2024-05-01 23:59:59", "2024-05-01T9:05",
                "1999-12-31T23:59"}) {
            assertThat(DateLayout.mayBeDate(iso)).as(iso).isFalse();
        }
        // and the layouts' own cells still pass
        for (String d : new String[] {"1/5/2026", "29/11/2026", "29.11.2026", "11-29-2026", "2026/11/29",
                "1/15/2026 9:05", "29/11/2026T14:30:00", "2026/1/2"}) {
            assertThat(DateLayout.mayBeDate(d)).as(d).isTrue();
        }
    }

    @Property(tries = 3000)
    void everyCellALayoutReadsPassesThePrefilter(@ForAll("dateLike") String cell) {
        if (DAY_MONTH_YEAR.matcher(cell).matches() || YEAR_MONTH_DAY.matcher(cell).matches()) {
            assertThat(DateLayout.mayBeDate(cell)).as(cell).isTrue();
        }
    }

    @Property(tries = 1000)
    void theLayoutsCountsAreThePatternsCounts(@ForAll("dateLike") String cell) {
        long[] counts = new long[4 * DateLayout.FAMILIES];
        DateLayout.Counts.add(counts, cell, 1);
        if (!DAY_MONTH_YEAR.matcher(cell).matches() && !YEAR_MONTH_DAY.matcher(cell).matches()) {
            assertThat(counts).as(cell).containsOnly(0L);
        }
    }

    /** Dates in every layout with and without a time, and near misses: ISO, two-digit years, stray characters. */
    @Provide
    Arbitrary<String> dateLike() {
        Arbitrary<String> d12 = Arbitraries.integers().between(0, 39).map(String::valueOf);
        Arbitrary<String> pad = Arbitraries.integers().between(0, 31).map(i -> String.format("%02d", i));
        Arbitrary<String> day = Arbitraries.oneOf(d12, pad);
        Arbitrary<String> year = Arbitraries.integers().between(900, 3100).map(String::valueOf);
        Arbitrary<String> sep = Arbitraries.of("/", ".", "-", ":", " ");
        Arbitrary<String> time = Arbitraries.of("", " 9:05", "T14:30", " 14:30:59", "T1:02:03", " x");
        Arbitrary<String> dmy = Combinators.combine(day, sep, day, sep, year, time)
                .as((a, s, b, t, y, h) -> a + s + b + t + y + h);
        Arbitrary<String> ymd = Combinators.combine(year, sep, day, sep, day, time)
                .as((y, s, a, t, b, h) -> y + s + a + t + b + h);
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789/.-: T").ofMinLength(6).ofMaxLength(22);
        return Arbitraries.oneOf(dmy, ymd, noise);
    }
}
