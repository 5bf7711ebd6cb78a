package dev.surprisal.text.file;

import dev.surprisal.counts.Counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The fastest path to a file's byte histogram and order-0 entropy: 32 MiB chunks counted in
 * parallel, each with positional reads into a 1 MiB buffer and four interleaved sub-histograms
 * (consecutive equal bytes would otherwise serialise on one counter's store-to-load latency).
 */
public final class ByteHistogram {
    private static final int BLOCK = 1 << 20;
    private static final long CHUNK = 32L << 20;

    private ByteHistogram() {
    }

    /** Counts of each byte value 0–255 in {@code file}. */
    public static long[] count(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<ForkJoinTask<long[]>> tasks = new ArrayList<>();
            for (long start = 0; start < size; start += CHUNK) {
                long from = start;
                long to = Math.min(size, start + CHUNK);
                tasks.add(ForkJoinPool.commonPool().submit(() -> countRange(ch, from, to)));
            }
            long[] total = new long[256];
            for (ForkJoinTask<long[]> t : tasks) {
                long[] c = t.join();
                for (int b = 0; b < 256; b++) {
                    total[b] += c[b];
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Counts of each byte value in {@code bytes[off, off+len)}. */
    public static long[] count(byte[] bytes, int off, int len) {
        int[] h = new int[1024];
        long[] out = new long[256];
        int i = off;
        int end = off + len;
        while (i < end) {
            int stop = (int) Math.min(end, i + (1L << 29));
            i = countInto(bytes, i, stop, h);
            fold(h, out);
        }
        return out;
    }

    /** Order-0 entropy Σ p log₂(1/p) in bits per byte of a byte histogram; 0 for an empty one. */
    public static double entropyBits(long[] counts) {
        long n = 0;
        double sumCLogC = 0;
        for (long c : counts) {
            if (c > 0) {
                n += c;
                sumCLogC += c * Math.log(c);
            }
        }
        if (n == 0) {
            return 0;
        }
        return (Math.log(n) - sumCLogC / n) / Math.log(2);
    }

    /** The histogram as core {@link Counts} (for the shared measures). */
    public static Counts asCounts(long[] counts) {
        return Counts.of(counts);
    }

    private static long[] countRange(FileChannel ch, long from, long to) {
        int[] h = new int[1024];
        long[] out = new long[256];
        byte[] buf = new byte[BLOCK];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long pos = from;
        try {
            while (pos < to) {
                bb.clear();
                bb.limit((int) Math.min(BLOCK, to - pos));
                int got = 0;
                while (bb.hasRemaining()) {
                    int r = ch.read(bb, pos + got);
                    if (r < 0) {
                        break;
                    }
                    got += r;
                }
                if (got == 0) {
                    break;
                }
                countInto(buf, 0, got, h);
                pos += got;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fold(h, out);
        return out;
    }

    private static int countInto(byte[] buf, int from, int to, int[] h) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            h[buf[i] & 0xff]++;
            h[256 + (buf[i + 1] & 0xff)]++;
            h[512 + (buf[i + 2] & 0xff)]++;
            h[768 + (buf[i + 3] & 0xff)]++;
        }
        for (; i < to; i++) {
            h[buf[i] & 0xff]++;
        }
        return to;
    }

    private static void fold(int[] h, long[] out) {
        for (int b = 0; b < 256; b++) {
            out[b] += (long) h[b] + h[256 + b] + h[512 + b] + h[768 + b];
        }
        java.util.Arrays.fill(h, 0);
    }
}
