// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.licence;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static dev.surprisal.text.notes.KeepAndAddTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notes add} walks the index's phrase keys once: the count each entry shares with the draft
 * and the draft's own phrases (those fewer than templateMinNotes notes have) come from one merge.
 * Known truth: a knowledge base of licence excerpts where one passage is pasted into six notes (common
 * by the default of 5) and a draft that holds it and a passage of its own.
 */
class OverlapTest {
    @Test
    void oneWalkGivesEachEntrysSharedCountAndTheDraftsOwnPhrases(@TempDir Path dir, @TempDir Path drafts)
            throws IOException {
        String pasted = licence(20000, 20600);
        for (int n = 0; n < 6; n++) {
            put(dir, "note-" + n + ".md", licence(n * 3000, n * 3000 + 1500) + "\n\n" + pasted, T + n);
        }
        put(dir, "unrelated.md", licence(28000, 30000), T);
        scan(dir, KnowledgeBase.Options.defaults());
        KbIndex index = KbIndex.read(dir);
        MeasuredNote draft = new MeasuredNote("draft.md", licence(1000, 1500) + "\n\n" + pasted + "\n\n"
                + licence(18000, 18800));
        long[] keys = KbIndex.keys(draft.shingles);
        KbIndex.Overlap o = index.overlap(draft.shingles, keys);

        assertThat(o.shared()).hasSize(index.notes.size());
        int template = index.options.templateMinNotes();
        long common = 0;
        for (int j = 0; j < index.notes.size(); j++) {
            assertThat(o.shared()[j]).as(index.notes.get(j).path())
                    .isEqualTo(MinHash.intersection(keys, index.shingleKeys.get(j)));
        }
        for (long h : draft.shingles) {
            long key = h >> 32;
            long with = index.shingleKeys.stream().filter(k -> java.util.Arrays.binarySearch(k, key) >= 0).count();
            common += with >= template ? 1 : 0;
        }
        assertThat(o.own()).hasSize(draft.shingles.length - (int) common);
        assertThat(common).as("the pasted passage is in six notes").isPositive();
        assertThat(o.shared()[index.indexOf("note-0.md")]).as("note-0 holds the draft's first passage too")
                .isGreaterThan(o.shared()[index.indexOf("note-3.md")]);
        assertThat(o.own().length).as("the draft's own passages").isGreaterThan(draft.shingles.length / 2);
        assertThat(o.own()).isSorted();
    }
}
