// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest as a reader meets it (review13c): on {@link ReaderFolder}'s folder of Debian
 * documents, ranked by raw bits per word (100-word floor) the eight 110-word stubs held 8 of the
 * first 11 places and the four long documents (1,700-5,300 words) places 21 to 24 of 25, whatever
 * their rates; brought to 1,000 words, a long document outranks every stub whose rate is not about
 * half as high again as its own.
 */
class DigestReaderTest {

    @Test
    void longDocumentsAreNotRankedBelowEveryStub(@TempDir Path dir) throws IOException {
        ReaderFolder.build(dir);
        KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), true);
        Map<String, NoteReport> byPath = r.notes().stream().collect(Collectors.toMap(NoteReport::path, n -> n));

        // the known truth of the folder
        assertThat(byPath.get("copy-of-long-01.md").label()).isEqualTo(Label.DUPLICATE);
        assertThat(byPath.get("medium-03-edited.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(r.notes()).filteredOn(n -> n.path().startsWith("gpl-quote-"))
                .hasSize(8).allSatisfy(n -> assertThat(n.copyOf()).isEqualTo("licence-gpl3.md"));
        assertThat(r.notes()).filteredOn(n -> n.path().startsWith("vendor-") || n.path().startsWith("standup-"))
                .hasSize(14).allSatisfy(n -> assertThat(n.label()).isEqualTo(Label.TEMPLATE));
        List<NoteReport> longs = r.notes().stream().filter(n -> n.path().startsWith("long-")).toList();
        List<NoteReport> stubs = r.notes().stream().filter(n -> n.path().startsWith("stub-")).toList();
        assertThat(longs).hasSize(ReaderFolder.LONG).allSatisfy(n -> {
            assertThat(n.label()).isEqualTo(Label.GENUINE);
            assertThat(n.words()).isGreaterThan(1200);
        });
        assertThat(stubs).hasSize(ReaderFolder.STUBS).allSatisfy(n -> {
            assertThat(n.label()).isEqualTo(Label.GENUINE);
            assertThat(n.words()).isBetween(100, 140);
        });

        // a long document outranks each stub that is not 30% denser than it, where the raw rate put every
        // stub above every long document
        for (NoteReport l : longs) {
            for (NoteReport s : stubs) {
                if (s.novelBitsPerWord() <= 1.3 * l.novelBitsPerWord()) {
                    assertThat(l.digestRank()).as("%s (%.1f bits/word) vs %s (%.1f)", l.path(), l.novelBitsPerWord(),
                            s.path(), s.novelBitsPerWord()).isLessThan(s.digestRank());
                }
            }
        }
        // the stubs no longer crowd the top: at least two long documents are in the first half
        assertThat(longs).filteredOn(n -> n.digestRank() <= r.digest().size() / 2).hasSizeGreaterThanOrEqualTo(2);
        // the rank follows the stated measure
        List<NoteReport> digest = r.digest();
        for (int i = 1; i < digest.size(); i++) {
            assertThat(KbReport.digestScore(digest.get(i))).isLessThanOrEqualTo(KbReport.digestScore(digest.get(i - 1)));
        }
    }
}
