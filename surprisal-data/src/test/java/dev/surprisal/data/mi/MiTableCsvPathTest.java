// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mi} reads a CSV or TSV file with the Java tokenizer ({@link TableReader#readCells()}) unless it
 * declines; DuckDB reads it otherwise. Both paths must give the same {@link MiTable} (the same roles
 * with the same reasons, the same values bit for bit, the same notes, the same ranking) on files written
 * to trip a CSV reader: pandas' missing strings in a number column (DuckDB reads it as text, Java as
 * numbers), spaces around numbers, quoted numbers, invalid cells, ±inf, quoted delimiters and line
 * breaks, doubled quotes, CRLF, a byte-order mark, trailing blank lines, tabs.
 */
class MiTableCsvPathTest {
    private static final String SWITCH = "surprisal.csvInJava";

    @TempDir
    Path dir;

    /** {@code body} with the Java path switched off. */
    private static <T> T viaDuckDb(Supplier<T> body) {
        String old = System.getProperty(SWITCH);
        System.setProperty(SWITCH, "false");
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty(SWITCH);
            } else {
                System.setProperty(SWITCH, old);
            }
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A table whose columns trip a reader: {@code x} continuous with pandas' missing strings and spaced or
     * quoted numbers (every cell missing or a number); {@code bad} continuous with "abc" and "-inf" cells;
     * {@code y} the target, x² plus noise; {@code flag} 0/1 with "NA"; {@code city} text with quotes,
     * delimiters and line breaks; {@code day} ISO dates; {@code id} an integer key.
     */
    private static String tricky(int rows, String eol, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("id,x,bad,y,flag,city,day").append(eol);
        String[] missing = {"", "NA", "null", "NaN", "\"\"", "n/a", "None", "nan"};
        String[] cities = {"Zürich", "\"Paris, FR\"", "\"say \"\"hi\"\"\"", "Oslo", " Oslo", "\"multi" + eol + "line\""};
        for (int i = 0; i < rows; i++) {
            double v = r.nextGaussian();
            int u = r.nextInt(100);
            String x = u < 6 ? missing[r.nextInt(missing.length)] : u < 8 ? " " + v + " " : u < 10 ? "\"" + v + "\""
                    : u < 11 ? String.format(Locale.ROOT, "%.3e", v) : Double.toString(v);
            int w = r.nextInt(100);
            String bad = w < 3 ? "abc" : w < 4 ? "-inf" : w < 6 ? "" : Double.toString(r.nextGaussian());
            String y = Double.toString(v * v + 0.3 * r.nextGaussian());
            String flag = r.nextInt(20) == 0 ? "NA" : Integer.toString(v > 0.5 ? 1 : r.nextInt(5) == 0 ? 1 : 0);
            String day = String.format(Locale.ROOT, "2024-05-%02d", 1 + r.nextInt(28));
            b.append(i + 1).append(',').append(x).append(',').append(bad).append(',').append(y).append(',')
                    .append(flag).append(',').append(cities[r.nextInt(cities.length)]).append(',').append(day)
                    .append(eol);
        }
        return b.toString();
    }

    @Test
    void trickyFilesGiveTheSameTableOnBothPaths() throws IOException {
        List<Path> files = dev.surprisal.data.CsvVariants.write(dir, MiTableCsvPathTest::tricky, 700, 400);
        for (Path f : files) {
            Table java = TableReader.open(f).readCells();
            // the Java path ran: DuckDB reads x, with its pandas missing strings, as text
            assertThat(java.column("x")).as(f + " x").isInstanceOf(NumericColumn.class);
            assertThat(viaDuckDb(() -> TableReader.open(f).readCells()).column("x")).as(f + " x via DuckDB")
                    .isInstanceOf(CategoricalColumn.class);
            assertThat(java.column("bad")).as(f + " bad: 'abc' and '-inf' keep it text").isInstanceOf(CategoricalColumn.class);
            assertSameMiTable(f.getFileName().toString(), MiTable.read(f, RoleOverrides.none(), 42),
                    viaDuckDb(() -> MiTable.read(f, RoleOverrides.none(), 42)));
        }
        MiTable t = MiTable.read(files.get(0), RoleOverrides.none(), 42);
        assertThat(t.notes()).as("the 'abc' and '-inf' cells of bad").anyMatch(n -> n.startsWith("bad: "));
        assertThat(t.leftOut()).extracting(RoleDecision::column).contains("id", "day");
        MiOptions quick = MiOptions.defaults().withPermutations(19);
        List<RankedFeature> java = t.rank("y", quick, null);
        List<RankedFeature> duck = viaDuckDb(() -> MiTable.read(files.get(0), RoleOverrides.none(), 42)).rank("y", quick, null);
        assertThat(java).isEqualTo(duck);
        assertThat(java.get(0).feature()).as("y = x² + noise").isEqualTo("x");
    }

