// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.surprisal.text.notes.KeepAndAddTest.T;
import static dev.surprisal.text.notes.KeepAndAddTest.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A licence pasted whole into a note (notes16 item 1): before, nothing in a knowledge base said the
 * text came from outside, so the note was genuine and ranked in the middle of the digest (the GPL-3
 * 14th of 31 in {@link DigestRankingTest}'s folder), listed among the notes its owner wrote and not
 * with the copies. It is now a near-copy of the published text ({@link KnownTexts}), however it is
 * wrapped and with a short header of its own, in {@code scan} and in {@code add}; a note holding a
 * part of a licence is judged as before.
 */
class PastedLicenceTest {
    private static final Path LICENCES = Path.of("/usr/share/common-licenses");

    @Test
    void aPastedLicenceIsACopyOfThePublishedTextNotADigestEntry(@TempDir Path dir) throws IOException {
        String gpl3 = Files.readString(LICENCES.resolve("GPL-3"));
        String gpl2 = Files.readString(LICENCES.resolve("GPL-2"));
        String apache = Files.readString(LICENCES.resolve("Apache-2.0"));
        List<List<String>> chunks = EvaluationSet.distinctChunks(ReaderFolder.readmes(), 12, 7, gpl3 + gpl2 + apache);
        for (int i = 0; i < chunks.size(); i++) {
            put(dir, String.format("readme-%02d.md", i), ReaderFolder.frontMatter("Reading notes " + i, 1 + i)
                    + String.join("\n\n", chunks.get(i)) + "\n", T + i * 60_000L);
        }
        put(dir, "licence-gpl3.md", ReaderFolder.frontMatter("GPL-3", 2) + gpl3, T);
        // as a Windows editor keeps it: CRLF, trailing spaces, tab-indented lines
        put(dir, "gpl2-windows.txt", gpl2.replace("\n", "  \r\n").replace("\r\n    ", "\r\n\t"), T);
        put(dir, "our-licence.md", "# Licence of the billing service\n\nWe ship the billing service under the Apache "
                + "licence; its text follows, as the legal team sent it.\n\n" + apache, T);
        // a third of the GPL-3, its middle: an excerpt of the note that pastes it, as before
        put(dir, "gpl3-middle.md", gpl3.substring(gpl3.length() / 3, 2 * gpl3.length() / 3), T + 86_400_000L);

        KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), true);
        Map<String, NoteReport> byPath = r.notes().stream().collect(Collectors.toMap(NoteReport::path, n -> n));
        Map<String, String> pasted = Map.of("licence-gpl3.md", "GPL-3", "gpl2-windows.txt", "GPL-2",
                "our-licence.md", "Apache-2.0");
        pasted.forEach((path, licence) -> {
            NoteReport n = byPath.get(path);
            assertThat(n.label()).as(path).isEqualTo(Label.NEAR_DUPLICATE);
            assertThat(n.copyOf()).isEqualTo("the " + licence + " licence text");
            assertThat(n.digestRank()).isZero();
            assertThat(n.reason()).startsWith("a near-copy of the " + licence + " licence text: ")
                    .endsWith("is kept because it is a published licence text, from outside the knowledge base");
            assertThat(n.containment()).isGreaterThan(0.9);
        });
        assertThat(byPath.get("gpl3-middle.md").label()).isEqualTo(Label.EXCERPT);
        assertThat(byPath.get("gpl3-middle.md").copyOf()).isEqualTo("licence-gpl3.md");
        // the digest is the notes the owner wrote
        assertThat(r.digest()).extracting(NoteReport::path).allMatch(p -> p.startsWith("readme-")).hasSize(12);

        // notes add of the same licence (a draft from elsewhere) names the published text, not the note that pastes it
        Path draft = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-draft.md"), gpl3);
        try {
            NoteReport added = KnowledgeBase.add(draft, dir);
            assertThat(added.label()).isEqualTo(Label.NEAR_DUPLICATE);
            assertThat(added.label().addsLittle()).isTrue();
            assertThat(added.copyOf()).isEqualTo("the GPL-3 licence text");
        } finally {
            Files.delete(draft);
        }
    }
}
