// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CsvText} tokenises a file in chunks, in parallel, and joins them in file order: whatever
 * the chunk size, it must read the same cells, or decline the same files, as one chunk does.
 * Tiny chunks put every kind of record (quoted line ends, doubled quotes, CRLF, missing cells,
 * blank lines) at a chunk's edge.
 */
class CsvTextChunksTest {
    private static final String[] CELLS = {"", "NA", "1.5", "-3", "\"\"", "\"a,b\"", "\"say \"\"hi\"\"\"",
        "\"two\nlines\"", "\"crlf\r\ninside\"", "Zürich", "x", "\"\"\"\""};

    private static String table(SplittableRandom r, int rows, int cols, String eol) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cols; c++) {
            b.append(c == 0 ? "" : ",").append("c").append(c);
        }
        b.append(eol);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                b.append(c == 0 ? "" : ",").append(CELLS[r.nextInt(CELLS.length)]);
            }
            b.append(eol);
        }
        return b.toString();
    }

    /** Every column's cells as text (null when missing) and its dictionary, or "declined". */
    private static String read(String text, int cols, int chunkBytes) {
        try {
            Path f = Files.createTempFile("chunks", ".csv");
            try {
                Files.write(f, text.getBytes(StandardCharsets.UTF_8));
                List<String> names = new ArrayList<>();
                int[] wanted = new int[cols];
                for (int c = 0; c < cols; c++) {
                    names.add("c" + c);
                    wanted[c] = c;
                }
                Optional<Table> t = CsvText.read(f, ',', names, wanted, null, chunkBytes);
                if (t.isEmpty()) {
                    return "declined";
                }
                StringBuilder out = new StringBuilder("rows " + t.get().rowCount() + "\n");
                for (String n : names) {
                    CategoricalColumn col = t.get().categorical(n);
                    out.append(n).append(' ').append(col.dictionary()).append('\n');
                    for (int i = 0; i < col.size(); i++) {
                        out.append(col.isMissing(i) ? "<missing>" : col.labelAt(i)).append('|');
                    }
                    out.append('\n');
                }
                return out.toString();
            } finally {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 60)
    void anyChunkSizeReadsWhatOneChunkReads(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 4) int cols, @ForAll @IntRange(min = 1, max = 64) int chunkBytes,
            @ForAll boolean crlf, @ForAll @IntRange(min = 0, max = 5) int flaw) {
        SplittableRandom r = new SplittableRandom(seed);
        String eol = crlf ? "\r\n" : "\n";
        String text = table(r, rows, cols, eol);
        // a few files break the dialect somewhere: the chunked read must decline them too
        int at = text.indexOf(eol) + eol.length() + r.nextInt(Math.max(1, text.length() / 2));
        at = Math.min(at, text.length());
        text = switch (flaw) {
            case 1 -> text.substring(0, at) + eol + text.substring(at); // a blank line, maybe inside a record
            case 2 -> text + eol + eol; // blank lines at the end: allowed
            case 3 -> text.substring(0, at) + "q\"" + text.substring(at); // a stray quote
            case 4 -> text.stripTrailing(); // no final line end
            default -> text;
        };
        String one = read(text, cols, Integer.MAX_VALUE);
        assertThat(read(text, cols, chunkBytes)).as("chunks of %d bytes", chunkBytes).isEqualTo(one);
    }

    @Property(tries = 10)
    void cleanFilesAreReadInManyChunks(@ForAll long seed) {
        // not declined: the property above must compare real reads, not two declines
        String text = table(new SplittableRandom(seed), 200, 3, "\n");
        assertThat(read(text, 3, 16)).startsWith("rows 200").isEqualTo(read(text, 3, Integer.MAX_VALUE));
    }
}
