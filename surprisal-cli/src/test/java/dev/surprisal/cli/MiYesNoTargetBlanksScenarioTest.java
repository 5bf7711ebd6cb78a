// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 (target18), end to end: an orders table whose target {@code churned} is written {@code Yes}/{@code No} with
 * about 3% blank cells must get, from {@code mi --target churned --json}, the ranking of the same table written
 * {@code 1}/{@code 0} with the same blanks: same order, MI, p and q, monotone MI, r, verdicts and notes. Before, the
 * text target was labels: every feature "dependent" (no order, so no shape), where the 0/1 file found the U-shape
 * ({@code non-monotone}) and the trend ({@code monotone}); and a pair counted the blanks as a third value.
 *
 * <p>The generator ({@link #orders}), seeded, 3,000 rows: {@code order_id} a key (left out as id-like);
 * {@code days_since_last} uniform on [0, 60), churn U-shaped in it; {@code tenure_months} uniform on [1, 72), churn
 * falling with it (logit −2.5 + 3.5·u² − 1.5·(tenure − 36)/36, u = (days − 30)/30); {@code noise} N(0, 1) and
 * {@code plan} (basic 50%, plus 30%, pro 20%) unrelated; {@code churned} blank on about 3% of rows (an empty cell or
 * {@code NA}).
 */
class MiYesNoTargetBlanksScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 3000;

    @TempDir
    static Path dir;
    static String yesNo;
    static String coded;
    /** Rows whose churned cell is blank, the same in both files. */
    static int blank;

    /** The orders table with each row's churned cell written by {@code spell} from "Yes" or "No". */
    static Path orders(Path file, UnaryOperator<String> spell) throws IOException {
        SplittableRandom r = new SplittableRandom(2026_12_02L);
        StringBuilder b = new StringBuilder("order_id,days_since_last,tenure_months,noise,plan,churned\n");
        int blanks = 0;
        for (int i = 0; i < ROWS; i++) {
            double days = 60 * r.nextDouble();
            double tenure = 1 + 71 * r.nextDouble();
            double u = (days - 30) / 30;
            double p = 1 / (1 + Math.exp(2.5 - 3.5 * u * u + 1.5 * (tenure - 36) / 36));
            String churned = r.nextDouble() < p ? "Yes" : "No";
            double plan = r.nextDouble();
            double gap = r.nextDouble();
            String cell = gap < 0.02 ? "" : gap < 0.03 ? "NA" : spell.apply(churned);
            blanks += gap < 0.03 ? 1 : 0;
            b.append(String.format(Locale.ROOT, "%d,%.2f,%.1f,%.4f,%s,%s%n", 700_000 + i, days, tenure,
                    r.nextGaussian(), plan < 0.5 ? "basic" : plan < 0.8 ? "plus" : "pro", cell));
        }
        blank = blanks;
        return Files.writeString(file, b);
    }

    @BeforeAll
    static void write() throws IOException {
        yesNo = orders(dir.resolve("orders_yesno.csv"), s -> s).toString();
        coded = orders(dir.resolve("orders_01.csv"), s -> s.equals("Yes") ? "1" : "0").toString();
    }

    private static JsonNode run(String... args) throws IOException {
        Cli c = Cli.run(args);
        assertThat(c.code()).as(c.err()).isZero();
        return JSON.readTree(c.out());
    }

    private static JsonNode feature(JsonNode result, String name) {
        for (JsonNode f : result.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not ranked: " + result);
    }

    /** The JSON array's elements as text, leaving out those that {@code about} names (the target's own note). */
    private static List<String> without(JsonNode array, String about) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.toString().contains(about)) {
                out.add(n.toString());
            }
        });
        return out;
    }

    @Test
    void theRankingOfAYesNoTargetWithBlanksIsThatOfTheSameTargetWritten01() throws Exception {
        JsonNode text = run("mi", "--data", yesNo, "--target", "churned", "--json");
        JsonNode zeroOne = run("mi", "--data", coded, "--target", "churned", "--json");
        assertThat(blank).isBetween(60, 120); // about 3% of 3,000

        // the whole ranking, feature by feature: order, MI, CI, p, q, monotone MI, r, verdict, explanation, warnings
        assertThat(text.get("features")).isEqualTo(zeroOne.get("features"));
        List<String> order = new ArrayList<>();
        text.get("features").forEach(f -> order.add(f.get("feature").asText() + ": " + f.get("verdict").asText()));
        assertThat(order).startsWith("days_since_last: non-monotone", "tenure_months: monotone")
                .contains("noise: no-evidence", "plan: no-evidence").hasSize(4);
        assertThat(feature(text, "days_since_last").get("n").asInt()).isEqualTo(ROWS - blank);
        assertThat(text.get("target_role").asText()).isEqualTo("binary");
        assertThat(text.get("target_kind").asText()).isEqualTo("discrete");

        // the notes and the columns, but for the target's role, which says how it was read
        assertThat(without(text.get("notes"), "target churned:")).isEqualTo(without(zeroOne.get("notes"),
                "target churned:"));
        assertThat(without(text.get("columns"), "\"column\":\"churned\""))
                .isEqualTo(without(zeroOne.get("columns"), "\"column\":\"churned\""));
        String reason = String.format(Locale.ROOT, "'No' and 'Yes', blank on %d of 3,000 rows: binary as a target", blank);
        assertThat(text.get("notes").toString()).contains("target churned: 2 labels").contains(reason)
                .contains(String.format(Locale.ROOT, "its %d blank rows are left out", blank));
        JsonNode role = null;
        for (JsonNode c : text.get("columns")) {
            role = c.get("column").asText().equals("churned") ? c : role;
        }
        assertThat(role.get("role").asText()).isEqualTo("binary");
        assertThat(role.get("reason").asText()).contains(reason);

        // the plain output's roles say it too
        Cli plain = Cli.run("mi", "--data", yesNo, "--target", "churned", "--permutations", "0", "--bootstrap", "0");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("note: target churned: 2 labels").contains(reason);
    }

    @Test
    void aPairWithTheYesNoColumnOnEitherSideIsThatOfItsZeroOneForm() throws Exception {
        for (String[] xy : List.of(new String[] {"days_since_last", "churned"}, new String[] {"churned", "plan"})) {
            ObjectNode text = (ObjectNode) run("mi", "--data", yesNo, "--x", xy[0], "--y", xy[1], "--json");
            ObjectNode zeroOne = (ObjectNode) run("mi", "--data", coded, "--x", xy[0], "--y", xy[1], "--json");
            assertThat(text.get("n").asInt()).as(String.join(",", xy)).isEqualTo(ROWS - blank);
            // every number and verdict; the notes differ only by the role's reason and the file
            for (ObjectNode o : List.of(text, zeroOne)) {
                o.remove(List.of("notes", "file"));
            }
            assertThat(text).as(String.join(",", xy)).isEqualTo(zeroOne);
        }
        JsonNode u = run("mi", "--data", yesNo, "--x", "days_since_last", "--y", "churned", "--json");
        assertThat(u.get("verdict").asText()).isEqualTo("non-monotone");
        assertThat(u.get("y_role").asText()).isEqualTo("binary");
        assertThat(u.get("estimator").asText()).isEqualTo("Ross");
    }
}
