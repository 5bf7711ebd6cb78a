// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;

/**
 * The five statistics of Fourmilab's {@code ent} (John Walker, 1996–2008, "ENT: A Pseudorandom
 * Number Sequence Test Program") in byte mode, computed so that {@link #terse()} and
 * {@link #report()} print exactly what Debian's {@code ent} 1.2 prints for the same bytes.
 *
 * <ul>
 * <li><b>Entropy</b> H₀ = Σ p_b·log₂(1/p_b) in bits per byte over the 256 byte values — the
 *     order-0 (i.i.d. bytes) bound only; text compresses far below it (see {@link FileAnalysis}).</li>
 * <li><b>Chi-square</b> Σ (n_b − N/256)²/(N/256) with 255 degrees of freedom, and its upper tail
 *     p by ent's own approximation ({@link ChiSquareTail}).</li>
 * <li><b>Arithmetic mean</b> of the byte values (127.5 for random bytes).</li>
 * <li><b>Monte Carlo π</b>: consecutive 6-byte groups are a 24-bit x and a 24-bit y; π ≈ 4·hits/groups
 *     where a hit is x² + y² ≤ (256³ − 1)². NaN when the input has fewer than 6 bytes (ent prints
 *     {@code -nan}).</li>
 * <li><b>Serial correlation</b>, lag 1 and circular (the last byte pairs with the first):
 *     (N·Σx_i x_{i+1} − (Σx)²)/(N·Σx² − (Σx)²); {@link #serialCorrelationDefined()} is false
 *     when the denominator is 0, where ent reports "undefined" and terse mode prints −100000.</li>
 * </ul>
 * All sums are exact integers, so the parallel chunked reader gives bit-identical results.
 *
 * <p>This class and {@code ByteStreamStats} use no lambdas and no {@code +} on strings: {@code surprisal
 * file --terse} is a one-shot command, and each invokedynamic's first run spins method-handle classes at
 * run time (30-100 ms of CPU under load for {@link #terse()}'s concatenation; docs/benchmarks.md, terse18).
 */
public final class EntAnalysis {
    /** ent's sentinel for an undefined serial correlation. */
    public static final double UNDEFINED_CORRELATION = -100000;
    private static final double PI = 3.14159265358979323846;
    private static final double LOG2_OF_10 = 3.32192809488736234787;
    /** Bytes per parallel chunk: 24 MiB, a multiple of the fused loop's 24 bytes (and so of 6). */
    private static final long CHUNK = (long) ByteStreamStats.STEP << 20;
    /** Bytes per read: 192 KiB, a multiple of 24, small enough to stay in L2 beside the pair counters. */
    private static final int BLOCK = ByteStreamStats.STEP << 13;

    private final long[] counts;
    private final long n;
    private final double entropy;
    private final double chiSquare;
    private final double chiSquareP;
    private final double mean;
    private final double monteCarloPi;
    private final double serialCorrelation;

    private EntAnalysis(ByteStreamStats s) {
        this.counts = s.counts.clone();
        this.n = s.n;
        // each expression mirrors ent's order of floating-point operations
        double sum = 0;
        double sumSq = 0;
        for (int b = 0; b < 256; b++) {
            sum += (double) b * counts[b];
            sumSq += (double) b * b * counts[b];
        }
        double t1 = s.lagProducts + (n == 0 ? 0 : (double) s.last * s.first);
        double t2 = sum * sum;
        double den = n * sumSq - t2;
        this.serialCorrelation = den == 0.0 ? UNDEFINED_CORRELATION : (n * t1 - t2) / den;
        double expected = n / 256.0;
        double chi = 0;
        double data = 0;
        double[] prob = new double[256];
        for (int b = 0; b < 256; b++) {
            double a = counts[b] - expected;
            prob[b] = ((double) counts[b]) / n;
            chi += (a * a) / expected;
            data += ((double) b) * counts[b];
        }
        double h = 0;
        for (int b = 0; b < 256; b++) {
            if (prob[b] > 0.0) {
                h += prob[b] * (LOG2_OF_10 * Math.log10(1 / prob[b]));
            }
        }
        this.entropy = h;
        this.chiSquare = chi;
        this.chiSquareP = ChiSquareTail.upperTail(chi, 255);
        this.mean = data / n;
        this.monteCarloPi = 4.0 * (((double) s.monteHits) / s.monteTries);
    }

    /**
     * Analyses an in-memory byte array.
     *
     * @param bytes the bytes
     * @return ent's statistics of them
     */
    public static EntAnalysis of(byte[] bytes) {
        if (bytes == null) {
            throw new ValidationException("bytes: is null");
        }
        ByteStreamStats s = new ByteStreamStats();
        s.add(bytes, 0, bytes.length);
        return new EntAnalysis(s.finish());
    }

