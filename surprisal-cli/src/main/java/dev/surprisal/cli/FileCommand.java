// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.text.file.ByteHistogram;
import dev.surprisal.text.file.CodecEstimate;
import dev.surprisal.text.file.ConditionalEntropy;
import dev.surprisal.text.file.EntAnalysis;
import dev.surprisal.text.file.EntSmallFiles;
import dev.surprisal.text.file.FileAnalysis;
import dev.surprisal.text.file.FileSample;
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
                "deflate -9, xz -6, zstd -19 --long and bzip2 -9 reach. ent's statistics always cover the",
                "whole file. A file over --model-bytes (8 MiB) is sampled: the models see seeded 1 MiB",
                "blocks, one in each of --model-bytes / 1 MiB equal parts of the file, and the codecs",
                "compress each block on its own, so their sizes are printed as \"estimated\" with a 95%%",
                "interval (use --exact-codecs for the real sizes of the whole file). Models, codecs and",
                "blocks run in parallel; the results do not depend on --threads.",
                "On a small file a statistic says \"undefined\" (JSON: null and a reason) below the size where",
                "it means something: the chi-square p-value below 1,280 bytes (5 expected of each byte value),",
                "Monte Carlo pi below 144 bytes (24 points: 5 expected outside the circle), the serial",
                "correlation below 4 bytes (from 2 or 3 bytes it is -1 or -0.5 whatever they are). --ent and",
                "--terse print what ent prints at any size.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal file /usr/share/common-licenses/GPL-3 --explain",
                "  surprisal file --ent random.bin            exactly what `ent random.bin` prints",
                "  surprisal file --terse *.bin               exactly what `ent -t` prints, per file",
                "  surprisal file --order0 big.iso            only order-0 entropy, as fast as the disk",
                "  surprisal file big.iso --exact-codecs      real codec sizes of the whole file (slow)"})
