// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;


import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads unsigned-byte IDX files (LeCun's MNIST format, also used by Fashion-MNIST), gzipped or plain:
 * a 4-byte magic {@code 0x00 0x00 0x08 ndim}, then ndim big-endian int dimensions, then the bytes.
 * Images (ndim 3) become pixels scaled to [0, 1]; labels (ndim 1) become ints.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * Images read from an IDX file: {@code count} images of {@code rows × cols} pixels in [0, 1],
     * row-major, image after image.
     */
    public record Images(int count, int rows, int cols, float[] pixels) {
        /**
         * @return rows × cols
         */
        public int pixelsPerImage() {
            return rows * cols;
        }

        /**
         * The first {@code n} images (a copy).
         *
         * @param n how many images, ≥ 1
         * @return the first min(n, count) images
         */
        public Images head(int n) {
            return slice(0, Math.min(n, count));
        }

        /**
         * Images {@code [from, to)} (a copy).
         *
         * @param from the first image, inclusive
         * @param to the last image, exclusive
         * @return those images
         */
        public Images slice(int from, int to) {
            if (from < 0 || to > count || from >= to) {
                throw new IndexOutOfBoundsException("slice: [" + from + ", " + to + ") is not inside [0, " + count + ")");
            }
            int d = pixelsPerImage();
            return new Images(to - from, rows, cols, java.util.Arrays.copyOfRange(pixels, from * d, to * d));
        }
    }

    /**
     * Reads an idx3-ubyte image file.
     *
     * @param file an idx3-ubyte file, plain or gzipped
     * @return its images, pixels in [0, 1]
     * @throws IOException when a file cannot be read
     */
    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3);
            int n = dims[0] * dims[1] * dims[2];
            byte[] raw = readBody(in, file, n);
            float[] px = new float[n];
            for (int i = 0; i < n; i++) {
                px[i] = (raw[i] & 0xff) / 255f;
            }
            return new Images(dims[0], dims[1], dims[2], px);
        }
    }

    /**
     * Reads an idx1-ubyte label file.
     *
     * @param file an idx1-ubyte file, plain or gzipped
     * @return its labels
     * @throws IOException when a file cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1);
            byte[] raw = readBody(in, file, dims[0]);
            int[] labels = new int[dims[0]];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "IDX file not found");
        }
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        // gzip starts with 1f 8b; an IDX file starts with 00 00
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static int[] header(DataInputStream in, Path file, int expectedDims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new CorruptIdxException(file + ": file is shorter than the 4-byte IDX magic number");
        }
        int zeros = magic >>> 16;
        int type = (magic >>> 8) & 0xff;
        int ndim = magic & 0xff;
        if (zeros != 0 || type != UNSIGNED_BYTE || ndim != expectedDims) {
            throw new CorruptIdxException(String.format(
                    "%s: bad IDX magic number 0x%08X; expected 0x%08X (unsigned bytes, %d dimension%s)",
                    file, magic, (UNSIGNED_BYTE << 8) | expectedDims, expectedDims, expectedDims == 1 ? "" : "s"));
        }
        int[] dims = new int[ndim];
        long total = 1;
        for (int i = 0; i < ndim; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new CorruptIdxException(file + ": header ends before dimension " + i);
            }
            if (dims[i] <= 0) {
                throw new CorruptIdxException(file + ": dimension " + i + " is " + dims[i] + " (must be > 0)");
            }
            total *= dims[i];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new CorruptIdxException(file + ": " + total + " entries is more than one array can hold");
        }
        return dims;
    }

    private static byte[] readBody(DataInputStream in, Path file, int n) throws IOException {
        byte[] raw = new byte[n];
        try {
            in.readFully(raw);
        } catch (EOFException e) {
            throw new CorruptIdxException(file + ": truncated: header promises " + n + " bytes of data");
        }
        return raw;
    }

    /** A malformed IDX file: the message names the file and what is wrong with it. */
    public static final class CorruptIdxException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message the file and what is wrong with it
         */
        public CorruptIdxException(String message) {
            super(message);
        }
    }
}
