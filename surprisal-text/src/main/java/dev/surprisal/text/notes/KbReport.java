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
     * words that adds 1,552 bits scores 15.52, as if it had 100. Text costs more bits per word the
     * shorter it is (zstd on the first 20 words of GPL-3: 48.8 bits per word; 100 words: 28.4; all
     * 5,678: 15.5), so without a floor the shortest notes would top the digest on a few words.
     */
    public static final int DIGEST_MIN_WORDS = 100;

    /** What the digest ranks by, in the words the command line and the HTML report print. */
    public static final String DIGEST_ORDER = "new bits per word given their nearest notes, a note under "
            + DIGEST_MIN_WORDS + " words counted as " + DIGEST_MIN_WORDS + "; most first";

    /**
     * The digest's ranking measure: novel bits ÷ max(words, {@value #DIGEST_MIN_WORDS}), in bits
     * per word, higher first. What a word of the note teaches a reader who has its nearest notes:
     * total novel bits grow with length, so a long pasted text (the whole GPL-3, 88,176 bits at
     * 15.5 bits per word) outranked every note of a few hundred words written by its owner
     * (docs/notes-labels.md, "The digest").
     *
     * @param n a note's report
     * @return its novel bits per word, counting at least {@value #DIGEST_MIN_WORDS} words
     */
    public static double digestScore(NoteReport n) {
        return n.novelBits() / Math.max(n.words(), DIGEST_MIN_WORDS);
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
