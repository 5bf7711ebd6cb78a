// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a report in Debian's headless chromium (apt-get install -y chromium), asserts from the DOM
 * after load that the SVG charts are there and that the hostile column name stayed text, and saves
 * a screenshot to target/drift-report.png. Tag "browser": mvn -B verify -Pbrowser -pl surprisal-report -am.
 */
@Tag("browser")
class HeadlessBrowserTest {
    private static String chromium(Path page, String... extra) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void chartsRenderInARealBrowserAndTheScriptColumnStaysText() throws Exception {
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Path page = dir.resolve("drift-report.html").toAbsolutePath();
        DriftHtmlReport.write(page, "Drift check", ReportFixture.report(), ReportFixture.history());
        String dom = chromium(page, "--dump-dom");
        assertThat(dom.split("<svg", -1).length - 1).as("svg elements").isEqualTo(7);
        assertThat(dom).contains("<rect class=\"p\"", "<polyline class=\"series\"");
        assertThat(dom).doesNotContain("<script>");
        assertThat(dom).contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        Path png = dir.resolve("drift-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(page, "--screenshot=" + png, "--window-size=1200,2000", "--hide-scrollbars");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
