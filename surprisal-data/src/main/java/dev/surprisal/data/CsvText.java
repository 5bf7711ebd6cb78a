package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Reads chosen columns of a CSV or TSV file as the text of each cell, in one pass of Java over its
 * bytes, into dictionary-coded {@link CategoricalColumn}s. This is the fast way into memory for
 * wide files: DuckDB parses 2,000 columns well, but hands each cell to Java through JDBC one string
 * at a time, which costs more than parsing (measured in docs/benchmarks.md).
 *
 * <p>It reads only what it is sure DuckDB reads the same way under {@link TableReader}'s strict
 * dialect (a header line, {@code "} quoting with {@code ""} as the escape, a fixed single-byte
 * delimiter, LF or CRLF line ends, every row as wide as the header, strict UTF-8). An unquoted
 * empty field is missing (NULL), as in DuckDB; a quoted empty one is the empty string. Anything
 * else (a quote inside an unquoted field, text after a closing quote, a bare CR, a blank line
 * before the last row, a row of another width, invalid UTF-8) makes it decline, and the caller
 * reads the file through DuckDB instead, which either reads it or reports the error with its
 * line. So this class never decides what a file means on its own; it only takes a shortcut.
 */
final class CsvText {
    private static final int UTF8_BOM_LENGTH = 3;
    private static final int PROGRESS_EVERY = 4096;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private byte[] field = new byte[256];
    private int length;
    private boolean ascii;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private CsvText(InputStream in) {
        this.in = in;
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
        byte[] b = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            int n;
            while ((n = s.read(b)) > 0) {
                for (int i = 0; i < n; i++) {
                    lines += b[i] == '\n' ? 1 : 0;
                }
            }
        }
        return Math.max(0, lines);
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
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            return Optional.empty();
        }
        try (InputStream s = Files.newInputStream(file)) {
            return Optional.of(new CsvText(s).table((byte) delimiter, names, wanted, progress));
        } catch (Decline d) {
            return Optional.empty();
        }
    }

    private Table table(byte delimiter, List<String> names, int[] wanted, LongConsumer progress)
            throws IOException, Decline {
        int fields = names.size();
        int[] slot = new int[fields];
        java.util.Arrays.fill(slot, -1);
        for (int j = 0; j < wanted.length; j++) {
            slot[wanted[j]] = j;
        }
        Encoder[] columns = new Encoder[wanted.length];
        for (int j = 0; j < wanted.length; j++) {
            columns[j] = new Encoder();
        }
        skipBom();
        if (record(delimiter, null, null) != fields) {
            throw new Decline("header width");
        }
        long rows = 0;
        boolean blank = false;
        while (true) {
            int c = peek();
            if (c < 0) {
                break;
            }
            if (c == '\n' || c == '\r') {
                // blank lines are only skipped at the very end of the file
                next();
                if (c == '\r' && next() != '\n') {
                    throw new Decline("bare CR");
                }
                blank = true;
                continue;
            }
            if (blank) {
                throw new Decline("blank line inside the data");
            }
            if (record(delimiter, slot, columns) != fields) {
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
        if (rows > Integer.MAX_VALUE - 8) {
            throw new Decline("too many rows for memory");
        }
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < wanted.length; j++) {
            out.add(columns[j].column(names.get(wanted[j]), (int) rows));
        }
        return Table.of(out);
    }

    /** Reads one record; returns its field count. Kept fields go to {@code columns[slot[i]]}. */
    private int record(byte delimiter, int[] slot, Encoder[] columns) throws IOException, Decline {
        int i = 0;
        while (true) {
            length = 0;
            ascii = true;
            boolean quoted = false;
            int c = next();
            if (c == '"') {
                quoted = true;
                while (true) {
                    c = next();
                    if (c < 0) {
                        throw new Decline("unterminated quote");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            next();
                        } else {
                            break;
                        }
                    }
                    append(c);
                }
                c = next();
            } else {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                    if (c == '"') {
                        throw new Decline("quote inside an unquoted field");
                    }
                    append(c);
                    c = next();
                }
            }
            if (c == '\r') {
                if (next() != '\n') {
                    throw new Decline("bare CR");
                }
                c = '\n';
            }
            if (c >= 0 && c != delimiter && c != '\n') {
                throw new Decline("text after a closing quote");
            }
            if (slot != null && i < slot.length && slot[i] >= 0) {
                columns[slot[i]].add(quoted || length > 0 ? text() : null);
            }
            i++;
            if (c != delimiter) {
                return i;
            }
        }
    }

    private String text() throws Decline {
        if (ascii) {
            return new String(field, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(field, 0, length));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw new Decline("invalid UTF-8");
        }
    }

    private void append(int c) {
        if (length == field.length) {
            field = java.util.Arrays.copyOf(field, field.length * 2);
        }
        field[length++] = (byte) c;
        ascii &= c < 0x80;
    }

    private void skipBom() throws IOException {
        if (fill() && lim - pos >= UTF8_BOM_LENGTH && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB
                && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += UTF8_BOM_LENGTH;
        }
    }

    private int peek() throws IOException {
        return pos < lim || fill() ? buf[pos] & 0xff : -1;
    }

    private int next() throws IOException {
        return pos < lim || fill() ? buf[pos++] & 0xff : -1;
    }

    /** Refills the buffer when it is used up; false at the end of the file. */
    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        int n = in.readNBytes(buf, 0, buf.length);
        pos = 0;
        lim = Math.max(0, n);
        return lim > 0;
    }

    /** One column's codes in order of first appearance, as {@link CategoricalColumn} keeps them. */
    private static final class Encoder {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> dictionary = new ArrayList<>();
        private int[] codes = new int[1024];
        private int size;

        void add(String label) {
            if (size == codes.length) {
                codes = java.util.Arrays.copyOf(codes, codes.length * 2);
            }
            if (label == null) {
                codes[size++] = CategoricalColumn.MISSING;
                return;
            }
            Integer code = index.get(label);
            if (code == null) {
                code = dictionary.size();
                index.put(label, code);
                dictionary.add(label);
            }
            codes[size++] = code;
        }

        CategoricalColumn column(String name, int rows) {
            return CategoricalColumn.wrap(name, java.util.Arrays.copyOf(codes, rows), dictionary);
        }
    }
}
