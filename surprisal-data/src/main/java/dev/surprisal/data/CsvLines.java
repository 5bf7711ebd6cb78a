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
 * the line ends inside quotes before it. Those are counted from the file when a location is first
 * asked for, and only as far as the furthest record asked for: the scan goes on from where it
 * stopped (the file is reopened there; none is held open between locations), so all the locations
 * of a run cost at most one pass over the file, and a run without an invalid cell costs none. Between quotes the line ends are counted eight bytes at a time.
 *
 * <p>Every {@code "} opens or closes a quoted stretch (a doubled {@code ""} inside a quoted cell
 * closes and reopens it, which leaves the count of line ends inside quotes right). A file that
 * cannot be read again (gone, or compressed other than by gzip) is located as one record a line,
 * {@code r + 2}, which is right unless a quoted cell spans lines.
 */
final class CsvLines implements CellLocator {
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private InputStream in;
    private boolean unreadable;
    private final byte[] buf;
    private int at;
    private int end;
    /** Where the next byte read from the file is, from its start: the scan resumes there when reopened. */
    private long next;
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

    CsvLines(Path file) {
        this(file, BUFFER);
    }

    /** Reading {@code bufferBytes} at a time (tests make it tiny, so quotes and line ends meet its edge). */
    CsvLines(Path file, int bufferBytes) {
        this.file = file;
        this.buf = new byte[Math.max(1, bufferBytes)];
    }

    @Override
    public String where(long row) {
        return "line " + line(row);
    }

    /**
     * The line record {@code row} starts on.
     *
     * @param row the record, from 0 (the first after the header)
     * @return its first line, from 1 (the header's)
     */
    synchronized long line(long row) {
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0, got " + row);
        }
        try {
            scanTo(row);
        } finally {
            // no file held open between locations: resumed from the same byte on the next one
            next -= end - at;
            at = 0;
            end = 0;
            close();
        }
        int k = Arrays.binarySearch(from, 0, changes, row);
        int before = k >= 0 ? k : -k - 2;
        return row + 2 + (before < 0 ? 0 : extras[before]);
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

    /** Scans until the scan is inside record {@code row} or later, or at the end of the file. */
    private void scanTo(long row) {
        while (record < row) {
            if (at == end && !fill()) {
                return;
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
            long feeds = Bytes.lineFeeds(buf, at, quote);
            // no quote before it: each line feed ends a record
            record += feeds;
            at = quote;
            if (at < end) {
                quoted = true;
                at++;
            }
        }
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

    /** Reads the next bytes into the buffer; false at the end of the file or when it cannot be read. */
    private boolean fill() {
        if (unreadable) {
            return false;
        }
        try {
            if (in == null) {
                String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".zst")) {
                    unreadable = true;
                    return false;
                }
                InputStream raw = Files.newInputStream(file);
                in = name.endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : raw;
                in.skipNBytes(next);
            }
            int n = in.readNBytes(buf, 0, buf.length);
            at = 0;
            end = n;
            next += n;
            if (n == 0) {
                close();
                unreadable = true;
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // a location is never worth failing a run for: the rest is located one record a line
            close();
            unreadable = true;
            return false;
        }
    }

    private void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // nothing was written; the stream is done with either way
        }
        in = null;
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
