// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The line each record of a CSV or TSV file starts on. A record is one line unless a quoted cell
 * holds a line end, so record {@code r} (from 0, after the header) starts on line {@code r + 2} plus
 * the line ends inside quotes before it. Those are counted from the file when locations are asked
 * for, and only as far as the furthest record asked for: {@link #where(long[])} locates every row a
 * report needs in one pass (the file opened once, a {@code .gz} decompressed once), and holds no state
 * between calls, so threads never wait on each other; callers that meet their cells in parallel note
 * them in {@link DeferredCells} and locate them together. Between quotes the line ends are counted
 * eight bytes at a time.
 *
 * <p>Every {@code "} opens or closes a quoted stretch (a doubled {@code ""} inside a quoted cell
 * closes and reopens it, which leaves the count of line ends inside quotes right). A file that
 * cannot be read (gone, or compressed other than by gzip) is located as one record a line,
 * {@code r + 2}, which is right unless a quoted cell spans lines.
 */
final class CsvLines implements CellLocator {
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final int bufferBytes;

    CsvLines(Path file) {
        this(file, BUFFER);
    }

    /** Reading {@code bufferBytes} at a time (tests make it tiny, so quotes and line ends meet its edge). */
    CsvLines(Path file, int bufferBytes) {
        this.file = file;
        this.bufferBytes = Math.max(1, bufferBytes);
    }

    @Override
    public String where(long row) {
        return "line " + line(row);
    }

    @Override
    public String[] where(long[] rows) {
        long[] lines = lines(rows);
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = "line " + lines[i];
        }
        return out;
    }

    /**
     * The line record {@code row} starts on.
     *
     * @param row the record, from 0 (the first after the header)
     * @return its first line, from 1 (the header's)
     */
    long line(long row) {
        return lines(new long[] {row})[0];
    }

    /**
     * The lines records {@code rows} start on, in one pass over the file up to the last of them.
     *
     * @param rows the records, from 0, in any order
     * @return their first lines, from 1 (the header's), in the order of {@code rows}
     */
    long[] lines(long[] rows) {
        long last = -1;
        for (long r : rows) {
            if (r < 0) {
                throw new IllegalArgumentException("row must be >= 0, got " + r);
            }
            last = Math.max(last, r);
        }
        long[] out = new long[rows.length];
        if (rows.length == 0) {
            return out;
        }
        Scan scan = new Scan(new byte[bufferBytes]);
        try (InputStream in = open()) {
            if (in != null) {
                scan.to(in, last);
            }
        } catch (IOException | RuntimeException e) {
            // a location is never worth failing a run for: what was not counted is one record a line
        }
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i] + 2 + scan.extraBefore(rows[i]);
        }
        return out;
    }

    /**
     * The file line of a line number that counts records, as DuckDB's CSV errors do (the header is 1,
     * record {@code r} is {@code r + 2}): the same number in a file of one record a line.
     *
     * @param file       the CSV or TSV file
     * @param recordLine the record's number, from 1 for the header
     * @return the line the record starts on in the file
     */
    static long fileLine(Path file, long recordLine) {
        return recordLine < 2 || file == null ? recordLine : new CsvLines(file).line(recordLine - 2);
    }

    /** The file, through gzip for a {@code .gz}; null for one that cannot be read this way ({@code .zst}). */
    private InputStream open() throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zst")) {
            return null;
        }
        InputStream raw = Files.newInputStream(file);
        try {
            return name.endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** One pass's state: where the scan is, and from which record on how many quoted line ends precede. */
    private static final class Scan {
        private final byte[] buf;
        /** Whether the scan is inside a quoted stretch. */
        private boolean quoted;
        /** The record the scan is in: -1 for the header. */
        private long record = -1;
        /** Line ends inside quotes so far. */
        private long extra;
        /** From record {@code from[k]} on, {@code extras[k]} line ends inside quotes come before it. */
        private long[] from = new long[16];
        private long[] extras = new long[16];
        private int changes;

        Scan(byte[] buf) {
            this.buf = buf;
        }

        /** Reads {@code in} until the scan is inside record {@code row} or later, or at its end. */
        void to(InputStream in, long row) throws IOException {
            int at = 0;
            int end = 0;
            while (record < row) {
                if (at == end) {
                    end = in.readNBytes(buf, 0, buf.length);
                    at = 0;
                    if (end == 0) {
                        return;
                    }
                }
                if (quoted) {
                    byte c = buf[at++];
                    if (c == '"') {
                        quoted = false;
                    } else if (c == '\n') {
                        extra++;
                        changed(record + 1);
                    }
                    continue;
                }
                int quote = nextQuote(buf, at, end);
                // no quote before it: each line feed ends a record
                record += Bytes.lineFeeds(buf, at, quote);
                at = quote;
                if (at < end) {
                    quoted = true;
                    at++;
                }
            }
        }

        /** Line ends inside quotes before record {@code row}, as far as the scan counted. */
        long extraBefore(long row) {
            int k = Arrays.binarySearch(from, 0, changes, row);
            int before = k >= 0 ? k : -k - 2;
            return before < 0 ? 0 : extras[before];
        }

        /** From record {@code r} on, {@link #extra} line ends inside quotes come before each record. */
        private void changed(long r) {
            if (changes > 0 && from[changes - 1] == r) {
                extras[changes - 1] = extra;
                return;
            }
            if (changes == from.length) {
                from = Arrays.copyOf(from, 2 * changes);
                extras = Arrays.copyOf(extras, 2 * changes);
            }
            from[changes] = r;
            extras[changes++] = extra;
        }
    }

    /** The first {@code "} in {@code a[from, to)}, or {@code to}. */
    static int nextQuote(byte[] a, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long hit = Bytes.zeroBytes((long) Bytes.LONGS.get(a, i) ^ Bytes.QUOTES);
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '"') {
                return i;
            }
        }
        return to;
    }

}
