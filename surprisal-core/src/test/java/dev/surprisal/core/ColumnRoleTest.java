// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnRoleTest {
    @Test
    void labelsParseBack() {
        for (ColumnRole r : ColumnRole.values()) {
            assertThat(ColumnRole.parse(r.label())).isEqualTo(r);
            assertThat(ColumnRole.parse(r.label().toUpperCase())).isEqualTo(r);
        }
        assertThat(ColumnRole.parse("id_like")).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(ColumnRole.ID_LIKE.label()).isEqualTo("id-like");
    }

    @Test
    void unknownLabelListsTheValidOnes() {
        assertThatThrownBy(() -> ColumnRole.parse("numeric")).isInstanceOf(ValidationException.class)
                .hasMessage("role: expected one of binary, discrete, continuous, categorical, id-like, timestamp, date, "
                        + "constant, got 'numeric'");
        assertThatThrownBy(() -> ColumnRole.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void scoredAndDiscreteRoles() {
        assertThat(ColumnRole.values()).filteredOn(ColumnRole::isScored)
                .containsExactly(ColumnRole.BINARY, ColumnRole.DISCRETE, ColumnRole.CONTINUOUS, ColumnRole.CATEGORICAL);
        assertThat(ColumnRole.values()).filteredOn(ColumnRole::isDiscrete)
                .containsExactly(ColumnRole.BINARY, ColumnRole.DISCRETE, ColumnRole.CATEGORICAL);
    }
}
