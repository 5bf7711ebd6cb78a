// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.licence;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static dev.surprisal.text.notes.KeepAndAddTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What `notes add` keeps in the index: notes of the knowledge base that were not rejected, never a
 * draft from elsewhere or a rejected note, and no entry whose file is gone (so a `git mv` of a note
 * is a rename, not "an exact copy of" its old name).
 */
class AddRecordsTest {
    static final long DAY = 86_400_000L;

    static Path kb(Path dir) throws IOException {
        put(dir, "bc-readme.md", licence(0, 3000), T);
        put(dir, "other.md", licence(5000, 9000), T);
        scan(dir, KnowledgeBase.Options.defaults());
        return dir;
    }

    static boolean indexed(Path dir, String path) {
        return KbIndex.read(dir).indexOf(path) >= 0;
    }

    @Test
    void aRenamedNoteIsNotACopyOfItsOldNameAndItsOldEntryIsDropped(@TempDir Path dir) throws IOException {
        kb(dir);
        Path moved = Files.move(dir.resolve("bc-readme.md"), dir.resolve("bc-guide.md"));
        NoteReport r = KnowledgeBase.add(moved, dir);
        assertThat(r.label()).isEqualTo(Label.GENUINE);
        assertThat(r.messages()).anyMatch(m -> m.startsWith("renamed from bc-readme.md"));
        assertThat(indexed(dir, "bc-readme.md")).isFalse();
        assertThat(indexed(dir, "bc-guide.md")).isTrue();
        // the hook runs again on the same commit: same verdict
        assertThat(KnowledgeBase.add(moved, dir).label()).isEqualTo(Label.GENUINE);
    }

    @Test
    void aRenamedOriginalKeepsItsPlaceOnRescan(@TempDir Path dir) throws IOException {
        put(dir, "runbook.md", licence(0, 4000), T + DAY);
        scan(dir, KnowledgeBase.Options.defaults());
        put(dir, "runbook-copy.md", licence(0, 4000), T); // older file, indexed later: the copy
        assertThat(scan(dir, KnowledgeBase.Options.defaults()).get("runbook-copy.md").label()).isEqualTo(Label.DUPLICATE);
        Files.move(dir.resolve("runbook.md"), dir.resolve("runbook-v1.md"));
        var after = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(after.get("runbook-v1.md").label()).isEqualTo(Label.GENUINE);
        assertThat(after.get("runbook-copy.md").label()).isEqualTo(Label.DUPLICATE);
        assertThat(after.get("runbook-copy.md").copyOf()).isEqualTo("runbook-v1.md");
    }

    @Test
    void aDraftFromOutsideIsJudgedButNotRecordedSoItsNextVersionIsNotACopyOfIt(@TempDir Path dir,
                                                                               @TempDir Path drafts) throws IOException {
        kb(dir);
        int size = KbIndex.read(dir).notes.size();
        String draft = licence(12000, 15000);
        assertThat(KnowledgeBase.add(put(drafts, "new.md", draft, T), dir).label()).isEqualTo(Label.GENUINE);
        String edited = draft.replace("the Program", "this program").replace("License", "Licence");
        NoteReport v2 = KnowledgeBase.add(put(drafts, "new-v2.md", edited, T + DAY), dir);
        assertThat(v2.label()).isEqualTo(Label.GENUINE);
        assertThat(KbIndex.read(dir).notes).hasSize(size)
                .noneMatch(e -> Path.of(e.path()).isAbsolute());
    }

    @Test
    void aRejectedNoteIsNotRecordedAndADeletedNoteIsForgotten(@TempDir Path dir) throws IOException {
        kb(dir);
        Path copy = put(dir, "bc-readme (1).md", licence(0, 3000), T + DAY);
        assertThat(KnowledgeBase.add(copy, dir).label()).isEqualTo(Label.DUPLICATE);
        assertThat(indexed(dir, "bc-readme (1).md")).isFalse();

        Files.delete(dir.resolve("other.md"));
        Path rewrite = put(dir, "other-notes.md", licence(5000, 9000).replace("License", "Licence"), T + DAY);
        NoteReport r = KnowledgeBase.add(rewrite, dir);
        assertThat(r.label()).isEqualTo(Label.GENUINE);
        assertThat(r.reason()).doesNotContain("other.md");
        assertThat(indexed(dir, "other.md")).isFalse();
    }
}
