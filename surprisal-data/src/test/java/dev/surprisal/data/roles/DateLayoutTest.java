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
}
