// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.data.JointCounts;
import dev.surprisal.data.Table;
import dev.surprisal.data.ValueCounts;

import java.nio.file.Path;

/**
 * The one place where the CLI reads tables, through surprisal-data and {@link TableOptions} (the
 * {@code --delimiter} option and the file checks). A missing or special file and every unreadable
 * row are reported by the data module as a {@code DataException} naming file, line and column.
 */
final class TableInput {
    private TableInput() {
    }

    /** The histogram of one column. */
    static ValueCounts valueCounts(Path file, String column) {
        return valueCounts(file, column, TableOptions.defaults());
    }

    /** The histogram of one column, read with {@code options}. */
    static ValueCounts valueCounts(Path file, String column, TableOptions options) {
        return options.open(file).valueCounts(column);
    }

    /** The contingency table of two columns (rows: {@code x}, columns: {@code y}). */
    static ContingencyTable jointCounts(Path file, String x, String y) {
        return jointCounts(file, x, y, TableOptions.defaults());
    }

    /** The contingency table of two columns, read with {@code options}. */
    static ContingencyTable jointCounts(Path file, String x, String y, TableOptions options) {
        JointCounts j = options.open(file).jointCounts(x, y);
        return j.table();
    }

    /** Every column and row in memory, with the types DuckDB inferred. */
    static Table readAll(Path file) {
        return readAll(file, TableOptions.defaults());
    }

    /** Every column and row in memory, read with {@code options}. */
    static Table readAll(Path file, TableOptions options) {
        return options.open(file).read();
    }
}
