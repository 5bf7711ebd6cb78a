// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of bad file, with what DuckDB 2.0 reports turned into file + line + column. */
class DataErrorsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** A CSV of {@code rows} good rows "i,k{i%7}" with line {@code badLine} replaced. */
    private Path big(String name, int rows, int badLine, String bad) throws IOException {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            b.append(i + 2 == badLine ? bad : i + ",k" + i % 7).append('\n');
        }
        return write(name, b.toString());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.csv");
        DataException e = catchThrowableOfType(DataException.class, () -> TableReader.open(p).read());
        assertThat(e).hasMessage(p + ": no such file");
        assertThat(e).isInstanceOf(dev.surprisal.core.ValidationException.class);
        assertThat(e.file()).contains(p);
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.csv", "");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("a"))
                .isInstanceOf(DataException.class).hasMessage(p + ": file is empty");
    }

    @Test
    void raggedRowWithTooManyFieldsInTheSnifferSample() throws IOException {
        Path p = write("more.csv", "a,b,c\n1,x,2.5\n2,y,3.5\n3,z,4,9\n4,w,5\n");
        DataException e = catchThrowableOfType(DataException.class, () -> TableReader.open(p).read());
        assertThat(e).hasMessage(p + ": line 4: expected 3 fields, found 4 (too many)");
        assertThat(e.line()).hasValue(4);
    }

    /**
     * The reviewer's files: with the header left to the sniffer, DuckDB took the first wide row
     * ("3,z,9") for the header, dropped the lines above it and read 3 rows of columns 3, z, 9.
     */
    @Test
    void aWideRowIsNeverTakenForTheHeader() throws IOException {
        Path p = write("rg9.csv", "a,b\n1,x\n2,y\n3,z,9\n4,w,8\n5,v,7\n6,u,6\n");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("a"))
                .isInstanceOf(DataException.class).hasMessage(p + ": line 4: expected 2 fields, found 3 (too many)");
        Path last = write("rg1.csv", "a,b\n1,x\n2,y\n3,z,9\n");
        assertThatThrownBy(() -> TableReader.open(last).read())
                .isInstanceOf(DataException.class).hasMessage(last + ": line 4: expected 2 fields, found 3 (too many)");
    }

    @Test
    void aCellStartingWithAHashIsDataNotAComment() throws IOException {
        Path p = write("hash.csv", "a,b\n#1,x\n2,y\n3,z\n");
        assertThat(TableReader.open(p).read().rowCount()).isEqualTo(3);
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItOpensOn() throws IOException {
        Path p = write("quote.csv", "a,b\n1,x\n2,\"y\n3,z\n");
        DataException e = catchThrowableOfType(DataException.class, () -> TableReader.open(p).read());
        assertThat(e).hasMessage(p + ": line 3: a quote opened on this line is never closed");
    }

    @Test
    void aFileOfBlankLinesHasNoHeader() throws IOException {
        Path p = write("blank.csv", "\n\n");
        assertThatThrownBy(() -> TableReader.open(p).read()).isInstanceOf(DataException.class)
                .hasMessage(p + ": line 1: the first line is blank; a CSV file starts with its header (the column names)");
    }

    @Test
    void raggedRowWithTooFewFieldsInTheSnifferSample() throws IOException {
        Path p = write("less.csv", "a,b,c\n1,x,2.5\n2,y\n4,w,5\n");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("a"))
                .isInstanceOf(DataException.class)
                .hasMessage(p + ": line 3: expected 3 fields, found 2 (too few)");
    }

    @Test
    void raggedRowPastTheSnifferSampleIsAnErrorNotPadding() throws IOException {
        Path p = big("late.csv", 50_000, 40_002, "40000,x,extra");
        assertThatThrownBy(() -> TableReader.open(p).jointCounts("a", "b"))
                .isInstanceOf(DataException.class)
                .hasMessage(p + ": line 40002: expected 2 fields, found 3 (too many)");
        Path q = big("late2.csv", 50_000, 30_001, "29999");
        assertThatThrownBy(() -> TableReader.open(q).valueCounts("b"))
                .isInstanceOf(DataException.class)
                .hasMessage(q + ": line 30001: expected 2 fields, found 1 (too few)");
    }

    @Test
    void unparsableNumberInAColumnOverriddenAsNumeric() throws IOException {
        Path p = write("ages.csv", "name,age\n" + "x,1\n".repeat(15) + "y,abc\nz,3\n");
        DataException e = catchThrowableOfType(DataException.class,
                () -> TableReader.open(p).withType("age", ColumnType.NUMERIC).read());
        assertThat(e).hasMessage(p + ": line 17, column 'age': cannot parse 'abc' as a number");
        assertThat(e.line()).hasValue(17);
        assertThat(e.column()).contains("age");
    }

    /** After a quoted cell spanning lines, DuckDB's errors name the file line too (not the record's number + 1). */
    @Test
    void errorsAfterAQuotedCellSpanningLinesNameTheFileLine() throws IOException {
        String head = "name,note,age\n" + "x,\"first\nsecond\nthird\",1\n" + "x,plain,2\n".repeat(14);
        Path ragged = write("ragged-after-quote.csv", head + "y,z,3,9\nz,w,3\n");
        DataException e = catchThrowableOfType(DataException.class, () -> TableReader.open(ragged).read());
        assertThat(e).hasMessage(ragged + ": line 19: expected 3 fields, found 4 (too many)");
        Path bad = write("ages-after-quote.csv", head + "y,z,abc\nz,w,3\n");
        DataException c = catchThrowableOfType(DataException.class,
                () -> TableReader.open(bad).withType("age", ColumnType.NUMERIC).read());
        assertThat(c).hasMessage(bad + ": line 19, column 'age': cannot parse 'abc' as a number");
        assertThat(c.line()).hasValue(19);
    }

    @Test
    void unparsableNumberPastTheSnifferSampleInAnInferredNumericColumn() throws IOException {
        Path p = big("badnum.csv", 50_000, 40_002, "abc,k1");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("a"))
                .isInstanceOf(DataException.class)
                .hasMessage(p + ": line 40002, column 'a': cannot parse 'abc' as a number");
    }

    @Test
    void decimalPastTheSampleOfAnIntegerColumnIsStillANumber() throws IOException {
        Path p = big("dec.csv", 30_000, 25_000, "2.5,k1");
        assertThat(TableReader.open(p).read().numeric("a").value(25_000 - 2)).isEqualTo(2.5);
    }

    @Test
    void unknownColumnListsTheAvailableOnes() throws IOException {
        Path p = write("t.csv", "a,b c\n1,2\n");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("z"))
                .isInstanceOf(DataException.class)
                .hasMessage(p + ": column 'z': no such column; available: a, b c");
        assertThatThrownBy(() -> TableReader.open(p).columns("a", "q").read())
                .isInstanceOf(DataException.class).hasMessageContaining("column 'q'");
        assertThatThrownBy(() -> TableReader.open(p).withType("q", ColumnType.NUMERIC).schema())
                .isInstanceOf(DataException.class).hasMessageContaining("column 'q'");
    }

    @Test
    void malformedNdjsonNamesTheLine() throws IOException {
        Path p = write("bad.ndjson", "{\"a\":1}\n{\"a\":2\n{\"a\":3}\n");
        assertThatThrownBy(() -> TableReader.open(p).read())
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(p + ": line 3: malformed JSON");
    }

    @Test
    void ndjsonTextOverriddenAsNumericNamesRecordAndColumn() throws IOException {
        Path p = write("t.ndjson", "{\"a\":\"1\"}\n{\"a\":\"2\"}\n{\"a\":\"zz\"}\n");
        assertThatThrownBy(() -> TableReader.open(p).withType("a", ColumnType.NUMERIC).read())
                .isInstanceOf(DataException.class)
                .hasMessage(p + ": column 'a': record 3: cannot parse 'zz' as a number");
    }

    @Test
    void unknownExtension() throws IOException {
        Path p = write("t.xlsx", "x");
        assertThatThrownBy(() -> TableReader.open(p).read())
                .isInstanceOf(DataException.class).hasMessageContaining("extension 'xlsx'");
    }

    @Test
    void headerOnlyFileHasNothingToCount() throws IOException {
        Path p = write("h.csv", "a,b\n");
        assertThatThrownBy(() -> TableReader.open(p).valueCounts("a"))
                .isInstanceOf(DataException.class).hasMessage(p + ": column 'a': no values to count");
    }
}
