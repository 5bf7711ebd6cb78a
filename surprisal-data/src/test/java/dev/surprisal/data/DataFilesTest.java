// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hostile and careless files: glob characters in names, special files, other encodings, semicolon
 * CSVs, duplicate header names, over-long lines. Each must be read exactly or refused with a
 * sentence naming the file, the line where there is one, and what it is.
 */
class DataFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private DataException failure(Path file) {
        return catchThrowableOfType(DataException.class, () -> TableReader.open(file).read());
    }

    @Test
    void aFileNameWithGlobCharactersIsReadExactly() throws IOException {
        write("glob1.csv", "a\n1\n");
        Path brackets = write("glob[1].csv", "a\n2\n");
        write("q1.csv", "a\n3\n");
        Path star = write("q*.csv", "a\n4\n");
        write("wx.csv", "a\n5\n");
        Path question = write("w?.csv", "a\n6\n");
        assertThat(((NumericColumn) TableReader.open(brackets).read().column("a")).values()).containsExactly(2);
        assertThat(((NumericColumn) TableReader.open(star).read().column("a")).values()).containsExactly(4);
        assertThat(((NumericColumn) TableReader.open(question).read().column("a")).values()).containsExactly(6);
        assertThat(TableReader.open(star).valueCounts("a").counts().total()).isEqualTo(1);
        // a pattern that matches other files but names no file is not read
        assertThat(failure(dir.resolve("glob?.csv"))).hasMessageEndingWith(": no such file");
    }

    @Test
    void specialFilesSayWhatTheyAre() throws Exception {
        assertThat(failure(dir)).hasMessage(dir + ": a directory, not a file");
        assertThat(failure(Path.of("-"))).hasMessageContaining("standard input ('-') is not supported");
        Path loop = dir.resolve("loop.csv");
        Files.createSymbolicLink(loop, loop);
        assertThat(failure(loop)).hasMessage(loop + ": a symbolic link loop");
        Path dangling = dir.resolve("dangling.csv");
        Files.createSymbolicLink(dangling, dir.resolve("gone.csv"));
        assertThat(failure(dangling)).hasMessageContaining("a symbolic link to").hasMessageContaining("does not exist");
        Path fifo = dir.resolve("pipe.csv");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        assertThat(failure(fifo)).hasMessage(fifo + ": a named pipe (FIFO), not a regular file; save the data to a "
                + "file first");
        assertThat(failure(Path.of("/dev/null"))).hasMessageContaining("a character device, not a regular file");
        assertThat(failure(write("empty.csv", ""))).hasMessageEndingWith(": file is empty");
        // regular by stat with size 0, yet not empty: it was "file is empty"
        assertThat(failure(Path.of("/proc/self/status"))).hasMessage("/proc/self/status: a special file whose size "
                + "reads 0 bytes (as in /proc), not a regular file; save the data to a file first");
    }

    @Test
    void otherEncodingsAreNamed() throws IOException {
        Path u16 = dir.resolve("u16.csv");
        Files.write(u16, "a,b\n1,x\n2,y\n3,z\n4,w\n".getBytes(StandardCharsets.UTF_16)); // BOM + big-endian
        assertThat(failure(u16)).hasMessageContaining("the file is UTF-16BE (byte-order mark)")
                .hasMessageContaining("iconv");
        Path u16le = dir.resolve("u16le.csv");
        Files.write(u16le, "a,b\n1,x\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(failure(u16le)).hasMessageContaining("looks like UTF-16 without a byte-order mark");
        Path u32 = dir.resolve("u32.csv");
        Files.write(u32, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0});
        assertThat(failure(u32)).hasMessageContaining("UTF-32LE");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "a,b\n1,x\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        DataException e = failure(latin1);
        assertThat(e.line()).hasValue(3);
        assertThat(e).hasMessageContaining("not UTF-8 text (byte 0xE9)");
        // a UTF-8 byte-order mark is fine, and not part of the first name
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFFa,b\n1,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TableReader.open(bom).schema().names()).containsExactly("a", "b");
    }

    @Test
    void aSemicolonCsvGetsTheDelimiterSuggestedAndReadsWithIt() throws IOException {
        Path semi = write("semi.csv", "a;b\n1;2\n3;4\n");
        assertThat(failure(semi)).hasMessageContaining("looks semicolon-separated")
                .hasMessageContaining("--delimiter ';'");
        assertThat(TableReader.open(semi).withDelimiter(';').schema().names()).containsExactly("a", "b");
    }

    /**
     * A ';' file whose text fields hold commas: DuckDB's sniffer, reading rows with ',', once failed first with
     * "line 3: expected 1 fields, found 2 (too many)", and the delimiter was never suggested. Also for a tab file
     * named .csv.
     */
    @Test
    void aSemicolonOrTabCsvWithCommasInItsFieldsStillGetsTheDelimiterSuggested() throws IOException {
        Path semi = write("semi_commas.csv", "id;comment;amount\n1;fine;2.5\n2;late, again;3.5\n3;ok;4.5\n");
        assertThat(failure(semi)).hasMessageContaining("looks semicolon-separated")
                .hasMessageContaining("--delimiter ';'");
        assertThat(TableReader.open(semi).withDelimiter(';').schema().names()).containsExactly("id", "comment", "amount");
        Path tab = write("tab_commas.csv", "id\tcomment\n1\tfine\n2\tlate, again\n");
        assertThat(failure(tab)).hasMessageContaining("looks tab-separated");
    }

    /**
     * The header is read once per open and its names passed on (cost11): the check judges the names it is given and
     * does not read the file again, so a header given for a file that is gone is still checked.
     */
    @Test
    void theHeaderCheckJudgesTheNamesItIsGivenWithoutReadingTheFileAgain() {
        Path gone = dir.resolve("gone.csv");
        DataException e = catchThrowableOfType(DataException.class, () -> CsvHeader.check(gone, ',', false,
                java.util.List.of("id", "amount", "AMOUNT_1"), java.util.List.of("id", "amount", "AMOUNT")));
        assertThat(e).hasMessageContaining("names column 'amount' twice (columns 2 and 3, 'AMOUNT': names are"
                + " compared ignoring case and surrounding spaces)");
        CsvHeader.check(gone, ',', false, java.util.List.of("id", "amount"), null); // nothing read: nothing to judge
    }

    /**
     * Audit12 defect 4: header {@code id,note, amount ,amount,x,country} was read as amount, amount_1, so
     * {@code --column amount} measured the column written ' amount '. Such a header is refused, never renamed.
     */
    @Test
    void aHeaderWhoseNamesCollideAfterTrimmingIsRefusedNotRenamed() throws IOException {
        String rows = "0,hi,1.5,3.0,0,DE\n1,yo,2.5,5.0,1,FR\n";
        Path messy = write("messy.csv", "id,note, amount ,amount,x,country\n" + rows);
        for (DataException e : java.util.List.of(failure(messy),
                catchThrowableOfType(DataException.class, () -> TableReader.open(messy).columnNames()))) {
            assertThat(e).hasMessageContaining("names column ' amount ' twice (columns 3 and 4, 'amount': names are "
                    + "compared without surrounding spaces); rename one of them");
            assertThat(e.line()).hasValue(1);
        }
        // a name with surrounding spaces that collides with nothing is kept as DuckDB reads it
        assertThat(TableReader.open(write("spaced.csv", "id, amount\n1,2\n")).schema().names())
                .containsExactly("id", "amount");
    }

    /**
     * Issue 9: {@code df.to_csv('x.csv')} writes the index with an empty header name ({@code ,a,b}) and every
     * verb refused the file ("column 1 of the header has no name"). An empty header cell is named as pandas'
     * read_csv names it, {@code Unnamed: <0-based position>}, on every reader; a name that then collides with
     * one written in the header is still refused.
     */
    @Test
    void anEmptyHeaderCellIsNamedAsPandasNamesIt() throws IOException {
        Path index = write("index.csv", ",a,b\n0,1,x\n1,3,y\n");
        assertThat(TableReader.open(index).columnNames()).containsExactly("Unnamed: 0", "a", "b");
        Table t = TableReader.open(index).read();
        assertThat(t.columnNames()).containsExactly("Unnamed: 0", "a", "b");
        assertThat(((NumericColumn) t.column("a")).value(1)).isEqualTo(3.0);
        assertThat(TableReader.open(index).withType("a", ColumnType.CATEGORICAL).read().columnNames())
                .containsExactly("Unnamed: 0", "a", "b");
        Path inside = write("inside.csv", "id,note,amount,y,,country\n0,hi,1.5,3.0,0,DE\n1,yo,2.5,5.0,1,FR\n");
        assertThat(TableReader.open(inside).read().columnNames())
                .containsExactly("id", "note", "amount", "y", "Unnamed: 4", "country");
        Path clash = write("clash.csv", ",Unnamed: 0\n1,2\n");
        assertThat(failure(clash)).hasMessageContaining("names column 'Unnamed: 0' twice (columns 1 and 2)");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRejectedNamingBothPositions() throws IOException {
        DataException e = failure(write("dup.csv", "id,a,a\n1,2,3\n"));
        assertThat(e).hasMessageContaining("names column 'a' twice (columns 2 and 3)");
        assertThat(e.line()).hasValue(1);
        assertThat(failure(write("dupcase.csv", "a,A\n1,2\n"))).hasMessageContaining("columns 1 and 2, 'A'");
        assertThat(TableReader.open(write("quoted.csv", "\"a,1\",a\n1,2\n")).schema().names())
                .containsExactly("a,1", "a");
    }

    @Test
    void aLineOverTheLimitIsReportedAtItsLineNumber() throws IOException {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < 10; i++) {
            b.append(i).append(",x\n");
        }
        b.append("11,").append("y".repeat(2_500_000)).append('\n');
        b.append("12,z\n");
        DataException e = failure(write("long.csv", b.toString()));
        assertThat(e.line()).hasValue(12);
        assertThat(e).hasMessageContaining("2,500,003 bytes");
    }
}
