package dev.surprisal.cli;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.data.JointCounts;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.ValueCounts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where the CLI reads tables, through surprisal-data. A missing file is reported
 * here with the file name (bad data, exit 3); everything else the data module reports itself as a
 * {@code DataException} naming file, line and column.
 */
final class TableInput {
    private TableInput() {
    }

    /** The histogram of one column. */
    static ValueCounts valueCounts(Path file, String column) {
        requireReadable(file);
        return TableReader.open(file).valueCounts(column);
    }

    /** The contingency table of two columns (rows: {@code x}, columns: {@code y}). */
    static ContingencyTable jointCounts(Path file, String x, String y) {
        requireReadable(file);
        JointCounts j = TableReader.open(file).jointCounts(x, y);
        return j.table();
    }

    /** Every column and row in memory, with the types DuckDB inferred. */
    static Table readAll(Path file) {
        requireReadable(file);
        return TableReader.open(file).read();
    }

    /** A missing or unreadable file is bad data (exit 3), named in the message. */
    static void requireReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadDataException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new BadDataException(file + ": cannot be read (permissions)");
        }
    }
}
