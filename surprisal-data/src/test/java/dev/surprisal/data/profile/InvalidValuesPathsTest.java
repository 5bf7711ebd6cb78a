// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invalid values a profile names are the same on every path when one value fills the first hundred
 * invalid cells: 150 × {@code abc} in a price column of 6,000 rows (every tenth of the first 1,500), then
 * {@code n.a.}, {@code #REF!}, {@code n.a.} again and {@code ?}; in a date column 150 × {@code unknown}, then
 * {@code TBD} and {@code 31/02}. Both engines, fitted and counted, list the first cell of each value in
 * file order with its line. Before, DuckDB's counting scan gathered the first 100 invalid cells and named
 * only {@code abc} (and {@code unknown}), while Java named all four (three).
 */
class InvalidValuesPathsTest {
    @TempDir
    Path dir;

    private Path file() throws IOException {
        SplittableRandom r = new SplittableRandom(13);
        StringBuilder b = new StringBuilder("price,day\n");
        for (int i = 0; i < 6000; i++) {
            String price = i < 1500 && i % 10 == 0 ? "abc" : i == 1600 || i == 1800 ? "n.a." : i == 1700 ? "#REF!"
                    : i == 2500 ? "?" : String.format(Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian());
            String day = i < 1500 && i % 10 == 5 ? "unknown" : i == 2000 ? "TBD" : i == 2200 ? "31/02"
                    : String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
            b.append(price).append(',').append(day).append('\n');
        }
        return Files.writeString(dir.resolve("prices.csv"), b);
    }

    @Test
    void everyPathNamesTheFirstCellOfEachInvalidValue() throws IOException {
        Path f = file();
        // line = row + 2 (the header is line 1)
        List<InvalidCell> price = List.of(new InvalidCell("line 2", "abc"), new InvalidCell("line 1602", "n.a."),
                new InvalidCell("line 1702", "#REF!"), new InvalidCell("line 2502", "?"));
        List<InvalidCell> day = List.of(new InvalidCell("line 7", "unknown"), new InvalidCell("line 2002", "TBD"),
                new InvalidCell("line 2202", "31/02"));
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        Profile sqlCount = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(java, TableReader.open(f)));
        for (Profile p : new Profile[] {java, sql, sqlCount, ProfileBuilder.count(sql, TableReader.open(f))}) {
            assertThat(p.column("price").invalid()).isEqualTo(154);
            assertThat(p.column("price").invalidCells()).containsExactlyElementsOf(price);
            assertThat(p.column("day").role().isTemporal()).isTrue();
            assertThat(p.column("day").invalid()).isEqualTo(152);
            assertThat(p.column("day").invalidCells()).containsExactlyElementsOf(day);
        }
    }
}
