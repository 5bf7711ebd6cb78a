// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number of a drift report is in the unit its table states. A monitor deciding by KL, checked on three days
 * (the last with a shifted amount) with --base 2: the table states KL in bits, and the history chart must too.
 * Before, the chart's title and axis said "KL (nats)" and drew the stored nats under a table in bits, and with
 * --base e a JS monitor's chart said "JS (bits)" under a table in nats.
 */
class DriftReportUnitsTest {
    @TempDir
    Path dir;

    private Path day(String name, long seed, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,channel\n");
        for (int i = 0; i < 3000; i++) {
            b.append(String.format(Locale.ROOT, "%.2f,%s%n", 50 + 10 * r.nextGaussian() + shift,
                    r.nextDouble() < 0.6 ? "web" : "store"));
        }
        return Files.writeString(dir.resolve(name + ".csv"), b);
    }

    private String report(String measure, String base) throws IOException {
        String store = dir.resolve(measure + ".duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "m", "--data", day("ref", 1, 0).toString(), "--store", store,
                "--measure", measure);
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        Cli.run("drift", "check", "--monitor", "m", "--data", day("d1", 2, 0).toString(), "--store", store, "--at",
                "2024-05-01");
        Cli.run("drift", "check", "--monitor", "m", "--data", day("d2", 3, 0).toString(), "--store", store, "--at",
                "2024-05-02");
        Path html = dir.resolve(measure + ".html");
        Cli last = Cli.run("drift", "check", "--monitor", "m", "--data", day("d3", 4, 4).toString(), "--store", store,
                "--at", "2024-05-03", "--base", base, "--report", html.toString());
        assertThat(last.code()).as(last.out() + last.err()).isEqualTo(ExitCode.ALARM);
        return Files.readString(html);
    }

    @Test
    void theHistoryChartOfAKlMonitorIsInTheTablesBits() throws IOException {
        String html = report("kl", "2");
        assertThat(html).contains("<th>KL bits</th>", "<h3>History: KL (bits)</h3>", "KL (bits); dashed: noise level");
        assertThat(html).doesNotContain("KL (nats)");
    }

    @Test
    void theHistoryChartOfAJsMonitorIsInTheTablesNats() throws IOException {
        String html = report("js", "e");
        assertThat(html).contains("<th>JS nats</th>", "<h3>History: JS (nats)</h3>");
        assertThat(html).doesNotContain("JS (bits)");
    }
}
