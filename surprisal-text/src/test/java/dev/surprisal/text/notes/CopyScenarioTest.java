// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy labels on a knowledge base of real text with known truth (audit 10, item 12): Debian's
 * copyright files and the licences in /usr/share/common-licenses cut into distinct notes, then
 * <ul>
 * <li>eight "package" notes that each paste the same 700 words of GPL-2, wrapped their own way, under their own text: six
 * with a short text of their own (mostly licence: before, each was an excerpt or near-copy of
 * another package, as libzstd1 was "an excerpt of gpgv"), two with a long one;</li>
 * <li>an excerpt of a long package note, more than half of it the shared licence (before the own-phrase rule
 * a plain phrase-template rule would have called it a template);</li>
 * <li>an exact copy, a copy with a short paragraph rewritten, a copy whose longest paragraph (about
 * a quarter of it) is rewritten much shorter (the audit's postgresql-15 case: before, "excerpt
 * 96%"), a true excerpt (a contiguous 40%), and a form filled in twice.</li>
 * </ul>
 * Each copy label names its planted original; no other note gets a copy label; originals stay
 * genuine; {@code notes add} gives each planted note the same verdict as the scan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CopyScenarioTest {
    private static final Path LICENCES = Path.of("/usr/share/common-licenses");
    private static final long T0 = EvaluationSet.T0;
    private static final long DAY = 86_400_000L;

    /** Planted note → [expected label, expected original (or null)]. */
    private final Map<String, Object[]> truth = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Long> times = new LinkedHashMap<>();
    /** Share of the edited note's words in its rewritten longest paragraph, and the rewrite's words. */
    private double longestShare;
    private Map<String, NoteReport> scanned;
    private Path tmp;

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    /** The text's paragraphs re-wrapped at {@code width} columns, as each package's copyright file wraps a licence its own way. */
    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String p : text.split("\\n\\s*\\n")) {
            out.append(SelfRepetitionTest.wrap(p.strip().replaceAll("\\s+", " "), width)).append('\n');
        }
        return out.toString();
    }

    private void plant(String name, String text, long time, Label label, String original) {
        texts.put(name, text);
        times.put(name, time);
        truth.put(name, new Object[] {label, original});
    }

    @BeforeAll
    void build(@TempDir Path dir) throws IOException {
        tmp = dir;
        String gpl2 = Files.readString(LICENCES.resolve("GPL-2"));
        StringBuilder shared = new StringBuilder();
        for (String p : gpl2.split("\\n\\s*\\n")) {
            if (words(shared.toString()) >= 700) {
                break;
            }
            shared.append(p).append("\n\n");
        }
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(LICENCES)) {
            s.filter(p -> !p.getFileName().toString().startsWith("GPL")).sorted().forEach(sources::add);
        }
        try (Stream<Path> s = Files.list(Path.of("/usr/share/doc"))) {
            s.map(d -> d.resolve("copyright")).filter(Files::isRegularFile).sorted().forEach(sources::add);
        }
        List<List<String>> chunks = EvaluationSet.distinctChunks(sources, 60, 11, shared.toString());
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(60);
        int next = 0;
        // the package notes: own text above the same licence text
        for (int k = 0; k < 6; k++) {
            plant(String.format("pkg-%02d.md", k), "Package " + k + "\n\n" + String.join("\n\n", chunks.get(next++))
                    + "\n\n" + wrap(shared.toString(), 60 + 3 * k), T0 + k * DAY, Label.TEMPLATE, null);
        }
        for (String k : List.of("a", "b")) {
            StringBuilder own = new StringBuilder();
            while (words(own.toString()) < 1100) {
                own.append(String.join("\n\n", chunks.get(next++))).append("\n\n");
            }
            plant("pkg-long-" + k + ".md", "Package " + k + "\n\n" + own + wrap(shared.toString(), k.equals("a") ? 78 : 79),
                    T0 + 10 * DAY, Label.GENUINE, null);
            if (k.equals("a")) {
                // an excerpt across the end of its own text and the start of the licence: mostly shared text,
                // but what it has of its own is all in pkg-long-a, so it is that note's excerpt
                String[] w = texts.get("pkg-long-a.md").strip().split("\\s+");
                int end = words(own.toString()) + 2;
                plant("part-of-pkg-long-a.md", String.join(" ", Arrays.asList(w).subList(end - 250, end + 400)) + "\n",
                        T0 + 60 * DAY, Label.EXCERPT, "pkg-long-a.md");
            }
        }
        // background notes
        for (int k = 0; k < 4; k++) {
            plant(String.format("bg-%02d.md", k), String.join("\n\n", chunks.get(next++)) + "\n", T0 + 20 * DAY,
                    Label.GENUINE, null);
        }
        // an exact copy
        String x = String.join("\n\n", chunks.get(next++)) + "\n\n" + String.join("\n\n", chunks.get(next++)) + "\n";
        plant("orig-x.md", x, T0 + 30 * DAY, Label.GENUINE, null);
        plant("copy-x.md", x, T0 + 60 * DAY, Label.DUPLICATE, "orig-x.md");
        // a true excerpt: a contiguous 40% of a three-chunk note
        String z = String.join("\n\n", chunks.get(next++)) + "\n\n" + String.join("\n\n", chunks.get(next++)) + "\n\n"
                + String.join("\n\n", chunks.get(next++)) + "\n";
        plant("orig-z.md", z, T0 + 30 * DAY, Label.GENUINE, null);
        String[] zw = z.strip().split(" ");
        int from = zw.length / 4;
        plant("part-of-z.md", String.join(" ", Arrays.asList(zw).subList(from, from + 2 * zw.length / 5)) + "\n",
                T0 + 60 * DAY, Label.EXCERPT, "orig-z.md");
        // paragraphs for the edited copies, from chunks no note uses
        List<String> pool = new ArrayList<>();
        for (int c = next; c < chunks.size(); c++) {
            for (String p : chunks.get(c)) {
                if (words(p) >= 30 && words(p) <= 220 && !p.contains("\n\n")) {
                    pool.add(p);
                }
            }
        }
        // y: a long paragraph, then others until it is about a quarter of the note
        String longest = pool.stream().filter(p -> words(p) >= 140).findFirst().orElseThrow();
        pool.remove(longest);
        List<String> y = new ArrayList<>();
        int others = 0;
        while (others < 2.8 * words(longest)) {
            String p = pool.stream().filter(q -> words(q) <= 110).findFirst().orElseThrow();
            pool.remove(p);
            y.add(p);
            others += words(p);
        }
        y.add(2, longest);
        String rewrite = String.join(" ", Arrays.asList(pool.remove(0).strip().split("\\s+")).subList(0, 15));
        List<String> edited = new ArrayList<>(y);
        edited.set(2, rewrite);
        longestShare = words(longest) / (double) words(String.join("\n\n", y));
        plant("orig-y.md", String.join("\n\n", y) + "\n", T0 + 30 * DAY, Label.GENUINE, null);
        plant("edit-y.md", String.join("\n\n", edited) + "\n", T0 + 60 * DAY, Label.NEAR_DUPLICATE, "orig-y.md");
        // w: one short paragraph rewritten at about the same length
        List<String> w = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            w.add(pool.remove(0));
        }
        List<String> wEdited = new ArrayList<>(w);
        wEdited.set(3, pool.remove(0));
        plant("orig-w.md", String.join("\n\n", w) + "\n", T0 + 30 * DAY, Label.GENUINE, null);
        plant("edit-w.md", String.join("\n\n", wEdited) + "\n", T0 + 60 * DAY, Label.NEAR_DUPLICATE, "orig-w.md");
        // a form filled in twice: the same six lines, two fields of its own each
        String[] form = pool.remove(0).replace('\n', ' ').split("(?<=[.;:,])\\s+");
        assertThat(form.length).as("form lines").isGreaterThanOrEqualTo(3);
        String skeleton = "Incident report\n\n" + String.join("\n", form) + "\n\n";
        plant("form-1.md", skeleton + "Cause: " + String.join(" ", Arrays.asList(pool.remove(0).split("\\s+")).subList(0, 12))
                + "\n", T0 + 40 * DAY, Label.GENUINE, null);
        plant("form-2.md", skeleton + "Cause: " + String.join(" ", Arrays.asList(pool.remove(0).split("\\s+")).subList(0, 12))
                + "\n", T0 + 41 * DAY, Label.NEAR_DUPLICATE, "form-1.md");

        Path kb = Files.createDirectories(dir.resolve("kb"));
        for (String name : texts.keySet()) {
            KeepAndAddTest.put(kb, name, texts.get(name), times.get(name));
        }
        scanned = KeepAndAddTest.scan(kb, KnowledgeBase.Options.defaults());
    }

    private String why(NoteReport r) {
        return r.path() + ": " + r.label().id() + ": " + r.reason() + " " + r.details();
    }

    @Test
    void theEditedCopyReproducesTheAuditsCase() {
        // about a quarter of the note rewritten in 15 words: under the old size ratio of 0.8
        assertThat(longestShare).isBetween(0.2, 0.3);
        NoteReport r = scanned.get("edit-y.md");
        assertThat(r.containment()).as(why(r)).isGreaterThan(0.9);
        assertThat(r.label()).as(why(r)).isEqualTo(Label.NEAR_DUPLICATE);
        assertThat(r.copyOf()).isEqualTo("orig-y.md");
        assertThat(scanned.get("orig-y.md").label()).isEqualTo(Label.GENUINE);
    }

    @Test
    void everyLabelIsTheKnownTruthAndNamesThePlantedOriginal() {
        assertThat(scanned.keySet()).containsExactlyInAnyOrderElementsOf(truth.keySet());
        for (Map.Entry<String, Object[]> t : truth.entrySet()) {
            NoteReport r = scanned.get(t.getKey());
            assertThat(r.label()).as(why(r)).isEqualTo(t.getValue()[0]);
            assertThat(r.copyOf()).as(why(r)).isEqualTo(t.getValue()[1]);
        }
    }

    @Test
    void anExcerptThatIsMostlyLicenceIsStillAnExcerptOfItsSource() {
        NoteReport r = scanned.get("part-of-pkg-long-a.md");
        assertThat(r.details()).as(why(r)).anyMatch(d -> d.contains("5-word phrases are in at least 5 other notes"));
        assertThat(r.label()).as(why(r)).isEqualTo(Label.EXCERPT);
        assertThat(r.copyOf()).isEqualTo("pkg-long-a.md");
    }

    @Test
    void theSharedLicenceIsReportedAsATemplateNotAsACopy() {
        for (int k = 0; k < 6; k++) {
            NoteReport r = scanned.get(String.format("pkg-%02d.md", k));
            assertThat(r.reason()).as(why(r)).contains("5-word phrases also appear in 5 or more other notes")
                    .doesNotContain(".md");
        }
        for (String k : List.of("a", "b")) {
            NoteReport r = scanned.get("pkg-long-" + k + ".md");
            assertThat(r.details()).as(why(r)).anyMatch(d -> d.contains("5-word phrases are in at least 5 other notes"));
        }
    }

    @Test
    void notesAddGivesEachPlantedNoteTheScansVerdict() throws IOException {
        Set<String> added = Set.of("copy-x.md", "part-of-z.md", "edit-y.md", "edit-w.md", "form-2.md", "pkg-05.md",
                "part-of-pkg-long-a.md");
        Path kb = Files.createDirectories(tmp.resolve("kb-without"));
        for (String name : texts.keySet()) {
            if (!added.contains(name)) {
                KeepAndAddTest.put(kb, name, texts.get(name), times.get(name));
            }
        }
        KnowledgeBase.scan(kb, KnowledgeBase.Options.defaults(), true);
        Path drafts = Files.createDirectories(tmp.resolve("drafts"));
        for (String name : added) {
            NoteReport a = KnowledgeBase.add(Files.writeString(drafts.resolve(name), texts.get(name)), kb);
            NoteReport s = scanned.get(name);
            assertThat(a.label()).as("add " + why(a)).isEqualTo(s.label());
            assertThat(a.copyOf()).as("add " + why(a)).isEqualTo(s.copyOf());
        }
    }
}
