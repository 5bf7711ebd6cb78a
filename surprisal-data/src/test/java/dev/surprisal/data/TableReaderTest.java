// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static void duckdb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void csvWithNumericCategoricalAndMissingValues() throws IOException {
        Path p = write("people.csv", "age,city,score\n31,Paris,1.5\n,Lyon,2\n45,,\n31,Paris,4.25\n");
        Table t = TableReader.open(p).read();

        assertThat(t.rowCount()).isEqualTo(4);
        assertThat(t.columnNames()).containsExactly("age", "city", "score");
        NumericColumn age = t.numeric("age");
        assertThat(age.values()).containsExactly(31, Double.NaN, 45, 31);
        assertThat(age.isMissing(1)).isTrue();
        assertThat(age.missingCount()).isEqualTo(1);
        assertThat(age.presentValues()).containsExactly(31, 45, 31);
        assertThat(t.numeric("score").missingMask().stream().toArray()).containsExactly(2);
        CategoricalColumn city = t.categorical("city");
        assertThat(city.codes()).containsExactly(0, 1, CategoricalColumn.MISSING, 0);
        assertThat(city.dictionary()).containsExactly("Paris", "Lyon");
        assertThat(city.missingCount()).isEqualTo(1);
        assertThat(city.labelAt(3)).isEqualTo("Paris");
        assertThat(city.labelAt(2)).isNull();
    }

    @Test
    void schemaReportsSniffedAndChosenTypes() throws IOException {
        Path p = write("s.csv", "n,flag,day,name\n1,true,2024-01-02,x\n2,false,2024-02-03,y\n");
        TableSchema s = TableReader.open(p).withType("day", ColumnType.NUMERIC).schema();
        assertThat(s.fields()).extracting(TableSchema.Field::type).containsExactly(
                ColumnType.NUMERIC, ColumnType.CATEGORICAL, ColumnType.NUMERIC, ColumnType.CATEGORICAL);
        assertThat(s.field("day").orElseThrow().duckdbType()).isEqualTo("DATE");
        Table t = TableReader.open(p).withType("day", ColumnType.NUMERIC).read();
        // 2024-01-02T00:00Z in seconds since the epoch
        assertThat(t.numeric("day").value(0)).isEqualTo(1_704_153_600.0);
        assertThat(t.categorical("flag").dictionary()).containsExactly("true", "false");
    }

    @Test
    void zipCodesOverriddenAsCategoricalKeepTheirText() throws IOException {
        Path p = write("zips.csv", "zip,n\n10001,1\n90210,2\n10001,3\n");
        assertThat(TableReader.open(p).schema().field("zip").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        Table t = TableReader.open(p).withType("zip", ColumnType.CATEGORICAL).columns("zip").read();
        assertThat(t.columnNames()).containsExactly("zip");
        assertThat(t.categorical("zip").dictionary()).containsExactly("10001", "90210");
        ValueCounts vc = TableReader.open(p).withType("zip", ColumnType.CATEGORICAL).valueCounts("zip");
        assertThat(vc.labels()).containsExactly("10001", "90210");
        assertThat(vc.counts().toArray()).containsExactly(2, 1);
        // DuckDB's sniffer already keeps a leading zero as text
        Path z = write("zero.csv", "zip\n02134\n10001\n");
        assertThat(TableReader.open(z).read().categorical("zip").dictionary()).containsExactly("02134", "10001");
    }

    @Test
    void parquetWrittenByDuckDbReadsBack() throws SQLException {
        Path p = dir.resolve("t.parquet");
        duckdb("COPY (SELECT i AS id, i % 3 AS k, CASE WHEN i % 4 = 0 THEN NULL ELSE 'g' || (i % 2) END AS g, "
                + "i / 2.0 AS x FROM range(10) t(i)) TO " + DuckDbSource.sqlString(p.toString()) + " (FORMAT parquet)");
        Table t = TableReader.open(p).read();
        assertThat(t.rowCount()).isEqualTo(10);
        assertThat(t.numeric("x").values()).containsExactly(0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5);
        assertThat(t.categorical("g").missingCount()).isEqualTo(3);
        JointCounts j = TableReader.open(p).jointCounts("k", "g");
        assertThat(j.rowLabels()).containsExactly("0", "1", "2");
        assertThat(j.colLabels()).containsExactly("g0", "g1");
        assertThat(j.dropped()).isEqualTo(3);
        assertCountsMatch(t, "k", "g", j);
    }

    @Test
    void ndjsonWithMissingKeysAndGzip() throws IOException {
        String body = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2.5,\"b\":null}\n{\"b\":\"y\"}\n";
        Path p = write("t.ndjson", body);
        Table t = TableReader.open(p).read();
        assertThat(t.numeric("a").values()).containsExactly(1, 2.5, Double.NaN);
        assertThat(t.categorical("b").codes()).containsExactly(0, CategoricalColumn.MISSING, 1);

        Path gz = dir.resolve("t.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(TableReader.open(gz).read().numeric("a").values()).containsExactly(1, 2.5, Double.NaN);
    }

    @Test
    void tsvAndAwkwardNamesAreQuoted() throws IOException {
        Path p = write("it's a \"file\".tsv", "select\tmy col\tq\"t\n1\ta\tb\n2\ta\tc\n");
        TableReader r = TableReader.open(p);
        assertThat(r.schema().names()).containsExactly("select", "my col", "q\"t");
        JointCounts j = r.jointCounts("my col", "q\"t");
        assertThat(j.table().toFlatArray()).containsExactly(1, 1);
        assertThat(r.valueCounts("select").labels()).containsExactly("1", "2");
        Path csv = write("semi.txt", "a;b\n1;x\n");
        assertThat(TableReader.open(csv).withFormat(DataFormat.CSV).withDelimiter(';').read().columnNames())
                .containsExactly("a", "b");
    }

    @Test
    void countsFromDuckDbEqualCountsFromTheReadColumns() throws IOException {
        StringBuilder b = new StringBuilder("x,y\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            int x = rnd.nextInt(6);
            String y = rnd.nextInt(10) == 0 ? "" : "c" + ((x + rnd.nextInt(3)) % 5);
            b.append(rnd.nextInt(20) == 0 ? "" : String.valueOf(x)).append(',').append(y).append('\n');
        }
        Path p = write("xy.csv", b.toString());
        TableReader r = TableReader.open(p);
        Table t = r.read();

        ValueCounts vx = r.valueCounts("x");
        NumericColumn x = t.numeric("x");
        assertThat(vx.missing()).isEqualTo(x.missingCount()).isPositive();
        for (int i = 0; i < vx.labels().size(); i++) {
            double v = Double.parseDouble(vx.labels().get(i));
            long expected = java.util.Arrays.stream(x.presentValues()).filter(d -> d == v).count();
            assertThat(vx.counts().get(i)).as(vx.labels().get(i)).isEqualTo(expected);
        }
        ValueCounts vy = r.valueCounts("y", MissingPolicy.AS_CATEGORY);
        assertThat(vy.labels().get(vy.labels().size() - 1)).isNull();
        assertThat(vy.counts().total()).isEqualTo(t.rowCount());

        assertCountsMatch(t, "x", "y", r.jointCounts("x", "y"));
        JointCounts all = r.jointCounts("x", "y", MissingPolicy.AS_CATEGORY);
        assertThat(all.table().total()).isEqualTo(t.rowCount());
        assertThat(all.dropped()).isZero();
    }

    @Test
    void batchesStreamTheSameRowsWithStableCodes() throws IOException {
        StringBuilder b = new StringBuilder("v,c\n");
        for (int i = 0; i < 1000; i++) {
            b.append(i).append(",k").append(i % 7).append('\n');
        }
        Path p = write("rows.csv", b.toString());
        Table all = TableReader.open(p).read();
        List<String> labels = new ArrayList<>();
        double sum = 0;
        int rows = 0;
        try (RowBatchReader r = TableReader.open(p).withThreads(1).batches(300)) {
            while (r.hasNext()) {
                Table t = r.next();
                assertThat(t.rowCount()).isLessThanOrEqualTo(300);
                CategoricalColumn c = t.categorical("c");
                for (int i = 0; i < t.rowCount(); i++) {
                    labels.add(c.labelAt(i));
                    sum += t.numeric("v").value(i);
                }
                rows += t.rowCount();
            }
        }
        assertThat(rows).isEqualTo(1000);
        assertThat(sum).isEqualTo(999 * 1000 / 2.0);
        CategoricalColumn c = all.categorical("c");
        for (int i = 0; i < 1000; i++) {
            assertThat(labels.get(i)).isEqualTo(c.labelAt(i));
        }
    }

    @Test
    void headerOnlyCsvReadsAsEmptyTable() throws IOException {
        Path p = write("h.csv", "a,b\n");
        Table t = TableReader.open(p).read();
        assertThat(t.rowCount()).isZero();
        assertThat(t.columnNames()).containsExactly("a", "b");
    }

    /** Joint counts recomputed in Java from the in-memory columns, by label. */
    static void assertCountsMatch(Table t, String xName, String yName, JointCounts j) {
        Column x = t.column(xName);
        Column y = t.column(yName);
        long[] expected = new long[j.rowLabels().size() * j.colLabels().size()];
        long dropped = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (x.isMissing(i) || y.isMissing(i)) {
                dropped++;
                continue;
            }
            int r = j.rowLabels().indexOf(labelOf(x, i));
            int c = j.colLabels().indexOf(labelOf(y, i));
            assertThat(r).isNotNegative();
            assertThat(c).isNotNegative();
            expected[r * j.colLabels().size() + c]++;
        }
        assertThat(j.table().toFlatArray()).containsExactly(expected);
        assertThat(j.dropped()).isEqualTo(dropped);
    }

    private static String labelOf(Column c, int i) {
        return c instanceof NumericColumn ? TableReader.label(((NumericColumn) c).value(i))
                : ((CategoricalColumn) c).labelAt(i);
    }
}
