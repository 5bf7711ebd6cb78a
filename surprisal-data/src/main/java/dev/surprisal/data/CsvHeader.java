// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a CSV/TSV header line as written in the file, before DuckDB renames anything: a name
 * used twice (compared ignoring case and surrounding spaces) is an error naming both positions (DuckDB would
 * silently trim {@code ' a '} to {@code a} and call the second {@code a_1}); an empty name is named as pandas
 * names it ({@code Unnamed: 4}, not DuckDB's {@code column4}: {@link #named}); and a header that is one column
 * whose name holds another likely delimiter gets a suggestion.
 */
final class CsvHeader {
    /** The longest header line read (names beyond it are not checked). */
    private static final int MAX_HEADER = 1 << 20;
    private static final char[] CANDIDATES = {';', '\t', '|', ','};

    private CsvHeader() {
    }

    /**
     * @param file        the file
     * @param delimiter   the delimiter in use
     * @param explicit    whether the user set the delimiter (then the message says it does not fit this file)
     * @param duckdbNames the column names DuckDB reports (or the header's, before DuckDB has read the file)
     * @param header      the header's names as written, {@link #names} of the file and delimiter, read once by the
     *                    caller; null when they could not be read here (then only the one-column check applies)
     * @throws DataException on a duplicate name (after empty names are named as pandas does), or a one-column header that looks like another delimiter
     */
    static void check(Path file, char delimiter, boolean explicit, List<String> duckdbNames, List<String> header) {
        if (duckdbNames.size() == 1) {
            String only = duckdbNames.get(0);
            for (char c : CANDIDATES) {
                if (c != delimiter && only.indexOf(c) >= 0) {
                    String shown = c == '\t' ? "\\t" : String.valueOf(c);
                    // given explicitly, the delimiter may be meant for another file of the command (drift compare
                    // reads two): say that it does not fit this one, rather than name no column of it
                    throw new DataException(file, 1, null, explicit
                            ? String.format(Locale.ROOT, "the header, split on the delimiter given ('%s'), is one "
                                    + "column '%s', which looks %s-separated: the delimiter given does not fit this "
                                    + "file (its delimiter is '%s')", delimiter == '\t' ? "\\t" : String.valueOf(delimiter),
                                    only, name(c), shown)
                            : String.format(Locale.ROOT, "the header is one column "
                            + "'%s', which looks %s-separated; set the delimiter (--delimiter '%s')", only,
                            name(c), shown), null);
                }
            }
        }
        List<String> names = header;
        if (names == null) {
            return;
        }
        if (names.size() == 1 && names.get(0).isBlank()) {
            // DuckDB reads a file of blank lines as one row of a column it calls column0
            throw new DataException(file, 1, null, "the first line is blank; a CSV file starts with its header "
                    + "(the column names)", null);
        }
        // One rule for every reader (DuckDB, the Java CSV reader, Spark on a local file, which all take their names
        // from here): a header is used as written or refused, never renamed. DuckDB trims ' amount ' to 'amount' and
        // calls a second 'amount' 'amount_1' (pandas: 'amount.1'), so --column amount would silently measure another
        // column than the one written 'amount'; no note can make that safe in a pipeline, and the fix (rename in the
        // header) is the user's one edit. The one exception is an empty name, which names no column a user could
        // mean otherwise: it is named as pandas names it ('Unnamed: 0', the index df.to_csv() writes; named()).
        names = named(names);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // DuckDB's names are case-insensitive and trimmed: "a", "A" and " a " clash
            Integer first = seen.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i + 1);
            if (first != null) {
                String a = names.get(first - 1);
                String b = names.get(i);
                String how = a.equals(b) ? "" : a.strip().equals(b.strip())
                        ? ", '" + b + "': names are compared without surrounding spaces"
                        : ", '" + b + "': names are compared ignoring case and surrounding spaces";
                throw new DataException(file, 1, null, String.format(Locale.ROOT, "the header names column '%s' "
                        + "twice (columns %d and %d%s); rename one of them", a, first, i + 1, how), null);
            }
        }
    }

    /** The prefix of the name pandas gives an empty header cell, followed by its 0-based position. */
    static final String UNNAMED = "Unnamed: ";

    /**
     * The header's names with each empty (blank) name replaced as pandas' {@code read_csv} replaces it:
     * {@code Unnamed: <0-based position>}. {@code df.to_csv('x.csv')} writes the index with an empty name
     * ({@code ,a,b}), which pandas reads back as {@code Unnamed: 0}.
     *
     * @param header the names as written
     * @return the names used, the same list when none is blank
     */
    static List<String> named(List<String> header) {
        if (header.stream().noneMatch(String::isBlank)) {
            return header;
        }
        List<String> out = new ArrayList<>(header);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isBlank()) {
                out.set(i, UNNAMED + i);
            }
        }
        return out;
    }

    private static String name(char c) {
        switch (c) {
            case ';': return "semicolon";
            case '\t': return "tab";
            case '|': return "pipe";
            default: return "comma";
        }
    }

    /** The header's names, split on {@code delimiter} with {@code "} quoting; null if not readable here. */
    static List<String> names(Path file, char delimiter) {
        byte[] head;
        try (InputStream in = DataFiles.open(file)) {
            if (in == null) {
                return null;
            }
            head = in.readNBytes(MAX_HEADER);
        } catch (IOException e) {
            return null;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (c == '\n' || c == '\r') {
                out.add(cur.toString());
                return out;
            } else {
                cur.append(c);
            }
        }
        return head.length < MAX_HEADER ? add(out, cur) : null;
    }

    private static List<String> add(List<String> out, StringBuilder last) {
        out.add(last.toString());
        return out;
    }
}
