// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Re-derives the low-information thresholds from real text: copies the listed files into a
 * temporary knowledge base (decompressing {@code .gz}, as Debian ships changelogs and man pages),
 * scans it with both low-information rules switched off, and reports the lower quantiles of novel
 * bits per word and of length-controlled word entropy over the notes that got no other label.
 * {@link KnowledgeBase#LOW_NOVEL_BITS_PER_WORD} and {@link KnowledgeBase#LOW_WINDOWED_ENTROPY_BITS}
 * are set from its output on the committed file list (bench/notes-calibration-files.txt; see
 * docs/notes-labels.md). With {@code --check}, it scans with the default thresholds instead and
 * reports the share labelled low-information (the held-back check).
 *
 * <p>Usage: {@code java -cp surprisal.jar dev.surprisal.text.notes.NoteCalibration [--check] LIST [OUT.tsv]}
 */
public final class NoteCalibration {
    private NoteCalibration() {
    }

    /**
     * Runs the calibration or the check.
     *
     * @param args {@code [--check] LIST [OUT.tsv]}: a file with one path per line, and where to write per-note figures
     * @throws IOException if a listed file cannot be read
     */
    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        String[] rest = check ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (rest.length < 1) {
            throw new ValidationException("usage: NoteCalibration [--check] LIST [OUT.tsv]");
        }
        Path dir = Files.createTempDirectory("surprisal-calibration");
        try {
            List<String> files = Files.readAllLines(Path.of(rest[0])).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (int i = 0; i < files.size(); i++) {
                Path src = Path.of(files.get(i));
                Path dst = dir.resolve(String.format(Locale.ROOT, "%05d-%s.txt", i,
                        src.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
                try (InputStream in = files.get(i).endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(src)) : Files.newInputStream(src)) {
                    Files.write(dst, in.readAllBytes());
                }
            }
            KnowledgeBase.Options d = KnowledgeBase.Options.defaults();
            KnowledgeBase.Options o = check ? d : d.withoutLowInformation();
            KbReport r = KnowledgeBase.scan(dir, o, false);
            PrintStream out = System.out;
            if (rest.length > 1) {
                try (PrintStream tsv = new PrintStream(Files.newOutputStream(Path.of(rest[1])), true, StandardCharsets.UTF_8)) {
                    tsv.println("note\tsource\twords\tnovel_bits_per_word\twindowed_entropy_bits\tlabel");
                    for (NoteReport n : r.notes()) {
                        int idx = Integer.parseInt(n.path().substring(0, 5));
                        tsv.printf(Locale.ROOT, "%s\t%s\t%d\t%.4f\t%.4f\t%s%n", n.path(), files.get(idx), n.words(),
                                n.novelBitsPerWord(), n.windowedEntropyBits(), n.label().id());
                    }
                }
            }
            out.printf(Locale.ROOT, "files listed %d, read %d, skipped %d%n", files.size(), r.notes().size(), r.skipped().size());
            for (Label l : Label.values()) {
                out.printf(Locale.ROOT, "  %-16s %d%n", l.id(), r.labelled(l).size());
            }
            if (check) {
                long low = r.labelled(Label.LOW_INFORMATION).size();
                out.printf(Locale.ROOT, "low-information: %d of %d notes (%.2f%%)%n", low, r.notes().size(),
                        100.0 * low / r.notes().size());
                r.labelled(Label.LOW_INFORMATION).forEach(n -> out.println("  " + n.path() + ": " + n.reason()));
                return;
            }
            List<NoteReport> judged = r.labelled(Label.GENUINE);
            double[] novel = judged.stream().mapToDouble(NoteReport::novelBitsPerWord).sorted().toArray();
            double[] windowed = judged.stream().mapToDouble(NoteReport::windowedEntropyBits)
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            out.printf(Locale.ROOT, "notes judged on density (no other label): %d; with >= 100 words: %d%n",
                    novel.length, windowed.length);
            for (double q : new double[] {0.001, 0.005, 0.01, 0.02, 0.05, 0.5}) {
                out.printf(Locale.ROOT, "  quantile %.3f: novel bits per word %.3f, windowed entropy %.3f bits per word%n",
                        q, quantile(novel, q), quantile(windowed, q));
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException | IOException e) {
                // a leftover temporary directory is harmless
            }
        }
    }

    /** Type-7 quantile of sorted values; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
