package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.text.file.ByteHistogram;
import dev.surprisal.text.file.CompressedSizes;
import dev.surprisal.text.file.ConditionalEntropy;
import dev.surprisal.text.file.EntAnalysis;
import dev.surprisal.text.file.FileAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code surprisal file}: entropy of files, ent-compatible, and how far real codecs get below it. */
@Command(name = "file",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Entropy of files: ent's statistics, context models and real compressor sizes.",
        description = {
                "Order-0 entropy (what Fourmilab's ent reports) treats bytes as independent draws; text and",
                "most data compress far below it because bytes depend on their context. This verb prints",
                "ent's five statistics, conditional entropies H(X|previous k bytes) for k = 1, 2, 3",
                "(Miller-Madow corrected; printed only when the file has at least 10 bytes per distinct",
                "(k+1)-byte string, else \"not estimable from N bytes\"), the code length of an adaptive",
                "order-2 context model (PPM-C), and the sizes that",
                "deflate -9, xz -6, zstd -19 --long and bzip2 -9 reach. Models and codecs see the first",
                "--model-bytes of each file (default 16 MiB); ent's statistics always cover the whole file.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal file /usr/share/common-licenses/GPL-3 --explain",
                "  surprisal file --ent random.bin            exactly what `ent random.bin` prints",
                "  surprisal file --terse *.bin               exactly what `ent -t` prints, per file",
                "  surprisal file --order0 big.iso            only order-0 entropy, as fast as the disk"})
