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

    /** A file that was not analysed. */
    public record Skipped(String path, String reason) {
    }

    /** A recurring line and the number of distinct notes containing it. */
    public record TemplateLine(String line, int notes) {
    }

    /**
     * The genuine notes, best first (the digest).
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
