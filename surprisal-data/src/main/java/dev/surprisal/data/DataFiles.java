// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * What Surprisal checks about a data file before DuckDB reads it: that it is a regular, readable,
 * non-empty file (and if not, what it is: a directory, a named pipe, a device, a symbolic-link
 * loop), that a text file is UTF-8, and, for DuckDB's file functions, the path written so that
 * DuckDB reads exactly that file and not a glob pattern.
 */
public final class DataFiles {
    /** How much of a text file is checked for its encoding up front (the rest DuckDB checks). */
    private static final int SNIFF_BYTES = 1 << 16;

    private DataFiles() {
    }

    /**
     * Checks that {@code file} is a regular, readable, non-empty file.
     *
     * @param file the path as the user gave it
     * @throws DataException naming the path and what it is instead: "no such file", "a directory,
     *                       not a file", "a named pipe (FIFO), not a regular file", "a symbolic link
     *                       loop", "standard input ('-') is not supported", "cannot be read
     *                       (permission denied)", "file is empty"
     */
    public static void requireRegularFile(Path file) {
        String name = file.toString();
        if (name.equals("-")) {
            throw new DataException(file, "reading standard input ('-') is not supported; save the data to a "
                    + "file first (e.g. cat > day.csv)");
        }
        String problem = dev.surprisal.core.PathKind.problem(file);
        if (problem != null) {
            throw new DataException(file, problem.endsWith("not a regular file")
                    ? problem + "; save the data to a file first" : problem);
        }
        try {
            if (Files.size(file) == 0) {
                throw new DataException(file, "file is empty");
            }
        } catch (IOException e) {
            throw new DataException(file, -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a CSV, TSV or JSON file is UTF-8 (with or without a UTF-8 byte-order mark), from
     * its first 64 KiB (DuckDB checks the rest as it reads). Parquet is binary and not checked.
     *
     * @throws DataException naming the encoding found: UTF-16 or UTF-32 (by byte-order mark, or
     *                       NUL bytes between ASCII letters), or the line and byte that is not UTF-8
     */
    static void requireUtf8(Path file, DataFormat format) {
        if (format == DataFormat.PARQUET) {
            return;
        }
        byte[] head;
        try (InputStream in = open(file)) {
            if (in == null) {
                return;
            }
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return; // a corrupt .gz: DuckDB says so with its own message
        }
        String bom = bom(head);
        if (bom != null) {
            throw new DataException(file, "the file is " + bom + " (byte-order mark); Surprisal reads UTF-8: convert "
                    + "it, e.g. iconv -f " + bom + " -t UTF-8 IN > OUT");
        }
        int zeros = 0;
        for (byte b : head) {
            zeros += b == 0 ? 1 : 0;
        }
        if (zeros > 0) {
            boolean utf16 = zeros * 4 >= head.length;
            throw new DataException(file, utf16 ? "the file looks like UTF-16 without a byte-order mark (every other "
                    + "byte is 0); Surprisal reads UTF-8: convert it, e.g. iconv -f UTF-16LE -t UTF-8 IN > OUT"
                    : "the file contains NUL bytes: it is not a text file");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(head.length);
        CoderResult r = d.decode(in, out, head.length < SNIFF_BYTES);
        if (r.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                line += head[i] == '\n' ? 1 : 0;
            }
            throw new DataException(file, line, null, String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X); the "
                    + "file is probably Latin-1 or Windows-1252: convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8 IN > OUT",
                    head[at] & 0xFF), null);
        }
    }

    private static String bom(byte[] b) {
        if (b.length >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE";
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
            return "UTF-32BE";
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return "UTF-16LE";
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return "UTF-16BE";
        }
        return null;
    }

    /** The file's bytes, decompressed for {@code .gz}; null for {@code .zst} (not readable here). */
    static InputStream open(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zst")) {
            return null;
        }
        InputStream in = Files.newInputStream(file);
        return name.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * The line on which a {@code "} opens a quoted field that the file never closes, or -1 (none, or
     * the file is not readable here). DuckDB's sniffer only says it could not read such a file.
     */
    static long unterminatedQuote(Path file) {
        try (InputStream raw = open(file)) {
            if (raw == null) {
                return -1;
            }
            InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
            long line = 1;
            long openedOn = -1;
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '"') {
                    openedOn = openedOn < 0 ? line : -1; // "" inside a quoted field closes and reopens
                } else if (c == '\n') {
                    line++;
                }
            }
            return openedOn;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The first line longer than {@code limit} bytes, as [line number, length], or null; used to
     * report DuckDB's "maximum line size exceeded" at the right line (DuckDB's own number is off).
     */
    static long[] firstLongLine(Path file, long limit) {
        try (InputStream raw = open(file)) {
            if (raw == null) {
                return null;
            }
            InputStream in = raw instanceof GZIPInputStream ? raw : new java.io.BufferedInputStream(raw, 1 << 16);
            byte[] buf = new byte[1 << 16];
            long line = 1;
            long length = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        if (length > limit) {
                            return new long[] {line, length};
                        }
                        line++;
                        length = 0;
                    } else {
                        length++;
                    }
                }
            }
            return length > limit ? new long[] {line, length} : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code path} written for DuckDB's file functions: a string literal in which the glob
     * characters {@code * ? [} are each put in a bracket class ({@code [*]}, {@code [?]}, {@code [[]}),
     * so DuckDB opens exactly this file ({@code glob[1].csv} is not {@code glob1.csv}).
     *
     * @param path the file
     * @return the SQL string literal
     */
    public static String duckDbLiteral(Path path) {
        String p = path.toAbsolutePath().toString();
        StringBuilder b = new StringBuilder(p.length() + 8);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                b.append('[').append(c).append(']');
            } else {
                b.append(c);
            }
        }
        return DuckDbSource.sqlString(b.toString());
    }
}
