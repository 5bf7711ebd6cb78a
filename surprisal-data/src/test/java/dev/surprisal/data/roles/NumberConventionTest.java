// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.TableReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reading of a number per column convention (cells13): in a decimal-comma column a '.' before exactly three
 * digits groups thousands ({@code 1.299} is 1299, as pandas' {@code read_csv(decimal=',', thousands='.')} and a
 * German Excel read it), any other '.' makes the cell invalid; in a decimal-point column {@code 1,234} groups
 * thousands as before. Java and DuckDB read alike.
 */
class NumberConventionTest {
    @TempDir
    Path dir;

    private static double comma(String cell) {
        return Cells.number(cell, NumberConvention.DECIMAL_COMMA);
    }

    @Test
    void aDecimalCommaColumnReadsDotsAsThousandsGroups() {
        assertThat(comma("1.299")).isEqualTo(1299.0);
        assertThat(comma("1.299,00")).isEqualTo(1299.0);
        assertThat(comma("1.234.567,8")).isEqualTo(1234567.8);
        assertThat(comma("12.345.678")).isEqualTo(12345678.0);
        assertThat(comma("19,99")).isEqualTo(19.99);
        assertThat(comma("569,97 €")).isEqualTo(569.97);
        assertThat(comma("1.299\u00a0€")).isEqualTo(1299.0);
        assertThat(comma("-1.299,5")).isEqualTo(-1299.5);
        assertThat(comma("12,5%")).isEqualTo(12.5);
        assertThat(comma("1,234")).isEqualTo(1.234);
        assertThat(comma("41,")).isEqualTo(41.0);
        assertThat(comma(",5")).isEqualTo(0.5);
        assertThat(comma("1299")).isEqualTo(1299.0);
        assertThat(comma(" 12 ")).isEqualTo(12.0);
        assertThat(comma("1e3")).isEqualTo(1000.0);
        assertThat(comma("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aDotThatGroupsNoThreeDigitsIsNoNumberInADecimalCommaColumn() {
        // pandas' thousands='.' drops any '.', reading 1.5 as 15: here the cell is invalid, named with its line
        for (String cell : List.of("1.5", "0.123", "1.2345", "1.23.456", "1.299.5", "1,234,567", "2,096.40", "1,2,3",
                "abc", "12.")) {
            assertThat(comma(cell)).as(cell).isNaN();
        }
    }

    @Test
    void aDecimalPointColumnReadsAsBefore() {
        assertThat(Cells.number("1.299", NumberConvention.DECIMAL_POINT)).isEqualTo(1.299);
        assertThat(Cells.number("1,234", NumberConvention.DECIMAL_POINT)).isEqualTo(1234.0);
        assertThat(Cells.number("0,5", NumberConvention.DECIMAL_POINT)).isEqualTo(0.5);
        assertThat(Cells.number("1.5", NumberConvention.DECIMAL_POINT)).isEqualTo(1.5);
    }

    @Test
    void cellsAreClassifiedInTheUsersWords() {
        assertThat(Cells.comma("1.299")).isEqualTo(Cells.Comma.DOT_GROUP);
        assertThat(Cells.comma("1.234.567 €")).isEqualTo(Cells.Comma.DOT_GROUP);
        assertThat(Cells.comma("1,234")).isEqualTo(Cells.Comma.ONE_GROUP);
        assertThat(Cells.comma("1.299,00")).isEqualTo(Cells.Comma.DECIMAL);
        assertThat(Cells.comma("1,234,567")).isEqualTo(Cells.Comma.THOUSANDS);
        assertThat(Cells.comma("1.5")).isEqualTo(Cells.Comma.NONE);
    }

    /** A number written by Java's German {@code NumberFormat} is read back to the same value. */
    @Property(tries = 3000)
    void germanNumberFormatIsReadBack(@ForAll @DoubleRange(min = -1e9, max = 1e9) double x,
                                      @ForAll @IntRange(min = 0, max = 4) int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.GERMANY);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        String cell = f.format(x);
        // the text's own number: its '.' groups dropped, its ',' the point
        assertThat(comma(cell)).as(cell).isEqualTo(Double.parseDouble(cell.replace(".", "").replace(',', '.')));
        // and the number written, to its rounding (never a thousand times off)
        assertThat(comma(cell)).as(cell).isCloseTo(x, org.assertj.core.api.Assertions.within(
                0.5 * Math.pow(10, -decimals) + Math.abs(x) * 1e-15));
    }

    /** A column in a decimal-comma convention: DuckDB's SQL and Java read every cell alike. */
    @Test
    void duckDbAndJavaReadADecimalCommaColumnAlike() throws IOException {
        List<String> cells = new ArrayList<>(List.of("1.299", "1.299,00", "19,99", "569,97", "1,234", "1.5", "12",
                "1.234.567,8", "569,97 €", "-3,5", "abc", "", "NA", "0,5", "41,", "1e3", "2,096.40", "1.2345"));
        StringBuilder b = new StringBuilder("v\n");
        cells.forEach(c -> b.append('"').append(c).append("\"\n"));
        Path f = Files.writeString(dir.resolve("cells.csv"), b);
        ColumnStats fromFile = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()).stats("v").orElseThrow();
        ColumnStats fromMemory = RoleScan.scan(CategoricalColumn.of("v", cells.toArray(String[]::new)));
        assertThat(RoleRules.convention(fromMemory)).isEqualTo(NumberConvention.DECIMAL_POINT)
                .as("2,096.40 is a grouping only a decimal point's writer writes");
        assertThat(fromFile).isEqualTo(fromMemory);

        cells.remove("2,096.40");
        Path g = Files.writeString(dir.resolve("cells2.csv"), String.join("\n", cells.stream().map(c -> '"' + c + '"')
                .toList()).replaceFirst("^", "v\n") + "\n");
        ColumnStats file2 = ColumnRoles.detect(TableReader.open(g), RoleOverrides.none()).stats("v").orElseThrow();
        ColumnStats memory2 = RoleScan.scan(CategoricalColumn.of("v", cells.toArray(String[]::new)));
        assertThat(RoleRules.convention(memory2)).isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(file2).isEqualTo(memory2);
        // 1.5, abc, 1.2345 are not numbers with a decimal comma
        assertThat(memory2.nonNumbers()).isEqualTo(3);
        assertThat(memory2.max()).isEqualTo(1234567.8);
        assertThat(memory2.commas().example(Cells.Comma.DOT_GROUP)).isEqualTo("1.299");
    }
}
