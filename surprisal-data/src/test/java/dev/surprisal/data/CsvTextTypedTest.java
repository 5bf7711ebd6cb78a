// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.roles.Cells;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvText#readTyped} parses number cells straight from the file's bytes while it tokenises,
 * and gathers a column's text again only when the column turns out to be text (a cell that is not
 * a number after a prefix of numbers, in this chunk or another) or its role wants the text. Whatever
 * the chunking, it must give what the text of every cell gives ({@link CsvText#read}, one chunk): a
 * column whose every cell is missing or a finite number, with at least one number, as those numbers
 * ({@link Cells}' rules on the cell's text), any other column as that same text column.
 */
class CsvTextTypedTest {
    /** Cells of a number column: 17-digit doubles, exponents, pandas' missing strings, quoted numbers. */
    private static final String[] NUMBERS = {"", "NA", "NaN", "n/a", "1.5", "-3", "0", "-0.0",
        "-0.44826096457669234", "9007199254740993", "12345678901234567890", "1e5", "2.5E-300", "\"7\"", "\"\"",
        "+4", ".5", "123456789012345678", "0.000000012345678901", "-12345678.87654321e-5", "1e12345",
        "1234567890123456789012", "00000000000000000000001.5", "99999999.99999999", "4.9e-324", "1E+4"};
    /** Cells that make a number column text: inf, words, a quoted line end, doubled quotes, UTF-8. */
    private static final String[] BREAKERS = {"inf", "-Infinity", "abc", "\"two\nlines\"", "\"say \"\"hi\"\"\"",
        "Zürich", "1.5.2", "0x10"};

    /**
     * Id cells whose text is their number as Long.toString writes it (a kept id's text is then written
     * from the numbers), and integers written otherwise, which make the id's text be tokenised again.
     */
    private static final String[] WRITTEN_IDS = {"", "0", "-7", "999999999999999", "-123456789012345", "\"42\""};
    private static final String[] OTHER_IDS = {"007", "+5", "-0", "1e3", "10.0", "NA", "1234567890123456", "00",
        "9007199254740993", "\"-0\""};

    /**
     * A table whose column c0 is an id, c1 numbers throughout, and the rest numbers that may turn
     * to text at a random row (from one row to the last). The id is mostly 1000 + the row, with one
     * in eight cells from {@link #WRITTEN_IDS}, and when {@code otherIds} about one cell in the
     * column from {@link #OTHER_IDS}.
     */
    private static String table(SplittableRandom r, int rows, int cols, String eol, boolean quotes, boolean otherIds) {
        int[] textFrom = new int[cols];
        for (int c = 0; c < cols; c++) {
            textFrom[c] = c < 2 || r.nextInt(3) == 0 ? Integer.MAX_VALUE : r.nextInt(rows + 1);
        }
        StringBuilder b = new StringBuilder(String.join(",", names(cols))).append(eol);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                String cell;
                do {
                    cell = c == 0 ? (otherIds && r.nextInt(rows) == 0 ? OTHER_IDS[r.nextInt(OTHER_IDS.length)]
                            : r.nextInt(8) == 0 ? WRITTEN_IDS[r.nextInt(WRITTEN_IDS.length)] : Integer.toString(1000 + i))
                            : i == textFrom[c] ? BREAKERS[r.nextInt(BREAKERS.length)]
                            : NUMBERS[r.nextInt(NUMBERS.length)];
                } while ((!quotes && cell.contains("\"")) // no quote: the chunks are split without looking
                        || (cols == 1 && cell.isEmpty())); // a blank line, not an empty cell, in a one-column file
                b.append(c == 0 ? "" : ",").append(cell);
            }
            b.append(eol);
        }
        return b.toString();
    }

    private static Path file(String text) {
        try {
            Path f = Files.createTempFile("typed", ".csv");
            Files.write(f, text.getBytes(StandardCharsets.UTF_8));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(int cols) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("c" + c);
        }
        return names;
    }

    private static int[] all(int cols) {
        int[] wanted = new int[cols];
        for (int c = 0; c < cols; c++) {
            wanted[c] = c;
        }
        return wanted;
    }

    /** The typed read, in chunks of {@code chunkBytes}, keeping the text of the columns {@code keep} names. */
    private static String typed(Path f, int cols, int chunkBytes, Predicate<String> keep) throws IOException {
        Optional<Table> t = CsvText.readTyped(f, ',', names(cols), all(cols), null, chunkBytes,
                c -> keep.test(c.name()), Long.MAX_VALUE);
        return t.map(CsvTextTypedTest::render).orElse("declined");
    }

    /**
     * The oracle: every cell's text in one chunk, then a column typed as numbers when each of its
     * cells is missing (or a missing string) or a finite number and one is a number.
     */
    private static String expected(Path f, int cols, Predicate<String> keep) throws IOException {
        Optional<Table> t = CsvText.read(f, ',', names(cols), all(cols), null, Integer.MAX_VALUE);
        if (t.isEmpty()) {
            return "declined";
        }
        List<Column> out = new ArrayList<>();
        for (String n : names(cols)) {
            CategoricalColumn text = t.get().categorical(n);
            double[] v = new double[text.size()];
            boolean numbers = !keep.test(n);
            boolean any = false;
            for (int i = 0; i < v.length && numbers; i++) {
                String cell = text.isMissing(i) ? null : text.labelAt(i);
                v[i] = Cells.isMissing(cell) ? Double.NaN : Cells.number(cell);
                // a code a number would change (02134, beyond 2^53) makes its column text (Cells.code, audit18)
                numbers = Cells.isMissing(cell) || Double.isFinite(v[i]) && Cells.code(cell) == Cells.Comma.NONE;
                any |= Double.isFinite(v[i]);
            }
            out.add(numbers && any ? NumericColumn.of(n, v) : text);
        }
        return render(Table.of(out));
    }

    private static String render(Table t) {
        StringBuilder out = new StringBuilder("rows " + t.rowCount() + "\n");
        for (String n : t.columnNames()) {
            Column col = t.column(n);
            if (col instanceof NumericColumn num) {
                out.append(n).append(" numbers\n");
                for (int i = 0; i < num.size(); i++) {
                    out.append(Double.doubleToRawLongBits(num.value(i))).append('|');
                }
            } else {
                CategoricalColumn text = (CategoricalColumn) col;
                out.append(n).append(" text ").append(text.dictionary()).append('\n');
                for (int i = 0; i < text.size(); i++) {
                    out.append(text.isMissing(i) ? "<missing>" : text.labelAt(i)).append('|');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A file tokenised once for every column ({@link CsvText#tokenise}, as a drift check's count begun
     * before its reference is known) and then finished for some of them gives what a typed read of only
     * those columns gives: the same numbers, text and declines (a text-cell limit included).
     */
    @Property(tries = 250)
    void tokensFinishedForSomeColumnsGiveTheirTypedRead(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int rows, @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll @IntRange(min = 1, max = 200) int chunkBytes, @ForAll @IntRange(min = 1, max = 31) int mask,
            @ForAll @IntRange(min = 0, max = 2) int limit, @ForAll boolean keepId, @ForAll boolean quotes,
            @ForAll boolean crlf) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path f = file(table(r, rows, cols, crlf ? "\r\n" : "\n", quotes, true));
        int[] keep = java.util.stream.IntStream.range(0, cols).filter(j -> (mask & (1 << j)) != 0).toArray();
        if (keep.length == 0) {
            keep = new int[] {cols - 1};
        }
        Predicate<NumericColumn> keepText = keepId ? c -> c.name().equals("c0") : c -> false;
        long textCells = limit == 0 ? Long.MAX_VALUE : limit == 1 ? rows : 0;
        try {
            String want = CsvText.readTyped(f, ',', names(cols), keep, null, chunkBytes, keepText, textCells)
                    .map(CsvTextTypedTest::render).orElse("declined");
            String got;
            try {
                got = render(CsvText.tokenise(f, ',', names(cols), all(cols), null, chunkBytes)
                        .finish(keep, keepText, textCells));
            } catch (CsvText.Decline d) {
                got = "declined";
            }
            assertThat(got).as("columns %s of %d, chunks of %d bytes", java.util.Arrays.toString(keep), cols, chunkBytes)
                    .isEqualTo(want);
        } finally {
            Files.delete(f);
        }
    }

    /** {@link CsvTokens} through {@link TableReader}: the named columns in the order asked, once; others refused. */
    @Test
    void tokensGiveTheNamedColumnsOnce() throws IOException {
        Path f = file("id,x,note\n1,0.5,a\n2,,b\n3,1e3,c\n");
        try {
            CsvTokens tokens = TableReader.open(f).csvTokens(List.of("note", "x"), null).orElseThrow();
            assertThat(tokens.covers(List.of("x"))).isTrue();
            assertThat(tokens.covers(List.of("x", "id"))).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.columns(List.of("id"), c -> false, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            Table t = tokens.columns(List.of("x", "note"), c -> false, Long.MAX_VALUE).orElseThrow();
            assertThat(t.columnNames()).containsExactly("x", "note");
            assertThat(render(t)).isEqualTo(render(TableReader.open(f).csvTyped(List.of("x", "note"), c -> false,
                    Long.MAX_VALUE, null).orElseThrow()));
            assertThat(((NumericColumn) t.column("x")).value(2)).isEqualTo(1000.0);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tokens.columns(List.of("x"), c -> false, 10))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 250)
    void typedReadGivesWhatTheTextOfEveryCellGives(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 5) int cols, @ForAll @IntRange(min = 1, max = 200) int chunkBytes,
            @ForAll @IntRange(min = 0, max = 4) int variant, @ForAll boolean keepId, @ForAll boolean quotes,
            @ForAll boolean otherIds) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String text = table(r, rows, cols, variant == 1 ? "\r\n" : "\n", quotes, otherIds);
        text = switch (variant) {
            case 2 -> "\uFEFF" + text; // a byte-order mark
            case 3 -> text.stripTrailing(); // no final line end
            case 4 -> text + "\n\n"; // blank lines at the end
            default -> text;
        };
        Predicate<String> keep = keepId ? "c0"::equals : n -> false;
        Path f = file(text);
        try {
            String want = expected(f, cols, keep);
            // only a one-column file with blank end lines is declined (a blank line may be a missing cell)
            assertThat(want.startsWith("declined")).isEqualTo(cols == 1 && variant == 4);
            assertThat(typed(f, cols, chunkBytes, keep)).as("chunks of %d bytes", chunkBytes).isEqualTo(want);
            assertThat(typed(f, cols, Integer.MAX_VALUE, keep)).as("one chunk").isEqualTo(want);
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void aColumnOfNumbersForManyChunksThenTextIsText() throws IOException {
        // numbers for 5,000 rows (many chunks of 256 bytes), then n/a (missing) and a word on the last row
        StringBuilder b = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 5000; i++) {
            b.append(i).append(',').append(i * 0.1).append(',').append(i == 4000 ? "n/a" : Double.toString(-i)).append('\n');
        }
        b.append("5000,late text,1.25"); // no final line end
        Path f = file(b.toString());
        try {
            Table t = CsvText.readTyped(f, ',', List.of("id", "x", "y"), new int[] {0, 1, 2}, null, 256,
                    c -> false, Long.MAX_VALUE).orElseThrow();
            assertThat(t.rowCount()).isEqualTo(5001);
            assertThat(t.column("x")).isInstanceOf(CategoricalColumn.class);
            CategoricalColumn x = t.categorical("x");
            assertThat(x.labelAt(0)).isEqualTo("0.0");
            assertThat(x.labelAt(4999)).isEqualTo(Double.toString(4999 * 0.1));
            assertThat(x.labelAt(5000)).isEqualTo("late text");
            NumericColumn y = (NumericColumn) t.column("y");
            assertThat(y.isMissing(4000)).isTrue();
            assertThat(y.value(4999)).isEqualTo(-4999.0);
            assertThat(y.value(5000)).isEqualTo(1.25);
            assertThat(expected(f, 3, n -> false)).isEqualTo(typed(f, 3, 256, n -> false));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void quotedLineEndsInsideNumberColumnsCloseUpTheRows() throws IOException {
        // a text column with line ends inside quotes: more line feeds than records, in every chunk
        StringBuilder b = new StringBuilder("note,x\n");
        for (int i = 0; i < 300; i++) {
            b.append(i % 3 == 0 ? "\"a\nb\"" : "plain").append(',').append(i).append(".25\n");
        }
        Path f = file(b.toString());
        try {
            for (int chunk : new int[] {16, 100, Integer.MAX_VALUE}) {
                Table t = CsvText.readTyped(f, ',', List.of("note", "x"), new int[] {0, 1}, null, chunk,
                        c -> false, Long.MAX_VALUE).orElseThrow();
                NumericColumn x = (NumericColumn) t.column("x");
                assertThat(x.size()).isEqualTo(300);
                for (int i = 0; i < 300; i++) {
                    assertThat(x.value(i)).as("row %d, chunks of %d bytes", i, chunk).isEqualTo(i + 0.25);
                }
            }
        } finally {
            Files.delete(f);
        }
    }

    /**
     * A number column's cell is read as a number where it starts and ends where the number does; with
     * a delimiter that can be part of a number ('.', 'e', a digit) the cell ends at the delimiter instead.
     */
    @Test
    void aDelimiterThatCanBePartOfANumberEndsTheCell() throws IOException {
        for (char delimiter : new char[] {'.', 'e', 'E', '5', '+'}) {
            String d = String.valueOf(delimiter);
            // rows whose two cells, joined, would read as one number: 1.2, 1e2, 1E2, 152, 1+2
            Path f = file("a" + d + "b\n1" + d + "2\n-3" + d + "0\n");
            try {
                Table t = CsvText.readTyped(f, delimiter, List.of("a", "b"), new int[] {0, 1}, null,
                        Integer.MAX_VALUE, c -> false, Long.MAX_VALUE).orElseThrow();
                NumericColumn a = (NumericColumn) t.column("a");
                NumericColumn b = (NumericColumn) t.column("b");
                assertThat(new double[] {a.value(0), b.value(0), a.value(1), b.value(1)}).as("delimiter %s", d)
                        .containsExactly(1, 2, -3, 0);
            } finally {
                Files.delete(f);
            }
        }
    }

    /** Number cells followed by a delimiter, a line end, CRLF or the file's end, in chunks of every size. */
    @Test
    void numberCellsEndAtEveryKindOfFieldEnd() throws IOException {
        for (String eol : new String[] {"\n", "\r\n"}) {
            for (char delimiter : new char[] {',', ';', '\t', '|'}) {
                String d = String.valueOf(delimiter);
                String text = "x" + d + "y\n-0.44826096457669234" + d + "12345678" + eol + "7" + d + "1e-5" + eol
                        + "123456789.123456789" + d + "1.5";
                Path f = file(text);
                try {
                    for (int chunk : new int[] {1, 8, Integer.MAX_VALUE}) {
                        Table t = CsvText.readTyped(f, delimiter, List.of("x", "y"), new int[] {0, 1}, null, chunk,
                                c -> false, Long.MAX_VALUE).orElseThrow();
                        NumericColumn x = (NumericColumn) t.column("x");
                        NumericColumn y = (NumericColumn) t.column("y");
                        assertThat(new double[] {x.value(0), y.value(0), x.value(1), y.value(1), x.value(2), y.value(2)})
                                .as("delimiter '%s', chunks of %d", d, chunk)
                                .containsExactly(-0.44826096457669234, 12345678, 7, 1e-5, 123456789.123456789, 1.5);
                    }
                } finally {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * The header is read from the mapped file's start, a longer start when it does not fit: a header of
     * 91 kB (7,000 names), and one whose quoted name holding a line end lies across the first 64 KiB.
     */
    @Test
    void aHeaderLongerThanTheFirstReadOfTheFileIsReadWhole() throws IOException {
        List<String> wide = new ArrayList<>();
        for (int c = 0; c < 7000; c++) {
            wide.add(String.format(java.util.Locale.ROOT, "column_%05d", c));
        }
        String row = String.join(",", java.util.Collections.nCopies(7000, "2.5"));
        for (String bom : new String[] {"", "\uFEFF"}) {
            Path f = file(bom + String.join(",", wide) + "\n" + row.replaceFirst("2.5", "-1") + "\n");
            try {
                Table t = CsvText.readTyped(f, ',', wide, new int[] {0, 6999}, null, Integer.MAX_VALUE,
                        c -> false, Long.MAX_VALUE).orElseThrow();
                assertThat(((NumericColumn) t.column("column_00000")).value(0)).isEqualTo(-1);
                assertThat(((NumericColumn) t.column("column_06999")).value(0)).isEqualTo(2.5);
            } finally {
                Files.delete(f);
            }
        }
        // the first name ends at byte 65,534; the quoted second one starts at 65,535 and spans a line end
        List<String> names = List.of("p".repeat(65_534), "q\nr", "s");
        Path f = file(names.get(0) + ",\"q\nr\",s\n1,2,3\n");
        try {
            Table t = CsvText.readTyped(f, ',', names, new int[] {0, 1, 2}, null, Integer.MAX_VALUE,
                    c -> false, Long.MAX_VALUE).orElseThrow();
            assertThat(((NumericColumn) t.column("q\nr")).value(0)).isEqualTo(2);
            assertThat(t.rowCount()).isEqualTo(1);
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void rowsOfALargeFileAreEstimatedFromItsStartWithRoom() throws IOException {
        // ids that grow longer: the first rows are the shortest, so the start overestimates, never under
        StringBuilder b = new StringBuilder("id,x\n");
        for (int i = 0; i < 20_000; i++) {
            b.append(i).append(',').append(i % 7 == 0 ? "" : "0.5").append('\n');
        }
        Path f = file(b.toString());
        try {
            long counted = CsvText.estimateRows(f, Long.MAX_VALUE, 4096);
            assertThat(counted).as("counted: the header and every row").isEqualTo(20_001);
            long estimated = CsvText.estimateRows(f, 1, 4096);
            assertThat(estimated).isBetween(20_001L, 2L * 20_001);
            // a sample without a line end: every line end counted
            Path wide = file("a".repeat(10_000) + "\n1\n2\n");
            try {
                assertThat(CsvText.estimateRows(wide, 1, 4096)).isEqualTo(3);
            } finally {
                Files.delete(wide);
            }
        } finally {
            Files.delete(f);
        }
    }
}
