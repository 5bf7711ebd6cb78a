// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.licence;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static dev.surprisal.text.notes.KeepAndAddTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence of a genuine note measured on its own (audit12 defect 15): a note that no other note
 * shares a phrase with is told so, not "no note other than its copies", which suggests copies that
 * do not exist.
 */
class GenuineWordingTest {

    @Test
    void aNoteWithoutCopiesIsToldNoOtherNoteSharesAPhrase(@TempDir Path dir) throws IOException {
        // three unrelated texts, and an excerpt of the third
        put(dir, "a.md", Files.readString(Path.of("/usr/share/common-licenses/Apache-2.0")).substring(0, 3000), T);
        put(dir, "b.md", Files.readString(Path.of("/usr/share/common-licenses/Artistic")).substring(0, 3000), T);
        put(dir, "c.md", licence(3000, 9000), T);
        put(dir, "c-part.md", licence(4000, 6000), T);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("a.md").label()).isEqualTo(Label.GENUINE);
        assertThat(r.get("a.md").neighbours()).isEmpty();
        assertThat(r.get("a.md").reason()).endsWith("on its own: no other note shares a 5-word phrase with it");
        assertThat(r.get("c-part.md").label()).isEqualTo(Label.EXCERPT);
        assertThat(r.get("c.md").neighbours()).isEmpty();
        assertThat(r.get("c.md").reason())
                .endsWith("on its own: only notes labelled as copies share a 5-word phrase with it");

        // an exact copy counts as a copy too
        put(dir, "b (1).md", Files.readString(dir.resolve("b.md")), T + 10_000);
        assertThat(scan(dir, KnowledgeBase.Options.defaults()).get("b.md").reason())
                .endsWith("on its own: only notes labelled as copies share a 5-word phrase with it");
        assertThat(KnowledgeBase.add(dir.resolve("a.md"), dir).reason())
                .endsWith("on its own: no other note shares a 5-word phrase with it");
        assertThat(KnowledgeBase.add(dir.resolve("b.md"), dir).reason())
                .endsWith("on its own: only notes labelled as copies share a 5-word phrase with it");
        Files.delete(dir.resolve("b (1).md"));
        assertThat(KnowledgeBase.add(dir.resolve("b.md"), dir).reason())
                .endsWith("on its own: no other note shares a 5-word phrase with it");
        assertThat(KnowledgeBase.add(dir.resolve("c.md"), dir).reason())
                .endsWith("on its own: only notes labelled as copies share a 5-word phrase with it");
    }

    /** One nearest note is "its nearest note", not "its 1 nearest notes", in the sentence and in the details. */
    @Test
    void oneNearestNoteIsNoPlural(@TempDir Path dir) throws IOException {
        put(dir, "a.md", licence(0, 3000), T);
        // shares a paragraph's phrases with a.md, but holds under half of them: no copy, a neighbour
        put(dir, "b.md", licence(2500, 3000) + "\n\n" + Files.readString(Path.of("/usr/share/common-licenses/Artistic"))
                .substring(0, 3000), T);
        NoteReport b = scan(dir, KnowledgeBase.Options.defaults()).get("b.md");
        assertThat(b.label()).isEqualTo(Label.GENUINE);
        assertThat(b.neighbours()).containsExactly("a.md");
        assertThat(b.reason()).matches("adds \\d+ new bits \\([0-9.]+ per word\\) given its nearest note");
        assertThat(b.details()).anySatisfy(d -> assertThat(d).contains(" bits per word) given its nearest note;"));
    }
}
