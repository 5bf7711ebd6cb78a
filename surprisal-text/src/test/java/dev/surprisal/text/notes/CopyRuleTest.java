// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Judge#compare} on shingle sets with known overlaps: the near-duplicate and excerpt
 * boundaries of docs/notes-labels.md, in both directions, and shared boilerplate that is no
 * evidence of a copy.
 */
class CopyRuleTest {
    private static final KnowledgeBase.Options O = KnowledgeBase.Options.defaults();

    /** Shingles {@code from, from + 1, …, to − 1}. */
    private static long[] range(long from, long to) {
        return LongStream.range(from, to).toArray();
    }

    private static long[] concat(long[] a, long[] b) {
        return LongStream.concat(LongStream.of(a), LongStream.of(b)).sorted().toArray();
    }

    private static Judge.Copy compare(long[] a, long[] b) {
        return compare(a, a, b);
    }

    private static Judge.Copy compare(long[] a, long[] aOwn, long[] b) {
        return Judge.compare(a, aOwn, b, 1, "b.md", () -> new Keep.Decision(true, "it is older"), Judge.Versions.NONE, O);
    }

    @Test
    void aCopyWithAQuarterRewrittenShorterIsANearDuplicateFromBothSides() {
        // the audit's postgresql-15 case: 96% of the copy is in the original, 77% of the original in the copy
        long[] original = range(0, 1000);
        long[] copy = concat(range(0, 770), range(5000, 5032));
        assertThat(compare(copy, original).label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(compare(original, copy).label()).isEqualTo(Label.NEAR_DUPLICATE);
    }

    @Test
    void aContiguousSeventyPercentIsAnExcerptAndTheSourceIsNotLabelled() {
        long[] source = range(0, 1000);
        long[] part = range(150, 840);
        Judge.Copy c = compare(part, source);
        assertThat(c.label()).isEqualTo(Label.EXCERPT);
        assertThat(c.containment()).isEqualTo(1.0);
        assertThat(c.reverseContainment()).isEqualTo(0.69);
        assertThat(compare(source, part)).isNull();
    }

    @Test
    void twoNotesOfTheSameSizeSharingHalfOfEachAreNearDuplicates() {
        long[] a = range(0, 1000);
        long[] b = concat(range(500, 1000), range(5000, 5500));
        assertThat(compare(b, a).label()).isEqualTo(Label.NEAR_DUPLICATE);
    }

    @Test
    void aNoteOfAboutTheSameSizeWithLessThanHalfInItIsNeither() {
        // 55% of a is in b, 45% of b in a, sizes 0.82 apart: an overlap, not a copy either way
        long[] a = range(0, 1000);
        long[] b = concat(range(450, 1000), range(5000, 5670));
        assertThat(compare(a, b)).isNull();
        assertThat(compare(b, a)).isNull();
    }

    @Test
    void sharedBoilerplateAloneIsNoEvidenceOfACopy() {
        // 70% of a is a licence that b (and many other notes) also have; a's own 30% is not in b
        long[] licence = range(0, 700);
        long[] a = concat(licence, range(5000, 5300));
        long[] b = concat(licence, range(9000, 9600));
        long[] aOwn = range(5000, 5300);
        assertThat(compare(a, b).label()).as("counting every phrase").isEqualTo(Label.EXCERPT);
        assertThat(compare(a, aOwn, b)).isNull();
        assertThat(compare(a, new long[0], b)).as("a note with nothing of its own").isNull();
    }
}
