// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's error messages into {@link DataException}s naming file, line and column. The
 * patterns were taken from what DuckDB 2.0 actually reports (see {@code DataErrorsTest}).
 */
final class DuckDbErrors {
    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern CSV_CONVERT = Pattern.compile(
            "Error when converting column \"(.*)\"\\. Could not convert string \"(.*)\" to '(\\w+)'");
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern JSON_MALFORMED = Pattern.compile(
            "Malformed JSON in file \".*\", at byte \\d+ in line (\\d+): ([^\\n]*)");
    private static final Pattern CAST = Pattern.compile("Could not convert string '(.*)' to (\\w+)");
    private static final Set<String> NUMBER_TYPES = Set.of("DOUBLE", "FLOAT", "BIGINT", "INTEGER", "SMALLINT",
            "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT", "UHUGEINT", "DECIMAL");

    private DuckDbErrors() {
    }

    /**
     * The translated error, or {@code null} when the message is not one this class understands
     * (the caller then falls back to diagnostics or DuckDB's first line).
     */
    static DataException translateKnown(Path file, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Matcher line = CSV_LINE.matcher(msg);
        // DuckDB numbers records, not lines: after a quoted cell spanning lines they differ
        long lineNo = line.find() ? CsvLines.fileLine(file, Long.parseLong(line.group(1))) : -1;
        Matcher conv = CSV_CONVERT.matcher(msg);
        if (conv.find()) {
            return new DataException(file, lineNo, conv.group(1), cannotParse(conv.group(2), conv.group(3)), e);
        }
        Matcher count = FIELD_COUNT.matcher(msg);
        if (count.find()) {
            return new DataException(file, lineNo, null, fieldCount(count.group(1), count.group(2)), e);
        }
        Matcher json = JSON_MALFORMED.matcher(msg);
        if (json.find()) {
            return new DataException(file, Long.parseLong(json.group(1)), null,
                    "malformed JSON: " + json.group(2).trim(), e);
        }
        if (msg.contains("Invalid unicode")) {
            return new DataException(file, lineNo, null, "not UTF-8 text; the file is probably Latin-1 or "
                    + "Windows-1252: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 IN > OUT", e);
        }
        if (lineNo > 0) {
            return new DataException(file, lineNo, null, explanation(msg), e);
        }
        if (msg.contains("No files found that match the pattern")) {
            return new DataException(file, -1, null, "file not found", e);
        }
        return null;
    }

    private static final Pattern MAX_LINE = Pattern.compile(
            "Maximum line size of (\\d+) bytes exceeded\\. Actual Size: ?(\\d+)");

    /** [limit, actual size] of DuckDB's "maximum line size exceeded" error, or null. */
    static long[] maxLineSize(SQLException e) {
        Matcher m = MAX_LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
    }

    /** The offending value and target type of a plain cast error, or null. */
    static String[] castFailure(SQLException e) {
        Matcher m = CAST.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    static String cannotParse(String value, String type) {
        return "cannot parse '" + value + "' as " + (NUMBER_TYPES.contains(type) ? "a number" : type);
    }

    static String fieldCount(String expected, String found) {
        long exp = Long.parseLong(expected);
        long got = Long.parseLong(found);
        return "expected " + exp + " fields, found " + got + (got > exp ? " (too many)" : " (too few)");
    }

    /** DuckDB's first line, without the error-class prefix. */
    static String firstLine(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }

    /** The line after "Original Line:", which says what is wrong with it. */
    private static String explanation(String msg) {
        String[] lines = msg.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("Original Line:") && !lines[i + 1].isBlank()) {
                return lines[i + 1].trim();
            }
        }
        return lines[0].trim();
    }
}
