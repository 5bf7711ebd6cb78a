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
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 (mon16): {@code mi} and {@code entropy --data} read a table through the role detector that
 * {@code drift baseline} uses, and say as it does when a date column's order of day and month was assumed. Known
 * truth: a European daily file of 1 to 12 January ({@code 05/01/2026} is 5 January), so no day or month is over 12
 * and the dates are read month first (pandas' reading); before mon16 only the role's reason said so, in a note.
 */
class MiEntropyDateOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARNING = "surprisal: warning: day: the data did not decide the order of day and month"
            + " (no date has a day or month over 12): read month first (mm/dd/yyyy), as pandas reads them; if the "
            + "column writes the day first, read it with --dayfirst day";

    @TempDir
    Path dir;

    /** 40 rows per day of 1 to 12 January, written dd/mm/yyyy, an amount and a 0/1 outcome that follows it. */
    private Path file() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder b = new StringBuilder("day,amount,churned\n");
        for (int d = 1; d <= 12; d++) {
            for (int i = 0; i < 40; i++) {
                double amount = Math.round(Math.exp(4 + r.nextGaussian() / 2) * 100) / 100.0;
                b.append(String.format("%02d/01/2026,%s,%d%n", d, amount, amount > 60 ? 1 : 0));
            }
        }
        return Files.writeString(dir.resolve("eu.csv"), b.toString());
    }

    private static void warned(JsonNode j) {
        assertThat(j.path("warnings")).as(j.toString()).hasSize(1);
        JsonNode w = j.path("warnings").get(0);
        assertThat(w.path("column").asText()).isEqualTo("day");
        assertThat(w.path("kind").asText()).isEqualTo("date_order_assumed");
        assertThat(w.path("layout").asText()).isEqualTo("mm/dd/yyyy");
        assertThat(w.path("fix").asText()).isEqualTo("if the column writes the day first, read it with --dayfirst day");
        assertThat("surprisal: warning: " + w.path("message").asText()).isEqualTo(WARNING);
    }

    @Test
    void miWarnsInTextAndJsonInEveryModeThatReadsTheColumn() throws IOException {
        String f = file().toString();
        Cli text = Cli.run("mi", "--data", f, "--target", "churned", "--permutations", "19");
        assertThat(text.code()).as(text.err()).isEqualTo(ExitCode.OK);
        // on standard error, as drift baseline prints it: stdout stays the ranking
        assertThat(text.err()).contains(WARNING);
        assertThat(text.out()).doesNotContain("warning:");
        Cli quiet = Cli.run("mi", "--data", f, "--target", "churned", "--permutations", "19", "--quiet");
        assertThat(quiet.err()).as("--quiet").doesNotContain("warning:");
        Cli explain = Cli.run("mi", "--data", f, "--target", "churned", "--permutations", "19", "--explain");
        assertThat(explain.err()).contains(WARNING + "\n  Column 'day' holds dates whose day and month are both 12 or"
                + " less, so the data cannot tell which comes first. They were read month first (mm/dd/yyyy).");

        warned(JSON.readTree(Cli.run("mi", "--data", f, "--target", "churned", "--permutations", "19", "--json").out()));
        warned(JSON.readTree(Cli.run("mi", "--data", f, "--matrix", "--json").out()));
        warned(JSON.readTree(Cli.run("mi", "--data", f, "--target", "churned", "--select", "1", "--json").out()));
        // a pair reads only its two columns, unless --columns names more
        JsonNode pair = JSON.readTree(Cli.run("mi", "--data", f, "--x", "amount", "--y", "churned", "--json").out());
        assertThat(pair.path("warnings")).as("day not read").isEmpty();
        warned(JSON.readTree(Cli.run("mi", "--data", f, "--x", "amount", "--y", "churned", "--columns",
                "day,amount,churned", "--json").out()));

        // read day first on request: no warning
        Cli dayFirst = Cli.run("mi", "--data", f, "--target", "churned", "--permutations", "19", "--dayfirst", "day");
        assertThat(dayFirst.err()).doesNotContain("warning:").contains("date (dd/mm/yyyy)");
        // brought back as labels, the cells are read in no order: nothing was assumed
        JsonNode labels = JSON.readTree(Cli.run("mi", "--data", f, "--x", "day", "--y", "churned", "--role",
                "day=categorical", "--json").out());
        assertThat(labels.path("warnings")).isEmpty();
    }

    @Test
    void entropyOfTheColumnWarnsInTextAndJson() throws IOException {
        String f = file().toString();
        Cli text = Cli.run("entropy", "--data", f, "--column", "day");
        assertThat(text.code()).as(text.err()).isEqualTo(ExitCode.OK);
        assertThat(text.err()).contains(WARNING);
        assertThat(Cli.run("entropy", "--data", f, "--column", "day", "--quiet").err()).doesNotContain("warning:");
        warned(JSON.readTree(Cli.run("entropy", "--data", f, "--column", "day", "--json").out()));
        // another column: the date column is not read, nothing to warn of
        Cli amount = Cli.run("entropy", "--data", f, "--column", "amount", "--json");
        assertThat(JSON.readTree(amount.out()).path("warnings")).isEmpty();
        assertThat(JSON.readTree(Cli.run("entropy", "--data", f, "--column", "day", "--dayfirst", "day", "--json")
                .out()).path("warnings")).isEmpty();
    }
}
