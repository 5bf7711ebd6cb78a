// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NotesCommandTest {
    @Test
    void scanWritesJsonAndAnEscapedHtmlReportAndAddRaisesAnAlarmForACopy(@TempDir Path dir) throws Exception {
        String a = "Grinding coffee just before brewing keeps the aromatic oils that escape within minutes of grinding.";
        Files.writeString(dir.resolve("a.md"), a);
        Files.writeString(dir.resolve("b.md"), "A chain stretches as its pins wear; replace it before it ruins the cassette.");
        Files.writeString(dir.resolve("<script>.md"), "an odd file name that must be escaped in html output");
        Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
        Path html = dir.resolve("out.html");
        Cli r = Cli.run("notes", "scan", dir.toString(), "--json", "--report", html.toString());
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("notes")).hasSize(3);
        assertThat(j.get("skipped").get(0).get("reason").asText()).startsWith("not valid UTF-8");
        assertThat(r.err()).contains("skipped bad.txt: not valid UTF-8");
        String page = Files.readString(html);
        assertThat(page).contains("&lt;script&gt;.md").doesNotContain("<script>");

        Path copy = Files.writeString(Files.createTempDirectory("n").resolve("copy.md"), a);
        Cli add = Cli.run("notes", "add", copy.toString(), "--kb", dir.toString());
        assertThat(add.code()).isEqualTo(ExitCode.ALARM);
        assertThat(add.out()).isEqualTo("duplicate: an exact copy of a.md, which is kept as the original because it was "
                + "in the knowledge base first\n");
        Cli again = Cli.run("notes", "add", copy.toString(), "--kb", dir.toString());
        assertThat(again.code()).isEqualTo(ExitCode.ALARM);
        assertThat(again.out()).isEqualTo(add.out());
        Path todo = Files.writeString(Files.createTempDirectory("n").resolve("todo.md"), "buy milk, call the bank");
        Cli shortNote = Cli.run("notes", "add", todo.toString(), "--kb", dir.toString());
        assertThat(shortNote.code()).isZero();
        assertThat(shortNote.out()).startsWith("too-short: only 5 words");
        assertThat(Cli.run("notes", "scan", dir.toString(), "--keep", "youngest").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("notes", "scan", dir.toString(), "--threshold", "1.5").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("notes", "scan", "--help").out()).contains("Examples:").contains("--keep oldest");
        assertThat(Cli.run("notes", "add", "--help").out()).contains("Examples:").contains("exit 1");
    }

    /**
     * The JSON's empty numbers say why in the note's terms (a genuine note's containment was "not
     * defined for these data", which is not why), and the digest's score is there with its rank.
     */
    @Test
    void theJsonSaysWhyANumberIsEmptyAndGivesTheDigestScore(@TempDir Path dir) throws Exception {
        String a = "Grinding coffee just before brewing keeps the aromatic oils that escape within minutes of grinding, "
                + "so a burr grinder on the counter beats a bag of ground beans from the shop every single morning.";
        Files.writeString(dir.resolve("a.md"), a);
        Files.writeString(dir.resolve("a-copy.md"), a);
        Files.writeString(dir.resolve("b.md"), "A chain stretches as its pins wear; replace it before it ruins the "
                + "cassette and the chainrings, which cost far more than a new chain and take longer to fit.");
        Cli r = Cli.run("notes", "scan", dir.toString(), "--json");
        assertThat(r.code()).isZero();
        JsonNode notes = new ObjectMapper().readTree(r.out()).get("notes");
        JsonNode genuine = notes.get(2);
        assertThat(genuine.get("path").asText()).isEqualTo("b.md");
        assertThat(genuine.get("containment").isNull()).isTrue();
        assertThat(genuine.get("containment_reason").asText()).startsWith("not a copy: ");
        assertThat(genuine.get("jaccard_reason").asText()).startsWith("not a copy: ");
        assertThat(genuine.get("windowed_entropy_bits_reason").asText()).startsWith("under 100 words");
        double words = Math.max(genuine.get("words").asInt(), 100);
        assertThat(genuine.get("digest_bits_per_word").asDouble()).isCloseTo(genuine.get("novel_bits").asDouble() / words
                * Math.pow(words / 1000, 0.15), org.assertj.core.data.Offset.offset(1e-9));
        // a-copy.md sorts first ('-' before '.'), so with equal times a.md is the copy
        JsonNode copy = notes.get(1);
        assertThat(copy.get("path").asText()).isEqualTo("a.md");
        assertThat(copy.get("containment").asDouble()).isEqualTo(1.0);
        assertThat(copy.has("containment_reason")).isFalse();
        assertThat(copy.get("digest_bits_per_word").isNull()).isTrue();
        assertThat(copy.get("digest_bits_per_word_reason").asText()).isEqualTo("not in the digest: only genuine notes are ranked");
    }

    @Test
    void aNoteMovedWithGitMvPassesThePreCommitHookAndTheHelpStatesEveryLowInformationRule(@TempDir Path dir)
            throws Exception {
        String gpl = Files.readString(Path.of("/usr/share/common-licenses/GPL-3"));
        Files.writeString(dir.resolve("bc-readme.md"), gpl.substring(0, 3000));
        Files.writeString(dir.resolve("other.md"), gpl.substring(6000, 9000));
        assertThat(Cli.run("notes", "scan", dir.toString()).code()).isZero();
        Path moved = Files.move(dir.resolve("bc-readme.md"), dir.resolve("bc-guide.md"));
        Cli add = Cli.run("notes", "add", moved.toString(), "--kb", dir.toString(), "--explain");
        assertThat(add.code()).as(add.out()).isZero();
        assertThat(add.out()).startsWith("genuine: ").contains("note: renamed from bc-readme.md");
        String help = Cli.run("notes", "--help").out();
        assertThat(help).contains("80% of its lines or of its 5-word phrases repeating earlier ones");
        assertThat(Cli.run("notes", "add", "--help").out()).contains("--diff-filter=ACMR");
    }

    /**
     * The defect of notes16: a licence pasted whole into a note was listed in the middle of the
     * digest, as if its owner had written it; it is now in the labelled notes, a near-copy of the
     * published text, and the digest is what the owner wrote.
     */
    @Test
    void aPastedLicenceIsListedWithTheCopiesNotInTheDigest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("coffee.md"), "Grinding coffee just before brewing keeps the aromatic oils that "
                + "escape within minutes of grinding, so a burr grinder on the counter beats a bag of ground beans.");
        Files.writeString(dir.resolve("chain.md"), "A bicycle chain stretches as its pins and rollers wear; measure it "
                + "every thousand kilometres and replace it before it ruins the cassette and the chainrings.");
        Files.writeString(dir.resolve("licence.md"), "# Licence of our tool\n\nThe tool is distributed under these terms."
                + "\n\n" + Files.readString(Path.of("/usr/share/common-licenses/GPL-3")).replace("\n", "\r\n"));
        Cli r = Cli.run("notes", "scan", dir.toString());
        assertThat(r.code()).isZero();
        String digest = r.out().substring(r.out().indexOf("digest ("));
        assertThat(digest).contains("coffee.md").contains("chain.md").doesNotContain("licence.md");
        assertThat(r.out()).containsPattern("(?m)^  licence\\.md +near-duplicate +a near-copy of the GPL-3 licence text: "
                + "100% of this note is in it and 100% of it is in this note .*; the GPL-3 licence text is kept because "
                + "it is a published licence text, from outside the knowledge base$");
    }

    @Test
    void addWithoutAnIndexSaysToScanFirst(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.md"), "hello world");
        Cli r = Cli.run("notes", "add", f.toString(), "--kb", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains("run `surprisal notes scan")
                .startsWith(ErrorHandlers.PREFIX + "--kb: " + dir + " has no .surprisal-index/index.json")
                .doesNotContain("kbDir");
    }

    @Test
    void aNoteThatCannotBeReadIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "some words ".repeat(40));
        assertThat(Cli.run("notes", "scan", dir.toString()).code()).isEqualTo(ExitCode.OK);
        Path bad = Files.write(dir.resolve("bad.md"), new byte[] {'a', ' ', (byte) 0xC3, 0x28, ' ', 'b'});
        Cli r = Cli.run("notes", "add", bad.toString(), "--kb", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).startsWith(ErrorHandlers.PREFIX + bad + ": ").doesNotContain("file:");
    }
}
