package dev.surprisal.text.file;

import dev.surprisal.core.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * A file's information content three ways, side by side: {@code ent}'s order-0 statistics over the
 * whole file; Miller–Madow conditional entropies H_k for k = 0…3 and an adaptive PPM-C order-2 code
 * length; and the sizes real compressors reach. The model and compressor figures are computed on
 * the first {@link #modelBytes()} bytes (default 16 MiB) so that a 1 GB file stays interactive;
 * every bits-per-byte figure is relative to that prefix.
 */
public final class FileAnalysis {
    /** Default prefix on which models and compressors run. */
    public static final int DEFAULT_MODEL_BYTES = 16 << 20;

    private final Path file;
    private final EntAnalysis ent;
    private final int modelBytes;
    private final ConditionalEntropy.Estimate[] conditional;
    private final double ppmBits;
    private final Map<CompressedSizes.Codec, Long> compressed;

    private FileAnalysis(Path file, EntAnalysis ent, int modelBytes, ConditionalEntropy.Estimate[] conditional, double ppmBits,
                         Map<CompressedSizes.Codec, Long> compressed) {
        this.file = file;
        this.ent = ent;
        this.modelBytes = modelBytes;
        this.conditional = conditional;
        this.ppmBits = ppmBits;
        this.compressed = compressed;
    }

    /** Full analysis with the default model prefix. */
    public static FileAnalysis of(Path file) {
        return of(file, DEFAULT_MODEL_BYTES, true);
    }

    /**
     * Analysis of {@code file}; models and (if {@code compressors}) compressors see its first
     * {@code maxModelBytes} bytes.
     */
    public static FileAnalysis of(Path file, int maxModelBytes, boolean compressors) {
        if (maxModelBytes < 0) {
            throw new ValidationException("maxModelBytes: must be >= 0, got " + maxModelBytes);
        }
        EntAnalysis ent = EntAnalysis.of(file);
        byte[] prefix = readPrefix(file, (int) Math.min(maxModelBytes, ent.bytes()));
        ConditionalEntropy.Estimate[] h = new ConditionalEntropy.Estimate[ConditionalEntropy.MAX_ORDER + 1];
        for (int k = 0; k <= ConditionalEntropy.MAX_ORDER; k++) {
            h[k] = ConditionalEntropy.estimate(prefix, k);
        }
        double ppm = AdaptiveContextModel.ppmc(2, true).codeLengthBits(prefix);
        Map<CompressedSizes.Codec, Long> sizes = compressors ? CompressedSizes.all(prefix) : Collections.emptyMap();
        return new FileAnalysis(file, ent, prefix.length, h, ppm, sizes);
    }

    private static byte[] readPrefix(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** ent's statistics over the whole file. */
    public EntAnalysis ent() {
        return ent;
    }

    /** Bytes of the prefix that the models and compressors saw. */
    public int modelBytes() {
        return modelBytes;
    }

    /**
     * Miller–Madow H(X_t | previous k bytes) on the prefix with its sample-size facts, k = 0…3;
     * print the value only when {@link ConditionalEntropy.Estimate#estimable()}.
     */
    public ConditionalEntropy.Estimate conditionalEntropy(int k) {
        return conditional[k];
    }

    /** PPM-C order-2 (with exclusion) adaptive code length of the prefix, in bits per byte. */
    public double ppmOrder2BitsPerByte() {
        return modelBytes == 0 ? 0 : ppmBits / modelBytes;
    }

    /** Compressed sizes in bytes of the prefix (empty if compressors were not run). */
    public Map<CompressedSizes.Codec, Long> compressedSizes() {
        return compressed;
    }

    /** Compressed size as bits per input byte. */
    public double bitsPerByte(CompressedSizes.Codec codec) {
        Long size = compressed.get(codec);
        if (size == null) {
            throw new IllegalStateException("codec: " + codec + " was not run");
        }
        return modelBytes == 0 ? 0 : 8.0 * size / modelBytes;
    }

    /** The codec with the smallest output, or null when none ran. */
    public CompressedSizes.Codec bestCodec() {
        return compressed.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * A plain-language reading of the numbers: how close each codec comes to which bound, and
     * why order-0 entropy is not the limit for structured data such as text.
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
                        k, modelBytes, ConditionalEntropy.MIN_BYTES_PER_GRAM, k + 1, c.distinctGrams()));
            }
        }
        sb.append(String.format(Locale.ROOT,
                "An adaptive order-2 context model (PPM-C), which pays for learning as it goes, needs %.3f bits/byte: "
                        + "an achievable code length.%n", ppmOrder2BitsPerByte()));
        if (!compressed.isEmpty()) {
            for (Map.Entry<CompressedSizes.Codec, Long> e : compressed.entrySet()) {
                double bpb = bitsPerByte(e.getKey());
                sb.append(String.format(Locale.ROOT, "  %-16s %10d bytes  %.3f bits/byte  (%s order-0 bound by %.3f)%n",
                        e.getKey().label(), e.getValue(), bpb, bpb < h0 ? "beats the" : "misses the",
                        Math.abs(h0 - bpb)));
            }
            CompressedSizes.Codec best = bestCodec();
            double bestRate = bitsPerByte(best);
            sb.append(String.format(Locale.ROOT,
                    "Smallest output: %s at %.3f bits/byte, %s the adaptive order-2 model (%.3f). Codecs beat order-0 "
                            + "entropy by exploiting context (bzip2's block sort, xz's and zstd's long matches) that the "
                            + "i.i.d. model cannot see; on random or already-compressed data nothing beats 8 bits/byte "
                            + "and every codec adds its headers.%n", best.label(), bestRate,
                    bestRate < ppmOrder2BitsPerByte() ? "below" : "above", ppmOrder2BitsPerByte()));
        }
        if (modelBytes < ent.bytes()) {
            sb.append("Models and codecs saw the first ").append(modelBytes).append(" of ").append(ent.bytes())
                    .append(" bytes.\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "FileAnalysis[" + file + ", H0=" + ent.entropyBitsPerByte() + ", Hk=" + Arrays.toString(conditional)
                + ", ppm2=" + ppmOrder2BitsPerByte() + ", sizes=" + compressed + "]";
    }
}
