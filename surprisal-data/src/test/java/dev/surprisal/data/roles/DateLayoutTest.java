// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateLayoutTest {
    @Test
    void namesTheLayoutTheCellsShow() {
        assertThat(DateLayout.of(List.of("03/04/2024", "22/02/2024"))).hasValue("dd/mm/yyyy");
        assertThat(DateLayout.of(List.of("04/03/2024", "02/22/2024"))).hasValue("mm/dd/yyyy");
        assertThat(DateLayout.of(List.of("03/04/2024", "05/06/2024"))).hasValue("dd/mm/yyyy or mm/dd/yyyy");
        assertThat(DateLayout.of(List.of("31.03.2024"))).hasValue("dd.mm.yyyy");
        assertThat(DateLayout.of(List.of("2024/03/31"))).hasValue("yyyy/mm/dd");
        assertThat(DateLayout.of(List.of("31/03/2024 10:00"))).hasValue("dd/mm/yyyy with a time");
    }

    @Test
    void namesNoneForTextMixedLayoutsOrBothOrders() {
        assertThat(DateLayout.of(List.of("garbage"))).isEmpty();
        assertThat(DateLayout.of(List.of())).isEmpty();
        assertThat(DateLayout.of(List.of("31/03/2024", "2024/03/31"))).isEmpty();
        assertThat(DateLayout.of(List.of("31/03/2024", "03-31-2024"))).isEmpty();
        assertThat(DateLayout.of(List.of("31/03/2024", "03/31/2024"))).as("both orders: not one layout").isEmpty();
        assertThat(DateLayout.of(List.of("31/03/2024", "31/03/24"))).isEmpty();
    }

    @Test
    void versionLabelsAndOutOfRangeNumbersAreNoDates() {
        // review13a: "1.2.10" and "3.1.12" would have been called dates written dd.mm.yy
        assertThat(DateLayout.of(List.of("1.2.10", "3.1.12"))).isEmpty();
        assertThat(DateLayout.of(List.of("40/13/2024"))).as("no day 40 of month 13").isEmpty();
        assertThat(DateLayout.of(List.of("13/13/2024"))).as("no month 13 either way").isEmpty();
        assertThat(DateLayout.of(List.of("2024/13/01"))).isEmpty();
        assertThat(DateLayout.of(List.of("0/5/2024"))).isEmpty();
    }

    @Test
    void aTimeCellIsAnIsoDateADateTimeOrANumber() {
        assertThat(Cells.isTime("2024-05-03")).isTrue();
        assertThat(Cells.isTime("2024-05-03T10:00:00Z")).isTrue();
        assertThat(Cells.isTime("1714521600")).isTrue();
        assertThat(Cells.isTime("garbage")).isFalse();
        assertThat(Cells.isTime("03/05/2024")).isFalse();
        assertThat(Cells.isTime("2024-5-3")).isFalse();
    }

    @Test
    void readsEachLayoutAsIsoTextAndRejectsOthers() {
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("29/11/2026")).isEqualTo("2026-11-29");
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("1/2/2026 07:30")).isEqualTo("2026-02-01 07:30");
        assertThat(DateLayout.parse("mm/dd/yyyy").iso("11/29/2026T07:30:05")).isEqualTo("2026-11-29T07:30:05");
        assertThat(DateLayout.parse("dd.mm.yyyy").iso("29.11.2026")).isEqualTo("2026-11-29");
        assertThat(DateLayout.parse("dd-mm-yyyy").iso("29-11-2026")).isEqualTo("2026-11-29");
        assertThat(DateLayout.parse("yyyy/mm/dd").iso("2026/11/29")).isEqualTo("2026-11-29");
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("11/29/2026")).as("month 29").isNull();
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("29.11.2026")).as("another separator").isNull();
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("2026-11-29")).as("ISO in a dd/mm/yyyy column").isNull();
        assertThat(DateLayout.ISO.iso("2026-11-29")).isEqualTo("2026-11-29");
        assertThat(DateLayout.ISO.iso("29/11/2026")).isNull();
    }

    @Test
    void aColumnWithDaysFirstAndMonthsFirstIsTextWithTheReason() {
        java.util.List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cells.add(i % 2 == 0 ? "29/11/2026" : "11/" + (13 + i % 15) + "/2026");
        }
        RoleDecision d = RoleRules.decide(ColumnStats.of(dev.surprisal.data.CategoricalColumn.of("day", cells.toArray(String[]::new))));
        assertThat(d.role()).isEqualTo(dev.surprisal.core.ColumnRole.CATEGORICAL);
        assertThat(d.reason()).contains("100% of values are dates but not in one layout: 50 with the day first "
                + "(dd/mm/yyyy, a first number over 12) and 50 with the month first (mm/dd/yyyy)");
        assertThat(d.layout()).isEqualTo(DateLayout.ISO);
    }

    private static RoleDecision decide(boolean dayFirst, String... cells) {
        return RoleRules.decide(ColumnStats.of(dev.surprisal.data.CategoricalColumn.of("c", cells)), dayFirst);
    }

    private static String[] cycle(int n, String... cells) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = cells[i % cells.length];
        }
        return out;
    }

    @Test
    void windowsBuildsAndImpossibleDaysAreNoDates() {
        // review: 6.1.7601 matched d.m.yyyy, and the column became a date of the year 7601, out of MI and drift
        RoleDecision builds = decide(false, cycle(100, "6.1.7601", "6.3.9600", "5.1.2600", "10.0.1904"));
        assertThat(builds.role()).isEqualTo(dev.surprisal.core.ColumnRole.CATEGORICAL);
        assertThat(builds.layout()).isEqualTo(DateLayout.ISO);
        assertThat(DateLayout.of(List.of("6.1.7601"))).isEmpty();
        assertThat(DateLayout.parse("dd.mm.yyyy").iso("6.1.7601")).as("year 7601").isNull();
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("31/02/2026")).as("no 31 February").isNull();
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("29/02/2024")).isEqualTo("2024-02-29");
        assertThat(DateLayout.parse("dd/mm/yyyy").iso("29/02/2026")).as("2026 is no leap year").isNull();
        assertThat(DateLayout.parse("yyyy/mm/dd").iso("0999/01/01")).isNull();
        assertThat(DateLayout.of(List.of("31/02/2026"))).isEmpty();
    }

    @Test
    void excelTimestampsWithAOneDigitHourAreTimestamps() {
        assertThat(DateLayout.parse("mm/dd/yyyy").iso("1/15/2026 9:05")).isEqualTo("2026-01-15 09:05");
        assertThat(DateLayout.parse("mm/dd/yyyy").iso("1/15/2026 19:05:07")).isEqualTo("2026-01-15 19:05:07");
        RoleDecision d = decide(false, cycle(100, "1/15/2026 9:05", "1/15/2026 14:30", "1/16/2026 0:00"));
        assertThat(d.role()).isEqualTo(dev.surprisal.core.ColumnRole.TIMESTAMP);
        assertThat(d.layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
    }

    @Test
    void dottedDatesWithoutEvidenceAreReadDayFirst() {
        String[] monthly = new String[10];
        for (int m = 3; m <= 12; m++) {
            monthly[m - 3] = String.format("01.%02d.2026", m);
        }
        RoleDecision d = decide(false, cycle(100, monthly));
        assertThat(d.layout()).isEqualTo(DateLayout.parse("dd.mm.yyyy"));
        assertThat(d.reason()).contains("read dd.mm.yyyy (no day or month is over 12; dates written with dots put the"
                + " day first)");
        RoleDecision slash = decide(false, cycle(100, "01/03/2026", "01/04/2026"));
        assertThat(slash.layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
        assertThat(slash.reason()).contains("as pandas reads them; --dayfirst COL");
    }

    @Test
    void oneCellWithATimeLeavesADateColumnADate() {
        String[] cells = cycle(100, "29/11/2026", "30/11/2026");
        cells[7] = "29/11/2026 10:00";
        assertThat(decide(false, cells).role()).isEqualTo(dev.surprisal.core.ColumnRole.DATE);
        assertThat(decide(false, cycle(100, "29/11/2026 10:00", "30/11/2026")).role())
                .as("half the cells with a time: a timestamp").isEqualTo(dev.surprisal.core.ColumnRole.TIMESTAMP);
    }

    @Test
    void dayFirstAgainstTheCellsSaysItIsIgnored() {
        RoleDecision d = decide(true, cycle(100, "11/29/2026", "11/30/2026", "12/01/2026", "12/02/2026"));
        assertThat(d.layout()).isEqualTo(DateLayout.parse("mm/dd/yyyy"));
        assertThat(d.reason()).contains("--dayfirst ignored: 50 cells have a second number over 12");
    }

    @Test
    void theBasisSaysWhatDecidedTheOrderAndWriteInvertsIso() {
        assertThat(decide(false, cycle(100, "01/03/2026", "01/04/2026")).layout().basis())
                .as("no day or month over 12: assumed").isEqualTo(DateLayout.Basis.ASSUMED);
        assertThat(decide(true, cycle(100, "01/03/2026", "01/04/2026")).layout().basis())
                .isEqualTo(DateLayout.Basis.DAYFIRST);
        assertThat(decide(true, cycle(100, "11/29/2026", "11/30/2026")).layout().basis())
                .as("--dayfirst ignored: the cells decide").isEqualTo(DateLayout.Basis.CELLS);
        assertThat(decide(false, cycle(100, "2026/03/01", "2026/04/01")).layout().basis()).isEqualTo(DateLayout.Basis.CELLS);
        assertThat(DateLayout.parse("mm/dd/yyyy").basis()).isEqualTo(DateLayout.Basis.UNRECORDED);
        assertThat(DateLayout.parse("yyyy/mm/dd").otherOrder()).isEmpty();
        assertThat(DateLayout.ISO.otherOrder()).isEmpty();
        DateLayout mdy = DateLayout.parse("mm/dd/yyyy").withBasis(DateLayout.Basis.ASSUMED);
        assertThat(mdy.otherOrder()).contains(DateLayout.parse("dd/mm/yyyy"));
        // the swapped reading was decided by nothing: it is not "assumed" (review of dates15)
        assertThat(mdy.otherOrder().orElseThrow().basis()).isEqualTo(DateLayout.Basis.UNRECORDED);
        assertThat(DateLayout.parse("dd.mm.yyyy").dotted()).isTrue();
        assertThat(DateLayout.parse("mm.dd.yyyy").dotted()).isTrue();
        assertThat(DateLayout.parse("dd-mm-yyyy").dotted()).isFalse();
        assertThat(DateLayout.ISO.dotted()).isFalse();
        assertThat(mdy.write("2026-01-03")).isEqualTo("01/03/2026");
        assertThat(mdy.iso(mdy.write("2026-01-03 14:30"))).isEqualTo("2026-01-03 14:30");
        assertThat(DateLayout.parse("dd.mm.yyyy").write("2026-01-03")).isEqualTo("03.01.2026");
        assertThat(DateLayout.parse("yyyy/mm/dd").write("2026-01-03")).isEqualTo("2026/01/03");
        assertThat(DateLayout.ISO.write("2026-01-03")).isEqualTo("2026-01-03");
        assertThat(mdy.write("garbage")).isEqualTo("garbage");
    }
}