    /**
     * Analyses a file on every available processor (or, when called from a fork-join task, on that
     * task's pool, so {@code Parallelism.call} limits it); results are identical to a sequential pass.
     *
     * @param file the file
     * @return the analysis
     * @throws UncheckedIOException when the file cannot be read
     */
    public static EntAnalysis of(Path file) {
        if (ForkJoinTask.inForkJoinPool()) {
            return of(file, ForkJoinTask.getPool());
        }
        return of(file, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Analyses a file on {@code threads} threads of its own: chunks of 24 MiB, each read in 192 KiB blocks and
     * counted in one fused pass ({@code ByteStreamStats}); results are identical to a sequential pass.
     *
     * @param file    the file
     * @param threads worker threads, at least 1
     * @return the analysis
     * @throws ValidationException  if {@code threads < 1}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static EntAnalysis of(Path file, int threads) {
        if (threads < 1) {
            throw new ValidationException(String.format(Locale.ROOT, "threads: must be at least 1, got %d", threads));
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return of(file, pool);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Analyses a file as {@link #of(Path)}, its chunks read by {@code executor}'s threads. The
     * calling thread only waits, so it must not be one of {@code executor}'s threads unless that
     * executor is a fork-join pool (whose waiting threads help).
     *
     * @param file     the file
     * @param executor where the chunks are read
     * @return the analysis
     * @throws UncheckedIOException when the file cannot be read
     */
    public static EntAnalysis of(Path file, ExecutorService executor) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            List<Future<ByteStreamStats>> tasks = new ArrayList<>();
            for (long start = 0; start < size; start += CHUNK) {
                long from = start;
                long to = Math.min(size, start + CHUNK);
                tasks.add(executor.submit(new RangeTask(file, ch, from, to)));
            }
            ByteStreamStats total = new ByteStreamStats();
            for (Future<ByteStreamStats> t : tasks) {
                total.append(t.get());
            }
            return new EntAnalysis(total.finish());
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT, "%s: %s", file, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.format(Locale.ROOT, "interrupted while reading %s", file), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(String.format(Locale.ROOT, "%s: %s", file, c.getMessage()), c));
        }
    }

    /**
     * One chunk's read, a plain class rather than a lambda (or a record, whose methods are bootstrapped
     * the same way): a capturing lambda's first use spins method-handle classes at run time, start-up
     * work on the one-shot command's path (docs/benchmarks.md, terse18).
     */
    private static final class RangeTask implements Callable<ByteStreamStats> {
        private final Path file;
        private final FileChannel ch;
        private final long from;
        private final long to;

        RangeTask(Path file, FileChannel ch, long from, long to) {
            this.file = file;
            this.ch = ch;
            this.from = from;
            this.to = to;
        }

        @Override
        public ByteStreamStats call() {
            return readRange(file, ch, from, to);
        }
    }

    /**
     * Reads {@code [from, to)} with positional reads into a small direct buffer that stays in the
     * core's L2 cache beside the 256 KiB pair counters, and counts each block as it arrives. Not
     * memory-mapped: a mapped chunk is read from DRAM through 4 KiB pages, which cost about 0.6 ns
     * per byte of user time before any counting (0.15 s per 256 MiB, against 0.03–0.07 s for
     * pread's copy into the buffer and the loads from it; the whole pass 0.41–0.49 s mapped,
     * 0.22–0.24 s read; docs/benchmarks.md, file16); a 1 MiB buffer no longer fits in L2 beside
     * the counters and was nearly as slow as the mapping.
     */
    private static ByteStreamStats readRange(Path file, FileChannel ch, long from, long to) {
        ByteStreamStats s = new ByteStreamStats();
        ByteBuffer buf = ByteBuffer.allocateDirect(BLOCK);
        try {
            for (long at = from; at < to; ) {
                buf.clear().limit((int) Math.min(BLOCK, to - at));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, at + buf.position()) < 0) {
                        throw new IOException("the file changed (shrank?) while it was read; "
                                + "run again when nothing is writing it");
                    }
                }
                s.add(buf, 0, buf.position());
                at += buf.position();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT, "%s: %s", file, e.getMessage()), e);
        }
        return s.finish();
    }

    /**
     * Number of bytes analysed.
     *
     * @return the number of bytes analysed
     */
    public long bytes() {
        return n;
    }

    /**
     * Occurrences of byte value {@code b} (0–255).
     *
     * @param b a byte value, 0 to 255
     * @return its number of occurrences
     */
    public long count(int b) {
        return counts[b];
    }

    /**
     * Order-0 entropy in bits per byte (0 for an empty input).
     *
     * @return H₀ in bits per byte
     */
    public double entropyBitsPerByte() {
        return entropy;
    }

    /**
     * ent's "optimum compression would reduce the size by X percent": ⌊100·(8 − H₀)/8⌋, truncated toward 0.
     *
     * @return the percentage, as ent prints it
     */
    public int optimumReductionPercent() {
        return (short) (100 * (8 - entropy) / 8.0);
    }

    /**
     * The chi-square statistic against a uniform byte distribution (NaN for an empty input).
     *
     * @return the χ² statistic
     */
    public double chiSquare() {
        return chiSquare;
    }

    /**
     * Upper-tail probability of {@link #chiSquare()} at 255 degrees of freedom, by ent's approximation.
     *
     * @return the probability, in [0, 1]
     */
    public double chiSquareP() {
        return chiSquareP;
    }

    /**
     * Arithmetic mean byte value (NaN for an empty input).
     *
     * @return the mean byte value
     */
    public double mean() {
        return mean;
    }

    /**
     * Monte Carlo estimate of π; NaN (documented, as ent's -nan) for fewer than 6 bytes.
     *
     * @return the estimate of π
     */
    public double monteCarloPi() {
        return monteCarloPi;
    }

    /**
     * ent's Monte Carlo error, 100·|π − estimate|/π percent.
     *
     * @return the error, in percent
     */
    public double monteCarloErrorPercent() {
        return 100.0 * (Math.abs(PI - monteCarloPi) / PI);
    }

    /**
     * Whether the serial correlation is defined (not all bytes equal, input non-empty).
     *
     * @return true when the serial correlation is defined
     */
    public boolean serialCorrelationDefined() {
        return serialCorrelation >= -99999;
    }

    /**
     * Circular lag-1 serial correlation coefficient, or {@link #UNDEFINED_CORRELATION}.
     *
     * @return the coefficient, in [−1, 1], or {@link #UNDEFINED_CORRELATION}
     */
    public double serialCorrelation() {
        return serialCorrelation;
    }

    /**
     * The two lines of {@code ent -t}, each ending in a newline.
     *
     * @return the two lines of {@code ent -t}
     */
    public String terse() {
        // a StringBuilder, not `+`: javac compiles `+` to an invokedynamic whose first run spins the
        // StringConcatFactory's method handles, 30-100 ms of CPU on the one-shot command's serial path
        // (docs/benchmarks.md, terse18)
        return new StringBuilder(160).append("0,File-bytes,Entropy,Chi-square,Mean,Monte-Carlo-Pi,Serial-Correlation\n")
                .append("1,").append(n).append(',').append(c(entropy, 6)).append(',').append(c(chiSquare, 6))
                .append(',').append(c(mean, 6)).append(',').append(c(monteCarloPi, 6)).append(',')
                .append(c(serialCorrelation, 6)).append('\n').toString();
    }

    /**
     * The report plain {@code ent} prints.
     *
     * @return the report plain {@code ent} prints
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("Entropy = ").append(c(entropy, 6)).append(" bits per byte.\n");
        sb.append("\nOptimum compression would reduce the size\n");
        sb.append("of this ").append(n).append(" byte file by ").append(optimumReductionPercent())
                .append(" percent.\n\n");
        sb.append("Chi square distribution for ").append(n).append(" samples is ").append(c(chiSquare, 2))
                .append(", and randomly\n");
        if (chiSquareP < 0.0001) {
            sb.append("would exceed this value less than 0.01 percent of the times.\n\n");
        } else if (chiSquareP > 0.9999) {
            sb.append("would exceed this value more than than 99.99 percent of the times.\n\n");
        } else {
            sb.append("would exceed this value ").append(c(chiSquareP * 100, 2)).append(" percent of the times.\n\n");
        }
        sb.append("Arithmetic mean value of data bytes is ").append(c(mean, 4)).append(" (127.5 = random).\n");
        sb.append("Monte Carlo value for Pi is ").append(c(monteCarloPi, 9)).append(" (error ")
                .append(Double.isNaN(monteCarloPi) ? "nan" : c(monteCarloErrorPercent(), 2)).append(" percent).\n");
        sb.append("Serial correlation coefficient is ");
        if (serialCorrelationDefined()) {
            sb.append(c(serialCorrelation, 6)).append(" (totally uncorrelated = 0.0).\n");
        } else {
            sb.append("undefined (all values equal!).\n");
        }
        return sb.toString();
    }

    /**
     * C's {@code %.Nf}: the exact binary value rounded half-even (glibc), and glibc's spelling
     * of the NaN that 0/0 produces on x86 ({@code -nan}).
     */
    static String c(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "-nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            return s.startsWith("-") ? s : "-".concat(s); // concat: no invokedynamic (terse())
        }
        return s;
    }
}
