// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which copy is the original, and `notes add` against the index: idempotent, never compared with itself. */
class KeepAndAddTest {
    static final long T = 1_700_000_000_000L;

    static String licence(int from, int to) throws IOException {
        return Files.readString(Path.of("/usr/share/common-licenses/GPL-3")).substring(from, to);
    }

    static Path put(Path dir, String name, String text, long mtime) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text);
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
        return f;
    }

    static Map<String, NoteReport> scan(Path dir, KnowledgeBase.Options o) {
        return KnowledgeBase.scan(dir, o, true).notes().stream().collect(Collectors.toMap(NoteReport::path, n -> n));
    }

    @Test
    void theOlderCopyIsKeptEvenWhenTheNewerNameSortsFirst(@TempDir Path dir) throws IOException {
        String text = licence(0, 3000);
        put(dir, "coffee.md", text, T);
        put(dir, "coffee (1).md", text, T + 86_400_000L);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("coffee.md").label()).isEqualTo(Label.GENUINE);
        assertThat(r.get("coffee (1).md").label()).isEqualTo(Label.DUPLICATE);
        assertThat(r.get("coffee (1).md").reason())
                .isEqualTo("an exact copy of coffee.md, which is kept as the original because it is older");
        assertThat(r.get("coffee (1).md").copyOf()).isEqualTo("coffee.md");
    }

    @Test
    void timesWithinTwoSecondsAreATieDecidedByPathAndEveryRuleCanBeChosen(@TempDir Path dir) throws IOException {
        String text = licence(3000, 7000);
        String edited = text.replace("License", "Licence");
        put(dir, "b.md", text, T);
        put(dir, "a.md", edited, T + 1500);
        Map<String, NoteReport> tie = scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.OLDEST));
        assertThat(tie.get("b.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(tie.get("b.md").reason()).endsWith("a.md is kept because their modification times are within 2 s, "
                + "and its path sorts first");
        assertThat(tie.get("a.md").label()).isEqualTo(Label.GENUINE);

        put(dir, "a.md", edited, T + 10_000);
        assertThat(scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.OLDEST)).get("a.md").label())
                .isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.NEWEST)).get("b.md").label())
                .isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.PATH)).get("b.md").label())
                .isEqualTo(Label.NEAR_DUPLICATE);
        assertThatThrownBy(() -> Keep.parse("youngest")).hasMessageContaining("--keep: is 'youngest'");
    }

    @Test
    void aNoteInTheIndexStaysTheOriginalOnRescan(@TempDir Path dir) throws IOException {
        String text = licence(0, 4000);
        put(dir, "new-name.md", text, T + 86_400_000L);
        scan(dir, KnowledgeBase.Options.defaults());
        // an older file appears later: first-indexed keeps the indexed one, oldest would not
        put(dir, "old-file.md", text, T);
        assertThat(scan(dir, KnowledgeBase.Options.defaults()).get("old-file.md").label()).isEqualTo(Label.DUPLICATE);
    }

    @Test
    void anExcerptIsLabelledWithItsContainmentAndTheSourceStaysGenuine(@TempDir Path dir) throws IOException {
        String full = licence(0, 8000);
        put(dir, "kafka-lag.md", full, T);
        put(dir, "notes-from-kafka.md", full.substring(1000, 1000 + (int) (0.6 * 7000)), T + 1_000_000);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("kafka-lag.md").label()).isEqualTo(Label.GENUINE);
        NoteReport e = r.get("notes-from-kafka.md");
        assertThat(e.label()).isEqualTo(Label.EXCERPT);
        assertThat(e.reason()).matches("\\d+% of this note is in kafka-lag.md \\(an excerpt from 50%, counted in 5-word phrases\\)");
        assertThat(e.containment()).isGreaterThan(0.95);
    }

    @Test
    void reAddingANoteGivesTheSameVerdictAndTheIndexDoesNotGrow(@TempDir Path dir) throws IOException {
        put(dir, "a.md", licence(0, 3000), T);
        put(dir, "b.md", licence(5000, 9000), T);
        scan(dir, KnowledgeBase.Options.defaults());
        Path fresh = put(dir, "c.md", licence(12000, 15000), T + 5000);
        NoteReport first = KnowledgeBase.add(fresh, dir);
        int size = KbIndex.read(dir).notes.size();
        NoteReport again = KnowledgeBase.add(fresh, dir);
        assertThat(first.label()).isEqualTo(Label.GENUINE);
        assertThat(again.label()).isEqualTo(first.label());
        assertThat(again.reason()).isEqualTo(first.reason());
        assertThat(KbIndex.read(dir).notes).hasSize(size);
        // a note already scanned is not "a copy of itself"
        assertThat(KnowledgeBase.add(dir.resolve("a.md"), dir).label()).isEqualTo(Label.GENUINE);
        assertThat(KbIndex.read(dir).notes).hasSize(size);
    }

    @Test
    void addFlagsCopiesExcerptsAndShortNotesWithTheirExitMeaning(@TempDir Path dir) throws IOException {
        String full = licence(0, 9000);
        put(dir, "source.md", full, T);
        put(dir, "other.md", licence(9000, 14000), T);
        scan(dir, KnowledgeBase.Options.defaults());
        Path outside = Files.createTempDirectory("drafts");
        NoteReport copy = KnowledgeBase.add(put(outside, "copy.md", full, T - 1_000_000), dir);
        assertThat(copy.label()).isEqualTo(Label.DUPLICATE);
        assertThat(copy.reason()).contains("source.md").contains("it was in the knowledge base first");
        NoteReport excerpt = KnowledgeBase.add(put(outside, "part.md", full.substring(2000, 6000), T), dir);
        assertThat(excerpt.label()).isEqualTo(Label.EXCERPT);
        assertThat(excerpt.copyOf()).isEqualTo("source.md");
        NoteReport tiny = KnowledgeBase.add(put(outside, "todo.md", "buy milk, call the bank", T), dir);
        assertThat(tiny.label()).isEqualTo(Label.TOO_SHORT);
        assertThat(Label.TOO_SHORT.addsLittle()).isFalse();
        assertThat(Label.EXCERPT.addsLittle()).isTrue();
    }
}
