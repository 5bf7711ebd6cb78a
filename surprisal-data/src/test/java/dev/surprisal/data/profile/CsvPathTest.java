// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.DataException;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A CSV file profiled by Java ({@link CsvProfiler}) and by DuckDB's SQL path ({@link FileProfiler})
 * must give the same profile, on files written to trip a CSV reader: quoted delimiters and line
 * breaks, doubled quotes, CRLF, a byte-order mark, UTF-8, spaces around numbers, pandas' missing
 * strings, invalid cells, ±inf, trailing blank lines. The moments are compared to 1e-12 relative
 * (the SQL path sums exactly in integers, Java updates by Welford: they round differently); everything else byte for byte.
 */
class CsvPathTest {
    @TempDir
    Path dir;

    /** The profile from the DuckDB path: the Java path switched off. */
    static <T> T viaDuckDb(Supplier<T> body) {
        String old = System.getProperty(CsvProfiler.SWITCH);
        System.setProperty(CsvProfiler.SWITCH, "false");
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(CsvProfiler.SWITCH);
            } else {
                System.setProperty(CsvProfiler.SWITCH, old);
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    /** A table whose every column trips something; {@code eol} is the line end. */
    private static String tricky(int rows, String eol, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("id,x,note,flag,city,day,at,k,v,one,big").append(eol);
        String[] missing = {"", "NA", "null", "NaN", "\"\"", "n/a", "None"};
        String[] cities = {"Zürich", "\"Paris, FR\"", "\"say \"\"hi\"\"\"", "Oslo", " Oslo", "\"multi" + eol + "line\""};
        for (int i = 0; i < rows; i++) {
            int u = r.nextInt(100);
            String x = u < 5 ? missing[r.nextInt(missing.length)] : u < 7 ? "abc" : u < 8 ? "-inf" : u < 9 ? " 1.5 "
                    : u < 10 ? "\"2.5e3\"" : Double.toString(Math.round(r.nextGaussian() * 1000) / 100.0);
            String note = r.nextInt(10) == 0 ? "" : "\"n" + r.nextInt(400) + ",\"\"q\"\"\"";
            String flag = r.nextInt(20) == 0 ? "NA" : Integer.toString(r.nextInt(2));
            String city = cities[r.nextInt(cities.length)];
            String day = String.format("2024-05-%02d", 1 + r.nextInt(28));
            String at = day + "T" + String.format("%02d:%02d:00Z", r.nextInt(24), r.nextInt(60));
            String k = Integer.toString(r.nextInt(7));
            // shortest round-trip doubles (16-17 digits, as DuckDB and pandas write them) with pandas' missing strings
            String v = r.nextInt(30) == 0 ? missing[r.nextInt(missing.length - 1)] : Double.toString(r.nextGaussian() * 3);
            // a constant written two ways: one number, two texts
            String one = r.nextBoolean() ? "1" : "1.0";
            // whole numbers beyond 2^53 and long exponents, all distinct
            String big = r.nextInt(10) == 0 ? "" : (9007199254740993L + 7L * i) + (i % 3 == 0 ? "e-30" : "");
            b.append(i + 1).append(',').append(x).append(',').append(note).append(',').append(flag).append(',')
                    .append(city).append(',').append(day).append(',').append(at).append(',').append(k).append(',')
                    .append(v).append(',').append(one).append(',').append(big).append(eol);
        }
        return b.toString();
    }

    @Test
    void trickyFilesGiveTheSameProfileOnBothPaths() throws IOException {
        List<Path> files = dev.surprisal.data.CsvVariants.write(dir, CsvPathTest::tricky, 700, 300);
        Path day = write("day.csv", tricky(500, "\n", 7));
        for (Path f : files) {
            Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
            Profile sql = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
            assertSameProfile(f.getFileName() + " fit", java, sql);
            if (!f.toString().endsWith(".tsv")) {
                assertSameProfile(f.getFileName() + " count", ProfileBuilder.count(java, TableReader.open(day)),
                        viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(day))));
            }
        }
        Profile p = ProfileBuilder.fit(TableReader.open(files.get(0)), ProfileOptions.defaults());
        assertThat(p.column("x").invalid()).as("'abc' cells").isPositive();
        assertThat(p.column("x").invalidCells().get(0).where()).startsWith("line ");
        assertThat(p.column("one").role()).isEqualTo(ColumnRole.CONSTANT);
        assertThat(p.column("one").keys().distinct()).as("'1' and '1.0': one number, two texts").isEqualTo(2);
        assertThat(p.column("v").role()).isEqualTo(ColumnRole.CONTINUOUS);
        // the number columns were read as numbers, not as text parsed afterwards
        dev.surprisal.data.Table typed = TableReader.open(files.get(0))
                .csvTyped(List.of("v", "k", "flag", "x", "one"), c -> false, Long.MAX_VALUE, null).orElseThrow();
        assertThat(typed.column("v")).isInstanceOf(dev.surprisal.data.NumericColumn.class);
        assertThat(typed.column("k")).isInstanceOf(dev.surprisal.data.NumericColumn.class);
        assertThat(typed.column("flag")).isInstanceOf(dev.surprisal.data.NumericColumn.class);
        assertThat(typed.column("one")).isInstanceOf(dev.surprisal.data.NumericColumn.class);
        assertThat(typed.column("x")).as("'abc' and '-inf' cells").isInstanceOf(dev.surprisal.data.CategoricalColumn.class);
    }

    /**
     * A file of more than {@value CsvProfiler#MAX_ROWS} rows is read by Java too, its number columns
     * as numbers: a column that holds numbers for a million rows and then text (a reader that typed
     * it from a prefix would fail or drop those cells), ids, a 0/1 flag with missing cells and a
     * continuous column of 17-digit doubles give the profile of DuckDB's text path, fitted and
     * counted (moments to 1e-12, see {@link #assertSameProfile}).
     */
    @Test
    void aFileOverAMillionRowsGivesTheSameProfileOnBothPaths() throws IOException {
        int rows = (int) CsvProfiler.MAX_ROWS + 40;
        Path ref = dir.resolve("large-ref.csv");
        Path day = dir.resolve("large-day.csv");
        for (Path f : List.of(ref, day)) {
            SplittableRandom r = new SplittableRandom(f.equals(ref) ? 1 : 2);
            StringBuilder b = new StringBuilder(40 * rows).append("id,late,flag,v\n");
            for (int i = 0; i < rows; i++) {
                String late = i < CsvProfiler.MAX_ROWS ? Integer.toString(r.nextInt(1000)) : i % 2 == 0 ? "n/a" : "late";
                String flag = r.nextInt(50) == 0 ? "" : r.nextInt(4) == 0 ? "1" : "0";
                b.append(i + 1).append(',').append(late).append(',').append(flag).append(',')
                        .append(r.nextInt(100) == 0 ? "NA" : Double.toString(r.nextGaussian() + (f.equals(ref) ? 0 : 0.1)))
                        .append('\n');
            }
            Files.writeString(f, b);
        }
        assertThat(CsvProfiler.plan(TableReader.open(ref), List.of("id", "late", "flag", "v"), 1L << 31).groups())
                .as("one read").hasSize(1);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        Profile sql = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults()));
        assertSameProfile("large fit", java, sql);
        assertSameProfile("large count", ProfileBuilder.count(java, TableReader.open(day)),
                viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(day))));
        assertThat(java.column("late").invalid()).as("the 40 text cells after a million numbers").isEqualTo(20);
        assertThat(java.column("late").invalidCells().get(0).where()).isEqualTo("line " + (CsvProfiler.MAX_ROWS + 3));
        assertThat(java.column("id").role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(java.column("flag").role()).isEqualTo(ColumnRole.BINARY);
        assertThat(java.column("v").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(java.column("v").missing()).isPositive();
        // a heap too small for its numbers, or for its two text columns (late, and id for its key
        // statistics): the file goes to DuckDB's path, which spills
        assertThat(CsvProfiler.plan(TableReader.open(ref), List.of("id", "late", "flag", "v"), 1L << 20)).isNull();
        long numbers = 2 * Files.size(ref) + CsvProfiler.NUMBER_BYTES_PER_CELL * (rows + 1L) * 4;
        long heap = 2 * (numbers + (long) rows * CsvProfiler.HEAP_BYTES_PER_CELL);
        assertThat(CsvProfiler.fit(TableReader.open(ref), ProfileOptions.defaults(), null, heap))
                .as("room for one text column, not two").isEmpty();
    }

    /** Files the Java reader is not sure of go to DuckDB, which reads them or names the error. */
    @Test
    void filesTheJavaReaderDeclinesAreReadOrRejectedByDuckDb() throws IOException {
        Path blankInside = write("blank-inside.csv", "a,b\n1,x\n\n2,y\n3,z\n");
        assertSameProfile("blank line inside", ProfileBuilder.fit(TableReader.open(blankInside), ProfileOptions.defaults()),
                viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(blankInside), ProfileOptions.defaults())));
        StringBuilder rows = new StringBuilder("a,b\n");
        for (int i = 0; i < 50; i++) {
            rows.append(i).append(i == 30 ? ",y,extra\n" : ",x\n");
        }
        Path ragged = write("ragged.csv", rows.toString());
        assertThatThrownBy(() -> ProfileBuilder.fit(TableReader.open(ragged), ProfileOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("line 32");
        Path oneColumnBlank = write("one.csv", "a\n1\n\n2\n");
        assertSameProfile("one column, blank line",
                ProfileBuilder.fit(TableReader.open(oneColumnBlank), ProfileOptions.defaults()),
                viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(oneColumnBlank), ProfileOptions.defaults())));
        Path headerOnly = write("header.csv", "a,b\n");
        assertThatThrownBy(() -> ProfileBuilder.fit(TableReader.open(headerOnly), ProfileOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("no rows");
    }

    /**
     * A Parquet file (typed columns: DOUBLE with NULL, NaN and ±∞, text with "abc" in a mostly
     * numeric column, the orders table's ids, flags and timestamps) is profiled in Java from its
     * typed columns; DuckDB's SQL path must give the same profile, fitted and counted.
     */
    @Test
    void parquetFilesGiveTheSameProfileOnBothPaths() throws Exception {
        Path ref = OrdersTable.reference(3000, 12).writeCsv(dir.resolve("orders-ref.csv"));
        Path day = OrdersTable.day(OrdersTable.Change.INVALID_SURGE, 2000, 13).writeCsv(dir.resolve("orders-day.csv"));
        Path refPq = dir.resolve("orders-ref.parquet");
        Path dayPq = dir.resolve("orders-day.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement()) {
            for (Path[] io : new Path[][] {{ref, refPq}, {day, dayPq}}) {
                // a DOUBLE column with every non-finite kind, beside the CSV's columns as DuckDB types them
                st.execute("COPY (SELECT *, CASE WHEN row_number() OVER () % 97 = 0 THEN NULL "
                        + "WHEN row_number() OVER () % 89 = 0 THEN 'NaN'::DOUBLE "
                        + "WHEN row_number() OVER () % 83 = 0 THEN 'inf'::DOUBLE "
                        + "ELSE (row_number() OVER () % 1000) / 7.0 END AS score FROM read_csv('" + io[0]
                        + "', all_varchar = true)) TO '" + io[1] + "' (FORMAT PARQUET)");
            }
        }
        Profile java = ProfileBuilder.fit(TableReader.open(refPq), ProfileOptions.defaults());
        Profile sql = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(refPq), ProfileOptions.defaults()));
        assertSameProfile("parquet fit", java, sql);
        assertSameProfile("parquet count", ProfileBuilder.count(java, TableReader.open(dayPq)),
                viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(dayPq))));
        assertThat(java.column("score").missing()).as("NULL and NaN").isPositive();
        assertThat(ProfileBuilder.count(java, TableReader.open(dayPq)).column("amount").invalid())
                .as("the day's 'abc' amounts, read from text cells").isPositive();
    }

    @Test
    void theOrdersTableGivesTheSameProfileOnBothPaths() {
        OrdersTable ref = OrdersTable.reference(3000, 11);
        Path f = ref.writeCsv(dir.resolve("orders.csv"));
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        assertSameProfile("orders", java, sql);
        assertThat(java.column("churned").role()).isEqualTo(ColumnRole.BINARY);
    }

    /**
     * 300 columns of known roles and planted missing and invalid cells, read in one group and in
     * groups of 7 columns (a heap too small for the file), against the truth and against DuckDB.
     */
    @Test
    void threeHundredColumnsGetTheirRolesAndCounts() throws IOException {
        int cols = 300;
        int rows = 400;
        Wide w = Wide.write(dir.resolve("wide.csv"), cols, rows, 5);
        Profile java = ProfileBuilder.fit(TableReader.open(w.file()), ProfileOptions.defaults());
        w.assertTruth(java);
        // DuckDB's path takes minutes on 300 columns (the reason for the Java path): compare 14 of them
        List<String> some = java.columnNames().subList(0, 14);
        ProfileOptions o = ProfileOptions.defaults().withColumns(some);
        Profile sql = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(w.file()), o));
        assertSameProfile("14 of 300 columns", ProfileBuilder.fit(TableReader.open(w.file()), o), sql);
        assertThat(CsvProfiler.groups(TableReader.open(w.file()), java.columnNames(), 1L << 30)).hasSize(1);
        long heap = 7L * (rows + 1) * CsvProfiler.HEAP_BYTES_PER_CELL;
        assertThat(CsvProfiler.groups(TableReader.open(w.file()), java.columnNames(), heap)).hasSize(43);
        Profile grouped = CsvProfiler.fit(TableReader.open(w.file()), ProfileOptions.defaults(), null, heap).orElseThrow();
        assertSameProfile("300 columns in groups of 7", grouped, java);
        Path day = Wide.write(dir.resolve("wide-day.csv"), cols, rows / 2, 6).file();
        assertSameProfile("300 columns counted in groups of 7",
                CsvProfiler.count(java, TableReader.open(day), null, heap).orElseThrow(),
                ProfileBuilder.count(java, TableReader.open(day)));
        assertSameProfile("14 columns counted", ProfileBuilder.count(sql, TableReader.open(day)),
                viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(day))));
    }

    static void assertSameProfile(String what, Profile a, Profile b) {
        ObjectNode ta = ProfileJson.toTree(a);
        ObjectNode tb = ProfileJson.toTree(b);
        List<JsonNode[]> moments = new ArrayList<>();
        for (int i = 0; i < ta.get("columns").size(); i++) {
            ObjectNode ca = (ObjectNode) ta.get("columns").get(i);
            ObjectNode cb = (ObjectNode) tb.get("columns").get(i);
            if (ca != null && cb != null && ca.has("moments")) {
                moments.add(new JsonNode[] {ca.remove("moments"), cb.remove("moments")});
            }
        }
        assertThat(ta.toPrettyString()).as(what).isEqualTo(tb.toPrettyString());
        for (JsonNode[] m : moments) {
            assertThat(m[0].get("count").asLong()).as(what).isEqualTo(m[1].get("count").asLong());
            for (String k : List.of("mean", "m2", "min", "max")) {
                if (m[0].has(k)) {
                    double x = m[0].get(k).asDouble();
                    assertThat(x).as(what + " " + k).isCloseTo(m[1].get(k).asDouble(), within(1e-12 * Math.max(1, Math.abs(x))));
                }
            }
        }
    }
}
