// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvLines} names the line each record starts on: files are written with quoted cells that
 * hold line ends (LF and CRLF), doubled quotes and delimiters, the line of each record is known from
 * the writing, and it must be found whatever the buffer size (quotes and line ends at its edge) and
 * in whatever order the records are asked for.
 */
class CsvLinesTest {
    @TempDir
    Path dir;

    private static final String[] CELLS = {"", "NA", "1.5", "abc", "\"\"", "\"a,b\"", "\"say \"\"hi\"\"\"",
        "\"two\nlines\"", "\"crlf\r\ninside\"", "\"\n\n\"", "Zürich", "\"\"\"\""};

    /** A file's text and the line each record starts on (the header is line 1). */
    private record Written(String text, List<Long> lines) {
    }

    private static Written table(SplittableRandom r, int rows, int cols, String eol, boolean multiLineHeader) {
        StringBuilder b = new StringBuilder(multiLineHeader ? "\"first\nname\"" : "c0");
        for (int c = 1; c < cols; c++) {
            b.append(",c").append(c);
        }
        b.append(eol);
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(b.chars().filter(ch -> ch == '\n').count() + 1);
            for (int c = 0; c < cols; c++) {
                b.append(c == 0 ? "" : ",").append(CELLS[r.nextInt(CELLS.length)]);
            }
            b.append(eol);
        }
        return new Written(b.toString(), lines);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Property(tries = 80)
    void everyRecordIsLocatedOnItsFirstLineWhateverTheBufferAndOrder(@ForAll @IntRange(min = 1, max = 60) int rows,
            @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll @IntRange(min = 1, max = 40) int buffer,
            @ForAll long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Written w = table(r, rows, cols, r.nextBoolean() ? "\n" : "\r\n", r.nextInt(4) == 0);
        Path f = Files.createTempFile("lines", ".csv");
        try {
            Files.write(f, w.text().getBytes(StandardCharsets.UTF_8));
            CsvLines inOrder = new CsvLines(f, buffer);
            for (int i = 0; i < rows; i++) {
                assertThat(inOrder.where(i)).as("record %d of%n%s", i, w.text()).isEqualTo("line " + w.lines().get(i));
            }
            CsvLines anyOrder = new CsvLines(f, buffer);
            for (int k = 0; k < rows; k++) {
                int i = r.nextInt(rows);
                assertThat(anyOrder.where(i)).as("record %d of%n%s", i, w.text()).isEqualTo("line " + w.lines().get(i));
            }
        } finally {
            Files.delete(f);
        }
    }

    @Test
    void aFileWithoutQuotesIsOneRecordALine() throws IOException {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            b.append(i).append(',').append(i * 0.5).append('\n');
        }
        CellLocator lines = CellLocator.of(write("plain.csv", b.toString()), null);
        assertThat(lines.where(4999)).isEqualTo("line 5001");
        assertThat(lines.where(0)).isEqualTo("line 2");
        assertThat(lines.where(2500)).isEqualTo("line 2502");
    }

    @Test
    void aGzippedFileIsReadThroughItsCompression() throws IOException {
        Path f = dir.resolve("quoted.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("id,note\n1,\"two\nlines\"\n2,x\n3,\"a\r\nb\r\nc\"\n4,y\n".getBytes(StandardCharsets.UTF_8));
        }
        CellLocator lines = CellLocator.of(f, null);
        assertThat(List.of(lines.where(0), lines.where(1), lines.where(2), lines.where(3)))
                .containsExactly("line 2", "line 4", "line 5", "line 8");
    }

    @Test
    void aFileThatCannotBeReadAgainIsLocatedOneRecordALine() {
        assertThat(CellLocator.of(dir.resolve("gone.csv"), null).where(7)).isEqualTo("line 9");
        assertThat(CellLocator.of(dir.resolve("x.parquet"), null).where(7)).isEqualTo("row 8");
        assertThat(CellLocator.of(dir.resolve("x.unknown"), null).where(7)).isEqualTo("row 8");
        assertThat(CellLocator.of(null, null).where(7)).isEqualTo("row 8");
        assertThat(CellLocator.of(null, DataFormat.TSV).where(7)).isEqualTo("line 9");
    }
}
