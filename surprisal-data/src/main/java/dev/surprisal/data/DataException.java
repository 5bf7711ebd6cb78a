// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file that cannot be read as a table: missing, empty, ragged, holding a value that does not
 * parse as the column's type, or lacking a requested column. The message names the file, and the
 * line and column when they are known, e.g. {@code data.csv: line 17, column 'age': cannot parse
 * 'abc' as a number}.
 *
 * <p>Distinct from {@link IllegalArgumentException} (a caller's mistake) so that a command line
 * can report bad data with its own exit code.
 */
public class DataException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** The 1-based line at fault (header = line 1), or -1 when unknown. */
    private final long line;
    /** The column at fault, or null when unknown. */
    private final String column;

    /**
     * An error in {@code file}; {@code line} is 1-based (a header is line 1) or -1 when unknown,
     * {@code column} is null when unknown. The message is prefixed with the file and location.
     *
     * @param file the file at fault, or null when unknown
     * @param line the 1-based line, or -1 when unknown
     * @param column the column, or null when unknown
     * @param problem what is wrong, in one phrase
     * @param cause the underlying error, or null
     */
    public DataException(Path file, long line, String column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * An error about the file as a whole.
     *
     * @param file the file at fault
     * @param problem what is wrong, in one phrase
     */
    public DataException(Path file, String problem) {
        this(file, -1, null, problem, null);
    }

    private static String format(Path file, long line, String column, String problem) {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file).append(": ");
        }
        if (line > 0) {
            b.append("line ").append(line).append(column == null ? ": " : ", ");
        }
        if (column != null) {
            b.append("column '").append(column).append("': ");
        }
        return b.append(problem).toString();
    }

    /**
     * The file at fault, if known.
     *
     * @return the file at fault, if known
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The 1-based line (header = line 1) at fault, if known.
     *
     * @return the 1-based line (header = line 1) at fault, if known
     */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /**
     * The column at fault, if known.
     *
     * @return the column at fault, if known
     */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
