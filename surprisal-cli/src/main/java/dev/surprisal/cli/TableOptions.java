// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.data.DataFiles;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.NumberConvention;
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

    @Option(names = "--decimal", paramLabel = "MARK", converter = DecimalConverter.class,
            description = "Decimal mark of every number column: ',' (6,600 is 6.6 and 1.299 is 1299, as pandas' "
                    + "decimal=',' reads them) or '.' (6,600 is 6600). Default: each column's cells decide, and in a "
                    + "';'-separated file a ',' is a decimal comma unless a cell groups thousands with it (1,234,567).")
    NumberConvention decimal;

    /** @return the decimal mark given ({@code --decimal}), or null when each column's cells decide */
    public NumberConvention decimal() {
        return decimal;
    }

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
        r = decimal == null ? r : r.withDecimal(decimal);
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

    /**
     * These options with {@code delimiter} set instead (e.g. {@code drift compare --reference-delimiter}), the
     * decimal mark kept.
     *
     * @param delimiter the field delimiter
     * @return options with that delimiter and this {@code --decimal}
     */
    public TableOptions delimitedBy(char delimiter) {
        TableOptions t = withDelimiter(delimiter);
        t.decimal = decimal;
        return t;
    }

    /** Reads {@code ,} or {@code comma}, {@code .} or {@code point}; anything else is a usage error. */
    public static final class DecimalConverter implements ITypeConverter<NumberConvention> {
        @Override
        public NumberConvention convert(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case ",", "comma" -> NumberConvention.DECIMAL_COMMA;
                case ".", "point", "dot" -> NumberConvention.DECIMAL_POINT;
                default -> throw new TypeConversionException("expected ',' (a decimal comma: 6,600 is 6.6) or '.' "
                        + "(a decimal point: 6,600 is 6600); got '" + value + "'");
            };
        }
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
