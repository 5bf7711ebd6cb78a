// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.DateLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dates15 through the library: a European daily column baselined on 1 to 12 January ({@code 05/01/2026} is 5
 * January) is read month first, as the firsts of January to December, the order assumed. A batch of 13 January
 * ({@code 13/01/2026}) is then all invalid: the invalid share alarms (it did before), and its reason now says the
 * cells are dates read day first against a baseline that assumed month first, and the fix; a baseline stored before
 * the basis was recorded says both possibilities.
 */
class DateOrderDriftTest {
    private static Table days(int from, int to, int perDay) {
        String[] cells = IntStream.range(0, (to - from + 1) * perDay)
                .mapToObj(i -> String.format("%02d/01/2026", from + i / perDay)).toArray(String[]::new);
        return Table.of(List.of(CategoricalColumn.of("day", cells)));
    }

    private static ColumnDrift day(Profile reference, Table today) {
        return DriftScorer.compare(reference, ProfileBuilder.count(reference, today), DriftOptions.defaults())
                .columns().get(0);
    }

    @Test
    void aDayOverTwelveAgainstAnAssumedOrderAlarmsAndSaysWhy() {
        Profile ref = ProfileBuilder.fit(days(1, 12, 50), ProfileOptions.defaults());
        assertThat(ref.column("day").layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
        assertThat(ref.column("day").keys().max()).as("12/01/2026 read as 1 December").isEqualTo("2026-12-01");
        ColumnDrift c = day(ref, days(13, 13, 50));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("all invalid: expected dates like 12/01/2026 (mm/dd/yyyy), found dd/mm/yyyy "
                + "dates like '13/01/2026' (row 1); they are dates only read day first, and the baseline froze month "
                + "first (mm/dd/yyyy), as pandas reads them, none of its dates showing the order (no day or month over "
                + "12); if the column writes the day first, re-baseline with --dayfirst day");

        // a baseline stored before dates15 does not know whether its order was assumed: both readings are named
        Profile old = ProfileJson.read(ProfileJson.write(ref).replace(",\"dateOrder\":\"assumed\"", ""));
        assertThat(old.column("day").layout().basis()).isEqualTo(DateLayout.Basis.UNRECORDED);
        assertThat(day(old, days(13, 13, 50)).reason()).contains("they are dates only read day first, and the baseline"
                + " froze month first (mm/dd/yyyy); if the column writes the day first, re-baseline with --dayfirst day"
                + " (in a monitor file: dayfirst: [day]) (if its reference's dates were day first too), else the "
                + "column's layout changed upstream");
    }

    /** 01.01.2026 to 12.01.2026 as 'day': dotted dates, day first whether or not --dayfirst says it. */
    private static Table dotted(int from, int to) {
        String[] cells = IntStream.range(0, (to - from + 1) * 50)
                .mapToObj(i -> String.format("01.%02d.2026", from + i / 50)).toArray(String[]::new);
        return Table.of(List.of(CategoricalColumn.of("day", cells)));
    }

    @Test
    void aDottedColumnBaselinedWithDayFirstIsNotToldToDropIt() {
        // a US writer's dotted mm.dd.yyyy column, 1 to 12 January, baselined with --dayfirst: 01.13.2026 is then a
        // date only read month first; re-fitted without --dayfirst a dotted column is read day first again, so that
        // advice would leave every such cell invalid: the fix is the writer's
        Profile ref = ProfileBuilder.fit(dotted(1, 12), ProfileOptions.defaults()
                .withRoles(dev.surprisal.data.roles.RoleOverrides.none().withDayFirst(List.of("day"))));
        assertThat(ref.column("day").layout().basis()).isEqualTo(DateLayout.Basis.DAYFIRST);
        assertThat(ProfileBuilder.fit(dotted(1, 12), ProfileOptions.defaults()).column("day").layout().dayFirst())
                .as("without --dayfirst a dotted column is still read day first").isTrue();
        String reason = day(ref, dotted(13, 13)).reason();
        assertThat(reason).contains("they are dates only read month first, and the baseline froze day first "
                + "(dd.mm.yyyy) as set by --dayfirst, none of its dates showing the order; if the column writes the "
                + "month first, write its dates as ISO yyyy-mm-dd upstream and re-baseline")
                .doesNotContain("without --dayfirst");

        // the same baseline stored before the basis was recorded
        Profile old = ProfileJson.read(ProfileJson.write(ref).replace(",\"dateOrder\":\"dayfirst\"", "")
                .replace("\"dateOrder\":\"dayfirst\",", ""));
        assertThat(old.column("day").layout().basis()).isEqualTo(DateLayout.Basis.UNRECORDED);
        assertThat(day(old, dotted(13, 13)).reason()).contains("froze day first (dd.mm.yyyy); if the column writes the "
                + "month first, write its dates as ISO yyyy-mm-dd upstream and re-baseline")
                .doesNotContain("without --dayfirst");
    }

    @Test
    void garbageBesideADayFirstDateNamesTheDate() {
        Profile ref = ProfileBuilder.fit(days(1, 12, 50), ProfileOptions.defaults());
        // invalid values are listed most frequent first (drift16), so the garbage, 11 cells, comes before the date, 9
        String[] cells = IntStream.range(0, 50).mapToObj(i -> i < 11 ? "garbage" : i < 20 ? "14/01/2026" : "02/01/2026")
                .toArray(String[]::new);
        ColumnDrift c = day(ref, Table.of(List.of(CategoricalColumn.of("day", cells))));
        assertThat(c.status()).isEqualTo(Status.DRIFT);
        assertThat(c.reason()).contains("found 'garbage' (row 1); '14/01/2026' (row 12) is a date only read day first,"
                + " and the baseline froze month first (mm/dd/yyyy)");
    }
}
