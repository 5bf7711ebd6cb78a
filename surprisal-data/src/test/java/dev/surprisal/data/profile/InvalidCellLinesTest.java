// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invalid cell is located by the line a user finds it on in an editor, also after a quoted cell
 * that spans lines (before, a record's number plus one was named, off by the quoted line ends
 * before it): on the Java path and on DuckDB's, fitted and counted, and in mi's notes.
 */
class InvalidCellLinesTest {
    @TempDir
    Path dir;

    /**
     * 300 rows of an order id, a free-text note and an amount; the note of record 3 spans three lines
     * and that of record 10 two (CRLF inside), and record 120's amount is {@code abc}: record 120 starts
     * on line 120 + 2 + 3 = 125.
     */
    private Path orders(String name, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder("order_id,note,amount\n");
        for (int i = 0; i < 300; i++) {
            String note = i == 3 ? "\"left at the door,\nrang twice\nno answer\"" : i == 10 ? "\"gift\r\nwrap\""
                    : r.nextInt(3) == 0 ? "fragile" : "";
            String amount = i == 120 ? "abc" : String.format(java.util.Locale.ROOT, "%.2f", 20 + shift + 5 * r.nextGaussian());
            b.append(1000 + i).append(',').append(note).append(',').append(amount).append('\n');
        }
        Path f = dir.resolve(name);
        Files.write(f, b.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static int lineOf(Path file, String cell) throws IOException {
        String text = Files.readString(file);
        return (int) text.substring(0, text.indexOf(cell)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void anInvalidCellAfterAMultiLineQuotedCellNamesItsFileLineOnBothPaths() throws IOException {
        Path ref = orders("ref.csv", 0);
        Path day = orders("day.csv", 1);
        assertThat(lineOf(ref, ",abc")).as("the line an editor shows").isEqualTo(125);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults()));
        assertThat(java.column("amount").invalidCells()).containsExactly(new InvalidCell("line 125", "abc", 1));
        assertThat(sql.column("amount").invalidCells()).containsExactly(new InvalidCell("line 125", "abc", 1));
        assertThat(ProfileBuilder.count(java, TableReader.open(day)).column("amount").invalidCells())
                .containsExactly(new InvalidCell("line 125", "abc", 1));
        assertThat(CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(day))).column("amount")
                .invalidCells()).containsExactly(new InvalidCell("line 125", "abc", 1));
    }

    /**
     * Five copies of a spreadsheet error ({@code #DIV/0!}, lines 102 to 106, and again on line 150), then
     * {@code #VALUE!} (line 140) in a column of 300 amounts: each value is named once with its count, so the
     * second value is not hidden behind the copies of the first (issue 9: the check listed five copies and
     * never {@code #VALUE!}).
     */
    @Test
    void theFirstCellOfEachDistinctInvalidValueIsNamedOnBothPaths() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder b = new StringBuilder("amount\n");
        for (int line = 2; line <= 301; line++) {
            b.append(line >= 102 && line <= 106 || line == 150 ? "#DIV/0!" : line == 140 ? "#VALUE!"
                    : String.format(java.util.Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian())).append('\n');
        }
        Path f = dir.resolve("amounts.csv");
        Files.writeString(f, b.toString());
        InvalidCell[] expected = {new InvalidCell("line 102", "#DIV/0!", 6), new InvalidCell("line 140", "#VALUE!", 1)};
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        assertThat(java.column("amount").invalid()).isEqualTo(7);
        assertThat(java.column("amount").invalidCells()).containsExactly(expected);
        assertThat(sql.column("amount").invalidCells()).containsExactly(expected);
        assertThat(ProfileBuilder.count(java, TableReader.open(f)).column("amount").invalidCells())
                .containsExactly(expected);
        assertThat(CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(f))).column("amount")
                .invalidCells()).containsExactly(expected);
        // two parts of one source merge to the first cell of each value, the counts added
        ColumnProfile twice = java.column("amount").merge(java.column("amount"));
        assertThat(twice.invalidCells()).containsExactly(new InvalidCell("line 102", "#DIV/0!", 12),
                new InvalidCell("line 140", "#VALUE!", 2));
    }

    @Test
    void miNamesTheFileLineOfTheFirstCellThatIsNoNumber() throws IOException {
        MiTable t = MiTable.read(orders("mi.csv", 0), RoleOverrides.none(), 42);
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).startsWith("amount: 1 cell(s) are not numbers (first: line 125: 'abc')"));
    }
}
