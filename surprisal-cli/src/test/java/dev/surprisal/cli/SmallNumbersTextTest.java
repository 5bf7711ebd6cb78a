// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: mi's table printed an interval {@code [9.109E-7, 0.001082]} beside an estimate {@code 0.000001826}
 * (BigDecimal switches to its exponent form below 10⁻⁶). A table's small numbers are plain decimals, one rule.
 */
class SmallNumbersTextTest {
    @Test
    void aTablesSmallNumbersArePlainDecimals() {
        assertThat(TextTable.num(9.109e-7)).isEqualTo("0.0000009109");
        assertThat(TextTable.num(7.593e-7)).isEqualTo("0.0000007593");
        assertThat(TextTable.num(1.826e-6)).isEqualTo("0.000001826");
        assertThat(TextTable.num(0.001082)).isEqualTo("0.001082");
        for (double v = 1e-10; v < 1; v *= 3.7) {
            assertThat(TextTable.num(v)).as("%s", v).doesNotContainIgnoringCase("e");
        }
    }
}
