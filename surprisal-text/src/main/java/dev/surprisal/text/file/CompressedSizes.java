package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Real compressed sizes, in bytes, next to the entropy bounds: Deflate (level 9, 32 KiB window),
 * xz (LZMA2 preset 6, 8 MiB dictionary), zstd (level 19 with long-distance matching, 128 MiB
 * window) and bzip2 (900 kB blocks). Sizes include each format's headers, so on inputs of a
 * few hundred bytes they exceed the bound by that fixed overhead.
 */
public final class CompressedSizes {
    /** The codecs, in the order reported. */
    public enum Codec {
        DEFLATE_9("deflate -9"), XZ_6("xz -6"), ZSTD_19_LONG("zstd -19 --long"), BZIP2_9("bzip2 -9");

        private final String label;

        Codec(String label) {
            this.label = label;
        }

        /** How a user would spell this codec on the command line. */
        public String label() {
            return label;
        }
    }

    private CompressedSizes() {
    }

    /** Compressed size of {@code data} under every codec, in {@link Codec} order. */
    public static Map<Codec, Long> all(byte[] data) {
        Map<Codec, Long> out = new LinkedHashMap<>();
        for (Codec c : Codec.values()) {
            out.put(c, size(c, data));
        }
        return out;
    }

    /** Compressed size of {@code data} in bytes under one codec. */
    public static long size(Codec codec, byte[] data) {
        if (data == null) {
            throw new ValidationException("data: is null");
        }
        try {
            switch (codec) {
                case DEFLATE_9:
                    return deflate(data);
                case XZ_6:
                    return stream(data, o -> new XZOutputStream(o, new LZMA2Options(6)));
                case ZSTD_19_LONG:
                    return stream(data, o -> {
                        ZstdOutputStream z = new ZstdOutputStream(o, 19);
                        z.setLong(27);
                        return z;
                    });
                case BZIP2_9:
                    return stream(data, o -> new BZip2CompressorOutputStream(o, 9));
                default:
                    throw new IllegalStateException("codec: is " + codec); // every Codec has a case above
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zstd frame size of {@code data} at {@code level} (no long mode), for small inputs in bulk. */
    public static long zstd(byte[] data, int level) {
        return Zstd.compress(data, level).length;
    }

    private interface Wrapper {
        OutputStream wrap(OutputStream o) throws IOException;
    }

    private static long stream(byte[] data, Wrapper w) throws IOException {
        CountingSink sink = new CountingSink();
        try (OutputStream o = w.wrap(sink)) {
            o.write(data);
        }
        return sink.count;
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
