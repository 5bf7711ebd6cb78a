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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code surprisal mi --target / --matrix / --select} on generated tables. */
class MiTableModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int N = 1000;

    /**
     * y = x1 + x2² + N(0, 0.5²) with x1 ~ N(0,1), x2 ~ U(−3,3), x3 ~ N(0,1) independent of y;
     * x2copy repeats x2 exactly; every 100th x3 is missing; const is always 5.
     */
    private static Path table(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder("x1,x2,x3,x2copy,const,y\n");
        for (int i = 0; i < N; i++) {
            double x1 = r.nextGaussian();
            double x2 = -3 + 6 * r.nextDouble();
            double x3 = r.nextGaussian();
            double y = x1 + x2 * x2 + 0.5 * r.nextGaussian();
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,5,%s%n", x1, x2, i % 100 == 0 ? "" : Double.toString(x3),
                    x2, y));
        }
        Path f = dir.resolve("features.csv");
        Files.writeString(f, b.toString());
        return f;
    }

    private static JsonNode feature(JsonNode root, String name) {
        for (JsonNode f : root.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name + " in " + root);
    }

    private static List<String> order(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.get("features").forEach(f -> names.add(f.get("feature").asText()));
        return names;
    }

    @Test
    void rankingPutsDependentFeaturesFirstAndFlagsTheParabola(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--target", "y", "--permutations", "19",
                "--bootstrap", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("measure").asText()).isEqualTo("mutual-information-ranking");
        assertThat(j.get("unit").asText()).isEqualTo("bits");
        assertThat(j.get("seed").asLong()).isEqualTo(42);
        assertThat(j.get("permutations").asInt()).isEqualTo(19);
        List<String> order = order(j);
        assertThat(order).hasSize(4); // const is left out by its role
        assertThat(order.subList(0, 3)).containsExactlyInAnyOrder("x1", "x2", "x2copy");
        assertThat(order.get(3)).isEqualTo("x3");
        JsonNode constant = null;
        for (JsonNode c : j.get("columns")) {
            if (c.get("column").asText().equals("const")) {
                constant = c;
            }
        }
        assertThat(constant).isNotNull();
        assertThat(constant.get("role").asText()).isEqualTo("constant");
        assertThat(constant.get("used").asBoolean()).isFalse();

        JsonNode x2 = feature(j, "x2");
        assertThat(x2.get("estimator").asText()).isEqualTo("KSG1");
        assertThat(x2.get("nonmonotone").asBoolean()).isTrue();
        assertThat(x2.get("verdict").asText()).isEqualTo("non-monotone");
        assertThat(x2.get("significant").asBoolean()).isTrue();
        assertThat(x2.get("mi").asDouble() - x2.get("monotone_mi").asDouble())
                .isGreaterThan(0.5 * x2.get("mi").asDouble());
        assertThat(Math.abs(x2.get("pearson").asDouble())).isLessThan(0.1);
        assertThat(x2.get("mi").asDouble()).isGreaterThan(0.5);
        // no shuffle reaches it: p = 1/(cap + 1), the cap of --permutations 19 raised for 4 features so that
        // q can reach 0.05 (⌈2·4/0.05⌉ − 1 = 159)
        assertThat(j.get("permutation_cap").asInt()).isEqualTo(159);
        assertThat(x2.get("p_value").asDouble()).isCloseTo(1.0 / 160, within(1e-12));
        assertThat(x2.get("q_value").asDouble()).isBetween(x2.get("p_value").asDouble(), 0.05);
        assertThat(x2.get("above_chance").asDouble())
                .isCloseTo(x2.get("mi").asDouble() - x2.get("null_mean").asDouble(), within(1e-12));
        assertThat(x2.get("ci_lower").isNull()).isTrue(); // --bootstrap 0

        JsonNode x3 = feature(j, "x3");
        assertThat(x3.get("p_value").asDouble()).isGreaterThan(0.05);
        assertThat(x3.get("n").asInt()).isEqualTo(N - 10); // rows missing x3 are dropped for this pair only
        assertThat(feature(j, "x1").get("n").asInt()).isEqualTo(N);
        assertThat(feature(j, "x1").get("pearson").asDouble()).isGreaterThan(0.3);
        assertThat(feature(j, "x1").get("verdict").asText()).isEqualTo("monotone");
        assertThat(x3.get("verdict").asText()).isEqualTo("no-evidence");
    }

    @Test
    void constantColumnIsReportedNotFatal(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--target", "y", "--permutations", "5",
                "--bootstrap", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("column const").contains("constant").contains("left out of mutual information");
        assertThat(r.out().lines().filter(l -> l.startsWith("const"))).isEmpty();
        assertThat(r.out().lines().filter(l -> l.startsWith("x")).count()).isEqualTo(4);
        assertThat(r.err()).contains("x3: 10 of 1000 rows left out");
    }

    @Test
    void bootstrapIntervalAndSeedAreReportedAndRunsAreDeterministic(@TempDir Path dir) throws Exception {
        String f = table(dir).toString();
        String[] args = {"mi", "--data", f, "--target", "y", "--permutations", "9", "--bootstrap", "20", "--seed", "7",
                "--json"};
        Cli first = Cli.run(args);
        Cli second = Cli.run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        JsonNode j = JSON.readTree(first.out());
        assertThat(j.get("seed").asLong()).isEqualTo(7);
        assertThat(j.get("bootstrap").asInt()).isEqualTo(20);
        JsonNode x2 = feature(j, "x2");
        assertThat(x2.get("ci_lower").asDouble()).isLessThan(x2.get("ci_upper").asDouble());
        // the interval is on the scale of the estimate (repeated rows are not mistaken for neighbours)
        assertThat(x2.get("ci_lower").asDouble()).isGreaterThan(0.7 * x2.get("mi").asDouble());
        assertThat(x2.get("ci_upper").asDouble()).isLessThan(1.3 * x2.get("mi").asDouble());
        JsonNode x3 = feature(j, "x3");
        assertThat(x3.get("ci_lower").asDouble()).isLessThan(0.1);
    }

    @Test
    void unitsFollowBase(@TempDir Path dir) throws Exception {
        String f = table(dir).toString();
        JsonNode bits = JSON.readTree(Cli.run("mi", "--data", f, "--target", "y", "--permutations", "0",
                "--bootstrap", "0", "--json").out());
        JsonNode nats = JSON.readTree(Cli.run("mi", "--data", f, "--target", "y", "--permutations", "0",
                "--bootstrap", "0", "--json", "--base", "e").out());
        assertThat(nats.get("unit").asText()).isEqualTo("nats");
        assertThat(feature(nats, "x2").get("mi").asDouble())
                .isCloseTo(feature(bits, "x2").get("mi").asDouble() * Math.log(2), within(1e-12));
        assertThat(feature(bits, "x2").get("p_value").isNull()).isTrue(); // --permutations 0
    }

    @Test
    void matrixIsSymmetricWithEmptyDiagonal(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--matrix", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = JSON.readTree(r.out()).get("matrix");
        List<String> names = new ArrayList<>();
        m.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("x1", "x2", "x3", "x2copy", "y"); // const: left out by its role
        JsonNode reasons = JSON.readTree(r.out()).get("reasons");
        for (String a : names) {
            assertThat(m.get(a).get(a).isNull()).isTrue();
            // a row is a column -> number map: its keys are the columns, and why the diagonal is empty is kept apart
            List<String> keys = new ArrayList<>();
            m.get(a).fieldNames().forEachRemaining(keys::add);
            assertThat(keys).as(a).containsExactlyElementsOf(names);
            assertThat(reasons.get(a).get(a).asText()).startsWith("I(X;X) = H(X)");
            for (String b : names) {
                if (!a.equals(b)) {
                    assertThat(m.get(a).get(b).asDouble()).as(a + "/" + b).isEqualTo(m.get(b).get(a).asDouble());
                }
            }
        }
        assertThat(m.get("x2").get("x2copy").asDouble()).isGreaterThan(5); // a copy: very large MI
        assertThat(m.get("x2").get("y").asDouble()).isGreaterThan(m.get("x3").get("y").asDouble());

        Cli plain = Cli.run("mi", "--data", table(dir).toString(), "--matrix");
        List<String> lines = plain.out().lines().toList();
        // the MI, a blank line, then the MI above chance (continuous columns only: no G-test table)
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0).split("\\s+")).containsExactly("MI", "(bits)", "x1", "x2", "x3", "x2copy", "y");
        assertThat(lines.get(6)).isEmpty();
        assertThat(lines.get(7).split("\\s+")).containsExactly("above", "chance", "(bits)", "x1", "x2", "x3", "x2copy",
                "y");
        assertThat(JSON.readTree(r.out()).get("above_chance").get("x2").get("x2copy").asDouble())
                .isEqualTo(m.get("x2").get("x2copy").asDouble()); // kNN: chance part 0
        assertThat(plain.err()).contains("x2 / x2copy: each determines the other (normal-score correlation");
    }

    @Test
    void mrmrSkipsTheDuplicatedColumn(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--target", "y", "--select", "2",
                "--method", "mrmr", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("method").asText()).isEqualTo("mrmr");
        List<String> chosen = new ArrayList<>();
        Iterator<JsonNode> it = j.get("selected").elements();
        it.forEachRemaining(s -> chosen.add(s.get("feature").asText()));
        assertThat(chosen).hasSize(2);
        assertThat(chosen.get(0)).isIn("x2", "x2copy");
        assertThat(chosen.get(1)).isEqualTo("x1");
        assertThat(j.get("n").asInt()).isEqualTo(N); // every term on its own rows (issue 9): the target's rows
    }

    @Test
    void jmiRunsWithAJointEstimator(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--target", "y", "--select", "2", "--method", "jmi");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).containsPattern("^\\s*1\\s+x2");
    }

    @Test
    void discreteTargetUsesRossAndDiscreteOptionForcesLabels(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder b = new StringBuilder("x,noise,grade,label\n");
        for (int i = 0; i < 600; i++) {
            double x = r.nextGaussian();
            int grade = x > 0.5 ? 2 : x > -0.5 ? 1 : 0;
            b.append(x).append(',').append(r.nextGaussian()).append(',').append(grade).append(',')
                    .append(grade == 2 ? "high" : "other").append('\n');
        }
        Path f = dir.resolve("classes.csv");
        Files.writeString(f, b.toString());
        Cli c = Cli.run("mi", "--data", f.toString(), "--target", "label", "--permutations", "9", "--bootstrap", "0",
                "--json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode j = JSON.readTree(c.out());
        assertThat(j.get("target_kind").asText()).isEqualTo("discrete");
        assertThat(feature(j, "x").get("estimator").asText()).isEqualTo("Ross");
        assertThat(feature(j, "grade").get("estimator").asText()).isEqualTo("plug-in");
        // two labels are binary (audit17 D4), coded high = 0, other = 1: r is measured, negative as grade 2 is high
        assertThat(j.get("target_role").asText()).isEqualTo("binary");
        assertThat(feature(j, "grade").get("pearson").asDouble()).isLessThan(-0.5);
        assertThat(order(j).get(2)).isEqualTo("noise");

        assertThat(feature(j, "grade").get("role").asText()).isEqualTo("discrete"); // 3 values: detected, no option

        // a continuous target: the 3-valued grade is still labels (Ross), unless --continuous says otherwise
        Cli tied = Cli.run("mi", "--data", f.toString(), "--target", "x", "--permutations", "0", "--bootstrap", "0",
                "--json");
        assertThat(tied.code()).as(tied.err()).isZero();
        assertThat(feature(JSON.readTree(tied.out()), "grade").get("estimator").asText()).isEqualTo("Ross");
        Cli forced = Cli.run("mi", "--data", f.toString(), "--target", "x", "--permutations", "0", "--bootstrap", "0",
                "--continuous", "grade", "--json");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(feature(JSON.readTree(forced.out()), "grade").get("estimator").asText()).isEqualTo("KSG1");
    }

    @Test
    void exitCodes(@TempDir Path dir) throws Exception {
        String f = table(dir).toString();
        Cli unknown = Cli.run("mi", "--data", f, "--target", "nope");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(unknown.err()).contains("nope").contains("x1, x2");
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--k", "0").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--select", "2", "--method", "foo").code())
                .isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--bootstrap", "5").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--select", "9").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--select", "2").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--matrix").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("mi", "--data", f, "--target", "y", "--discrete", "zz").code()).isEqualTo(ExitCode.BAD_DATA);
        Cli constant = Cli.run("mi", "--data", f, "--target", "const");
        assertThat(constant.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(constant.err()).contains("const").contains("constant");
    }

    @Test
    void explainSaysWhatCorrelationMissed(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", table(dir).toString(), "--target", "y", "--permutations", "19",
                "--bootstrap", "0", "--base", "e", "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("x2 tells you [0-9.]+ nats about y \\([0-9.]+ nats above chance, p = 0.00625,"
                + " q = 0.00833 adjusted for the other columns tested\\);"
                + " Pearson r = -?0\\.0[0-9]*: correlation misses most of this \\(U-shaped or other non-monotone");
        assertThat(r.out()).containsPattern("x1 tells you [0-9.]+ nats about y .*correlation sees most of this");
        assertThat(r.out()).contains("x3 tells you").contains("no evidence of dependence");
    }
}
