// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Real compressed sizes, in bytes, next to the entropy bounds: Deflate (level 9, 32 KiB window),
 * xz (LZMA2 preset 6, 8 MiB dictionary), zstd (level 19 with long-distance matching, 128 MiB
 * window) and bzip2 (900 kB blocks). Sizes include each format's headers, so on inputs of a
 * few hundred bytes they exceed the bound by that fixed overhead.
 */
public final class CompressedSizes {
    /** The codecs, in the order reported. */
    public enum Codec {
        /** {@code java.util.zip} deflate at level 9. */
        DEFLATE_9("deflate -9", 32 << 10),
        /** xz preset 6. */
        XZ_6("xz -6", 8 << 20),
        /** zstd level 19 with long-distance matching. */
        ZSTD_19_LONG("zstd -19 --long", 1 << 27),
        /** bzip2 with 900 kB blocks. */
        BZIP2_9("bzip2 -9", 900_000);

        private final String label;
        private final int window;

        Codec(String label, int window) {
            this.label = label;
            this.window = window;
        }

        /**
         * How far back the codec can refer, in bytes: deflate's 32 KiB window, xz -6's 8 MiB dictionary,
         * zstd --long's 128 MiB window, bzip2's 900 kB block.
         *
         * @return the codec's window, in bytes
         */
        public int window() {
            return window;
        }

        /**
         * How a user would spell this codec on the command line.
         *
         * @return the codec as the command line spells it, e.g. "xz -6"
         */
        public String label() {
            return label;
        }
    }

    private CompressedSizes() {
    }

    /**
     * Compressed size of {@code data} under every codec, in {@link Codec} order.
     *
     * @param data the bytes to compress
     * @return each codec's compressed size in bytes, in {@link Codec} order
     */
    public static Map<Codec, Long> all(byte[] data) {
        Map<Codec, Long> out = new LinkedHashMap<>();
        for (Codec c : Codec.values()) {
            out.put(c, size(c, data));
        }
        return out;
    }

    /**
     * Compressed size of {@code data} in bytes under one codec.
     *
     * @param codec the codec
     * @param data the bytes to compress
     * @return the compressed size in bytes
     */
    public static long size(Codec codec, byte[] data) {
        if (data == null) {
            throw new ValidationException("data: is null");
        }
        if (codec == Codec.DEFLATE_9) {
            return deflate(data);
        }
        try {
            CountingSink sink = new CountingSink();
            try (OutputStream o = open(codec, sink)) {
                o.write(data);
            }
            return sink.count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compressed size of a whole file under one codec, streamed (the file is never held in memory).
     *
     * @param codec the codec
     * @param file  the file
     * @return the compressed size in bytes, headers included
     * @throws UncheckedIOException when the file cannot be read
     */
    public static long size(Codec codec, Path file) {
        CountingSink sink = new CountingSink();
        try (InputStream in = Files.newInputStream(file); OutputStream o = open(codec, sink)) {
            in.transferTo(o);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return sink.count;
    }

    private static OutputStream open(Codec codec, OutputStream sink) throws IOException {
        switch (codec) {
            case DEFLATE_9:
                // the same zlib stream as deflate(byte[]): level 9, header and Adler-32 trailer
                return new DeflaterOutputStream(sink, new Deflater(9), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        def.end();
                    }
                };
            case XZ_6:
                // the cache reuses the 8 MiB dictionary's arrays across the blocks of a sample
                return new XZOutputStream(sink, new LZMA2Options(6), BasicArrayCache.getInstance());
            case ZSTD_19_LONG:
                ZstdOutputStream z = new ZstdOutputStream(sink, 19);
                z.setLong(27);
                return z;
            case BZIP2_9:
                return new BZip2CompressorOutputStream(sink, 9);
            default:
                throw new IllegalStateException("codec: is " + codec); // every Codec has a case above
        }
    }

    /**
     * zstd frame size of {@code data} at {@code level} (no long mode), for small inputs in bulk.
     *
     * @param data the bytes to compress
     * @param level the zstd level
     * @return the zstd frame size in bytes
     */
    public static long zstd(byte[] data, int level) {
        return Zstd.compress(data, level).length;
    }

    private static long deflate(byte[] data) {
        Deflater d = new Deflater(9);
        try {
            d.setInput(data);
            d.finish();
            byte[] buf = new byte[1 << 16];
            long n = 0;
            while (!d.finished()) {
                n += d.deflate(buf);
            }
            return n; // zlib format: includes the 2-byte header and the Adler-32 trailer
        } finally {
            d.end();
        }
    }

    private static final class CountingSink extends ByteArrayOutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
