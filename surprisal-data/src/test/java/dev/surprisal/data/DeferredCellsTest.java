// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells met in parallel are located together: {@link CellLocator#where(long[])} reads a CSV file once
 * for every row asked for (in any order, also through gzip), and {@link DeferredCells} notes the cells
 * threads meet and fills their lines in after. Known truth: a gzipped orders file whose notes column
 * holds quoted line ends, so record r starts on line r + 2 + the line ends inside quotes before it.
 */
class DeferredCellsTest {
    @TempDir
    Path dir;

    /** Orders; every 7th note spans two lines; every 50th amount is the invalid text "n/a?". Lines of each record. */
    private Path orders(long[] lines) throws IOException {
        StringBuilder b = new StringBuilder("order_id,note,amount,qty\n");
        long line = 2;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line;
            boolean twoLines = i % 7 == 3;
            b.append(1000 + i).append(',').append(twoLines ? "\"gift\nwrap\"" : "plain").append(',')
                    .append(i % 50 == 17 ? "n/a?" : String.format(Locale.ROOT, "%.2f", 10 + i % 37 * 1.5)).append(',')
                    .append(i % 61 == 29 ? "lots" : Integer.toString(1 + i % 5)).append('\n');
            line += twoLines ? 2 : 1;
        }
        Path f = dir.resolve("orders.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    @Test
    void manyRowsInAnyOrderAreLocatedInOnePassAsOneByOne() throws IOException {
        long[] lines = new long[3000];
        Path f = orders(lines);
        long[] rows = {2999, 3, 0, 1500, 3, 17, 2400};
        String[] together = CellLocator.of(f, null).where(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(together[i]).isEqualTo("line " + lines[(int) rows[i]])
                    .isEqualTo(CellLocator.of(f, null).where(rows[i]));
        }
        assertThat(CellLocator.of(f, null).where(new long[0])).isEmpty();
    }

    @Test
    void cellsNotedByManyThreadsAreFilledInAfter() throws IOException {
        long[] lines = new long[3000];
        Path f = orders(lines);
        DeferredCells cells = new DeferredCells(CellLocator.of(f, null));
        String[] notes = new String[300];
        IntStream.range(0, notes.length).parallel().forEach(i -> notes[i] = "first: " + cells.where(i * 10L)
                + ": 'x'");
        assertThat(notes[5]).doesNotContain("line");
        UnaryOperator<String> at = cells.resolve();
        for (int i = 0; i < notes.length; i++) {
            assertThat(at.apply(notes[i])).isEqualTo("first: line " + lines[i * 10] + ": 'x'");
        }
        assertThat(at.apply("no cell here")).isEqualTo("no cell here");
        assertThat(new DeferredCells(CellLocator.ROWS).resolve().apply("x")).isEqualTo("x");
    }

    @Test
    void miNotesNameTheFileLinesOfInvalidCellsAfterParallelPreparation() throws IOException {
        long[] lines = new long[3000];
        Path f = orders(lines);
        MiTable t = MiTable.read(TableReader.open(f), RoleOverrides.none().withContinuous(List.of("amount"))
                .withDiscrete(List.of("qty")), 1);
        String notes = String.join("\n", t.notes());
        assertThat(notes).doesNotContain("\u0000")
                .contains("amount: ").contains("(first: line " + lines[17] + ": 'n/a?')")
                .contains("qty: ").contains("(first: line " + lines[29] + ": 'lots')");
    }
}
