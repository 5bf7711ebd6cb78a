// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import dev.surprisal.core.ValidationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scans a directory of .md/.txt notes and labels each one; {@link #add} judges one new note
 * against the index a scan persisted in {@link KbIndex#DIR}, without rescanning.
 *
 * <p>The labels and their rules, applied in this order (docs/notes-labels.md): {@code duplicate}
 * (same bytes as the original), {@code too-short} (under 20 words), {@code template} (half its
 * lines, or half its 5-word shingles, recur in ≥ 5 other notes), {@code near-duplicate} (each of
 * two notes has ≥ 50% of its shingles in the other, and they are of about the same size or each
 * has ≥ 70% in the other; or two versions of one note, with the same title, either holding ≥ 50%
 * of the other whatever the sizes), {@code excerpt} (≥ 50% of its shingles in one other note that is clearly larger, not
 * mostly in it and not of the same title; shingles that ≥ 5 other notes share never count as
 * evidence of copying), {@code low-information} (under
 * {@link #LOW_NOVEL_BITS_PER_WORD} new bits per word given its nearest notes, or length-controlled
 * word entropy under {@link #LOW_WINDOWED_ENTROPY_BITS}, or {@link #LOW_REPEATED_LINE_FRACTION} of its
 * lines or of its 5-word phrases' characters repeating earlier ones; absolute thresholds calibrated on Debian
 * documentation), else {@code genuine}, ranked by {@link KbReport#digestScore}. Of two copies, the {@link Keep} rule
 * picks the original, which stays genuine. Pairs are found with an exact inverted index of
 * shingles ({@link ShingleIndex}), so an excerpt is found whatever its Jaccard similarity.
 */
public final class KnowledgeBase {
    /**
     * Low-information threshold on novel bits per word given the nearest notes; calibrated on
     * Debian documentation (docs/notes-labels.md, bench/notes_calibration.sh).
     */
    public static final double LOW_NOVEL_BITS_PER_WORD = 2.5;
    /** Low-information threshold on word entropy in 100-word windows, bits per word; calibrated as above. */
    public static final double LOW_WINDOWED_ENTROPY_BITS = 3.5;
    /**
     * Low-information threshold on how much of a note repeats itself: the fraction of its lines (of
     * 3 or more words) that repeat an earlier line of the same note, or the fraction of its word
     * characters inside a 5-word phrase it already used (Gopher's duplicate 5-gram character
     * fraction), whichever is higher. Calibrated as above: the highest line fraction on Debian
     * documentation is 0.47 (0.60 on its copyright files), the highest phrase fraction 0.59 (a
     * changelog; 0.84 on a copyright file that pastes one licence per program).
     */
    public static final double LOW_REPEATED_LINE_FRACTION = 0.8;

    /**
     * The thresholds and rules; {@link #defaults()} states the defaults and their sources.
     *
     * @param templateMinNotes       a line is a template line when at least this many other notes have it
     * @param templateFraction       a note is a template when at least this fraction of its lines are template lines
     * @param nearDuplicateSizeRatio two notes each with ≥ {@code threshold} of its shingles in the other are
     *                               near-duplicates when their shingle counts have at least this ratio (smaller /
     *                               larger); a note under this ratio of the other's size can be its excerpt
     * @param nearDuplicateContainment two notes each with at least this fraction of its shingles in the other are
     *                               near-duplicates whatever their sizes (an edit that shortens a note keeps most of
     *                               both); an excerpt holds less than this fraction of its source
     * @param threshold              excerpt from this containment (fraction of the note's shingles in one other note;
     *                               datasketch's LSH Ensemble {@code threshold}), counted over all its shingles and
     *                               over its own (those fewer than {@code templateMinNotes + 1} notes have)
     * @param minWords               notes with fewer words are {@code too-short}
     * @param lowNovelBitsPerWord    low-information under this many novel bits per word
     * @param lowWindowedEntropyBits low-information under this word entropy in 100-word windows, bits per word
     * @param lowRepeatedLineFraction low-information from this fraction of lines, or of word characters in 5-word
     *                               phrases, repeating earlier ones of the note
     * @param neighbours             nearest notes used as compression context
     * @param keep                   which of two copies is the original
     * @param maxNoteBytes           larger files are skipped
     * @param mu                     Dirichlet prior mass of the KL divergence to the background
     */
    public record Options(int templateMinNotes, double templateFraction, double nearDuplicateSizeRatio,
                          double nearDuplicateContainment, double threshold,
                          int minWords, double lowNovelBitsPerWord, double lowWindowedEntropyBits,
                          double lowRepeatedLineFraction, int neighbours, Keep keep, long maxNoteBytes, double mu) {
        /**
         * Validates every field, naming the command-line option where there is one.
         *
         * @param templateMinNotes a line is a template line when at least this many other notes have it
         * @param templateFraction a note is a template when at least this fraction of its lines are template lines
         * @param nearDuplicateSizeRatio two notes each with ≥ {@code threshold} of its shingles in the other are near-duplicates when their shingle counts have at least this ratio (smaller / larger)
         * @param nearDuplicateContainment two notes each with at least this fraction of its shingles in the other are near-duplicates whatever their sizes
         * @param threshold excerpt from this containment (fraction of the note's shingles in one other note; datasketch's LSH Ensemble {@code threshold})
         * @param minWords notes with fewer words are {@code too-short}
         * @param lowNovelBitsPerWord low-information under this many novel bits per word
         * @param lowWindowedEntropyBits low-information under this word entropy in 100-word windows, bits per word
         * @param lowRepeatedLineFraction low-information from this fraction of lines, or of word characters in 5-word phrases, repeating earlier ones of the note
         * @param neighbours nearest notes used as compression context
         * @param keep which of two copies is the original
         * @param maxNoteBytes larger files are skipped
         * @param mu Dirichlet prior mass of the KL divergence to the background
         */
        public Options {
            if (templateMinNotes < 1) {
                throw new ValidationException("templateMinNotes: is " + templateMinNotes + ", expected >= 1");
            }
            fraction("templateFraction", templateFraction);
            fraction("nearDuplicateSizeRatio", nearDuplicateSizeRatio);
            fraction("nearDuplicateContainment", nearDuplicateContainment);
            fraction("--threshold", threshold);
            if (minWords < 0 || neighbours < 0) {
                throw new ValidationException("minWords, neighbours: are " + minWords + ", " + neighbours + ", expected >= 0");
            }
            if (keep == null) {
                throw new ValidationException("--keep: is null");
            }
            if (maxNoteBytes < 1) {
                throw new ValidationException("--max-note-bytes: is " + maxNoteBytes + ", expected >= 1");
            }
        }

        private static void fraction(String name, double v) {
            if (!(v > 0 && v <= 1)) {
                throw new ValidationException(name + ": is " + v + ", expected a fraction in (0, 1]");
            }
        }

        /**
         * Line in ≥ 5 other notes for half the lines (C4/CCNet line dedup, research note §3.3),
         * size ratio 0.8, near-duplicate both ways from 0.7 (an excerpt of issue 10's evaluation set
         * holds 30–70% of its source; a copy with one of five or more paragraphs rewritten keeps
         * more: docs/notes-labels.md), containment 0.5 (issue 10), 20 words, the
         * calibrated low-information thresholds, 3 neighbours, first-indexed, 16 MiB,
         * μ = 2000 (Zhai &amp; Lafferty 2004).
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(5, 0.5, 0.8, 0.7, 0.5, 20, LOW_NOVEL_BITS_PER_WORD, LOW_WINDOWED_ENTROPY_BITS,
                    LOW_REPEATED_LINE_FRACTION, 3, Keep.FIRST_INDEXED, NoteReader.DEFAULT_MAX_BYTES, Novelty.DEFAULT_MU);
        }

        /**
         * With another keep rule.
         *
         * @param k the keep rule
         * @return a copy with that rule
         */
        public Options withKeep(Keep k) {
            return with(b -> b.keep = k);
        }

        /**
         * With another excerpt containment threshold.
         *
         * @param t the excerpt containment threshold, in (0, 1]
         * @return a copy with that threshold
         */
        public Options withThreshold(double t) {
            return with(b -> b.threshold = t);
        }

        /**
         * With another template minimum (a small KB has fewer notes to share a line).
         *
         * @param n the template minimum, ≥ 1
         * @return a copy with that minimum
         */
        public Options withTemplateMinNotes(int n) {
            return with(b -> b.templateMinNotes = n);
        }

        /**
         * With another size limit.
         *
         * @param n the largest file read, in bytes
         * @return a copy with that limit
         */
        public Options withMaxNoteBytes(long n) {
            return with(b -> b.maxNoteBytes = n);
        }

        /**
         * With the low-information rules switched off (for calibrating them: every note that is not
         * a copy, template or too short is then genuine).
         *
         * @return a copy without the low-information rules
         */
        public Options withoutLowInformation() {
            return with(b -> {
                b.lowNovelBitsPerWord = 0;
                b.lowWindowedEntropyBits = 0;
                b.lowRepeatedLineFraction = 1.01;
            });
        }

        /** Every {@code withX} in one place: copy the fields, change some, validate again. */
        private Options with(java.util.function.Consumer<Copy> change) {
            Copy c = new Copy(this);
            change.accept(c);
            return new Options(c.templateMinNotes, c.templateFraction, c.nearDuplicateSizeRatio,
                    c.nearDuplicateContainment, c.threshold, c.minWords,
                    c.lowNovelBitsPerWord, c.lowWindowedEntropyBits, c.lowRepeatedLineFraction, c.neighbours, c.keep,
                    c.maxNoteBytes, c.mu);
        }

        /** The fields of an {@link Options} being changed by {@link #with}. */
        private static final class Copy {
            int templateMinNotes;
            double templateFraction;
            double nearDuplicateSizeRatio;
            double nearDuplicateContainment;
            double threshold;
            int minWords;
            double lowNovelBitsPerWord;
            double lowWindowedEntropyBits;
            double lowRepeatedLineFraction;
            int neighbours;
            Keep keep;
            long maxNoteBytes;
            double mu;

            Copy(Options o) {
                templateMinNotes = o.templateMinNotes;
                templateFraction = o.templateFraction;
                nearDuplicateSizeRatio = o.nearDuplicateSizeRatio;
                nearDuplicateContainment = o.nearDuplicateContainment;
                threshold = o.threshold;
                minWords = o.minWords;
                lowNovelBitsPerWord = o.lowNovelBitsPerWord;
                lowWindowedEntropyBits = o.lowWindowedEntropyBits;
                lowRepeatedLineFraction = o.lowRepeatedLineFraction;
                neighbours = o.neighbours;
                keep = o.keep;
                maxNoteBytes = o.maxNoteBytes;
                mu = o.mu;
            }
        }
    }

    private KnowledgeBase() {
    }

    /**
     * Scans {@code dir} with default options and writes the index.
     *
     * @param dir the knowledge base's directory
     * @return the report of every note
     */
    public static KbReport scan(Path dir) {
        return scan(dir, Options.defaults(), true);
    }

    /**
     * Scans {@code dir} and labels every note.
     *
     * @param dir        the knowledge-base directory
     * @param o          thresholds and rules
     * @param writeIndex whether to persist {@link KbIndex} under {@code dir/.surprisal-index} (for {@link #add})
     * @return one report per note, in path order, with the digest and groups
     * @throws ValidationException if {@code dir} is not a directory (naming the path and what it is)
     */
    public static KbReport scan(Path dir, Options o, boolean writeIndex) {
        String problem = directoryProblem(dir);
        if (problem != null) {
            throw new ValidationException("notes directory " + dir + ": " + problem);
        }
        List<Path> files = listNotes(dir);
        List<KbReport.Skipped> skipped = new ArrayList<>();
        MeasuredNote[] measured = new MeasuredNote[files.size()];
        long[] mtimes = new long[files.size()];
        String[] reasons = new String[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path f = files.get(i);
            NoteReader.Result r = NoteReader.read(f, o.maxNoteBytes());
            if (r.ok()) {
                measured[i] = new MeasuredNote(rel(dir, f), r.text());
                mtimes[i] = mtime(f);
            } else {
                reasons[i] = r.reason();
            }
        });
        KbIndex.Generations generations = KbIndex.generations(dir);
        int next = generations.next();
        List<MeasuredNote> notes = new ArrayList<>();
        List<Keep.Facts> facts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (measured[i] != null) {
                notes.add(measured[i]);
                facts.add(new Keep.Facts(measured[i].path, mtimes[i], generations.of(measured[i].path, measured[i].sha256, next)));
            } else {
                skipped.add(new KbReport.Skipped(rel(dir, files.get(i)), reasons[i]));
            }
        }
        Scan s = new Scan(notes, facts, o);
        s.run();
        if (writeIndex) {
            s.index.write(dir);
        }
        return new KbReport(dir.toString(), s.ranked, skipped, s.exactGroups, s.copyGroups, s.index.templateLines(), o);
    }

    /**
     * Why {@code dir} cannot be a knowledge base's directory, in words, or null when it can: "no
     * such directory", "a file, not a directory", or what else it is (a FIFO, a symbolic link loop).
     */
    static String directoryProblem(Path dir) {
        if (Files.isDirectory(dir)) {
            return null;
        }
        String problem = dev.surprisal.core.PathKind.problem(dir);
        if (problem == null) {
            return "a file, not a directory; give the directory that holds the notes";
        }
        return problem.equals("no such file") ? "no such directory" : problem + "; give the directory that holds the notes";
    }

    /**
     * Judges {@code file} against the index persisted in {@code kbDir} (run {@link #scan} first),
     * reading only the candidate and neighbour notes. The note is recorded in the index only when
     * it lies inside {@code kbDir} and is not rejected (its label does not
     * {@linkplain Label#addsLittle add little}): a draft judged from elsewhere, or a rejected note,
     * leaves the index as it was. Entries whose file is gone are dropped first, so no verdict
     * names a deleted note; a note with the same bytes as such an entry is that note renamed and
     * keeps its place as first indexed. A note already indexed under the same path replaces its
     * entry (it is never compared with itself and the index does not grow), so adding an unchanged
     * note again gives the same verdict. For a new path the knowledge base holds the original:
     * the new note is the copy.
     *
     * @param file  the note
     * @param kbDir a directory scanned with {@link #scan}
     * @return the verdict
     * @throws ValidationException if the KB has no current index or the file cannot be read as a note
     */
    public static NoteReport add(Path file, Path kbDir) {
        return NoteAdder.add(file, kbDir);
    }

    /** The file's modification time in milliseconds, or 0 when it cannot be read. */
    static long mtime(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Context bytes: the neighbours' texts concatenated. */
    static byte[] context(List<MeasuredNote> neighbours) {
        ByteArrayOutputStream ctx = new ByteArrayOutputStream();
        for (MeasuredNote m : neighbours) {
            ctx.writeBytes(m.bytes);
        }
        return ctx.toByteArray();
    }

    /** Fills the distributional surprise against the KB background. */
    static void background(Judge.Evidence e, MeasuredNote m, KbIndex index) {
        long[] background = index.backgroundCounts(m.wordKeys);
        e.klBits = Novelty.klBits(m.wordCounts, background, index.backgroundTotal, index.options.mu());
        e.jsBits = Novelty.jsBits(m.wordCounts, background, index.backgroundTotal);
    }


    static List<Path> listNotes(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && d.getFileName().toString().startsWith(".")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".md") || name.endsWith(".txt")) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    out.add(f); // reported by NoteReader with its reason
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("dir: " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(p -> rel(dir, p)));
        return out;
    }

    /** Whether {@code f} lies under {@code dir} (after making both absolute and normal). */
    static boolean inside(Path dir, Path f) {
        return f.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
    }

    static String rel(Path dir, Path f) {
        Path a = dir.toAbsolutePath().normalize();
        Path b = f.toAbsolutePath().normalize();
        return inside(dir, f) ? a.relativize(b).toString().replace('\\', '/') : b.toString();
    }
}
