// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A labelled evaluation knowledge base built from real text, with known truth: distinct base
 * notes cut from the given files, then planted copies (the original's later copy by modification
 * time, whose name sorts first; and copies whose times tie, falling to the path), near-copies
 * (1–10% of words edited in short runs, lines kept), excerpts (a contiguous 30–70% of a note), template
 * families (4 shared real lines plus 2 of the note's own), very short notes (3–19 words) and
 * repetitive notes (one real sentence 8–15 times). Paragraphs with fenced code are left out (the
 * analyser drops code, which an excerpt could cut in half). Base notes are kept distinct by an
 * independent check (lower-cased 8-word sequences, not the analyser's shingles): a chunk sharing
 * more than 5% of them with earlier chunks, or repeating more than 10% of its own, is dropped. Deterministic for a seed and file list.
 *
 * <p>Usage: {@code java -cp surprisal.jar dev.surprisal.text.notes.EvaluationSet OUT SEED BASE LIST}
 * writes the notes under OUT and the truth to OUT/../truth.tsv (path, label, source note, kind, amount).
 */
public final class EvaluationSet {
    /** Reference time of the set (2024-01-01T00:00:00Z), so that modification times are reproducible. */
    static final long T0 = 1_704_067_200_000L;
    private static final long DAY = 86_400_000L;

    /**
     * One note of the set and its truth.
     *
     * @param path   path relative to the set's directory
     * @param truth  the label the rules should give
     * @param source for copies, near-copies and excerpts: the original's path; else null
     * @param kind   how the note was made (base, later-copy, tied-copy, near-copy, excerpt, template, short, repetitive)
     * @param amount the edited fraction (near-copy), the excerpted fraction (excerpt), else 0
     */
    public record Planted(String path, Label truth, String source, String kind, double amount) {
    }

    private final SplittableRandom rng;
    private final List<List<String>> chunks = new ArrayList<>();
    private final List<String> reserve = new ArrayList<>();
    private String baseText = "";
    /** The sentences handed out so far, lower-cased: no two planted notes share 4 words in a row by accident. */
    private final StringBuilder used = new StringBuilder();

    private EvaluationSet(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Writes the set.
     *
     * @param out       an empty or missing directory
     * @param sources   text files (.gz decompressed) to cut notes from, in order
     * @param baseNotes how many distinct base notes to use (the planted notes are proportional)
     * @param seed      the random seed
     * @return the truth, one entry per written note
     * @throws ValidationException if the files hold fewer distinct chunks than needed
     */
    public static List<Planted> write(Path out, List<Path> sources, int baseNotes, long seed) {
        EvaluationSet e = new EvaluationSet(seed);
        e.cut(sources, baseNotes + baseNotes / 2);
        if (e.chunks.size() < baseNotes + baseNotes / 4) {
            throw new ValidationException("sources: only " + e.chunks.size() + " distinct chunks of 100+ words, need "
                    + (baseNotes + baseNotes / 4));
        }
        try {
            Files.createDirectories(out);
            return e.plant(out, baseNotes);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /**
     * Distinct chunks of real text as lists of paragraphs, cut as {@link #write} cuts its base
     * notes, none sharing more than 5% of its 8-word sequences with an earlier chunk or with
     * {@code avoid} (text the caller plants itself, such as a shared licence).
     */
    static List<List<String>> distinctChunks(List<Path> sources, int wanted, long seed, String avoid) {
        EvaluationSet e = new EvaluationSet(seed);
        e.cut(sources, wanted, new HashSet<>(grams(avoid)));
        return List.copyOf(e.chunks);
    }

    private void cut(List<Path> sources, int wanted) {
        cut(sources, wanted, new HashSet<>());
    }

    private void cut(List<Path> sources, int wanted, Set<String> seen) {
        for (Path src : sources) {
            if (chunks.size() >= wanted) {
                return;
            }
            String text = read(src);
            if (text == null) {
                continue;
            }
            List<String> paras = new ArrayList<>();
            for (String p : text.split("\\n\\s*\\n")) {
                // plain-text notes: the analyser drops fenced code, which an excerpt could cut in half
                if (!p.isBlank() && !p.contains("```") && !p.contains("~~~")) {
                    paras.add(p.strip());
                }
            }
            List<String> cur = new ArrayList<>();
            int words = 0;
            int target = 120 + rng.nextInt(280);
            for (String p : paras) {
                cur.add(p);
                words += p.split("\\s+").length;
                if (words >= target) {
                    accept(cur, seen);
                    cur = new ArrayList<>();
                    words = 0;
                    target = 120 + rng.nextInt(280);
                }
            }
        }
    }

    private void accept(List<String> paras, Set<String> seen) {
        String text = String.join("\n\n", paras);
        List<String> grams = grams(text);
        // a chunk that repeats itself (a list of files under one licence) makes the truth of its
        // edits and excerpts ambiguous: keep chunks whose 8-word sequences are at least 90% distinct
        if (grams.size() < 100 || new HashSet<>(grams).size() < 0.9 * grams.size()) {
            return;
        }
        long old = grams.stream().filter(seen::contains).count();
        if (old > 0.05 * grams.size()) {
            return;
        }
        seen.addAll(grams);
        chunks.add(paras);
    }

    /** Lower-case runs of letters and digits, digits as 0, joined by single spaces. */
    private static String normal(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").replaceAll("\\p{N}", "0").strip() + " ";
    }

    /** Lower-cased 8-word sequences over [a-z0-9] runs: the generator's own distinctness check. */
    private static List<String> grams(String text) {
        String[] w = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        List<String> ws = Arrays.stream(w).filter(s -> !s.isEmpty()).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 8 <= ws.size(); i++) {
            out.add(String.join(" ", ws.subList(i, i + 8)));
        }
        return out;
    }

    private static String read(Path src) {
        try (InputStream in = src.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(src))
                : Files.newInputStream(src)) {
            byte[] b = in.readNBytes(1 << 20);
            for (byte x : b) {
                if (x == 0) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (IOException e) {
            return null;
        }
    }

    private List<Planted> plant(Path out, int n) throws IOException {
        List<Planted> truth = new ArrayList<>();
        List<String> base = new ArrayList<>();
        List<String> basePath = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = String.join("\n\n", chunks.get(i)) + "\n";
            String p = String.format(Locale.ROOT, "b-%04d.md", i);
            put(out, p, text, T0 + i * 60_000L);
            base.add(text);
            basePath.add(p);
            truth.add(new Planted(p, Label.GENUINE, null, "base", 0));
        }
        baseText = normal(String.join(" ", base));
        for (int i = n; i < chunks.size(); i++) {
            for (String para : chunks.get(i)) {
                for (String sentence : para.replace('\n', ' ').split("(?<=[.;:])\\s+")) {
                    if (sentence.split("\\s+").length >= 6 && !reserve.contains(sentence.strip())) {
                        reserve.add(sentence.strip());
                    }
                }
            }
        }
        int k = Math.max(4, n / 10);
        for (int c = 0; c < k; c++) {
            int i = rng.nextInt(n);
            boolean later = c % 2 == 0;
            // a later copy whose name sorts first (the path rule would keep it), or a tied copy falling to the path
            String p = String.format(Locale.ROOT, later ? "a-dup-%03d.md" : "c-dup-%03d.md", c);
            put(out, p, base.get(i), later ? T0 + 100 * DAY : T0 + i * 60_000L + 1000);
            truth.add(new Planted(p, Label.DUPLICATE, basePath.get(i), later ? "later-copy" : "tied-copy", 0));
        }
        for (int c = 0; c < k; c++) {
            int i = rng.nextInt(n);
            double frac = 0.01 + 0.09 * rng.nextDouble();
            String p = String.format(Locale.ROOT, "a-near-%03d.md", c);
            put(out, p, edit(base.get(i), frac), T0 + 100 * DAY);
            truth.add(new Planted(p, Label.NEAR_DUPLICATE, basePath.get(i), "near-copy", frac));
        }
        for (int c = 0; c < 2 * k; c++) {
            int i = rng.nextInt(n);
            double frac = c % 2 == 0 ? 0.30 + 0.20 * rng.nextDouble() : 0.50 + 0.20 * rng.nextDouble();
            String[] w = base.get(i).strip().split(" ");
            int len = (int) Math.round(frac * w.length);
            int from = rng.nextInt(w.length - len + 1);
            String p = String.format(Locale.ROOT, "a-exc-%03d.md", c);
            put(out, p, String.join(" ", Arrays.asList(w).subList(from, from + len)).strip() + "\n", T0 + 100 * DAY);
            truth.add(new Planted(p, Label.EXCERPT, basePath.get(i), "excerpt", len / (double) w.length));
        }
        for (int f = 0; f < 3; f++) {
            List<String> skeleton = new ArrayList<>();
            for (int l = 0; l < 4; l++) {
                skeleton.add(sentence());
            }
            for (int m = 0; m < 7; m++) {
                String text = skeleton.get(0) + "\n" + skeleton.get(1) + "\n" + sentence() + "\n" + skeleton.get(2)
                        + "\n" + skeleton.get(3) + "\n" + sentence() + "\n";
                String p = String.format(Locale.ROOT, "t-%d-%02d.md", f, m);
                put(out, p, text, T0 + (10 + m) * DAY);
                truth.add(new Planted(p, Label.TEMPLATE, null, "template", 0));
            }
        }
        for (int c = 0; c < k; c++) {
            // words as the rules count them: runs of letters and digits
            String text = sentence();
            java.util.regex.Matcher w = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
            int len = 3 + rng.nextInt(17);
            int end = 0;
            for (int count = 0; count < len && w.find(); count++) {
                end = w.end();
            }
            String p = String.format(Locale.ROOT, "s-short-%03d.md", c);
            put(out, p, text.substring(0, end) + "\n", T0 + 50 * DAY);
            truth.add(new Planted(p, Label.TOO_SHORT, null, "short", 0));
        }
        for (int c = 0; c < Math.max(2, k / 2); c++) {
            String s = sentence();
            int times = 8 + rng.nextInt(8);
            String p = String.format(Locale.ROOT, "r-rep-%03d.md", c);
            put(out, p, (s + "\n").repeat(times), T0 + 50 * DAY);
            truth.add(new Planted(p, Label.LOW_INFORMATION, null, "repetitive", 0));
        }
        return truth;
    }

    /**
     * A real sentence from the reserve (chunks not used as base notes), none of whose 4-word
     * sequences occurs in a base note (boilerplate does) or in a sentence handed out before, so
     * that notes built from it are not excerpts of another.
     */
    private String sentence() {
        for (int attempt = 0; ; attempt++) {
            String s = reserve.remove(rng.nextInt(reserve.size()));
            String[] w = normal(s).strip().split(" ");
            boolean inBase = false;
            for (int i = 0; i + 4 <= w.length && !inBase; i++) {
                String four = " " + String.join(" ", Arrays.asList(w).subList(i, i + 4)) + " ";
                inBase = baseText.contains(four) || used.indexOf(four) >= 0;
            }
            if (!inBase || attempt > 1000) {
                used.append(' ').append(String.join(" ", w)).append(" \n");
                return s;
            }
        }
    }

    /** Edits about {@code frac} of the words in runs of 1–4: replace, delete or insert reserve words. */
    private String edit(String text, double frac) {
        // split on spaces only, so that the note keeps its lines
        List<String> w = new ArrayList<>(Arrays.asList(text.strip().split(" ")));
        int budget = Math.max(1, (int) Math.round(frac * w.size()));
        String[] pool = sentence().split("\\s+");
        while (budget > 0) {
            int run = Math.min(budget, 1 + rng.nextInt(4));
            int at = rng.nextInt(Math.max(1, w.size() - run));
            int op = rng.nextInt(3);
            for (int r = 0; r < run; r++) {
                String word = pool[rng.nextInt(pool.length)];
                if (op == 0) {
                    w.set(at + r, word);
                } else if (op == 1) {
                    w.remove(at);
                } else {
                    w.add(at, word);
                }
            }
            budget -= run;
        }
        return String.join(" ", w).strip() + "\n";
    }

    private static void put(Path out, String name, String text, long mtime) throws IOException {
        Path f = Files.writeString(out.resolve(name), text);
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    }

    /**
     * Writes a set from the command line and its truth next to it.
     *
     * @param args OUT SEED BASE LIST (LIST: one source file per line)
     * @throws IOException if the list or the truth cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new ValidationException("usage: EvaluationSet OUT SEED BASE LIST");
        }
        Path out = Path.of(args[0]);
        List<Path> sources = Files.readAllLines(Path.of(args[3])).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Path::of).toList();
        List<Planted> truth = write(out, sources, Integer.parseInt(args[2]), Long.parseLong(args[1]));
        List<String> lines = new ArrayList<>();
        lines.add("path\ttruth\tsource\tkind\tamount");
        for (Planted p : truth) {
            lines.add(String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%.3f", p.path(), p.truth().id(),
                    p.source() == null ? "-" : p.source(), p.kind(), p.amount()));
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.write(parent.resolve("truth.tsv"), lines);
        System.out.println(truth.size() + " notes written to " + out + "; truth in " + parent.resolve("truth.tsv"));
    }
}
