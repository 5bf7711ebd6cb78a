// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: a check listed {@code line 102 '#DIV/0!'} to {@code line 106 '#DIV/0!'} (five copies of one value)
 * and never the other bad value ({@code #VALUE!}), and the baseline's JSON named no invalid cell at all. Now
 * the first cell of each distinct value is named, by line and value, in baseline and check, text and JSON.
 */
class InvalidCellsListedTest {
    @TempDir
    Path dir;

    /** 300 amounts; lines 102 to 106 and 150 are {@code #DIV/0!}, line 140 is {@code #VALUE!}. */
    private Path amounts(String name, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,country\n");
        for (int line = 2; line <= 301; line++) {
            String amount = line >= 102 && line <= 106 || line == 150 ? "#DIV/0!" : line == 140 ? "#VALUE!"
                    : String.format(Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian());
            b.append(amount).append(',').append(r.nextBoolean() ? "SE" : "DE").append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void baselineAndCheckNameTheFirstCellOfEachBadValueInTextAndJson() throws IOException {
        String store = dir.resolve("drift.duckdb").toString();
        Path ref = amounts("ref.csv", 1);
        Path day = amounts("day.csv", 2);
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", store);
        assertThat(b.code()).as(b.err()).isZero();
        String first = "line 102 '#DIV/0!', line 140 '#VALUE!'";
        assertThat(b.out()).contains("  amount: ").contains("7 invalid (first: " + first + ")");
        Cli bj = Cli.run("drift", "baseline", "--monitor", "orders2", "--data", ref.toString(), "--store", store,
                "--json");
        assertThat(bj.code()).as(bj.err()).isZero();
        JsonNode amount = new ObjectMapper().readTree(bj.out()).path("columns").get(0);
        assertThat(amount.path("column").asText()).isEqualTo("amount");
        assertThat(amount.path("invalid_cells").toString())
                .isEqualTo("[{\"where\":\"line 102\",\"value\":\"#DIV/0!\"},{\"where\":\"line 140\",\"value\":\"#VALUE!\"}]");

        Cli c = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--store", store);
        assertThat(c.out()).as(c.err()).containsPattern("invalid cells in amount: .*; first: " + first.replace("(", "\\("));
        assertThat(c.out()).doesNotContain("line 103");
        Cli cj = Cli.run("drift", "check", "--monitor", "orders2", "--data", day.toString(), "--store", store, "--json");
        JsonNode checked = null;
        for (JsonNode n : new ObjectMapper().readTree(cj.out()).path("columns")) {
            checked = n.path("column").asText().equals("amount") ? n : checked;
        }
        assertThat(checked).as(cj.out()).isNotNull();
        assertThat(checked.path("invalid_cells").toString())
                .isEqualTo("[{\"where\":\"line 102\",\"value\":\"#DIV/0!\"},{\"where\":\"line 140\",\"value\":\"#VALUE!\"}]");
    }
}
