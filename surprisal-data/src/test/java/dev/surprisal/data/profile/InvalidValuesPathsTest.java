// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column's invalid values are counted, and every path keeps the same most frequent ones with their counts
 * and first cells. Known truth, 6,000 rows: a price column with 162 invalid cells of seven values, in file order
 * 150 × {@code abc} (every tenth of the first 1,500), 2 × {@code n.a.}, 1 × {@code #REF!}, 1 × {@code ?},
 * 3 × {@code tbd}, 4 × {@code unknown}, 1 × {@code err}; a quantity column with 3 × {@code x} before
 * 5 × {@code y} (few enough for DuckDB's counting scan to count them, where the price column takes one more
 * scan); a date column with 150 × {@code unknown}, then {@code TBD} and {@code 31/02}. Java and DuckDB, fitted and
 * counted, and the partial profiles that Spark's partitions merge, keep the five most frequent (ties by value),
 * the line of each one's first cell, and the price column's 2 cells of other values. Before, the first cell of
 * the first five values in file order was kept, without counts: {@code ?} ×1 was named and {@code unknown} ×4
 * was not, and 3 × {@code x} came before 5 × {@code y}.
 */
class InvalidValuesPathsTest {
    @TempDir
    Path dir;

    private static final int ROWS = 6000;

    private static String price(int i, SplittableRandom r) {
        return i < 1500 && i % 10 == 0 ? "abc" : i == 1600 || i == 1800 ? "n.a." : i == 1700 ? "#REF!"
                : i == 2500 ? "?" : i == 3000 || i == 3100 || i == 3200 ? "tbd" : i >= 4000 && i < 4004 ? "unknown"
                : i == 4500 ? "err" : String.format(Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian());
    }

    private static String qty(int i, SplittableRandom r) {
        return i == 10 || i == 20 || i == 30 ? "x" : i >= 100 && i < 105 ? "y"
                : String.format(Locale.ROOT, "%.1f", 100 + 30 * r.nextGaussian());
    }

    private static String day(int i) {
        return i < 1500 && i % 10 == 5 ? "unknown" : i == 2000 ? "TBD" : i == 2200 ? "31/02"
                : String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
    }

    /** The cells of each column, row by row. */
    private static List<String[]> cells() {
        SplittableRandom r = new SplittableRandom(13);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new String[] {price(i, r), qty(i, r), day(i)});
        }
        return rows;
    }

    private Path file() throws IOException {
        StringBuilder b = new StringBuilder("price,qty,day\n");
        cells().forEach(c -> b.append(String.join(",", c)).append('\n'));
        return Files.writeString(dir.resolve("prices.csv"), b);
    }

    /** Rows {@code from} (inclusive) to {@code to} of the cells as a text table. */
    private static Table part(int from, int to) {
        List<String[]> rows = cells().subList(from, to);
        String[][] cols = new String[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        return Table.of(List.of(CategoricalColumn.of("price", cols[0]), CategoricalColumn.of("qty", cols[1]),
                CategoricalColumn.of("day", cols[2])));
    }

    @Test
    void everyPathKeepsTheMostFrequentInvalidValuesWithTheirCounts() throws IOException {
        Path f = file();
        // line = row + 2 (the header is line 1)
        List<InvalidCell> price = List.of(new InvalidCell("line 2", "abc", 150),
                new InvalidCell("line 4002", "unknown", 4), new InvalidCell("line 3002", "tbd", 3),
                new InvalidCell("line 1602", "n.a.", 2), new InvalidCell("line 1702", "#REF!", 1));
        List<InvalidCell> qty = List.of(new InvalidCell("line 102", "y", 5), new InvalidCell("line 12", "x", 3));
        List<InvalidCell> day = List.of(new InvalidCell("line 7", "unknown", 150),
                new InvalidCell("line 2202", "31/02", 1), new InvalidCell("line 2002", "TBD", 1));
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        Profile sqlCount = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(java, TableReader.open(f)));
        // Spark's path without Spark: parts counted apart, by CSV line, merged in source order, then finished
        Profile merged = PartialProfiles.merge(List.of(PartialProfiles.count(java, part(0, 1000), 0, true),
                PartialProfiles.count(java, part(1000, 3050), 1000, true),
                PartialProfiles.count(java, part(3050, ROWS), 3050, true)));
        Profile parts = PartialProfiles.finish(merged, Map.of("day", java.column("day").keys().distinct()));
        for (Profile p : new Profile[] {java, sql, sqlCount, ProfileBuilder.count(sql, TableReader.open(f)), parts,
            ProfileJson.read(ProfileJson.write(sqlCount))}) {
            assertThat(p.column("price").invalid()).isEqualTo(162);
            assertThat(p.column("price").invalidCells()).containsExactlyElementsOf(price);
            assertThat(p.column("price").otherInvalid()).isEqualTo(2); // ? and err
            assertThat(p.column("qty").invalidCells()).containsExactlyElementsOf(qty);
            assertThat(p.column("qty").otherInvalid()).isZero();
            assertThat(p.column("day").role().isTemporal()).isTrue();
            assertThat(p.column("day").invalid()).isEqualTo(152);
            assertThat(p.column("day").invalidCells()).containsExactlyElementsOf(day);
        }
        // a merge of two whole profiles adds the counts of the values both kept
        ColumnProfile twice = java.column("price").merge(sql.column("price"));
        assertThat(twice.invalidCells()).extracting(InvalidCell::count).containsExactly(300L, 8L, 6L, 4L, 2L);
        assertThat(twice.otherInvalid()).isEqualTo(4);
    }

    @Test
    void aProfileStoredBeforeValuesWereCountedReadsWithoutCounts() {
        // the form every profile had before 2026-12-02: the first cell of each value, no "count"
        String json = ProfileJson.write(ProfileBuilder.fit(part(0, ROWS), ProfileOptions.defaults()))
                .replaceAll(",\"count\":[0-9]+}", "}");
        assertThat(json).contains("{\"where\":\"row 1\",\"value\":\"abc\"}");
        ColumnProfile old = ProfileJson.read(json).column("price");
        assertThat(old.invalid()).isEqualTo(162);
        assertThat(old.invalidCells()).containsExactly(new InvalidCell("row 1", "abc", InvalidCell.NOT_COUNTED),
                new InvalidCell("row 4001", "unknown", InvalidCell.NOT_COUNTED),
                new InvalidCell("row 3001", "tbd", InvalidCell.NOT_COUNTED),
                new InvalidCell("row 1601", "n.a.", InvalidCell.NOT_COUNTED),
                new InvalidCell("row 1701", "#REF!", InvalidCell.NOT_COUNTED));
        assertThat(old.invalidCells()).noneMatch(InvalidCell::counted);
        assertThat(old.otherInvalid()).as("unknown, not 0").isEqualTo(-1);
        // written back as read: still without counts, never a count of 0
        assertThat(ProfileJson.write(ProfileJson.read(json))).isEqualTo(json);
    }
}
