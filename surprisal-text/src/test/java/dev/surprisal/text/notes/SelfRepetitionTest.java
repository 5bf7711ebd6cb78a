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
 * A note that is one sentence pasted over and over is low-information whether or not each copy
 * has its own line; a real document that repeats some of its phrases is not.
 */
class SelfRepetitionTest {
    static final String SENTENCE = "To deploy the billing service, merge to main, wait for the pipeline to go green, "
            + "then run the release job from the dashboard and watch the error rate for ten minutes. ";

    /** Greedy wrap at {@code width} columns, as an editor's fill does. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String w : text.trim().split(" +")) {
            if (col > 0 && col + 1 + w.length() > width) {
                out.append('\n');
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(w);
            col += w.length();
        }
        return out.append('\n').toString();
    }

    @Test
    void aSentencePastedTenTimesWrappedOrOnOneLineIsLowInformation(@TempDir Path dir) throws IOException {
        put(dir, "gpl-a.md", licence(0, 4000), T);
        put(dir, "gpl-b.md", licence(8000, 12000), T);
        put(dir, "runbook-repeated.md", "# Deploy\n\n" + wrap(SENTENCE.repeat(10), 80), T);
        put(dir, "repeat.md", "Restart the service and check the logs again before paging anyone on call. ".repeat(12), T);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        for (String note : new String[] {"runbook-repeated.md", "repeat.md"}) {
            assertThat(r.get(note).label()).as(note).isEqualTo(Label.LOW_INFORMATION);
            assertThat(r.get(note).reason()).as(note).startsWith("it repeats itself: ")
                    .contains("of its word characters repeat an earlier 5-word phrase of the note (low-information from 80%)");
        }
        assertThat(r.get("gpl-a.md").label()).isEqualTo(Label.GENUINE);
        // `add` applies the same rule
        String rotate = "Rotate the pager keys every quarter and file the audit ticket before the change freeze begins. ";
        Path draft = put(dir, "draft.md", wrap(rotate.repeat(10), 72), T);
        assertThat(KnowledgeBase.add(draft, dir).label()).isEqualTo(Label.LOW_INFORMATION);
    }

    @Test
    void aSentenceTwiceIsNotAndTheExplanationCountsDistinctLines(@TempDir Path dir) throws IOException {
        put(dir, "gpl-a.md", licence(0, 4000), T);
        put(dir, "twice.md", wrap(SENTENCE.repeat(2) + licence(20000, 21500), 80), T);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            log.append("WARN disk usage on /var is above the alert level\n");
        }
        put(dir, "logdump.md", log.toString(), T);
        Map<String, NoteReport> r = scan(dir, KnowledgeBase.Options.defaults());
        assertThat(r.get("twice.md").label()).isEqualTo(Label.GENUINE);
        assertThat(r.get("logdump.md").label()).isEqualTo(Label.LOW_INFORMATION);
        assertThat(r.get("logdump.md").details())
                .contains("0 of its 1 distinct lines of 3 or more words recur in at least 5 other notes")
                .anyMatch(d -> d.contains("100% of its lines of 3 or more words repeat an earlier line"));
    }

    @Test
    void realReadmesAreNotLowInformationBecauseTheyRepeatPhrases(@TempDir Path dir) throws IOException {
        // the plain READMEs of Debian's documentation that repeat their own 5-word phrases the most
        // (duplicate 5-gram character fraction 0.30, 0.22, 0.18, 0.17 and 0.13 on Debian 12)
        String[] readmes = {"/usr/share/doc/openssl/README.optimization", "/usr/share/doc/postgresql-common/README.systemd",
                "/usr/share/doc/openjdk-17-jre-headless/README.alternatives", "/usr/share/doc/base-passwd/README",
                "/usr/share/doc/fonts-dejavu-core/README.md"};
        int copied = 0;
        for (String f : readmes) {
            Path p = Path.of(f);
            if (Files.isRegularFile(p)) {
                Files.copy(p, dir.resolve(p.getParent().getFileName() + "-" + p.getFileName() + ".txt"));
                copied++;
            }
        }
        assertThat(copied).as("READMEs present on this machine").isGreaterThanOrEqualTo(3);
        KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), false).notes()
                .forEach(n -> assertThat(n.label()).as(n.path()).isNotEqualTo(Label.LOW_INFORMATION));
    }
}
