// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `notes add` and `notes scan` give the same verdict on the same pair, also when the excerpt is a
 * few percent of a long source. Before index format 4, `add` nominated candidates by MinHash
 * signatures: a 1% excerpt of GPL-3 (56 of its 5,644 words) has Jaccard ≈ 0.01 with it, so 128
 * permutations agree nowhere with probability ≈ e^−1.3 ≈ 0.28, and of twenty such excerpts some were
 * missed ("genuine", exit 0) that a scan labels excerpt.
 */
class SmallExcerptTest {
    private static final Path LICENCES = Path.of("/usr/share/common-licenses");

    /** Excerpts of {@code share} of the text, starting at a line start after each of {@code count} evenly spaced offsets. */
    private static List<String> excerpts(String text, double share, int count, int shift) {
        List<String> out = new ArrayList<>();
        int len = (int) (share * text.length());
        for (int i = 0; i < count; i++) {
            int from = text.indexOf('\n', shift + i * (text.length() - len - shift) / count) + 1;
            out.add(text.substring(from, from + len));
        }
        return out;
    }

    @Test
    void addAndScanBothLabelSmallExcerptsOfALongLicenceAsExcerpts(@TempDir Path tmp) throws IOException {
        String gpl3 = Files.readString(LICENCES.resolve("GPL-3"));
        Path kb = Files.createDirectories(tmp.resolve("kb"));
        Files.writeString(kb.resolve("GPL-3.md"), gpl3);
        for (String other : List.of("Apache-2.0", "MPL-2.0", "Artistic", "GFDL-1.3")) {
            Files.copy(LICENCES.resolve(other), kb.resolve(other + ".md"));
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        List<String> threePercent = excerpts(gpl3, 0.03, 6, 2000);
        List<String> onePercent = excerpts(gpl3, 0.01, 14, 500);
        for (int i = 0; i < threePercent.size(); i++) {
            drafts.put("gpl-3pct-" + i + ".md", threePercent.get(i));
        }
        for (int i = 0; i < onePercent.size(); i++) {
            drafts.put("gpl-1pct-" + i + ".md", onePercent.get(i));
        }
        assertThat(drafts.values()).allSatisfy(d -> assertThat(d.split("\\s+").length).isGreaterThanOrEqualTo(40));

        // notes add: each draft, from outside, against the index of the KB without it
        KnowledgeBase.scan(kb, KnowledgeBase.Options.defaults(), true);
        Path outside = Files.createDirectories(tmp.resolve("drafts"));
        Map<String, NoteReport> added = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : drafts.entrySet()) {
            added.put(d.getKey(), KnowledgeBase.add(Files.writeString(outside.resolve(d.getKey()), d.getValue()), kb));
        }

        // notes scan: the same drafts inside a copy of the KB
        Path both = Files.createDirectories(tmp.resolve("both"));
        try (var files = Files.list(kb)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, both.resolve(f.getFileName()));
            }
        }
        for (Map.Entry<String, String> d : drafts.entrySet()) {
            Files.writeString(both.resolve(d.getKey()), d.getValue());
        }
        Map<String, NoteReport> scanned = KeepAndAddTest.scan(both, KnowledgeBase.Options.defaults());

        for (String name : drafts.keySet()) {
            NoteReport a = added.get(name);
            NoteReport s = scanned.get(name);
            assertThat(a.label()).as("notes add %s: %s", name, a.reason()).isEqualTo(Label.EXCERPT);
            assertThat(s.label()).as("notes scan %s: %s", name, s.reason()).isEqualTo(Label.EXCERPT);
            assertThat(a.copyOf()).as(name).isEqualTo("GPL-3.md").isEqualTo(s.copyOf());
            assertThat(a.containment()).as(name).isEqualTo(s.containment()).isGreaterThan(0.9);
        }
        // the licences themselves are near-copies of the published texts (notes16); the excerpts name the note
        assertThat(scanned.get("GPL-3.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(scanned.get("GPL-3.md").copyOf()).isEqualTo("the GPL-3 licence text");
    }
}
