// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.DataFiles;
import dev.surprisal.data.TableReader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;

/**
 * {@code --delimiter}, the mixin of every verb that reads a table, and the one place a table file
 * is checked and opened for the CLI (through {@link TableInput}): a missing file, a directory, a
 * FIFO or another special file is refused by {@link DataFiles#requireRegularFile} with a sentence
 * saying what it is (bad data, exit 3).
 */
public final class TableOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
            description = "Field delimiter of a CSV or TSV file: one character such as ';' or '|', or \\t for tab. "
                    + "Default: ',' for .csv, tab for .tsv.")
    Character delimiter;

    /** @return the delimiter given, or null when the file's extension decides */
    public Character delimiter() {
        return delimiter;
    }

    /**
     * The options with no delimiter set (the file's extension decides).
     *
     * @return options without {@code --delimiter}
     */
    public static TableOptions defaults() {
        return new TableOptions();
    }

    /**
     * A reader of {@code file} with these options, after checking that it is a regular, readable,
     * non-empty file.
     *
     * @param file the path as typed
     * @return the reader
     * @throws dev.surprisal.data.DataException if the file is not a readable regular file
     */
    public TableReader open(Path file) {
        DataFiles.requireRegularFile(file);
        TableReader r = TableReader.open(file);
        return delimiter == null ? r : r.withDelimiter(delimiter);
    }

    /**
     * The options with {@code delimiter} set, as {@code --delimiter} would (e.g. for a second file of a verb that
     * reads two).
     *
     * @param delimiter the field delimiter
     * @return options with that delimiter
     */
    public static TableOptions withDelimiter(char delimiter) {
        TableOptions t = new TableOptions();
        t.delimiter = delimiter;
        return t;
    }

    /** Reads {@code ;}, {@code |}, {@code \t} or {@code tab}; anything longer is a usage error. */
    public static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            if (value.equals("\\t") || value.equalsIgnoreCase("tab") || value.equals("\t")) {
                return '\t';
            }
            if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
                throw new TypeConversionException("expected one character such as ';' or '|' (or \\t for tab), "
                        + "not a quote or line break; got '" + value + "'");
            }
            return value.charAt(0);
        }
    }
}
