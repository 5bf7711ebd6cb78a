// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.List;

/**
 * The result of scanning a knowledge base.
 *
 * @param root                 the scanned directory
 * @param notes                one report per analysed note, in path order
 * @param skipped              files that could not be analysed, each with its reason
 * @param exactDuplicateGroups groups of byte-identical notes (size ≥ 2), the original first
 * @param nearDuplicateGroups  groups joined by any copy link (exact, near-duplicate, excerpt), size ≥ 2, paths in order
 * @param templateLines        normalised lines found in at least the template minimum of distinct notes, most frequent first
 * @param options              the thresholds and rules the labels were decided with
 */
public record KbReport(String root, List<NoteReport> notes, List<Skipped> skipped,
                       List<List<String>> exactDuplicateGroups, List<List<String>> nearDuplicateGroups,
                       List<TemplateLine> templateLines, KnowledgeBase.Options options) {

    /**
     * The fewest words a note counts as in the digest's ranking ({@link #digestScore}): a note of 46
     * words that adds 1,552 bits counts as 100 words with 1,552 bits. Below about 100 words the
     * compressor's start-up cost grows fastest (zstd on the first 20 words of GPL-3: 48.8 bits per
     * word; 100 words: 28.4), faster than {@link #DIGEST_LENGTH_EXPONENT} allows for.
     */
    public static final int DIGEST_MIN_WORDS = 100;

    /** The length every note's rate is brought to in the digest ({@link #digestScore}), in words. */
    public static final int DIGEST_REFERENCE_WORDS = 1000;

    /**
     * How fast zstd's bits per word fall with the length of ordinary text, as an exponent: bits per
     * word ∝ words^−0.15. Measured on GPL-3's first 100, 1,000 and 5,678 words (28.4, 19.9, 15.5 bits
     * per word: exponents −0.155 and −0.144), and across this machine's long Debian documents
     * (docs/notes-labels.md, "The digest").
     */
    public static final double DIGEST_LENGTH_EXPONENT = 0.15;

    /** What the digest ranks by, in the words the command line and the HTML report print. */
    public static final String DIGEST_ORDER = String.format(java.util.Locale.ROOT, "new bits per word given their"
            + " nearest notes, brought to a length of %,d words: a note's rate x (words/%,d)^%s, a note under %d words counted as %d,"
            + " so the same rate counts for more in a longer note; most first", DIGEST_REFERENCE_WORDS,
            DIGEST_REFERENCE_WORDS, DIGEST_LENGTH_EXPONENT, DIGEST_MIN_WORDS, DIGEST_MIN_WORDS);

    /**
     * The digest's ranking measure: a note's new bits per word as if it were
     * {@value #DIGEST_REFERENCE_WORDS} words long, {@code b / w × (w / 1000)^0.15} with b its novel
     * bits and w = max(words, {@value #DIGEST_MIN_WORDS}), in bits per word, higher first.
     * <p>
     * Why: a reader of the digest wants the notes that teach the most per word read, but a
     * compressor pays a start-up cost on every note, so the raw rate b / w of ordinary text falls
     * with its length (about as w^−0.15). Ranked by the raw rate (until 2026-12-02), the digest was
     * close to "shortest first": on {@code DigestReaderTest}'s folder of Debian documents eight
     * 110-word stubs took 8 of the first 11 places and four long documents (1,700–5,300 words) the
     * last places. Bringing every rate to one length removes that start-up advantage, so a note of
     * 1,500 words with the same raw rate as a 100-word stub ranks above it (1.50 times the score).
     * Total novel bits would instead grow with any pasted text: the whole GPL-3 in one note (88,000
     * bits) would top a folder of notes its owner wrote; at 15.5 bits per word its score (20.1) stays
     * below the notes of a few hundred words that say something new at 25 bits per word or more.
     *
     * @param n a note's report
     * @return its novel bits per word brought to {@value #DIGEST_REFERENCE_WORDS} words
     */
    public static double digestScore(NoteReport n) {
        return digestScore(n.novelBits(), n.words());
    }

    /**
     * {@link #digestScore(NoteReport)} of a note with the given novel bits and words.
     *
     * @param novelBits the note's novel bits given its nearest notes
     * @param words     the note's words
     * @return the note's novel bits per word brought to {@value #DIGEST_REFERENCE_WORDS} words
     */
    public static double digestScore(double novelBits, int words) {
        int w = Math.max(words, DIGEST_MIN_WORDS);
        return novelBits / w * Math.pow(w / (double) DIGEST_REFERENCE_WORDS, DIGEST_LENGTH_EXPONENT);
    }

    /** A file that was not analysed. */
    public record Skipped(String path, String reason) {
    }

    /** A recurring line and the number of distinct notes containing it. */
    public record TemplateLine(String line, int notes) {
    }

    /**
     * The genuine notes, best first by {@link #digestScore} (the digest).
     *
     * @return the genuine notes, best first
     */
    public List<NoteReport> digest() {
        return notes.stream().filter(n -> n.digestRank() > 0)
                .sorted(java.util.Comparator.comparingInt(NoteReport::digestRank)).toList();
    }

    /**
     * Notes with the given label.
     *
     * @param label a label
     * @return the notes with that label, in report order
     */
    public List<NoteReport> labelled(Label label) {
        return notes.stream().filter(n -> n.label() == label).toList();
    }
}
