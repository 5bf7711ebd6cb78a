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
        assertThat(add.out()).startsWith("duplicate\n  because exact copy of a.md");
    }

    @Test
    void addWithoutAnIndexSaysToScanFirst(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.md"), "hello world");
        Cli r = Cli.run("notes", "add", f.toString(), "--kb", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains("run `surprisal notes scan");
    }
}