public final class FileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to analyse.")
    List<Path> files;

    @Option(names = "--ent", description = "Print ent's report verbatim (byte mode).")
    boolean ent;

    @Option(names = {"-t", "--terse"}, description = "Print ent -t's CSV verbatim.")
    boolean terse;

    @Option(names = "--order0", description = "Only the order-0 entropy (fast parallel byte count).")
    boolean order0;

    @Option(names = "--model-bytes", paramLabel = "N", defaultValue = "16777216",
            description = "Bytes of each file given to the context models and codecs. Default: ${DEFAULT-VALUE}.")
    int maxModelBytes;

    @Option(names = "--no-codecs", description = "Skip the real compressors (they are the slow part).")
    boolean noCodecs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Base base = common.base();
        ArrayNode all = common.json() ? Json.MAPPER.createArrayNode() : null;
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new BadDataException(f + ": not a readable regular file");
            }
            try {
                if (Files.size(f) == 0) {
                    if (common.json()) {
                        all.addObject().put("file", f.toString()).put("bytes", 0).put("empty", true)
                                .put("message", "empty file: there are no bytes to measure");
                    } else {
                        out.printf(Locale.ROOT, "%s: empty file (0 bytes): there are no bytes to measure%n", f);
                    }
                    continue;
                }
                if (order0) {
                    long t0 = System.nanoTime();
                    long[] counts = ByteHistogram.count(f);
                    double h = ByteHistogram.entropyBits(counts);
                    long n = java.util.Arrays.stream(counts).sum();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (common.json()) {
                        ObjectNode o = all.addObject();
                        o.put("file", f.toString()).put("bytes", n).put("entropy", inBase(h, base))
                                .put("unit", base.unit() + " per byte").put("seconds", secs);
                    } else {
                        out.printf(Locale.ROOT, "%s\t%s\t%s per byte\t%d bytes\t%.3f s%n", f, Report.format(inBase(h, base)),
                                base.unit(), n, secs);
                    }
                    continue;
                }
                if (ent || terse) {
                    EntAnalysis a = EntAnalysis.of(f);
                    out.print(terse ? a.terse() : a.report());
                    continue;
                }
                FileAnalysis a = FileAnalysis.of(f, maxModelBytes, !noCodecs);
                if (common.json()) {
                    all.add(json(a, base));
                } else {
                    printPlain(out, a, base);
                }
            } catch (UncheckedIOException e) {
                throw new BadDataException(e.getMessage(), e);
            } catch (java.io.IOException e) {
                throw new BadDataException(f + ": " + e.getMessage(), e);
            }
        }
        if (common.json()) {
            try {
                out.println(Json.MAPPER.writeValueAsString(files.size() == 1 && all.size() == 1 ? all.get(0) : all));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static double inBase(double bits, Base base) {
        return base.fromNats(bits * Math.log(2));
    }

    private void printPlain(PrintWriter out, FileAnalysis a, Base base) {
        EntAnalysis e = a.ent();
        String u = base.unit() + "/byte";
        out.printf(Locale.ROOT, "%s: %d bytes%n", a.file(), e.bytes());
        out.printf(Locale.ROOT, "  entropy, order 0 (ent)       %.6f %s%n", inBase(e.entropyBitsPerByte(), base), u);
        out.printf(Locale.ROOT, "  chi-square (255 df)          %.2f, p = %.4f%n", e.chiSquare(), e.chiSquareP());
        out.printf(Locale.ROOT, "  arithmetic mean              %.4f (127.5 = random)%n", e.mean());
        out.printf(Locale.ROOT, "  Monte Carlo pi               %.9f%n", e.monteCarloPi());
        out.printf(Locale.ROOT, "  serial correlation           %s%n",
                e.serialCorrelationDefined() ? String.format(Locale.ROOT, "%.6f", e.serialCorrelation()) : "undefined (all values equal)");
        for (int k = 1; k <= ConditionalEntropy.MAX_ORDER; k++) {
            ConditionalEntropy.Estimate c = a.conditionalEntropy(k);
            if (c.estimable()) {
                out.printf(Locale.ROOT, "  H(X | previous %d bytes)      %.6f %s (Miller-Madow)%n", k,
                        inBase(c.bitsPerByte(), base), u);
            } else {
                out.printf(Locale.ROOT, "  H(X | previous %d bytes)      not estimable from %d bytes (needs %d per distinct "
                        + "%d-byte string; %d seen)%n", k, a.modelBytes(), ConditionalEntropy.MIN_BYTES_PER_GRAM, k + 1,
                        c.distinctGrams());
            }
        }
        out.printf(Locale.ROOT, "  adaptive PPM-C order 2       %.6f %s (achievable)%n", inBase(a.ppmOrder2BitsPerByte(), base), u);
        for (Map.Entry<CompressedSizes.Codec, Long> c : a.compressedSizes().entrySet()) {
            out.printf(Locale.ROOT, "  %-28s %.6f %s (%d bytes)%n", c.getKey().label(), inBase(a.bitsPerByte(c.getKey()), base), u,
                    c.getValue());
        }
        if (common.explain()) {
            out.print(a.explain());
        }
    }

    private ObjectNode json(FileAnalysis a, Base base) {
        EntAnalysis e = a.ent();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("file", a.file().toString()).put("bytes", e.bytes()).put("unit", base.unit() + " per byte");
        o.put("entropy", inBase(e.entropyBitsPerByte(), base)).put("chiSquare", e.chiSquare())
                .put("chiSquareP", e.chiSquareP()).put("mean", e.mean()).put("monteCarloPi", e.monteCarloPi());
        if (e.serialCorrelationDefined()) {
            o.put("serialCorrelation", e.serialCorrelation());
        } else {
            o.putNull("serialCorrelation");
        }
        ArrayNode hk = o.putArray("conditionalEntropy");
        for (int k = 1; k <= ConditionalEntropy.MAX_ORDER; k++) {
            ConditionalEntropy.Estimate c = a.conditionalEntropy(k);
            ObjectNode h = hk.addObject().put("order", k).put("estimator", c.estimator())
                    .put("distinctGrams", c.distinctGrams()).put("estimable", c.estimable());
            if (c.estimable()) {
                h.put("value", inBase(c.bitsPerByte(), base));
            } else {
                h.putNull("value");
            }
        }
        o.put("modelBytes", a.modelBytes()).put("ppmOrder2", inBase(a.ppmOrder2BitsPerByte(), base));
        ObjectNode codecs = o.putObject("codecs");
        for (Map.Entry<CompressedSizes.Codec, Long> c : a.compressedSizes().entrySet()) {
            codecs.putObject(c.getKey().label()).put("bytes", c.getValue())
                    .put("rate", inBase(a.bitsPerByte(c.getKey()), base));
        }
        if (common.explain()) {
            o.put("explanation", a.explain());
        }
        return o;
    }
}
