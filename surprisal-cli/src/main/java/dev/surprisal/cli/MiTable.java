package dev.surprisal.cli;

import dev.surprisal.data.Column;
import dev.surprisal.data.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table read for the {@code mi} modes that work on whole files: every column as a {@link MiColumn},
 * with {@code --discrete} applied. Column names are checked here, so an unknown target or
 * {@code --discrete} name is reported as bad data with the columns that do exist.
 */
final class MiTable {
    final Path file;
    final List<MiColumn> columns;
    final int rows;

    private MiTable(Path file, List<MiColumn> columns, int rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    static MiTable read(Path file, List<String> discrete, long seed) {
        Table t = TableInput.readAll(file);
        Set<String> forced = new LinkedHashSet<>(discrete);
        for (String d : forced) {
            requireColumn(file, t.columnNames(), d, "--discrete");
        }
        List<MiColumn> cols = new ArrayList<>();
        int i = 0;
        for (Column c : t.columns()) {
            cols.add(MiColumn.of(c, forced.contains(c.name()), seed, i++));
        }
        if (cols.size() < 2) {
            throw new BadDataException(file + ": has " + cols.size() + " column(s); mutual information needs at least two");
        }
        return new MiTable(file, List.copyOf(cols), t.rowCount());
    }

    /** The column named {@code name}. */
    MiColumn column(String name, String option) {
        for (MiColumn c : columns) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        requireColumn(file, columns.stream().map(c -> c.name).toList(), name, option);
        throw new IllegalStateException("unreachable");
    }

    private static void requireColumn(Path file, List<String> names, String name, String option) {
        if (!names.contains(name)) {
            throw new BadDataException(option + " " + name + ": no such column in " + file
                    + " (columns: " + String.join(", ", names) + ")");
        }
    }
}
