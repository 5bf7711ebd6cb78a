// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

/**
 * The verdict on a note. The rules are applied in the order of the constants, except that a note
 * mostly of shared phrases is a template only when it is no copy; the first that applies wins
 * (docs/notes-labels.md states each rule with its calibration). The first five say
 * the note adds little to the knowledge base ({@link #addsLittle()}), which is what
 * {@code notes add} turns into exit code 1.
 */
public enum Label {
    /** The same bytes as a note kept as the original (by the {@link Keep} rule). */
    DUPLICATE("duplicate"),
    /** Too few words (under {@link KnowledgeBase.Options#minWords()}) to judge: never genuine, never an alarm. */
    TOO_SHORT("too-short"),
    /**
     * At least half of its lines recur in {@link KnowledgeBase.Options#templateMinNotes()} or more other
     * notes; or at least half of its 5-word shingles do (shared text such as a licence) and it is no copy.
     */
    TEMPLATE("template"),
    /**
     * At least {@link KnowledgeBase.Options#threshold()} of its shingles (and of its own, unshared ones) are in
     * another note that has as much of its shingles in this one, and either the two are of about the same size
     * ({@link KnowledgeBase.Options#nearDuplicateSizeRatio()}) or both containments reach
     * {@link KnowledgeBase.Options#nearDuplicateContainment()}; the other is kept as the original. Also one of
     * two versions of one note (the same title, one holding most of the other): "an earlier version of" the
     * other, or "a later, longer version of" it, as the keep rule decides. Also a note that is a licence pasted
     * whole: a near-copy of a published licence text ({@link NoteReport#copyOf()} "the GPL-3 licence text"),
     * which is always the original.
     */
    NEAR_DUPLICATE("near-duplicate"),
    /**
     * At least {@link KnowledgeBase.Options#threshold()} of its shingles (and of its own, unshared ones) are in
     * one clearly larger note of another title, which has under
     * {@link KnowledgeBase.Options#nearDuplicateContainment()} of its shingles in this one.
     */
    EXCERPT("excerpt"),
    /** Few new bits per word given its nearest notes, or a low length-controlled word entropy (absolute, calibrated thresholds). */
    LOW_INFORMATION("low-information"),
    /** None of the above: ranked in the digest by novel bits per word brought to 1,000 words ({@link KbReport#digestScore}). */
    GENUINE("genuine");

    private final String id;

    Label(String id) {
        this.id = id;
    }

    /**
     * The label as printed and serialised.
     *
     * @return the label as printed and serialised
     */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /**
     * Whether the note adds little to the knowledge base: duplicate, near-duplicate, excerpt,
     * template or low-information (a {@code notes add} alarm). Too-short and genuine do not.
     *
     * @return true for the five labels a pre-commit hook should stop
     */
    public boolean addsLittle() {
        return this != TOO_SHORT && this != GENUINE;
    }

    /**
     * Whether the label says the note is a copy of one other note (duplicate, near-duplicate or
     * excerpt), which {@link NoteReport#copyOf()} then names.
     *
     * @return true for the three copy labels
     */
    public boolean isCopy() {
        return this == DUPLICATE || this == NEAR_DUPLICATE || this == EXCERPT;
    }
}
