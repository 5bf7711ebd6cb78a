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
 * and never the other bad value ({@code #VALUE!}), and the baseline's JSON named no invalid cell at all; then
 * (drift16) it named each value once but not how many cells held it, so 312 × {@code n/a-ish} read like
 * 1 × {@code abc}. Now the most frequent values are named with their counts and first lines, then how many cells
 * hold other values, in baseline and check, text and JSON, the alarm line, {@code --explain}, the history and the
 * report.
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
    void baselineAndCheckNameEachBadValueWithItsCountInTextAndJson() throws IOException {
        String store = dir.resolve("drift.duckdb").toString();
        Path ref = amounts("ref.csv", 1);
        Path day = amounts("day.csv", 2);
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", store);
        assertThat(b.code()).as(b.err()).isZero();
        String values = "\"#DIV/0!\" ×6 (first: line 102), \"#VALUE!\" ×1 (line 140)";
        assertThat(b.out()).contains("  amount: ").contains("7 invalid (values: " + values + ")");
        Cli bj = Cli.run("drift", "baseline", "--monitor", "orders2", "--data", ref.toString(), "--store", store,
                "--json");
        assertThat(bj.code()).as(bj.err()).isZero();
        JsonNode amount = new ObjectMapper().readTree(bj.out()).path("columns").get(0);
        assertThat(amount.path("column").asText()).isEqualTo("amount");
        String json = "[{\"where\":\"line 102\",\"value\":\"#DIV/0!\",\"count\":6},"
                + "{\"where\":\"line 140\",\"value\":\"#VALUE!\",\"count\":1}]";
        assertThat(amount.path("invalid_cells").toString()).isEqualTo(json);
        assertThat(amount.path("invalid_cells_other").asLong(-1)).isZero();

        Cli c = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--store", store);
        assertThat(c.out()).as(c.err()).contains("; values: " + values);
        assertThat(c.out()).doesNotContain("line 103");
        Cli cj = Cli.run("drift", "check", "--monitor", "orders2", "--data", day.toString(), "--store", store, "--json");
        JsonNode checked = column(new ObjectMapper().readTree(cj.out()), "amount");
        assertThat(checked).as(cj.out()).isNotNull();
        assertThat(checked.path("invalid_cells").toString()).isEqualTo(json);
        assertThat(checked.path("invalid_cells_other").asLong(-1)).isZero();
    }

    private static JsonNode column(JsonNode check, String name) {
        JsonNode found = null;
        for (JsonNode n : check.path("columns")) {
            found = n.path("column").asText().equals(name) ? n : found;
        }
        return found;
    }

    /**
     * 2,000 amounts; on the check's day 312 cells are {@code n/a-ish} (every fifth from line 402), and seven
     * other bad values hold 1 to 6 cells each, in file order before the surge: {@code abc} ×1 first.
     */
    private Path surge(String name, long seed, boolean bad) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] few = {"abc", "x", "?", "tbd", "err", "#REF!", "none?"};
        StringBuilder b = new StringBuilder("amount\n");
        for (int line = 2; line <= 2001; line++) {
            int k = line - 10;
            String amount = bad && line >= 402 && (line - 402) % 5 == 0 && line < 402 + 5 * 312 ? "n/a-ish"
                    : bad && k >= 0 && k < 7 * 10 && k % 10 < 1 + k / 10 ? few[k / 10]
                    : String.format(Locale.ROOT, "%.2f", 20 + 5 * r.nextGaussian());
            b.append(amount).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void aSurgeOfOneBadValueIsNamedFirstWithItsCountInTheAlarmTheExplanationTheHistoryAndTheReport()
            throws IOException {
        String store = dir.resolve("surge.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "m", "--data", surge("ref.csv", 1, false).toString(),
                "--store", store);
        assertThat(b.code()).as(b.err()).isZero();
        // abc ×1 (line 10), x ×2 (20), ? ×3 (30), tbd ×4 (40), err ×5 (50), #REF! ×6 (60), none? ×7 (70): 28 cells
        String values = "\"n/a-ish\" ×312 (first: line 402), \"none?\" ×7 (first: line 70), \"#REF!\" ×6 (first: "
                + "line 60), \"err\" ×5 (first: line 50), \"tbd\" ×4 (first: line 40), and 6 cells of other values";
        Path report = dir.resolve("report.html");
        Cli c = Cli.run("drift", "check", "--monitor", "m", "--data", surge("day.csv", 2, true).toString(), "--store",
                store, "--at", "2024-05-01", "--explain", "--report", report.toString());
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        assertThat(c.out()).contains("DRIFT: amount: invalid share rose 0.0% -> 17.0% (340 of 2,000 cells today, "
                + "beyond noise): " + values);
        assertThat(c.out()).contains("; values: " + values);
        assertThat(c.out()).as("--explain").contains("Top column 'amount' (DRIFT): invalid share rose").contains(values);
        assertThat(Files.readString(report)).contains("Invalid values today (neither a number nor missing): "
                + values.replace("\"", "&quot;"));
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store, "--column", "amount");
        assertThat(h.out()).as(h.err()).contains("ALARM: ").contains(values);
        JsonNode j = column(new ObjectMapper().readTree(Cli.run("drift", "check", "--monitor", "m", "--data",
                surge("day.csv", 2, true).toString(), "--store", store, "--at", "2024-05-02", "--json").out()), "amount");
        assertThat(j.path("invalid_cells").get(0).toString())
                .isEqualTo("{\"where\":\"line 402\",\"value\":\"n/a-ish\",\"count\":312}");
        assertThat(j.path("invalid_cells")).hasSize(5);
        assertThat(j.path("invalid_cells_other").asLong()).isEqualTo(6);
    }
}
