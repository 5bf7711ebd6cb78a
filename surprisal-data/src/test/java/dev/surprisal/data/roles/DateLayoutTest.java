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
}
