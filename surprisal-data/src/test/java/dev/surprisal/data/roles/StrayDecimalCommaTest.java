// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where decimal-comma cells ({@code 0,5}) beside {@code 1,234} cells stop being typos and become the
 * column's convention ({@link RoleRules#decimalCommaConvention}), on the counts alone, as a file, DuckDB
 * and Spark's summed partitions give them. Below the bound the column is read with a decimal point, each stray
 * cell as 0.5 with a note naming both kinds; above it the column is read with a decimal comma, its {@code 1,234}
 * as 1.234 and its {@code 1.299} as 1299 (cells13: before, such a column was text, or its 1.299 a thousand times
 * too small), and the reason says so.
 */
class StrayDecimalCommaTest {
    /**
     * A column of {@code present} cells: {@code plain} like 987, the others by comma kind, each kind with the
     * example a scan gives (its smallest cell); all numbers.
     */
    private static ColumnStats column(long plain, long thousands, long oneGroup, long decimal) {
        return column(plain, thousands, oneGroup, decimal, 0);
    }

    private static ColumnStats column(long plain, long thousands, long oneGroup, long decimal, long dotGroup) {
        long present = plain + thousands + oneGroup + decimal + dotGroup;
        return new ColumnStats("c", present, 0, present, present, 500, 600, 0, 0, 100, 2e6,
                false, new ColumnStats.Commas(thousands, oneGroup, decimal, dotGroup, java.util.List.of("",
                thousands == 0 ? "" : "1,234,567", oneGroup == 0 ? "" : "1,100", decimal == 0 ? "" : "0,5",
                dotGroup == 0 ? "" : "1.299")));
    }

    @Test
    void oneDecimalCommaAmongTwoThousandGroupedAmountsIsATypo() {
        ColumnStats s = column(600, 0, 1399, 1);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(d.reason()).endsWith("; read as numbers with a decimal point (1,234.56); 1 cell like 0,5 read with a"
                + " decimal comma (0,5 as 0.5) beside 1,399 cells like 1,100 read with ',' thousands separators"
                + " (1,234 as 1234) and 600 other numbers: two conventions in one column, the decimal commas too few to"
                + " be its convention (at most 1 cell or 1 in 1,000); check those cells");
    }

    @Test
    void aStrayDecimalCommaBesideDotGroupsNamesThemAsWhatTheyAreNotAsThousandsSeparators() {
        // review: the note called 1.299 "a thousands separator (like 1,234)"; read with a decimal point it is 1.299
        RoleDecision d = RoleRules.decide(column(0, 0, 0, 1, 1999));
        assertThat(d.reason()).contains("; 1 cell like 0,5 read with a decimal comma (0,5 as 0.5) beside 1,999 cells"
                + " like 1.299 read with a decimal point (1.299 as 1.299): two conventions").doesNotContain("thousands separator");
    }

    @Test
    void fiftyDecimalCommaCellsAmongTwentyThousandGroupedCellsAreInDoubtAndReadAsText() {
        // SparkProfilerTest.commaColumnsAreReadAsLocally: 19,950 cells "1,xyz" and 50 "2,5". Too many "2,5" for
        // typos, too few for a decimal-comma writer: the 1,xyz cells are 1xyz or 1.xyz, a thousand times apart
        // (review13b: read with the decimal comma, US quantities 12,345 with three typos became 12.345)
        ColumnStats s = column(0, 0, 19_950, 50);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        assertThat(RoleRules.conventionInDoubt(s)).isTrue();
        assertThat(RoleRules.isNumeric(s)).isFalse();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(d.reason()).contains("not read as numbers: 50 cells like 0,5 write a decimal comma, too many for"
                + " typos (over 1 in 1,000) and too few to be its convention (under 1 in 20), beside 19,950 cells like"
                + " 1,100 that read a thousand times apart");
    }