public final class FileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", paramLabel = "FILE", description = {"A file to analyse (repeat for several); the files",
            "may also be given as positional arguments."})
    List<Path> data;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to analyse (the same as --data FILE).")
    List<Path> positional;

    @Mixin
    ThreadsOption threads;

    /** The files of --data, then the positional ones. */
    private List<Path> files;

    @Option(names = "--ent", description = "Print ent's report verbatim (byte mode).")
    boolean ent;

    @Option(names = {"-t", "--terse"}, description = "Print ent -t's CSV verbatim.")
    boolean terse;

    @Option(names = "--order0", description = "Only the order-0 entropy (fast parallel byte count).")
    boolean order0;

    @Option(names = "--model-bytes", paramLabel = "N", defaultValue = "8388608",
            description = {"Bytes of each file the context models and codecs see: a larger file is sampled in",
                    "N / 1 MiB seeded 1 MiB blocks. Default: ${DEFAULT-VALUE}."})
    int modelBytes;

    @Option(names = "--no-codecs", description = "Skip the real compressors (they are the slow part).")
    boolean noCodecs;

    @Option(names = "--exact-codecs", description = {"On a sampled file, compress the whole file with each codec",
            "(streamed) instead of estimating from the blocks."})
    boolean exactCodecs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the sampled blocks. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        files = new java.util.ArrayList<>();
        if (data != null) {
            files.addAll(data);
        }
        if (positional != null) {
            files.addAll(positional);
        }
        if (files.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "missing file: give --data FILE (or FILE...)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Base base = common.base();
        ArrayNode all = common.json() ? Json.mapper().createArrayNode() : null;
        for (Path f : files) {
            String problem = dev.surprisal.core.PathKind.problem(f);
            if (problem != null) {
                throw new BadDataException(f + ": " + problem);
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
                    long[] counts = ByteHistogram.count(f, threads.threads());
                    double h = ByteHistogram.entropyBits(counts);
                    long n = java.util.Arrays.stream(counts).sum();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (common.json()) {
                        ObjectNode o = all.addObject();
                        o.put("measure", "entropy").put("value", inBase(h, base)).put("unit", base.unit() + " per byte")
                                .put("file", f.toString()).put("bytes", n).put("seconds", secs);
                    } else {
                        out.printf(Locale.ROOT, "%s\t%s\t%s per byte\t%d bytes\t%.3f s%n", f, Report.format(inBase(h, base)),
                                base.unit(), n, secs);
                    }
                    continue;
                }
                if (ent || terse) {
                    EntAnalysis a = EntAnalysis.of(f, threads.threads());
                    out.print(terse ? a.terse() : a.report());
                    continue;
                }
                FileAnalysis.Options o = FileAnalysis.Options.defaults().withModelBytes(modelBytes)
                        .withCodecs(!noCodecs, exactCodecs).withSeed(seed).withThreads(threads.threads());
                FileAnalysis a;
                try (Progress p = Progress.start(f.getFileName() + "", FileAnalysis.steps(Files.size(f), o), common)) {
                    a = FileAnalysis.of(f, o, p);
                }
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
                out.println(Json.mapper().writeValueAsString(files.size() == 1 && all.size() == 1 ? all.get(0) : all));
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
        // below the size where a statistic means something the library says why (EntSmallFiles), not a number
        String noP = EntSmallFiles.chiSquareP(e);
        out.printf(Locale.ROOT, "  chi-square (255 df)          %.2f, %s%n", e.chiSquare(),
                noP == null ? String.format(Locale.ROOT, "p = %.4f", e.chiSquareP()) : "p " + noP);
        out.printf(Locale.ROOT, "  arithmetic mean              %.4f (127.5 = random)%n", e.mean());
        String noPi = EntSmallFiles.monteCarloPi(e);
        out.printf(Locale.ROOT, "  Monte Carlo pi               %s%n",
                noPi == null ? String.format(Locale.ROOT, "%.9f", e.monteCarloPi()) : noPi);
        String noR = EntSmallFiles.serialCorrelation(e);
        out.printf(Locale.ROOT, "  serial correlation           %s%n",
                noR == null ? String.format(Locale.ROOT, "%.6f", e.serialCorrelation()) : noR);
        if (a.sample().sampled()) {
            out.printf(Locale.ROOT, "  models%s on a sample: %s%n", a.codecsSampled() ? " and codecs" : "",
                    a.sampleDescription());
        }
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
        for (CodecEstimate c : a.compressedSizes().values()) {
            if (c.estimated()) {
                out.printf(Locale.ROOT, "  %-28s %.6f %s, estimated from %d blocks: 95%% interval %.6f to %.6f "
                                + "(about %d bytes%s)%n", c.codec().label(), inBase(c.rate(), base), u, c.blocks(),
                        inBase(c.rateLow(), base), inBase(c.rateHigh(), base), c.bytes(), c.mayOverstate()
                                ? "; the whole file may compress far smaller: this codec finds repeats between blocks" : "");
            } else {
                out.printf(Locale.ROOT, "  %-28s %.6f %s (%d bytes)%n", c.codec().label(), inBase(c.rate(), base), u,
                        c.bytes());
            }
        }
        if (common.explain()) {
            out.print(a.explain());
        }
    }

    /** {@code value}, or null with {@code <name>_reason} = {@code undefined} when that reason is given. */
    private static void putUnlessUndefined(ObjectNode o, String name, double value, String undefined) {
        if (undefined == null) {
            Json.putNumber(o, name, value);
        } else {
            Json.putNumber(o, name, Double.NaN, undefined);
        }
    }

    private ObjectNode json(FileAnalysis a, Base base) {
        EntAnalysis e = a.ent();
        ObjectNode o = Json.mapper().createObjectNode();
        // the headline is ent's order-0 entropy; "entropy" is kept beside "value" for readers of the old output
        o.put("measure", "entropy").put("value", inBase(e.entropyBitsPerByte(), base)).put("unit", base.unit() + " per byte");
        o.put("file", a.file().toString()).put("bytes", e.bytes());
        o.put("entropy", inBase(e.entropyBitsPerByte(), base)).put("chi_square", e.chiSquare());
        // below the size where a statistic means something: null with its reason (EntSmallFiles), by the one JSON rule
        putUnlessUndefined(o, "chi_square_p", e.chiSquareP(), EntSmallFiles.chiSquareP(e));
        o.put("mean", e.mean());
        putUnlessUndefined(o, "monte_carlo_pi", e.monteCarloPi(), EntSmallFiles.monteCarloPi(e));
        putUnlessUndefined(o, "serial_correlation", e.serialCorrelation(), EntSmallFiles.serialCorrelation(e));
        ArrayNode hk = o.putArray("conditional_entropy");
        for (int k = 1; k <= ConditionalEntropy.MAX_ORDER; k++) {
            ConditionalEntropy.Estimate c = a.conditionalEntropy(k);
            ObjectNode h = hk.addObject().put("order", k).put("estimator", c.estimator())
                    .put("distinct_grams", c.distinctGrams()).put("estimable", c.estimable());
            if (c.estimable()) {
                h.put("value", inBase(c.bitsPerByte(), base));
            } else {
                h.putNull("value");
                h.put("value" + Json.REASON_SUFFIX, "not estimable from " + a.modelBytes() + " bytes (needs "
                        + ConditionalEntropy.MIN_BYTES_PER_GRAM + " per distinct " + (k + 1) + "-byte string)");
            }
        }
        o.put("model_bytes", a.modelBytes()).put("ppm_order2", inBase(a.ppmOrder2BitsPerByte(), base));
        FileSample s = a.sample();
        ObjectNode sample = o.putObject("sample").put("sampled", s.sampled()).put("blocks", s.blocks())
                .put("block_bytes", s.sampled() ? FileSample.BLOCK : s.data().length).put("seed", s.seed());
        sample.put("description", a.sampleDescription());
        // an array, not an object keyed by the codec's label: "xz -6" is not a snake_case key
        ArrayNode codecs = o.putArray("codecs");
        for (CodecEstimate c : a.compressedSizes().values()) {
            codecs.addObject().put("codec", c.codec().label()).put("bytes", c.bytes()).put("rate", inBase(c.rate(), base))
                    .put("estimated", c.estimated()).put("may_overstate", c.mayOverstate()).put("blocks", c.blocks())
                    .put("rate_low", inBase(c.rateLow(), base)).put("rate_high", inBase(c.rateHigh(), base));
        }
        if (common.explain()) {
            o.put("explanation", a.explain());
        }
        return o;
    }
}
