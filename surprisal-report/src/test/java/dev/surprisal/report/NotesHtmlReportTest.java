// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.text.notes.KbReport;
import dev.surprisal.text.notes.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NotesHtmlReportTest {
    private static final String TEXT = "Grinding coffee just before brewing keeps the aromatic oils that escape within minutes.\n";

    @Test
    void noteNamesAndLinesAreEscapedAndThePageLoadsNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), TEXT);
        Files.writeString(dir.resolve("<script>alert('x').md"), TEXT);
        Files.writeString(dir.resolve("b.md"), "A line with <b>markup</b> & an \"attribute\" that must stay text.\n");
        Files.write(dir.resolve("bad.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});
        KbReport r = KnowledgeBase.scan(dir, KnowledgeBase.Options.defaults(), false);

        String html = NotesHtmlReport.render(r);

        assertThat(html).doesNotContain("<script", "<b>markup", "http://", "https://", "<link", "src=");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;).md", "default-src 'none'");
        assertThat(html).contains("<tr class=\"duplicate\">", "bad.txt: not valid UTF-8");
        assertThat(html.split("<tr class=", -1)).hasSize(1 + r.notes().size());
    }
}
