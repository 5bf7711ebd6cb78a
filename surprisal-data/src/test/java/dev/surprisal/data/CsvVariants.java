// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The same table written the ways a CSV reader can trip on: LF and CRLF line ends, a byte-order mark,
 * blank lines at the end, no final line end, and tab-separated. Shared by the tests that hold two read
 * paths to the same answer.
 */
public final class CsvVariants {
    /** Writes a table of {@code rows} rows with line end {@code eol}, seeded by {@code seed}. */
    @FunctionalInterface
    public interface Table {
        /**
         * @param rows the data rows
         * @param eol  the line end
         * @param seed the seed
         * @return the file's text
         */
        String text(int rows, String eol, long seed);
    }

    private CsvVariants() {
    }

    /**
     * Writes the six variants into {@code dir}.
     *
     * @param dir   where
     * @param table the table
     * @param large rows of the LF and CRLF files
     * @param small rows of the others
     * @return the files
     * @throws IOException if one cannot be written
     */
    public static List<Path> write(Path dir, Table table, int large, int small) throws IOException {
        return List.of(
                write(dir, "lf.csv", table.text(large, "\n", 1)),
                write(dir, "crlf.csv", table.text(large, "\r\n", 2)),
                write(dir, "bom.csv", "\uFEFF" + table.text(small, "\n", 3)),
                write(dir, "blank-end.csv", table.text(small, "\n", 4) + "\n\n"),
                write(dir, "no-final-eol.csv", table.text(small, "\n", 5).stripTrailing()),
                write(dir, "tab.tsv", table.text(small, "\n", 6).replace(",", "\t")));
    }

    /**
     * @param dir  where
     * @param name the file name
     * @param text its text, written as UTF-8
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path write(Path dir, String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