    @Test
    void theOrdersTableGivesTheSameTableOnBothPaths() {
        Path f = OrdersTable.reference(3000, 11).writeCsv(dir.resolve("orders.csv"));
        assertSameMiTable("orders", MiTable.read(f, RoleOverrides.none(), 7),
                viaDuckDb(() -> MiTable.read(f, RoleOverrides.none(), 7)));
        RoleOverrides some = RoleOverrides.none().withExclude(List.of("country"));
        assertSameMiTable("orders without country", MiTable.read(f, some, 7), viaDuckDb(() -> MiTable.read(f, some, 7)));
    }

    /** Files the Java tokenizer declines (a blank line inside, a ragged row) are read by DuckDB. */
    @Test
    void declinedFilesAreReadByDuckDb() throws IOException {
        Path blankInside = write("blank-inside.csv", "a,b\n1,x\n\n2,y\n3,z\n");
        assertThat(TableReader.open(blankInside).readCells().rowCount()).isEqualTo(3);
        Path quoteInside = write("quote-inside.csv", "a,b\n1,x\n2,y\"z\n3,z\n");
        Table t = TableReader.open(quoteInside).readCells();
        assertThat(t.column("b").type()).isEqualTo(viaDuckDb(() -> TableReader.open(quoteInside).readCells())
                .column("b").type());
    }

    /**
     * A number column with "inf" and "-Infinity" cells: DuckDB types it as numbers (with ±∞), Java keeps it
     * as text. Either way the two cells are left out with the same note naming the first one's line, and the run
     * goes on; before, DuckDB's path stopped at the first infinite value.
     */
    @Test
    void infiniteCellsAreLeftOutOnBothPaths() throws IOException {
        StringBuilder b = new StringBuilder("x,y\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            double v = r.nextGaussian();
            b.append(i == 17 ? "inf" : i == 40 ? "-Infinity" : Double.toString(v)).append(',')
                    .append(v + r.nextGaussian()).append('\n');
        }
        Path f = write("inf.csv", b.toString());
        assertThat(viaDuckDb(() -> TableReader.open(f).readCells()).column("x")).isInstanceOf(NumericColumn.class);
        MiTable java = MiTable.read(f, RoleOverrides.none(), 42);
        MiTable duck = viaDuckDb(() -> MiTable.read(f, RoleOverrides.none(), 42));
        // one rule on both paths: "inf" is a number (as pandas reads it) but infinite, never "not a number";
        // located by file line (the header is line 1), as drift locates its invalid cells
        String note = "x: 2 cell(s) are infinite (first: line 19: 'inf'): numbers, but with no place on a scale an"
                + " estimator can use; they are left out as missing";
        assertThat(java.notes()).containsExactly(note);
        assertThat(duck.notes()).containsExactly(note);
        MiVariable x = java.variable("x", "--x");
        for (int i = 0; i < x.rows(); i++) {
            assertThat(x.isMissing(i)).as("row " + i).isEqualTo(i == 17 || i == 40);
            assertThat(Double.doubleToLongBits(x.value(i))).isEqualTo(Double.doubleToLongBits(duck.variable("x", "--x").value(i)));
        }
        assertThat(java.rank("y", MiOptions.defaults().withPermutations(19), null))
                .isEqualTo(duck.rank("y", MiOptions.defaults().withPermutations(19), null));
    }

    static void assertSameMiTable(String what, MiTable a, MiTable b) {
        assertThat(a.rows()).as(what).isEqualTo(b.rows());
        assertThat(a.decisions()).as(what + " roles").isEqualTo(b.decisions());
        assertThat(a.leftOut()).as(what + " left out").isEqualTo(b.leftOut());
        assertThat(a.notes()).as(what + " notes").isEqualTo(b.notes());
        assertThat(a.variables()).hasSameSizeAs(b.variables());
        for (int c = 0; c < a.variables().size(); c++) {
            MiVariable u = a.variables().get(c);
            MiVariable v = b.variables().get(c);
            assertThat(u.name()).as(what).isEqualTo(v.name());
            assertThat(u.kind()).as(what + " " + u.name()).isEqualTo(v.kind());
            assertThat(u.isNumeric()).as(what + " " + u.name()).isEqualTo(v.isNumeric());
            for (int i = 0; i < u.rows(); i++) {
                assertThat(Double.doubleToLongBits(u.value(i))).as(what + " " + u.name() + " row " + i)
                        .isEqualTo(Double.doubleToLongBits(v.value(i)));
                assertThat(Double.doubleToLongBits(u.estimatorValue(i))).as(what + " " + u.name() + " row " + i)
                        .isEqualTo(Double.doubleToLongBits(v.estimatorValue(i)));
            }
        }
    }
}