    @Test
    void typosInUsQuantitiesOrFuelPricesNeverMakeTheColumnADecimalCommaColumn() {
        // review13b's three columns: 1,500 quantities 12,345 with 3 typos 12,34; 1,500 fuel prices 2.502 with 2
        // typos 3,59; 1,500 prices 12.50 with 2 typos 3,59
        ColumnStats quantities = column(0, 0, 1500, 3);
        assertThat(RoleRules.convention(quantities)).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.decide(quantities).role()).isEqualTo(ColumnRole.CATEGORICAL);
        ColumnStats fuel = column(0, 0, 0, 2, 1500);
        assertThat(RoleRules.convention(fuel)).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.decide(fuel).role()).isEqualTo(ColumnRole.CATEGORICAL);
        ColumnStats prices = column(1500, 0, 0, 2);
        assertThat(RoleRules.convention(prices)).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.conventionInDoubt(prices)).as("no cell reads two ways").isFalse();
        RoleDecision d = RoleRules.decide(prices);
        assertThat(d.role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(d.reason()).contains("2 cells like 0,5 read with a decimal comma (0,5 as 0.5)")
                .contains("too few to be its convention (under 1 in 20)");
    }

    @Test
    void dotGroupsOfADecimalCommaColumnGroupThousands() {
        RoleDecision d = RoleRules.decide(column(0, 0, 0, 1500, 500));
        assertThat(d.reason()).endsWith("; read as numbers with a decimal comma (1.234,56), as its 1,500 cells like 0,5"
                + " write them; 500 cells like 1.299 read with '.' thousands separators (1.299 as 1299)");
    }

    @Test
    void theConventionNeedsOneCellInTwentyAndDoubtStartsAboveOneInAThousand() {
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 99, 1))).as("1 of 100").isFalse();
        assertThat(RoleRules.conventionInDoubt(column(0, 0, 99, 1))).as("1 of 100: one cell is a typo").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 96, 4))).as("4 of 100").isFalse();
        assertThat(RoleRules.conventionInDoubt(column(0, 0, 96, 4))).as("4 of 100").isTrue();
        assertThat(RoleRules.decimalCommaConvention(column(0, 0, 95, 5))).as("5 of 100").isTrue();
        assertThat(RoleRules.conventionInDoubt(column(0, 0, 95, 5))).as("5 of 100").isFalse();
        assertThat(RoleRules.conventionInDoubt(column(0, 0, 1998, 2))).as("2 of 2,000").isFalse();
        assertThat(RoleRules.conventionInDoubt(column(0, 0, 1997, 3))).as("3 of 2,000").isTrue();
        assertThat(RoleRules.conventionInDoubt(column(998, 0, 0, 2))).as("2 of 1,000, no groups").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(998, 0, 0, 2))).as("2 of 1,000, no groups").isFalse();
        assertThat(RoleRules.decimalCommaConvention(column(950, 0, 0, 50))).as("50 of 1,000, no groups").isTrue();
    }

    @Test
    void twoGroupCellsSettleThousandsWhateverTheDecimalCommas() {
        // 1,234,567 is written by thousands separators only: 1,234 there is 1234, and the 1,5 cells are named
        ColumnStats s = column(500, 10, 1480, 10);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        assertThat(RoleRules.decide(s).role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(RoleRules.decide(s).reason()).contains("; 10 cells like 0,5 read with a decimal comma (0,5 as 0.5)"
                + " beside 1,490 cells like 1,100 read with ',' thousands separators").doesNotContain("invalid")
                .doesNotContain("too few");
    }

    @Test
    void aColumnOfOnlyDecimalCommasIsNumbersReadWithTheDecimalComma() {
        ColumnStats s = column(0, 0, 0, 2000);
        assertThat(RoleRules.isNumeric(s)).isTrue();
        RoleDecision d = RoleRules.decide(s);
        assertThat(d.role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(d.reason()).endsWith("; read as numbers with a decimal comma (1.234,56), as its 2,000 cells like 0,5"
                + " write them");
    }

    @Test
    void aNumericRoleOnADecimalCommaColumnReadsItsCellsWithTheDecimalComma(@org.junit.jupiter.api.io.TempDir
                                                                           java.nio.file.Path dir)
            throws java.io.IOException {
        // 200 of 2,000 weights use a decimal comma: the column's convention, so its 1,xyz cells are 1.xyz
        StringBuilder csv = new StringBuilder("weight\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(i % 10 == 0 ? "\"2,5\"" : "\"1," + (100 + i % 900) + "\"").append('\n');
        }
        java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("w.csv"), csv.toString());
        ColumnRoles roles = ColumnRoles.detect(dev.surprisal.data.TableReader.open(f),
                RoleOverrides.none().withRole("weight", ColumnRole.CONTINUOUS));
        assertThat(roles.decision("weight").convention()).isEqualTo(NumberConvention.DECIMAL_COMMA);
        ColumnStats s = roles.stats("weight").orElseThrow();
        assertThat(s.min()).isEqualTo(1.101);
        assertThat(s.max()).isEqualTo(2.5);
        assertThat(roles.decision("weight").reason()).contains("read as numbers with a decimal comma (1.234,56), as its"
                + " 200 cells like 2,5 write them; 1,800 cells like 1,101 read with the decimal comma (1,234 as 1.234)");
    }

    @Test
    void aStrayDecimalCommaIsANumberSoItDoesNotCountAgainstTheNumericShare() {
        // 1 stray cell in 10 is within the typo count; read as 0.5 it is a number, so the column is numeric
        ColumnStats s = column(0, 0, 9, 1);
        assertThat(RoleRules.decimalCommaConvention(s)).isFalse();
        assertThat(RoleRules.isNumeric(s)).isTrue();
        assertThat(RoleRules.decide(s).reason()).contains("; 1 cell like 0,5 read with a decimal comma (0,5 as 0.5)")
                .contains("too few to be its convention");
    }
}
