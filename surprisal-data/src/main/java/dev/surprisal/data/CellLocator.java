// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.nio.file.Path;

/**
 * Where a row of a source is, in the words notes and invalid cells use: {@code line 17} in a CSV or
 * TSV file (the header is line 1), {@code row 16} elsewhere. A CSV record holding a quoted line end
 * spans several lines, so after it the record number and the line differ; {@link #of(Path, DataFormat)}
 * counts them from the file itself, so a message names the line a user finds in an editor.
 */
@FunctionalInterface
public interface CellLocator {
    /** Rows of a table that is not a text file: {@code row r + 1}. */
    CellLocator ROWS = row -> "row " + (row + 1);

    /**
     * Lines of a text file of one record a line after a one-line header: {@code line r + 2}. For rows
     * that are parts of a file no longer at hand (a Spark partition); a file at hand gets
     * {@link #of(Path, DataFormat)}.
     */
    CellLocator LINES = row -> "line " + (row + 2);

    /**
     * Where row {@code row} is.
     *
     * @param row the row, from 0 (the first data row; a CSV header is not a row)
     * @return {@code "line N"} (the line the record starts on, from 1) or {@code "row N"} (from 1)
     */
    String where(long row);

    /**
     * Where several rows are, found together: a CSV file is read once for all of them (up to the last),
     * which is why a caller that meets cells one by one, in parallel, notes them in
     * {@link DeferredCells} and locates them at the end.
     *
     * @param rows the rows, from 0, in any order
     * @return their places, in the order of {@code rows}
     */
    default String[] where(long[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = where(rows[i]);
        }
        return out;
    }

    /**
     * The locator of {@code file}: its records' first lines, counted from the file when needed, for a
     * CSV or TSV file; {@link #ROWS} for any other format.
     *
     * @param file   the source (may be null: rows)
     * @param format its format, or null to take it from the file's name (an unknown name: rows)
     * @return the locator
     */
    static CellLocator of(Path file, DataFormat format) {
        DataFormat f = format;
        if (f == null && file != null) {
            try {
                f = DataFormat.fromFileName(file);
            } catch (DataException e) {
                return ROWS; // a name that says no format: located by row
            }
        }
        if (f != DataFormat.CSV && f != DataFormat.TSV) {
            return ROWS;
        }
        return file == null ? LINES : new CsvLines(file);
    }
}
