// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A text file's bytes tested eight at a time: line ends and quotes are found without a byte loop. */
final class Bytes {
    /** A byte array read as little-endian longs. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;
    /** Eight line feeds. */
    static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    /** Eight double quotes. */
    static final long QUOTES = 0x2222222222222222L;

    private Bytes() {
    }

    /** The high bit of each byte of {@code v} that is zero, and no other bit (exact, no false positives). */
    static long zeroBytes(long v) {
        long t = (v & LOW7) + LOW7;
        return ~(t | v | LOW7);
    }

    /**
     * {@code file} mapped, at most 2 GiB, read little-endian (for the eight-byte scans): the tokeniser reads
     * it and copies it chunk by chunk into buffers of its own, so the file is never copied whole into the
     * heap (docs/benchmarks.md, csvtok12).
     *
     * @throws IOException when the file cannot be read
     */
    static ByteBuffer map(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = c.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("over 2 GiB: " + file);
            }
            ByteBuffer m = size == 0 ? ByteBuffer.allocate(0) : c.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return m.order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** How many bytes of {@code a[from, to)} (little-endian) are line feeds, eight at a time. */
    static long lineFeeds(ByteBuffer a, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            n += Long.bitCount(zeroBytes(a.getLong(i) ^ NEWLINES));
        }
        for (; i < to; i++) {
            n += a.get(i) == '\n' ? 1 : 0;
        }
        return n;
    }

    /**
     * Where the first byte of {@code a[from, to)} (little-endian) that is the byte {@code eight} repeats
     * ({@link #QUOTES}, {@link #NEWLINES}) is, eight at a time; −1 when there is none.
     */
    static int find(ByteBuffer a, int from, int to, long eight) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long z = zeroBytes(a.getLong(i) ^ eight);
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a.get(i) == (byte) eight) {
                return i;
            }
        }
        return -1;
    }

    /** How many bytes of {@code a[from, to)} are line feeds, eight at a time. */
    static long lineFeeds(byte[] a, int from, int to) {
        long n = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            n += Long.bitCount(zeroBytes((long) LONGS.get(a, i) ^ NEWLINES));
        }
        for (; i < to; i++) {
            n += a[i] == '\n' ? 1 : 0;
        }
        return n;
    }
}
