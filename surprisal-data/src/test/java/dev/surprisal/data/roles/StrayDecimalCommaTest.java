// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where decimal-comma cells ({@code 0,5}) beside {@code 1,234} cells stop being typos and become the
 * column's convention ({@link RoleRules#decimalCommaConvention}), on the counts alone, as a file, DuckDB
 * and Spark's summed partitions give them. Before, one such cell made the column text; the rule of the
 * session before counted every share up to 5% as typos and made 50 {@code 2,5} weights among 20,000
 * {@code 1,234} ones numbers.
 */
class StrayDecimalCommaTest {
    /**
     * A column of {@code present} cells: {@code plain} like 987, the others by comma kind; all numbers, a
     * decimal-comma cell read as pandas' {@code decimal=','} reads it (money12).
     */
    private static ColumnStats column(long plain, long thousands, long oneGroup, long decimal) {
        long present = plain + thousands + oneGroup + decimal;
        return new ColumnStats("c", present, 0, present, present, 500, 600, 0, 0, 100, 2e6,
                false, new ColumnStats.Commas(thousands, oneGroup, decimal));
    }

    @Test
    void oneDecimalCommaAmongTwoThousandGroupedAmountsIsATypo() {
        ColumnStats s = column(600, 0, 1399, 1);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(d.reason()).endsWith("; 1 cell with a decimal comma (like 0,5, read as 0.5) beside 1,399 cells with a"
                + " thousands separator (like 1,234, read as 1234): two conventions in one column, the decimal commas"
                + " too few to be its convention (at most 1 cell or 1 in 1,000); check those cells");
    }

    @Test
    void fiftyDecimalCommaWeightsAmongTwentyThousandAreAConvention() {
        // SparkProfilerTest.commaColumnsAreReadAsLocally: 19,950 weights "1,xyz" and 50 "2,5"
        ColumnStats s = column(0, 0, 19_950, 50);
        assertThat(RoleRules.decimalCommaConvention(s)).isTrue();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(d.reason()).contains("19,950 cells like 1,234 read as 1234 with a thousands separator and as 1.234 "
                + "with the decimal comma of its 50 cells like 1,5", "it looks like European decimals");
    }

    @Test
    void theBoundIsOneCellOrOneInAThousand() {
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 99, 1))).as("1 of 100").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 98, 2))).as("2 of 100").isTrue();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 1998, 2))).as("2 of 2,000").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 1997, 3))).as("3 of 2,000").isTrue();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 999_000, 1000))).as("1,000 of 1e6").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 998_999, 1001))).as("1,001 of 1e6").isTrue();
    }

    @Test
    void twoGroupCellsSettleThousandsWhateverTheDecimalCommas() {
        // 1,234,567 is written by thousands separators only: 1,234 there is 1234, and the 1,5 cells are named
        ColumnStats s = column(500, 10, 1480, 10);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        assertThat(RoleRules.decide(s).role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(RoleRules.decide(s).reason()).contains("; 10 cells with a decimal comma (like 0,5, read as 0.5) beside"
                + " 1,490 cells with a thousands separator").doesNotContain("invalid");
    }

    @Test
    void aColumnOfOnlyDecimalCommasIsNumbersReadWithTheDecimalComma() {
        ColumnStats s = column(0, 0, 0, 2000);
        assertThat(RoleRules.isNumeric(s)).isTrue();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(d.reason()).endsWith("; 2,000 cells read with a decimal comma (569,97 as 569.97, 1.234,56 as 1234.56)");
    }

    @Test
    void aNumericRoleSetOnADecimalCommaColumnSaysWhyItCannotBe(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // every cell is a number read with thousands separators, but 40 of 2,000 use a decimal comma: before,
        // the refusal said "only 98% of its values are numbers (at least 95% needed)", true and no reason
        StringBuilder csv = new StringBuilder("weight\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i % 50 == 0 ? "\"2,5\"" : "\"1," + (100 + i % 900) + "\"").append('\n');
        }
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("w.csv"), csv.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ColumnRoles.detect(dev.surprisal.data.TableReader.open(f),
                        RoleOverrides.none().withRole("weight", ColumnRole.CONTINUOUS)))
                .isInstanceOf(dev.surprisal.data.DataException.class)
                .hasMessageContaining("--role: cannot be continuous: its 1,960 cells like 1,234 read as 1.234 as much "
                        + "as 1234, since 40 cells like 1,5 use a decimal comma; --role weight=categorical");
    }

    @Test
    void aStrayDecimalCommaIsANumberSoItDoesNotCountAgainstTheNumericShare() {
        // 1 stray cell in 10 is within the typo count; read as 0.5 it is a number, so the column is numeric
        ColumnStats s = column(0, 0, 9, 1);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        assertThat(RoleRules.isNumeric(s)).isTrue();
        assertThat(RoleRules.decide(s).reason()).contains("; 1 cell with a decimal comma (like 0,5, read as 0.5)")
                .contains("too few to be its convention");
    }
}
