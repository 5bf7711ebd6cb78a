// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import java.util.List;

/**
 * Everything measured about one note, and its label with the reason.
 *
 * @param path                 path relative to the knowledge-base directory
 * @param words                normalised words
 * @param uniqueWords          distinct normalised words
 * @param wordEntropyBits      plug-in word entropy, bits per word (tracks length; not thresholded)
 * @param windowedEntropyBits  length-controlled entropy (mean over 100-word windows), bits per word; NaN below 100 words
 * @param zstdBitsPerByte      8 × zstd size / raw size of the note on its own, bits per byte
 * @param templateLineFraction fraction (0 to 1) of the note's lines (≥ 3 words) that recur in the template minimum of other notes
 * @param novelBits            C(neighbours · note) − C(neighbours), bits
 * @param novelBitsPerWord     novelBits / words, bits per word
 * @param klBits               KL(Dirichlet-smoothed note ‖ KB background), bits
 * @param jsBits               Jensen–Shannon divergence of note and background, bits in [0, 1]
 * @param neighbours           notes used as compression context, most similar first (never a copy of this note)
 * @param label                the verdict
 * @param reason               one plain sentence saying why, with the rule's threshold
 * @param copyOf               for duplicate, near-duplicate and excerpt: the note kept as the original; else null
 * @param containment          fraction (0 to 1) of this note's 5-word shingles found in {@code copyOf}; NaN without one
 * @param jaccard              shingle Jaccard similarity with {@code copyOf} (shared / union, 0 to 1); NaN without one
 * @param details              the detailed signals (Gopher repetition rules with their citation), for --explain and JSON
 * @param messages             remarks on what could not be measured
 * @param digestRank           1-based rank among genuine notes by {@link KbReport#digestScore}, 0 otherwise
 */
public record NoteReport(String path, int words, int uniqueWords, double wordEntropyBits,
                         double windowedEntropyBits, double zstdBitsPerByte, double templateLineFraction,
                         double novelBits, double novelBitsPerWord, double klBits, double jsBits,
                         List<String> neighbours, Label label, String reason, String copyOf, double containment,
                         double jaccard, List<String> details, List<String> messages, int digestRank) {

    /** This report with another digest rank. */
    NoteReport withRank(int rank) {
        return new NoteReport(path, words, uniqueWords, wordEntropyBits, windowedEntropyBits, zstdBitsPerByte,
                templateLineFraction, novelBits, novelBitsPerWord, klBits, jsBits, neighbours, label, reason, copyOf,
                containment, jaccard, details, messages, rank);
    }
}
