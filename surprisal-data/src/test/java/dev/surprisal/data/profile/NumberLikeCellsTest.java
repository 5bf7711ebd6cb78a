// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.Cells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers written for people ("2,096.40", "1,234", "37.5%") are numbers, the same on the Java and the
 * DuckDB path; so are decimal commas ("3,14", "1.234,56") and amounts with a currency sign ("$1,200.00").
 */
class NumberLikeCellsTest {
    @TempDir
    Path dir;

    @Test
    void eachCellHasOneReadingOrNone() {
        assertThat(Cells.number("2,096.40")).isEqualTo(2096.4);
        assertThat(Cells.number(" -1,234,567.5 ")).isEqualTo(-1234567.5);
        assertThat(Cells.number("37.5%")).isEqualTo(37.5);
        assertThat(Cells.number("-.5%")).isEqualTo(-0.5);
        assertThat(Cells.number("2,096.40%")).isEqualTo(2096.4);
        byte[] b = "x,12.5%,y".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Cells.number(b, 2, 7)).isEqualTo(12.5);
        // thousands groups without a decimal part: the column decides whether 1,234 may be 1.234 (Cells.comma)
        assertThat(Cells.number("1,234")).isEqualTo(1234);
        assertThat(Cells.number("-12,345,678")).isEqualTo(-12345678);
        byte[] g = "\"1,234\"".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Cells.number(g, 1, 6)).isEqualTo(1234);
        // a decimal comma, with or without '.' thousands groups (Excel's European exports); currency signs
        assertThat(Cells.number("3,14")).isEqualTo(3.14);
        assertThat(Cells.number("0,123")).isEqualTo(0.123);
        assertThat(Cells.number("1.234,56")).isEqualTo(1234.56);
        assertThat(Cells.number("-12.345.678,9")).isEqualTo(-12345678.9);
        assertThat(Cells.number("12,5%")).isEqualTo(12.5);
        assertThat(Cells.number("$1,200.00")).isEqualTo(1200);
        assertThat(Cells.number("-$5")).isEqualTo(-5);
        assertThat(Cells.number("569,97 €")).isEqualTo(569.97);
        assertThat(Cells.number("1.234,56\u00a0€")).isEqualTo(1234.56);
        assertThat(Cells.number("£ 12.50")).isEqualTo(12.5);
        assertThat(Cells.number("¥1,000")).isEqualTo(1000);
        byte[] e = "x;1.234,56 €;y".getBytes(StandardCharsets.UTF_8);
        assertThat(Cells.number(e, 2, e.length - 2)).isEqualTo(1234.56);
        for (String ambiguous : new String[] {"12,34.5", "1234,567.8", "1,2345.6", "1,234.", "1,23,456", "1.23,4",
            "12.34,5", "1,234,5", "5  %", "%", "inf%", "1e3%", "12%%", "$", "$$5", "5$%", "12 kg", "EUR 12.50", "12 USD",
            "€ 1,5 €", "1.234.567"}) {
            assertThat(Cells.number(ambiguous)).as("'%s'", ambiguous).isNaN();
        }
    }

    @Test
    void aFileOfNumberLikeCellsGetsTheSameProfileOnBothPaths() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder s = new StringBuilder("amount,rate,mixed\n");
        for (int i = 0; i < 2000; i++) {
            int u = r.nextInt(100);
            String mixed = u < 2 ? "\"1,234\"" : u < 3 ? "\"3,14\"" : u < 8 ? "" : String.format(Locale.US, "\"%,.1f\"",
                    r.nextGaussian() * 5000);
            s.append(String.format(Locale.US, "\"%,.2f\",%.1f%%,%s%n", Math.exp(7 + r.nextGaussian()), 100 * r.nextDouble(),
                    mixed));
        }
        Path f = Files.writeString(dir.resolve("people.csv"), s.toString());
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        CsvPathTest.assertSameProfile("number-like", java, sql);
        assertThat(java.column("amount").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(java.column("amount").invalid()).isZero();
        assertThat(java.column("rate").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(java.column("rate").reason()).containsPattern("distinct numbers \\(0 to (99\\.9|100)\\)");
        // grouped decimals (-1,234.5) settle that its ',' is a thousands separator: 1,234 is 1234; 3,14 has one
        // reading, 3.14, and the reason counts those cells as a second convention to check
        assertThat(java.column("mixed").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(java.column("mixed").invalid()).isZero();
        assertThat(java.column("mixed").reason()).containsPattern("; [0-9]{1,2} cells like 3,14 read with a decimal comma \\(0,5 as 0.5\\) beside")
                .contains("two conventions in one column; check those cells");
    }
}
