// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code surprisal drift} end to end on CSV files and a DuckDB store in a temporary directory. */
class DriftCommandTest {
    private static final String NASTY = "<script>alert(1)</script>";

    @TempDir
    Path dir;

    /** amount ~ N(mean, 1), score ~ N(0, 1), city in {x, y, z}; seeded. */
    private Path csv(String name, long seed, double mean) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,score,city\n");
        for (int i = 0; i < 3000; i++) {
            b.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", mean + gaussian(rng), gaussian(rng),
                    "xyz".charAt(rng.nextInt(3))));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private String store() {
        return dir.resolve("store/drift.duckdb").toString();
    }

    private Cli baseline(Path ref) {
        return Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", store());
    }

    private Cli check(Path day, String at, String... more) {
        String[] base = {"drift", "check", "--monitor", "orders", "--data", day.toString(), "--at", at, "--store", store()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void noDriftExitsZeroAndMeanShiftExitsOneNamingTheColumn() throws IOException {
        Cli b = baseline(csv("ref.csv", 1, 0));
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("baseline 'orders': 3000 rows, 3 columns, written to ")
                .contains(Path.of(store()).toAbsolutePath().toString());

        Cli calm = check(csv("calm.csv", 2, 0), "2024-05-01");
        assertThat(calm.code()).as(calm.out() + calm.err()).isZero();
        assertThat(calm.out()).contains("no alarm: 0 of 3 scored columns changed").contains("KL(P||Q) bits");

        Cli shifted = check(csv("shift.csv", 3, 0.5), "2024-05-02", "--explain");
        assertThat(shifted.code()).as(shifted.out() + shifted.err()).isEqualTo(ExitCode.ALARM);
        assertThat(shifted.out()).containsPattern("(?m)^amount .* DRIFT$")
                .containsPattern("(?m)^score .* OK$")
                .contains("DRIFT: amount: PSI")
                // both directions, each labelled and read the right way round
                .contains("KL(P||Q) = ").contains("(P = reference, Q = today): coding data distributed like the "
                        + "reference with a code built for today's data costs")
                .contains("KL(Q||P) = ").contains("coding today's data with the reference's code costs");
    }

    @Test
    void jsonIsOneObjectWithDirectionThresholdsAndNull() throws IOException {
        baseline(csv("ref.csv", 1, 0));
        Cli r = check(csv("shift.csv", 3, 0.5), "2024-05-02", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.ALARM);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("measure").asText()).isEqualTo("drift");
        assertThat(j.get("unit").asText()).isEqualTo("bits");
        assertThat(j.get("direction").asText()).contains("P = reference");
        assertThat(j.get("smoothing").asText()).isEqualTo("jeffreys");
        assertThat(j.get("null").asText()).startsWith("chi-squared approximation");
        assertThat(j.get("thresholds").get("warn").asDouble()).isEqualTo(0.1);
        // two continuous columns (4 tests each) and a categorical one (3: no invalid share)
        assertThat(j.get("thresholds").get("tests").asInt()).isEqualTo(11);
        assertThat(j.get("thresholds").get("alpha_per_test").asDouble()).isEqualTo(0.01 / 11);
        assertThat(j.get("alarm").asBoolean()).isTrue();
        JsonNode top = j.get("columns").get(0);
        assertThat(top.get("column").asText()).isEqualTo("amount");
        assertThat(top.get("status").asText()).isEqualTo("DRIFT");
        assertThat(top.get("kl_pq").asDouble()).isGreaterThan(0.05);
        assertThat(top.get("kl_qp").asDouble()).isGreaterThan(0.05).isNotEqualTo(top.get("kl_pq").asDouble());
        assertThat(j.get("alarms").get(0).get("column").asText()).isEqualTo("amount");
        assertThat(j.get("alarms").get(0).get("kind").asText()).isEqualTo("LEVEL");
        assertThat(j.get("alarms").get(0).get("level").asText()).isEqualTo("DRIFT");
        assertThat(j.get("run_id").asLong()).isPositive();
    }

    @Test
    void reportEscapesColumnNames() throws IOException {
        Path ref = dir.resolve("ref.csv");
        Path day = dir.resolve("day.csv");
        Files.writeString(ref, Files.readString(csv("a.csv", 1, 0)).replaceFirst("city", NASTY));
        Files.writeString(day, Files.readString(csv("b.csv", 3, 0.5)).replaceFirst("city", NASTY));
        assertThat(baseline(ref).code()).isZero();
        Path html = dir.resolve("out.html");
        Cli r = check(day, "2024-05-02", "--report", html.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(r.out()).contains("report: " + html.toAbsolutePath());
        String page = Files.readString(html);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(NASTY)
                .contains(">amount<").contains(">score<");
    }

    @Test
    void historyAfterThreeChecksShowsThreeRowsAndASparkline() throws IOException {
        baseline(csv("ref.csv", 1, 0));
        check(csv("d1.csv", 11, 0), "2024-05-01");
        check(csv("d2.csv", 12, 0), "2024-05-02");
        check(csv("d3.csv", 13, 0.6), "2024-05-03");
        Cli h = Cli.run("drift", "history", "--monitor", "orders", "--column", "amount", "--store", store());
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(h.out().lines().filter(l -> l.startsWith("2024-05-0"))).hasSize(3);
        assertThat(h.out()).containsPattern("(?m)^2024-05-03 .* DRIFT .*ALARM: ")
                .containsPattern("(?m)^  amount  [▁▂▃▄▅▆▇█]{2}█  last ");
    }

    @Test
    void historySaysWhyEachDayAlarmedInTheChecksOwnWords() throws IOException {
        baseline(csv("ref.csv", 1, 0));
        check(csv("d1.csv", 11, 0), "2024-05-01");
        // a 0.22 sd shift: PSI (about 0.05) stays below its warn band, W1/std crosses its own (audit defect 8)
        Cli warned = check(csv("d2.csv", 12, 0.22), "2024-05-02", "--json");
        assertThat(new ObjectMapper().readTree(warned.out()).get("alarms")).as(warned.out() + warned.err()).hasSize(1);
        JsonNode alarm = new ObjectMapper().readTree(warned.out()).get("alarms").get(0);
        assertThat(alarm.get("column").asText()).isEqualTo("amount");
        String why = alarm.get("message").asText().substring("amount: ".length());
        assertThat(why).contains("W1/std").contains(">= warn band");
        Cli h = Cli.run("drift", "history", "--monitor", "orders", "--column", "amount", "--store", store());
        assertThat(h.out().lines().filter(l -> l.startsWith("2024-05-02")).findFirst().orElseThrow())
                .contains("WARN").endsWith("ALARM: " + why);
        assertThat(h.out().lines().filter(l -> l.startsWith("2024-05-01")).findFirst().orElseThrow())
                .doesNotContain("ALARM");
        Cli j = Cli.run("drift", "history", "--monitor", "orders", "--column", "amount", "--store", store(), "--json");
        JsonNode rows = new ObjectMapper().readTree(j.out()).get("history");
        assertThat(rows.get(1).get("reason").asText()).isEqualTo(why);
        assertThat(rows.get(0).has("reason")).isFalse();
    }

    @Test
    void historyExplainAddsALegendOfColumnsUnitsAndMarks() throws IOException {
        baseline(csv("ref.csv", 1, 0));
        check(csv("d1.csv", 11, 0), "2024-05-01");
        Cli plain = Cli.run("drift", "history", "--monitor", "orders", "--store", store());
        Cli explained = Cli.run("drift", "history", "--monitor", "orders", "--store", store(), "--explain");
        assertThat(explained.code()).as(explained.err()).isZero();
        assertThat(plain.out()).doesNotContain("How to read this history");
        assertThat(explained.out()).startsWith(plain.out().stripTrailing()).contains("How to read this history:")
                .contains("PSI: population stability index").contains("unitless").contains("higher = more change")
                .contains("KL(P||Q) bits").contains("↑ marks a point").contains("· a day with no check recorded");
        Cli json = Cli.run("drift", "history", "--monitor", "orders", "--store", store(), "--json", "--explain");
        // the noise level is the deciding measure's, not PSI's (review13a: a JS check's was called PSI's)
        assertThat(new ObjectMapper().readTree(json.out()).get("explanation").asText())
                .contains("critical: the deciding measure's noise level")
                .contains("measure, unit: the deciding measure the check used");
        assertThat(Cli.run("drift", "history", "--help").out()).contains("--explain adds a legend");
    }

    @Test
    void compareScoresTwoFilesWithoutAStore() throws IOException {
        Path ref = csv("ref.csv", 1, 0);
        Cli same = Cli.run("drift", "compare", ref.toString(), csv("calm.csv", 2, 0).toString());
        assertThat(same.code()).as(same.err()).isZero();
        Cli moved = Cli.run("drift", "compare", ref.toString(), csv("shift.csv", 3, 0.5).toString(), "--json");
        assertThat(moved.code()).isEqualTo(ExitCode.ALARM);
        assertThat(new ObjectMapper().readTree(moved.out()).get("columns").get(0).get("column").asText())
                .isEqualTo("amount");
        assertThat(dir.resolve(".surprisal")).doesNotExist();
    }

    @Test
    void badInputGivesExitCodesTwoAndThree() throws IOException {
        baseline(csv("ref.csv", 1, 0));
        Path day = csv("day.csv", 2, 0);

        Cli unknown = Cli.run("drift", "check", "--monitor", "nope", "--data", day.toString(), "--store", store());
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(unknown.err()).contains("unknown monitor 'nope'").contains("monitors: orders");

        Cli missing = check(dir.resolve("absent.csv"), "2024-05-01");
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(missing.err()).contains("absent.csv: no such file");

        assertThat(Cli.run("drift", "baseline", "--monitor", "m", "--data", day.toString(), "--bins", "many").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(check(day, "yesterday").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("drift", "check", "--monitor", "orders").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("drift").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("drift", "compare", day.toString()).code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void tourHasADriftSectionThatAlarmsOnlyOnTheShiftedDay() {
        Cli t = Cli.run("tour");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("Drift: KL(P||Q) as an alarm")
                .containsPattern("same distribution .* OK")
                .containsPattern("mean moved 50 -> 56 .* DRIFT")
                .contains("coding reference-like data with a code built for the new day")
                .containsPattern("churned \\(binary, one bin per value\\): PSI [0-9.]+, noise level [0-9.]+, DRIFT")
                .contains("order_id (id-like): not scored, only checked for missing and duplicate keys: OK")
                // the rule as it decides: PSI's bands and each column's own yardstick (issue 9's tour stop)
                .contains("A column is WARN when PSI reaches 0.1 and DRIFT at 0.25")
                .contains("(W1/std, WARN 0.1, DRIFT 0.3)").contains("(TV, WARN 0.05, DRIFT 0.1)");
    }
}
