// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Reads chosen columns of a CSV or TSV file as the text of each cell into dictionary-coded
 * {@link CategoricalColumn}s: the file's bytes are read once, one pass copies each kept column's
 * cells into a buffer of its own (with a hash of each), and then each column is coded on its own
 * (columns in parallel, each in its own slot), so a repeated cell costs no object and each
 * distinct cell becomes a String once. This
 * is the fast way into memory for wide files: DuckDB parses 2,000 columns well, but hands each
 * cell to Java through JDBC one string at a time, which costs more than parsing
 * (docs/benchmarks.md).
 *
 * <p>It reads only what it is sure DuckDB reads the same way under {@link TableReader}'s strict
 * dialect (a header line, {@code "} quoting with {@code ""} as the escape, a fixed single-byte
 * delimiter, LF or CRLF line ends, every row as wide as the header, strict UTF-8). An unquoted
 * empty field is missing (NULL), as in DuckDB; a quoted empty one is the empty string. Anything
 * else (a quote inside an unquoted field, text after a closing quote, a bare CR, a blank line
 * before the last row, a row of another width, invalid UTF-8, a file over 2 GiB) makes it
 * decline, and the caller reads the file through DuckDB instead, which either reads it or reports
 * the error with its line. So this class never decides what a file means on its own; it only
 * takes a shortcut.
 */
final class CsvText {
    private static final int UTF8_BOM_LENGTH = 3;
    private static final int PROGRESS_EVERY = 4096;
    /** A kept cell's end when it is missing (an unquoted empty field). */
    private static final int MISSING = Integer.MIN_VALUE;

    private final byte[] b;
    private int pos;

    private CsvText(byte[] bytes) {
        this.b = bytes;
    }

    /** Why the shortcut was not taken; never shown to a user, the DuckDB path takes over. */
    static final class Decline extends Exception {
        private static final long serialVersionUID = 1L;

        Decline(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Estimates the data rows of a file from its line ends (a quoted cell spanning lines counts
     * more than once, so this can only overestimate), reading it once at disk speed.
     */
    static long estimateRows(Path file) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            int n;
            while ((n = s.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    lines += buf[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }

    /**
     * Reads the columns at {@code wanted} positions (header order) of {@code file}.
     *
     * @param file      the CSV or TSV file, already checked by {@link DataFiles}
     * @param delimiter the field delimiter
     * @param names     the names of all fields, in order
     * @param wanted    the positions to keep, ascending
     * @param progress  receives the rows read so far (may be null)
     * @return the columns, or empty when the file needs DuckDB (see the class comment)
     * @throws IOException when the file cannot be read
     */
    static Optional<Table> read(Path file, char delimiter, List<String> names, int[] wanted, LongConsumer progress)
            throws IOException {
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r'
                || Files.size(file) > Integer.MAX_VALUE - 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CsvText(Files.readAllBytes(file)).table((byte) delimiter, names, wanted, progress));
        } catch (Decline d) {
            return Optional.empty();
        }
    }

    private Table table(byte delimiter, List<String> names, int[] wanted, LongConsumer progress) throws Decline {
        int fields = names.size();
        int[] slot = new int[fields];
        Arrays.fill(slot, -1);
        for (int j = 0; j < wanted.length; j++) {
            slot[wanted[j]] = j;
        }
        if (b.length >= UTF8_BOM_LENGTH && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = UTF8_BOM_LENGTH;
        }
        if (record(delimiter, null, null) != fields) {
            throw new Decline("header width");
        }
        // each kept column's cells, copied in order into a buffer of its own
        int lines = 1;
        for (byte x : b) {
            lines += x == '\n' ? 1 : 0;
        }
        Kept[] kept = new Kept[wanted.length];
        for (int j = 0; j < wanted.length; j++) {
            // sized for a row per line, so the arrays are not copied as they grow
            kept[j] = new Kept(lines, (int) Math.min(Integer.MAX_VALUE - 8L, (long) b.length / fields + 16));
        }
        int rows = 0;
        boolean blank = false;
        while (pos < b.length) {
            byte c = b[pos];
            if (c == '\n' || c == '\r') {
                // blank lines are only skipped at the very end of the file
                pos++;
                if (c == '\r' && (pos == b.length || b[pos++] != '\n')) {
                    throw new Decline("bare CR");
                }
                blank = true;
                continue;
            }
            if (blank) {
                throw new Decline("blank line inside the data");
            }
            if (rows == Integer.MAX_VALUE - 8) {
                throw new Decline("too many rows for memory");
            }
            if (record(delimiter, slot, kept) != fields) {
                throw new Decline("row width");
            }
            rows++;
            if (progress != null && rows % PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
        }
        if (blank && fields == 1) {
            throw new Decline("a blank line in a one-column file may be a missing cell");
        }
        if (progress != null) {
            progress.accept(rows);
        }
        int n = rows;
        CategoricalColumn[] out = new CategoricalColumn[wanted.length];
        try {
            // each column coded on its own, in its own slot: nothing depends on the number of threads
            IntStream.range(0, wanted.length).parallel().forEach(j -> {
                out[j] = kept[j].column(names.get(wanted[j]), n);
                kept[j] = null;
            });
        } catch (UncheckedIOException e) {
            throw new Decline("invalid UTF-8");
        }
        return Table.of(List.of(out));
    }

    /** Reads one record from {@code pos}; returns its field count. Kept fields go to {@code kept[slot[i]]}. */
    private int record(byte delimiter, int[] slot, Kept[] kept) throws Decline {
        int i = 0;
        int n = b.length;
        while (true) {
            int start;
            int end;
            int c;
            if (pos < n && b[pos] == '"') {
                start = ++pos;
                boolean escaped = false;
                while (true) {
                    if (pos >= n) {
                        throw new Decline("unterminated quote");
                    }
                    if (b[pos] == '"') {
                        if (pos + 1 < n && b[pos + 1] == '"') {
                            escaped = true;
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    pos++;
                }
                end = escaped ? -pos - 1 : pos;
                pos++;
                c = pos < n ? b[pos++] & 0xff : -1;
            } else {
                start = pos;
                c = -1;
                while (pos < n) {
                    byte x = b[pos++];
                    if (x == delimiter || x == '\n' || x == '\r') {
                        c = x;
                        break;
                    }
                    if (x == '"') {
                        throw new Decline("quote inside an unquoted field");
                    }
                }
                end = c < 0 ? pos : pos - 1;
                if (end == start) {
                    end = MISSING;
                }
            }
            if (c == '\r') {
                if (pos >= n || b[pos++] != '\n') {
                    throw new Decline("bare CR");
                }
                c = '\n';
            }
            if (c != -1 && c != delimiter && c != '\n') {
                throw new Decline("text after a closing quote");
            }
            if (slot != null && i < slot.length && slot[i] >= 0) {
                if (end == MISSING) {
                    kept[slot[i]].add(b, 0, 0, Kept.MISSING_CELL);
                } else if (end < 0) {
                    kept[slot[i]].add(b, start, -end - 1, Kept.ESCAPED_CELL);
                } else {
                    kept[slot[i]].add(b, start, end, Kept.PLAIN_CELL);
                }
            }
            i++;
            if (c != delimiter) {
                return i;
            }
        }
    }

    /**
     * One column's cells: their bytes one after another in a buffer of the column's own (so coding
     * reads memory in order, not the file across rows), where each ends, its kind, and its hash.
     */
    private static final class Kept {
        static final byte PLAIN_CELL = 0;
        static final byte MISSING_CELL = 1;
        /** Quoted with doubled quotes inside: the raw bytes, unescaped when coded. */
        static final byte ESCAPED_CELL = 2;

        private byte[] bytes;
        private int used;
        private int[] end;
        private int[] hash;
        private byte[] kind;
        private int size;

        Kept(int cells, int byteCount) {
            bytes = new byte[Math.max(16, byteCount)];
            end = new int[Math.max(16, cells)];
            hash = new int[end.length];
            kind = new byte[end.length];
        }

        void add(byte[] src, int s, int e, byte k) {
            int n = e - s;
            if (size == end.length) {
                end = Arrays.copyOf(end, 2 * size);
                hash = Arrays.copyOf(hash, 2 * size);
                kind = Arrays.copyOf(kind, 2 * size);
            }
            if (used + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + n));
            }
            System.arraycopy(src, s, bytes, used, n);
            int h = 0x811C9DC5; // FNV-1a, then MurmurHash3's finaliser: short digit strings must not cluster
            for (int i = s; i < e; i++) {
                h = (h ^ src[i]) * 0x01000193;
            }
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
            hash[size] = h ^ (h >>> 16);
            used += n;
            end[size] = used;
            kind[size++] = k;
        }

        /** Codes the cells in order of first appearance; an open-addressing hash of the bytes finds repeats. */
        CategoricalColumn column(String name, int rows) {
            int[] codes = new int[rows];
            int[] slots = new int[Integer.highestOneBit(Math.max(2, rows)) * 4];
            int mask = slots.length - 1;
            List<String> dictionary = new ArrayList<>();
            int[] first = new int[Math.max(1, rows)];
            Map<String, Integer> escaped = null;
            for (int r = 0; r < rows; r++) {
                int s = r == 0 ? 0 : end[r - 1];
                int e = end[r];
                if (kind[r] == MISSING_CELL) {
                    codes[r] = CategoricalColumn.MISSING;
                    continue;
                }
                if (kind[r] == ESCAPED_CELL) {
                    // a quoted cell with doubled quotes: rare, so it gets a String and a map of its own
                    if (escaped == null) {
                        escaped = new HashMap<>();
                    }
                    String text = decode(bytes, s, e).replace("\"\"", "\"");
                    Integer code = escaped.get(text);
                    if (code == null) {
                        code = dictionary.size();
                        escaped.put(text, code);
                        dictionary.add(text);
                    }
                    codes[r] = code;
                    continue;
                }
                int h = hash[r];
                int at = h & mask;
                int code = -1;
                while (slots[at] != 0) {
                    int candidate = slots[at] - 1;
                    int fr = first[candidate];
                    int fs = fr == 0 ? 0 : end[fr - 1];
                    if (hash[fr] == h && end[fr] - fs == e - s && Arrays.equals(bytes, fs, end[fr], bytes, s, e)) {
                        code = candidate;
                        break;
                    }
                    at = (at + 1) & mask;
                }
                if (code < 0) {
                    code = dictionary.size();
                    first[code] = r;
                    slots[at] = code + 1;
                    dictionary.add(decode(bytes, s, e));
                }
                codes[r] = code;
            }
            return CategoricalColumn.wrap(name, codes, dictionary);
        }
    }

    /** The text of {@code b[s, e)}: ASCII directly, anything else strictly as UTF-8. */
    private static String decode(byte[] b, int s, int e) {
        boolean ascii = true;
        for (int k = s; k < e && ascii; k++) {
            ascii = b[k] >= 0;
        }
        if (ascii) {
            return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
