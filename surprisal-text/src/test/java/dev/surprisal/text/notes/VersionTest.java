// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static dev.surprisal.text.notes.KeepAndAddTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An original that a later edit grew (audit12 defect 15, pkg-libdrm-amdgpu1.md): the later, longer
 * version holds it, and it was labelled an excerpt of its own edit, whatever the times, the keep
 * rule not applying. Two notes with the same title, one holding most of the other, are two versions
 * of one note: the keep rule says which is labelled, and the sentence says "an earlier version" (or
 * "a later, longer version", "a shorter version"). Quotes of a text pasted whole into another note
 * stay excerpts, whatever the times.
 */
class VersionTest {
    private static final long DAY = 86_400_000L;
    private static final Path GPL2 = Path.of("/usr/share/common-licenses/GPL-2");
    private static final Path GPL3 = Path.of("/usr/share/common-licenses/GPL-3");

    private static String note(String title, String body) {
        return "---\ntitle: " + title + "\ndate: 2026-11-20\ntags: [debian]\n---\n\n# " + title + "\n\n" + body;
    }

    /**
     * Paragraphs {@code from} to {@code to} (exclusive) of GPL-2, as the body of a note, with every
     * fourth word of each paragraph replaced: most of GPL-2 verbatim is a near-copy of the published
     * licence ({@link KnownTexts}), while these notes are to be versions of each other only.
     */
    private static String paragraphs(int from, int to) throws IOException {
        String[] p = Files.readString(GPL2).split("\\n\\s*\\n");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String para : java.util.List.of(p).subList(from, to)) {
            String[] w = para.split(" ");
            for (int i = 3; i < w.length; i += 4) {
                w[i] = "kafka";
            }
            out.add(String.join(" ", w));
        }
        return String.join("\n\n", out) + "\n";
    }

    @Test
    void anOriginalThatALaterEditGrewIsKeptByTheKeepRule(@TempDir Path dir) throws IOException {
        String original = note("Notes on libdrm-amdgpu1", paragraphs(3, 9));
        // the edit keeps it all and adds about half as much again
        String edit = original + "\n" + paragraphs(12, 14);
        put(dir, "pkg-libdrm-amdgpu1.md", original, T);
        put(dir, "edited-libdrm-amdgpu1.md", edit, T + 3 * DAY);
        put(dir, "other.md", note("Other", Files.readString(GPL3).substring(0, 4000)), T);

        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        NoteReport orig = r.get("pkg-libdrm-amdgpu1.md");
        NoteReport grown = r.get("edited-libdrm-amdgpu1.md");
        // before: "excerpt", "87% of this note is in edited-libdrm-amdgpu1.md", whatever the keep rule
        assertThat(orig.label()).isEqualTo(Label.GENUINE);
        assertThat(grown.label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(grown.copyOf()).isEqualTo("pkg-libdrm-amdgpu1.md");
        assertThat(grown.reason()).startsWith("a later, longer version of pkg-libdrm-amdgpu1.md (the same title): ")
                .endsWith("pkg-libdrm-amdgpu1.md is kept because it is older");
        assertThat(r.get("other.md").label()).isEqualTo(Label.GENUINE);

        Map<String, NoteReport> newest = scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.NEWEST));
        assertThat(newest.get("edited-libdrm-amdgpu1.md").label()).isEqualTo(Label.GENUINE);
        assertThat(newest.get("pkg-libdrm-amdgpu1.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(newest.get("pkg-libdrm-amdgpu1.md").reason())
                .startsWith("an earlier version of edited-libdrm-amdgpu1.md (the same title): ")
                .endsWith("edited-libdrm-amdgpu1.md is kept because it is newer");

        // times within 2 s say nothing of which came first: "a shorter version", and the path decides
        put(dir, "edited-libdrm-amdgpu1.md", edit, T + 1000);
        Map<String, NoteReport> tie = scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.OLDEST));
        assertThat(tie.get("pkg-libdrm-amdgpu1.md").reason())
                .startsWith("a shorter version of edited-libdrm-amdgpu1.md (the same title): ")
                .endsWith("because their modification times are within 2 s, and its path sorts first");
    }

    @Test
    void aVersionThatTheOtherMoreThanDoublesIsOrderedByTheKeepRuleToo(@TempDir Path dir) throws IOException {
        String original = note("Runbook: kafka lag", paragraphs(3, 7));
        put(dir, "runbook.md", original, T);
        put(dir, "runbook-v2.md", original + "\n" + paragraphs(20, 40), T + DAY);
        // until 2026-12-02 the older runbook.md was labelled "whatever the times", because v2 more than doubles it
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("runbook.md").label()).isEqualTo(Label.GENUINE);
        assertThat(r.get("runbook-v2.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(r.get("runbook-v2.md").reason()).startsWith("a later, longer version of runbook.md (the same title): ")
                .contains("and 100% of it is in this note").endsWith("runbook.md is kept because it is older");
        Map<String, NoteReport> newest = scan(dir, KnowledgeBase.Options.defaults().withKeep(Keep.NEWEST));
        assertThat(newest.get("runbook-v2.md").label()).isEqualTo(Label.GENUINE);
        assertThat(newest.get("runbook.md").reason()).startsWith("an earlier version of runbook-v2.md (the same title): "
                + "100% of this note is in it").endsWith("runbook-v2.md is kept because it is newer");
    }

    /**
     * Which of two versions is labelled, and how, depends on the keep rule and the times, never on
     * how much the edit added: the same for an edit of 1 to 30 paragraphs added to 4 to 8, a few words
     * more or less on either side of "more than doubles it" (the old rule's cliff).
     */
    @Property(tries = 25)
    void aSmallChangeInLengthNeverFlipsTheLabel(@ForAll @IntRange(min = 4, max = 8) int kept,
                                               @ForAll @IntRange(min = 1, max = 30) int added,
                                               @ForAll @IntRange(min = 0, max = 40) int words,
                                               @ForAll boolean newest) throws IOException {
        Path dir = Files.createTempDirectory("versions");
        try {
            String original = note("Runbook: kafka lag", paragraphs(3, 3 + kept));
            String extra = String.join(" ", java.util.Arrays.asList(paragraphs(52, 55).split("\\s+")).subList(0, words));
            put(dir, "runbook.md", original, T);
            Map<String, NoteReport> before = null;
            for (int more : new int[] {added, added + 1}) {
                put(dir, "runbook-v2.md", original + "\n" + paragraphs(20, 20 + more) + "\n" + extra + "\n", T + DAY);
                Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults()
                        .withKeep(newest ? Keep.NEWEST : Keep.FIRST_INDEXED));
                String labelled = newest ? "runbook.md" : "runbook-v2.md";
                String kept0 = newest ? "runbook-v2.md" : "runbook.md";
                assertThat(r.get(kept0).label()).isEqualTo(Label.GENUINE);
                assertThat(r.get(labelled).label()).isEqualTo(Label.NEAR_DUPLICATE);
                assertThat(r.get(labelled).copyOf()).isEqualTo(kept0);
                // an edit of about the same size is worded as any near-copy; the label and who has it are the same
                assertThat(r.get(labelled).reason()).matches("(" + (newest ? "an earlier version of" : "a later, longer version of")
                        + "|a near-copy of) .*");
                if (before != null) {
                    assertThat(r.get(labelled).label()).isEqualTo(before.get(labelled).label());
                }
                before = r;
            }
        } finally {
            try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void quotesOfATextPastedWholeStayExcerptsWhateverTheTimes(@TempDir Path dir) throws IOException {
        String gpl = Files.readString(GPL3);
        String[] paras = gpl.split("\\n\\s*\\n");
        // the quotes were written first; the whole licence was pasted later
        put(dir, "licence-gpl3.md", note("GPL-3", gpl), T + 10 * DAY);
        for (int i = 0; i < 3; i++) {
            put(dir, "gpl-quote-" + i + ".md", note("GPL quote " + i, "Quote from the GPL for our review:\n\n"
                    + String.join("\n\n", java.util.List.of(paras).subList(10 + 20 * i, 16 + 20 * i)) + "\n"), T);
        }
        // and a note without a title holding a part of another is an excerpt as before
        put(dir, "untitled.txt", String.join("\n\n", java.util.List.of(paras).subList(90, 97)) + "\n", T);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        for (int i = 0; i < 3; i++) {
            assertThat(r.get("gpl-quote-" + i + ".md").label()).isEqualTo(Label.EXCERPT);
            assertThat(r.get("gpl-quote-" + i + ".md").copyOf()).isEqualTo("licence-gpl3.md");
        }
        assertThat(r.get("untitled.txt").label()).isEqualTo(Label.EXCERPT);
        // the pasted licence itself is a near-copy of the published text (notes16), not a version of a quote
        assertThat(r.get("licence-gpl3.md").label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(r.get("licence-gpl3.md").copyOf()).isEqualTo("the GPL-3 licence text");
    }

    @Test
    void notesAddOfALongerVersionSaysSo(@TempDir Path dir) throws IOException {
        String original = note("Notes on libdrm-amdgpu1", paragraphs(3, 9));
        put(dir, "pkg-libdrm-amdgpu1.md", original, T);
        put(dir, "other.md", note("Other", paragraphs(45, 55)), T);
        KnowledgeBase.scan(dir);
        Path draft = put(dir, "libdrm-v2.md", original + "\n" + paragraphs(12, 14), T + DAY);
        NoteReport added = KnowledgeBase.add(draft, dir);
        assertThat(added.label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(added.reason()).startsWith("a later, longer version of pkg-libdrm-amdgpu1.md (the same title): ")
                .endsWith("pkg-libdrm-amdgpu1.md is kept because it was in the knowledge base first");
        // the shorter version, judged against an index holding the longer one
        Files.delete(draft);
        Files.delete(dir.resolve("pkg-libdrm-amdgpu1.md"));
        put(dir, "libdrm-v2.md", original + "\n" + paragraphs(12, 14), T + DAY);
        KnowledgeBase.scan(dir);
        Path old = put(dir, "pkg-libdrm-amdgpu1.md", original, T);
        assertThat(KnowledgeBase.add(old, dir).reason()).startsWith("an earlier version of libdrm-v2.md (the same title): ");
    }

    @Test
    void notesAddFindsAVersionThatMoreThanDoublesTheIndexedOne(@TempDir Path dir) throws IOException {
        String original = note("Runbook: kafka lag", paragraphs(3, 7));
        put(dir, "runbook.md", original, T);
        put(dir, "other.md", note("Other", paragraphs(45, 55)), T);
        KnowledgeBase.scan(dir);
        // under half of the draft is the indexed note: add looked only at how much of the draft was in it
        Path draft = put(dir, "runbook-v2.md", original + "\n" + paragraphs(20, 40), T + DAY);
        NoteReport added = KnowledgeBase.add(draft, dir);
        assertThat(added.label()).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(added.reason()).startsWith("a later, longer version of runbook.md (the same title): ")
                .endsWith("runbook.md is kept because it was in the knowledge base first");
        // and scan says the same of the two
        assertThat(scan(dir, KnowledgeBase.Options.defaults()).get("runbook-v2.md").reason())
                .startsWith("a later, longer version of runbook.md (the same title): ");
    }

    @Test
    void theTitleIsTheFrontMattersElseTheFirstHeading() {
        assertThat(MeasuredNote.title("---\ndate: 1\ntitle: \"Weekly  Sync\"\n---\n\n# Other\n", "\n# Other\n"))
                .isEqualTo("weekly sync");
        assertThat(MeasuredNote.title("---\r\ntitle: Release 1.2\r\n---\r\n", "")).isEqualTo("release 1.2");
        assertThat(MeasuredNote.title("intro\n# Kafka lag #\ntext", "intro\n# Kafka lag #\ntext")).isEqualTo("kafka lag");
        assertThat(MeasuredNote.title("## only a subheading\ntext", "## only a subheading\ntext")).isEmpty();
        assertThat(MeasuredNote.title("---\ntitle:\n---\nplain", "plain")).isEmpty();
    }
}
