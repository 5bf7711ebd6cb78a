// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 (mi15): each p-value names the test that gave it. {@code mi --matrix}'s text header said "G-test p" although
 * the p of a table with an expected count below 5 comes from random tables with the same margins (CountedPair's one
 * rule), and {@code mi --x --y} showed the χ² tail's p of such a table, which that rule refuses as liberal. Orders
 * of 400 customers: plan and tier (a tier mostly equal to the plan: every expected count large, the G-test), a
 * refund flag on 4 rows (expected counts about 1.3 against plan: random tables) and a continuous amount (kNN: no p).
 */
class MiPMethodLabelsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path orders(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("plan,tier,refunded,amount\n");
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 400; i++) {
            int plan = r.nextInt(3);
            int tier = r.nextDouble() < 0.6 ? plan : r.nextInt(3);
            b.append(plan).append(',').append(tier).append(',').append(i % 100 == 7 ? 1 : 0).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 20 + 10 * plan + 30 * r.nextDouble()))
                    .append('\n');
        }
        return Files.writeString(dir.resolve("orders.csv"), b.toString());
    }

    /** The cells of the text's p table in row {@code row}, split on runs of spaces, the row's name first. */
    private static List<String> pRow(String out, String row) {
        String table = out.substring(out.indexOf("p (unadjusted)"));
        String line = table.lines().filter(l -> l.startsWith(row + " ")).findFirst().orElseThrow();
        return List.of(line.trim().split("\\s{2,}"));
    }

    @Test
    void theMatrixLabelsEachPWithItsTest(@TempDir Path dir) throws Exception {
        Path f = orders(dir);
        Cli text = Cli.run("mi", "--data", f.toString(), "--matrix", "--explain");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).doesNotContain("G-test p").doesNotContain("G-test q").contains(MiMatrix.P_METHOD)
                .contains("else from random tables with the same margins (marked r;");
        // columns in file order: plan, tier, refunded, amount
        List<String> plan = pRow(text.out(), "plan");
        assertThat(plan.get(2)).as("plan / tier: the G-test, unmarked").doesNotEndWith(" r").isNotEqualTo("-");
        assertThat(plan.get(3)).as("plan / refunded: random tables").endsWith(" r");
        assertThat(plan.get(4)).as("plan / amount: kNN, no p").isEqualTo("-");

        JsonNode j = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--matrix", "--json").out());
        JsonNode methods = j.get("p_methods");
        assertThat(methods.get("plan").get("tier").asText()).isEqualTo("g-test");
        assertThat(methods.get("tier").get("plan").asText()).isEqualTo("g-test");
        assertThat(methods.get("refunded").get("plan").asText()).isEqualTo("random-tables");
        assertThat(methods.get("refunded").get("tier").asText()).isEqualTo("random-tables");
        assertThat(methods.get("amount").get("plan").isNull()).isTrue();
        assertThat(methods.get("plan").get("plan").isNull()).isTrue();
        assertThat(j.get("p_values").get("refunded").get("plan").isNumber()).isTrue();
        assertThat(j.get("p_value_method").asText()).contains("per pair in p_methods").contains("'random-tables'");
    }

    @Test
    void aPairShowsTheGTestOnlyWhereItsChiSquaredTailHolds(@TempDir Path dir) throws Exception {
        Path f = orders(dir);
        Cli small = Cli.run("mi", "--data", f.toString(), "--x", "refunded", "--y", "plan");
        assertThat(small.code()).as(small.err()).isZero();
        assertThat(small.out()).doesNotContain("G-test p").contains("permutation p\t").contains("NMI\t");
        assertThat(small.err()).contains("no G-test p: an expected count of the 2 x 3 table is below 5");
        JsonNode sj = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--x", "refunded", "--y", "plan", "--json")
                .out());
        assertThat(sj.has("g_test_p")).isFalse();
        assertThat(sj.get("p_value").isNumber()).isTrue();

        Cli large = Cli.run("mi", "--data", f.toString(), "--x", "plan", "--y", "tier");
        assertThat(large.out()).contains("G-test p\t");
        assertThat(large.err()).doesNotContain("no G-test");
    }
}
