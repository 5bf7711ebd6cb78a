// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A date column (ISO on the reference) whose cells turn into something else today: the cells that are
 * no ISO date, date-time or epoch number are invalid, counted with their first lines, the same on
 * the Java CSV path, DuckDB's CSV path, Parquet through DuckDB and an in-memory table. Before, the
 * count of every path was 0 whatever the cells held.
 */
class TemporalInvalidCellsTest {
    private static final int ROWS = 2000;

    @TempDir
    Path dir;

    /** An orders file: order_id, day (the i-th order's date written by {@code day}), amount. */
    private Path orders(String name, long seed, IntFunction<String> day) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,day,amount\n");
        for (int i = 0; i < ROWS; i++) {
            b.append(100_000 + i).append(',').append(day.apply(r.nextInt(30))).append(',')
                    .append(Math.round(Math.exp(4 + r.nextGaussian() / 2) * 100) / 100.0).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static String iso(int d) {
        return LocalDate.of(2024, 4, 1).plusDays(d).toString();
    }

    private static String dayMonthYear(int d) {
        LocalDate t = LocalDate.of(2024, 4, 1).plusDays(d);
        return String.format("%02d/%02d/%d", t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** Today's profile on every path, checked equal; the Java CSV path's is returned. */
    private Profile countedOnEveryPath(Profile ref, Path day) throws Exception {
        Profile viaJava = ProfileBuilder.count(ref, TableReader.open(day));
        CsvPathTest.assertSameProfile(day + " DuckDB", viaJava,
                CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(ref, TableReader.open(day))));
        Path pq = dir.resolve(day.getFileName() + ".parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + day + "', all_varchar = true)) TO '" + pq
                    + "' (FORMAT PARQUET)");
        }
        Profile parquet = ProfileBuilder.count(ref, TableReader.open(pq));
        assertThat(parquet.column("day").invalid()).as("parquet").isEqualTo(viaJava.column("day").invalid());
        assertThat(parquet.column("day").invalidCells()).as("parquet: located by row")
                .extracting(InvalidCell::value).isEqualTo(viaJava.column("day").invalidCells().stream()
                        .map(InvalidCell::value).toList());
        List<String> lines = Files.readAllLines(day);
        String[] days = new String[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            days[i - 1] = lines.get(i).split(",")[1];
        }
        Table t = Table.of(List.of(CategoricalColumn.of("day", days)));
        ColumnProfile memory = ProfileBuilder.count(ref.select(List.of("day")), t).column("day");
        assertThat(memory.invalid()).as("in memory").isEqualTo(viaJava.column("day").invalid());
        assertThat(memory.invalidCells()).as("in memory: the same cells, 'row n' = 'line n+1'")
                .extracting(x -> x.value() + "@" + (Long.parseLong(x.where().substring(4)) + 1))
                .isEqualTo(viaJava.column("day").invalidCells().stream()
                        .map(x -> x.value() + "@" + x.where().substring(5)).toList());
        return viaJava;
    }

    @Test
    void cellsThatAreNoDatesAreInvalidOnEveryPath() throws Exception {
        Profile ref = ProfileBuilder.fit(TableReader.open(orders("ref.csv", 1, TemporalInvalidCellsTest::iso)),
                ProfileOptions.defaults());
        assertThat(ref.column("day").role()).isEqualTo(ColumnRole.DATE);
        assertThat(ref.column("day").invalid()).isZero();

        ColumnProfile garbage = countedOnEveryPath(ref, orders("garbage.csv", 2, d -> "garbage")).column("day");
        assertThat(garbage.invalid()).isEqualTo(ROWS);
        // one value: its first cell and its count (each distinct value is kept once, not five copies)
        assertThat(garbage.invalidCells()).containsExactly(new InvalidCell("line 2", "garbage", ROWS));

        ColumnProfile dmy = countedOnEveryPath(ref, orders("dmy.csv", 3, TemporalInvalidCellsTest::dayMonthYear))
                .column("day");
        assertThat(dmy.invalid()).isEqualTo(ROWS);
        assertThat(dmy.invalidCells().get(0).value()).matches("[0-9]{2}/04/2024");

        // 3% planted: every 33rd order's day unreadable (five words in turn), the others ISO, epoch seconds or
        // ISO date-times
        String[] words = {"unknown", "tbd", "?", "later", "pending"};
        List<Integer> planted = new ArrayList<>();
        int[] row = {0};
        ColumnProfile some = countedOnEveryPath(ref, orders("some.csv", 4, d -> {
            int i = row[0]++;
            if (i % 33 == 0) {
                planted.add(i);
                return words[(planted.size() - 1) % words.length];
            }
            return i % 7 == 0 ? "1714521600" : i % 5 == 0 ? iso(d) + "T10:00:00" : iso(d);
        })).column("day");
        assertThat(some.invalid()).isEqualTo(planted.size());
        // the five words, each with its count and first line, the most frequent first (ties by value)
        List<InvalidCell> expected = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            long count = (planted.size() - w + words.length - 1) / words.length;
            expected.add(new InvalidCell("line " + (planted.get(w) + 2), words[w], count));
        }
        expected.sort(java.util.Comparator.comparingLong(InvalidCell::count).reversed()
                .thenComparing(InvalidCell::value));
        assertThat(some.invalidCells()).containsExactlyElementsOf(expected);

        ColumnProfile same = countedOnEveryPath(ref, orders("same.csv", 5, TemporalInvalidCellsTest::iso))
                .column("day");
        assertThat(same.invalid()).isZero();
        assertThat(same.invalidCells()).isEmpty();
    }

    @Test
    void aTypedParquetDateColumnHasNoInvalidCell() throws Exception {
        Path csv = orders("ref.csv", 6, TemporalInvalidCellsTest::iso);
        Path pq = dir.resolve("typed.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT order_id, CAST(day AS DATE) AS day, amount FROM read_csv('" + csv
                    + "', all_varchar = true)) TO '" + pq + "' (FORMAT PARQUET)");
        }
        Profile ref = ProfileBuilder.fit(TableReader.open(pq), ProfileOptions.defaults());
        assertThat(ref.column("day").role()).isEqualTo(ColumnRole.DATE);
        assertThat(ref.column("day").invalid()).isZero();
        assertThat(ProfileBuilder.count(ref, TableReader.open(pq)).column("day").invalid()).isZero();
    }

    @Test
    void theInvalidCountSurvivesTheProfileJson() throws Exception {
        Profile ref = ProfileBuilder.fit(TableReader.open(orders("ref.csv", 7, TemporalInvalidCellsTest::iso)),
                ProfileOptions.defaults());
        Profile today = ProfileBuilder.count(ref, TableReader.open(orders("g.csv", 8, d -> "garbage")));
        Profile back = ProfileJson.read(ProfileJson.write(today));
        assertThat(back.column("day").invalid()).isEqualTo(ROWS);
        assertThat(back.column("day").invalidCells()).isEqualTo(today.column("day").invalidCells());
    }
}
