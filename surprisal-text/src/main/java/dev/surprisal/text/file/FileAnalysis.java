// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * A file's information content three ways, side by side: {@code ent}'s order-0 statistics over the
 * whole file; Miller–Madow conditional entropies H_k for k = 0…3 and an adaptive PPM-C order-2 code
 * length; and the sizes real compressors reach. The models see the whole file when it has at most
 * {@link Options#modelBytes()} bytes (default 8 MiB), else a {@link FileSample} of seeded 1 MiB
 * blocks, so that a 1 GB file stays interactive; the codecs then compress each block on its own and
 * report an estimate with a range ({@link CodecEstimate}), unless {@link Options#exactCodecs()} asks
 * for the real sizes of the whole file. The models, the codecs (and their blocks) and ent's pass run
 * in parallel on {@link Options#threads()} threads; the results do not depend on the thread count.
 */
public final class FileAnalysis {
    /** Default bytes the models see before sampling. */
    public static final int DEFAULT_MODEL_BYTES = 8 << 20;

    /**
     * What to compute.
     *
     * @param modelBytes  files larger than this are sampled in {@code modelBytes / 1 MiB} seeded blocks
     *                    (the CLI's {@code --model-bytes})
     * @param codecs      whether to run the real compressors
     * @param exactCodecs compress the whole file with each codec, even when the models are sampled
     * @param seed        seed of the sampled blocks
     * @param threads     worker threads
     */
    public record Options(int modelBytes, boolean codecs, boolean exactCodecs, long seed, int threads) {
        /**
         * Validates; the names are the CLI's fields, which the CLI shows as its options.
         *
         * @param modelBytes the most bytes the models see before sampling, ≥ 1
         * @param codecs whether to run the real compressors
         * @param exactCodecs whether the codecs compress the whole file when the models are sampled
         * @param seed the seed of the sampled blocks
         * @param threads worker threads, ≥ 1
         */
        public Options {
            if (modelBytes < 1) {
                throw new ValidationException("modelBytes: must be >= 1, got " + modelBytes);
            }
            if (threads < 1) {
                throw new ValidationException("threads: must be >= 1, got " + threads);
            }
        }

        /**
         * 8 MiB, codecs estimated when sampled, seed 1, one thread per core.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(DEFAULT_MODEL_BYTES, true, false, 1, Runtime.getRuntime().availableProcessors());
        }

        /**
         * With another model budget.
         *
         * @param n the models' byte budget, ≥ 1
         * @return a copy with that budget
         */
        public Options withModelBytes(int n) {
            return new Options(n, codecs, exactCodecs, seed, threads);
        }

        /**
         * With or without the codecs, and with their real sizes on the whole file or not.
         *
         * @param run whether to run the codecs
         * @param exact whether they compress the whole file
         * @return a copy with those settings
         */
        public Options withCodecs(boolean run, boolean exact) {
            return new Options(modelBytes, run, exact, seed, threads);
        }

        /**
         * With another seed for the sample.
         *
         * @param s the seed of the sampled blocks
         * @return a copy with that seed
         */
        public Options withSeed(long s) {
            return new Options(modelBytes, codecs, exactCodecs, s, threads);
        }

        /**
         * With another thread count.
         *
         * @param n worker threads, ≥ 1
         * @return a copy with that many
         */
        public Options withThreads(int n) {
            return new Options(modelBytes, codecs, exactCodecs, seed, n);
        }
    }

    private final Path file;
    private final EntAnalysis ent;
    private final FileSample sample;
    private final ConditionalEntropy.Estimate[] conditional;
    private final double ppmBits;
    private final Map<CompressedSizes.Codec, CodecEstimate> compressed;

    private FileAnalysis(Path file, EntAnalysis ent, FileSample sample, ConditionalEntropy.Estimate[] conditional,
                         double ppmBits, Map<CompressedSizes.Codec, CodecEstimate> compressed) {
        this.file = file;
        this.ent = ent;
        this.sample = sample;
        this.conditional = conditional;
        this.ppmBits = ppmBits;
        this.compressed = compressed;
    }

    /**
     * Full analysis with the default options.
     *
     * @param file a regular file
     * @return its analysis
     */
    public static FileAnalysis of(Path file) {
        return of(file, Options.defaults(), n -> { });
    }

    /**
     * The number of progress steps {@link #of(Path, Options, LongConsumer)} reports for a file of
     * {@code size} bytes: one for ent's pass, one per model, one per codec and block.
     *
     * @param size the file's size in bytes
     * @param o what will be computed
     * @return the number of progress steps
     */
    public static long steps(long size, Options o) {
        long blocks = size <= o.modelBytes() ? 1 : Math.max(1, o.modelBytes() / FileSample.BLOCK);
        long codecs = o.codecs() ? CompressedSizes.Codec.values().length * (o.exactCodecs() ? 1 : blocks) : 0;
        return 1 + (ConditionalEntropy.MAX_ORDER + 1) + 1 + codecs;
    }

    /**
     * Analysis of {@code file}.
     *
     * @param file     the file
     * @param o        what to compute
     * @param progress called with 1 after each of the {@link #steps} steps, from any thread
     * @return the analysis
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static FileAnalysis of(Path file, Options o, LongConsumer progress) {
        FileSample sample = FileSample.read(file, o.modelBytes(), o.seed());
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "surprisal-file");
            t.setDaemon(true);
            return t;
        });
        try {
            // longest first: the PPM model, then the codecs, then the k-gram counts
            Future<Double> ppm = pool.submit(() -> step(progress,
                    AdaptiveContextModel.ppmc(2, true).codeLengthBits(sample.data())));
            Map<CompressedSizes.Codec, List<Future<Long>>> sizes = new EnumMap<>(CompressedSizes.Codec.class);
            if (o.codecs()) {
                for (CompressedSizes.Codec c : CompressedSizes.Codec.values()) {
                    List<Future<Long>> parts = new ArrayList<>();
                    if (o.exactCodecs() && sample.sampled()) {
                        parts.add(pool.submit(() -> step(progress, CompressedSizes.size(c, file))));
                    } else if (!sample.sampled()) {
                        parts.add(pool.submit(() -> step(progress, CompressedSizes.size(c, sample.data()))));
                    } else {
                        for (int b = 0; b < sample.blocks(); b++) {
                            int bb = b;
                            parts.add(pool.submit(() -> step(progress, CompressedSizes.size(c, sample.block(bb)))));
                        }
                    }
                    sizes.put(c, parts);
                }
            }
            List<Future<ConditionalEntropy.Estimate>> h = new ArrayList<>();
            for (int k = ConditionalEntropy.MAX_ORDER; k >= 0; k--) {
                int kk = k;
                h.add(0, pool.submit(() -> step(progress, ConditionalEntropy.estimate(sample.data(), kk))));
            }
            // on the same pool as the models and codecs, so the whole analysis uses at most o.threads() threads
            EntAnalysis ent = step(progress, EntAnalysis.of(file, pool));
            ConditionalEntropy.Estimate[] hk = new ConditionalEntropy.Estimate[h.size()];
            for (int k = 0; k < hk.length; k++) {
                hk[k] = h.get(k).get();
            }
            Map<CompressedSizes.Codec, CodecEstimate> out = new LinkedHashMap<>();
            for (Map.Entry<CompressedSizes.Codec, List<Future<Long>>> e : sizes.entrySet()) {
                long[] parts = new long[e.getValue().size()];
                for (int b = 0; b < parts.length; b++) {
                    parts[b] = e.getValue().get(b).get();
                }
                out.put(e.getKey(), sample.sampled() && !o.exactCodecs()
                        ? CodecEstimate.fromBlocks(e.getKey(), sample.lengths(), parts, sample.fileBytes())
                        : CodecEstimate.exact(e.getKey(), sample.fileBytes(), parts[0]));
            }
            return new FileAnalysis(file, ent, sample, hk, ppm.get(), Collections.unmodifiableMap(out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing " + file, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T step(LongConsumer progress, T result) {
        progress.accept(1);
        return result;
    }

    /**
     * @return the file analysed
     */
    public Path file() {
        return file;
    }

    /**
     * ent's statistics over the whole file.
     *
     * @return ent's statistics over the whole file
     */
    public EntAnalysis ent() {
        return ent;
    }

    /**
     * The bytes the models and codecs saw: the whole file or seeded blocks of it.
     *
     * @return the bytes the models and codecs saw
     */
    public FileSample sample() {
        return sample;
    }

    /**
     * Bytes the models saw (the whole file unless {@link FileSample#sampled()}).
     *
     * @return the number of bytes the models saw
     */
    public int modelBytes() {
        return sample.data().length;
    }

    /**
     * Miller–Madow H(X_t | previous k bytes) on the models' bytes with its sample-size facts, k = 0…3;
     * print the value only when {@link ConditionalEntropy.Estimate#estimable()}. On a sample the
     * blocks are concatenated: at most k·(blocks − 1) of the counted strings cross a block boundary.
     *
     * @param k the context length in bytes, 0 to 3
     * @return the estimate with N and the distinct (k+1)-grams
     */
    public ConditionalEntropy.Estimate conditionalEntropy(int k) {
        return conditional[k];
    }

    /**
     * PPM-C order-2 (with exclusion) adaptive code length of the models' bytes, in bits per byte.
     *
     * @return the code length in bits per byte
     */
    public double ppmOrder2BitsPerByte() {
        return modelBytes() == 0 ? 0 : ppmBits / modelBytes();
    }

    /**
     * Each codec's size, exact or estimated, in {@link CompressedSizes.Codec} order (empty if codecs were not run).
     *
     * @return each codec's size, in {@link CompressedSizes.Codec} order
     */
    public Map<CompressedSizes.Codec, CodecEstimate> compressedSizes() {
        return compressed;
    }

    /**
     * Compressed size as bits per input byte (the estimate's central value when sampled).
     *
     * @param codec a codec that ran
     * @return its compressed size in bits per input byte
     */
    public double bitsPerByte(CompressedSizes.Codec codec) {
        CodecEstimate c = compressed.get(codec);
        if (c == null) {
            throw new IllegalStateException("codec: " + codec + " was not run");
        }
        return c.rate();
    }

    /**
     * Whether the codec sizes are estimates from the sampled blocks (not {@link Options#exactCodecs()}).
     *
     * @return true when the codec sizes are estimates from sampled blocks
     */
    public boolean codecsSampled() {
        return compressed.values().stream().anyMatch(CodecEstimate::estimated);
    }

    /**
     * The codec with the smallest output, or null when none ran.
     *
     * @return the best codec, or null
     */
    public CompressedSizes.Codec bestCodec() {
        return compressed.values().stream().min(java.util.Comparator.comparingDouble(CodecEstimate::rate))
                .map(CodecEstimate::codec).orElse(null);
    }

    /**
     * One line saying what the models and codecs saw, e.g. "8 seeded 1 MiB blocks (seed 1), 8388608 of 1073741824 bytes".
     *
     * @return the description, one line
     */
    public String sampleDescription() {
        if (!sample.sampled()) {
            return "the whole file";
        }
        int len = sample.lengths()[0];
        return String.format(Locale.ROOT, "%d seeded %s block%s (seed %d), %d of %d bytes", sample.blocks(),
                len == FileSample.BLOCK ? "1 MiB" : len + "-byte", sample.blocks() == 1 ? "" : "s",
                sample.seed(), modelBytes(), sample.fileBytes());
    }

    /**
     * A plain-language reading of the numbers: how close each codec comes to which bound, and
     * why order-0 entropy is not the limit for structured data such as text.
     *
     * @return the reading, in plain words
     */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        double h0 = ent.entropyBitsPerByte();
        sb.append(String.format(Locale.ROOT,
                "Order-0 entropy is %.3f bits/byte: the best any code can do if every byte were drawn independently "
                        + "from the file's byte frequencies (ent's \"optimum compression\" of %d%% assumes exactly that).%n",
                h0, ent.optimumReductionPercent()));
        for (int k = 1; k <= ConditionalEntropy.MAX_ORDER; k++) {
            ConditionalEntropy.Estimate c = conditional[k];
            if (c.estimable()) {
                sb.append(String.format(Locale.ROOT, "Knowing the previous %d byte%s leaves %.3f bits/byte "
                        + "(Miller-Madow estimate from %d bytes, %d distinct %d-byte strings).%n", k, k == 1 ? "" : "s",
                        c.bitsPerByte(), c.positions(), c.distinctGrams(), k + 1));
            } else {
                sb.append(String.format(Locale.ROOT, "H(X | previous %d bytes) is not estimable from %d bytes: it needs "
                        + "%d bytes per distinct %d-byte string (%d seen), else the estimate falls far below the truth.%n",
                        k, modelBytes(), ConditionalEntropy.MIN_BYTES_PER_GRAM, k + 1, c.distinctGrams()));
            }
        }
        sb.append(String.format(Locale.ROOT,
                "An adaptive order-2 context model (PPM-C), which pays for learning as it goes, needs %.3f bits/byte: "
                        + "an achievable code length.%n", ppmOrder2BitsPerByte()));
        if (!compressed.isEmpty()) {
            for (CodecEstimate e : compressed.values()) {
                double bpb = e.rate();
                sb.append(String.format(Locale.ROOT, "  %-16s %s%10d bytes  %.3f bits/byte  (%s order-0 bound by %.3f)%n",
                        e.codec().label(), e.estimated() ? "about " : "", e.bytes(), bpb,
                        bpb < h0 ? "beats the" : "misses the", Math.abs(h0 - bpb)));
            }
            CompressedSizes.Codec best = bestCodec();
            double bestRate = bitsPerByte(best);
            boolean anyBeats = compressed.values().stream().anyMatch(e -> e.rate() < h0);
            sb.append(String.format(Locale.ROOT,
                    "Smallest output: %s at %.3f bits/byte, %s the adaptive order-2 model (%.3f). %s%n", best.label(),
                    bestRate, bestRate < ppmOrder2BitsPerByte() ? "below" : "above", ppmOrder2BitsPerByte(), anyBeats
                            ? "Codecs beat order-0 entropy here by exploiting context (bzip2's block sort, xz's and "
                            + "zstd's long matches) that the i.i.d. model cannot see."
                            : CodecShortfall.reason(ent, conditional[1], compressed.values())));
        }
        if (sample.sampled()) {
            sb.append(String.format(Locale.ROOT, "The models%s saw %s, one at a random place in each of %d equal "
                    + "parts of the file; ent's statistics cover every byte.%n", codecsSampled() ? " and codecs" : "",
                    sampleDescription(), sample.blocks()));
            if (codecsSampled()) {
                sb.append("Each block was compressed on its own: the codec sizes are estimates, with a 95% interval "
                        + "from how much the blocks differ. A block cannot point back to a repeat in another block, so "
                        + "on a file with repeats more than 1 MiB apart xz and zstd --long do better than estimated; "
                        + "--exact-codecs compresses the whole file.\n");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "FileAnalysis[" + file + ", H0=" + ent.entropyBitsPerByte() + ", Hk=" + Arrays.toString(conditional)
                + ", ppm2=" + ppmOrder2BitsPerByte() + ", sizes=" + compressed + "]";
    }
}
