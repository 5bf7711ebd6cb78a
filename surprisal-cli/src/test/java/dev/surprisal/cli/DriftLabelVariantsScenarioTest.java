// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label variants in drift, end to end, with known truth. An orders table (an id, a loyalty tier of 20% Gold, 35%
 * Silver and 45% Bronze, a lognormal amount, a Yes/No paid flag with blank cells), 5,000 reference rows and 2,000
 * a day: on one day an upstream system writes 30% of the Gold rows as {@code "gold "}; on another 5% of all rows
 * are a genuinely new tier, Platinum. The re-spelled day alarms (a real change upstream) and the new value is named
 * as the reference's "Gold" written another way, in text, JSON and the HTML report; baselined with
 * --normalize-labels the same day is OK (nothing changed but the spelling); Platinum alarms as a new value with no
 * variant wording, folded or not. Before, the new value was listed as {@code "gold " 5.70%} with nothing to say it
 * was Gold, the baseline had no --normalize-labels, and a reference that mixed spellings was fitted without a note.
 */
class DriftLabelVariantsScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path reference;
    private static Path respelled;
    private static Path platinum;
    private static Path mixed;

    @BeforeAll
    static void write() {
        reference = day("reference", 5_000, 1, 0, 0, 0);
        respelled = day("respelled", 2_000, 2, 0.3, 0, 0);
        platinum = day("platinum", 2_000, 3, 0, 0.05, 0);
        mixed = day("mixed", 5_000, 4, 0, 0, 0.1);
    }

    /**
     * A day of orders: a share {@code gold} of the Gold rows written {@code "gold "}, a share {@code newTier} of
     * all rows Platinum, a share {@code upper} of the Silver rows written {@code "SILVER"}.
     */
    private static Path day(String name, int rows, long seed, double gold, double newTier, double upper) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,tier,amount,paid\n");
        for (int i = 0; i < rows; i++) {
            double u = r.nextDouble();
            String tier = u < 0.2 ? "Gold" : u < 0.55 ? "Silver" : "Bronze";
            if (tier.equals("Gold") && r.nextDouble() < gold) {
                tier = "gold ";
            }
            if (tier.equals("Silver") && r.nextDouble() < upper) {
                tier = "SILVER";
            }
            if (r.nextDouble() < newTier) {
                tier = "Platinum";
            }
            double p = r.nextDouble();
            String paid = p < 0.03 ? "" : p < 0.8 ? "Yes" : "No";
            b.append(String.format(Locale.ROOT, "%d,%s,%.2f,%s%n", seed * 100_000 + i, tier,
                    Math.exp(3 + 0.5 * r.nextGaussian()), paid));
        }
        try {
            return Files.writeString(dir.resolve(name + ".csv"), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Cli run(String... args) {
        return Cli.run(args);
    }

    private static Cli compare(Path ref, Path day, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "compare", ref.toString(), day.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The verdict on the table's row of a column: its last cell. */
    private static String verdict(Cli r, String column) {
        String row = r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
        return row.substring(row.lastIndexOf(' ') + 1);
    }

    private static JsonNode column(JsonNode answer, String name) {
        for (JsonNode c : answer.path("columns")) {
            if (c.path("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + answer);
    }

    @Test
    void aLabelReSpelledUpstreamAlarmsAndIsNamedAsTheReferenceLabel() throws IOException {
        Path html = dir.resolve("respelled.html");
        Cli text = compare(reference, respelled, "--report", html.toString());
        assertThat(text.code()).as(text.out() + text.err()).isEqualTo(ExitCode.ALARM);
        assertThat(verdict(text, "tier")).isEqualTo("DRIFT");
        assertThat(text.out()).containsPattern("new values in tier \\(share of today's values\\): \"gold \" "
                + "[0-9.]+% \\(the reference's \"Gold\" with other case and surrounding spaces\\)");
        assertThat(text.out()).contains("\"gold \" is a reference label written another way; if it is the same tier, "
                + "trim spaces and normalise case upstream, or count the spellings as one label with "
                + "--normalize-labels at drift baseline");
        assertThat(verdict(text, "amount")).isEqualTo("OK");
        assertThat(verdict(text, "paid")).isEqualTo("OK");
        JsonNode json = JSON.readTree(compare(reference, respelled, "--json").out());
        JsonNode value = column(json, "tier").path("new_values").get(0);
        assertThat(value.path("value").asText()).isEqualTo("gold ");
        assertThat(value.path("variant_of").asText()).isEqualTo("Gold");
        assertThat(value.path("share").asDouble()).isBetween(0.04, 0.08); // 30% of 20%
        assertThat(Files.readString(html)).contains("the reference&#39;s &quot;Gold&quot; with other case and "
                + "surrounding spaces");
    }

    @Test
    void baselinedWithNormalizeLabelsTheReSpelledDayIsOk() throws IOException {
        Cli text = compare(reference, respelled, "--normalize-labels");
        assertThat(text.code()).as(text.out() + text.err()).isEqualTo(ExitCode.OK);
        assertThat(verdict(text, "tier")).isEqualTo("OK");
        assertThat(text.out()).doesNotContain("new values in tier");
        // the monitor's way: baseline, then check; the folding is frozen in the stored reference
        String store = dir.resolve("fold.duckdb").toString();
        Cli base = run("drift", "baseline", "--monitor", "orders", "--data", reference.toString(), "--store", store,
                "--normalize-labels");
        assertThat(base.code()).as(base.out() + base.err()).isEqualTo(ExitCode.OK);
        Cli check = run("drift", "check", "--monitor", "orders", "--data", respelled.toString(), "--store", store);
        assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCode.OK);
        assertThat(verdict(check, "tier")).isEqualTo("OK");
        // and a monitor file says it with its key
        Path config = Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "day-{date}.csv" }
                    reference: { path: reference.csv }
                    normalize-labels: true
                """);
        String store2 = dir.resolve("config.duckdb").toString();
        Cli fromFile = run("drift", "baseline", "--monitor", "orders", "--data", reference.toString(), "--store",
                store2, "--config", config.toString());
        assertThat(fromFile.code()).as(fromFile.out() + fromFile.err()).isEqualTo(ExitCode.OK);
        Cli checked = run("drift", "check", "--monitor", "orders", "--data", respelled.toString(), "--store", store2);
        assertThat(verdict(checked, "tier")).as(checked.out()).isEqualTo("OK");
    }

    @Test
    void aGenuinelyNewTierAlarmsAsANewValueWithNoVariantWording() throws IOException {
        for (String[] more : new String[][] {{}, {"--normalize-labels"}}) {
            Cli text = compare(reference, platinum, more);
            assertThat(text.code()).as(text.out() + text.err()).isEqualTo(ExitCode.ALARM);
            assertThat(verdict(text, "tier")).isEqualTo("DRIFT");
            assertThat(text.out()).containsPattern("new values in tier \\(share of today's values\\): \"Platinum\" "
                    + "[0-9.]+%\n");
            assertThat(text.out()).doesNotContain("reference label written another way", "the reference's \"");
            JsonNode json = JSON.readTree(compare(reference, platinum, concat(more, "--json")).out());
            JsonNode value = column(json, "tier").path("new_values").get(0);
            assertThat(value.path("value").asText()).isEqualTo("Platinum");
            assertThat(value.has("variant_of")).isFalse();
        }
    }

    @Test
    void aReferenceThatMixesSpellingsIsFittedWithANote() throws IOException {
        String store = dir.resolve("mixed.duckdb").toString();
        Cli plain = run("drift", "baseline", "--monitor", "m", "--data", mixed.toString(), "--store", store);
        assertThat(plain.code()).as(plain.out() + plain.err()).isEqualTo(ExitCode.OK);
        assertThat(plain.out()).containsPattern("note: tier: 2 spellings are 1 label written differently only by "
                + "surrounding spaces or letter case \\(\"Silver\" ×[0-9,]+, \"SILVER\" ×[0-9,]+\\)")
                .contains("if they are one label, --normalize-labels at drift baseline");
        Cli folded = run("drift", "baseline", "--monitor", "f", "--data", mixed.toString(), "--store", store,
                "--normalize-labels", "--json");
        JsonNode notes = JSON.readTree(folded.out()).path("label_variants");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).asText()).matches("tier: 2 spellings that differ only by surrounding spaces or letter "
                + "case counted as 1 label \\(\"Silver\" ×[0-9,]+, \"SILVER\" ×[0-9,]+ as \"Silver\"\\)");
        // compare says it in its columns preamble too
        assertThat(compare(mixed, reference).out()).contains("note: tier: 2 spellings are 1 label");
        // the clean reference has none
        JsonNode clean = JSON.readTree(compare(reference, respelled, "--json").out());
        assertThat(clean.path("label_variants")).isEmpty();
    }

    @Test
    void sparkCannotFoldAndSaysSo() {
        Cli r = compare(reference, respelled, "--normalize-labels", "--engine", "spark");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--normalize-labels: only with --engine local");
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
