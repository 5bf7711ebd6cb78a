// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.demo.OrdersTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known truth from {@link OrdersTable}: churned (0/1, 17.7%) is U-shaped in days_since_last (r ≈ 0) and
 * independent of every other column; order_id is a key and ts a timestamp; amount is lognormal
 * (μ 3.6, σ 0.7 on the log scale) with empty, "n/a" and "abc" cells.
 */
class MiOrdersScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static String orders;

    @BeforeAll
    static void write() {
        orders = OrdersTable.reference(5000, 11).writeCsv(dir.resolve("orders.csv")).toString();
    }

    static JsonNode feature(JsonNode root, String name) {
        for (JsonNode f : root.get("features")) {
            if (f.get("feature").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no feature " + name + " in " + root);
    }

    static JsonNode column(JsonNode root, String name) {
        for (JsonNode c : root.get("columns")) {
            if (c.get("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + root);
    }

    @Test
    void rankingPutsTheUShapedPredictorFirstAndLeavesOutIdAndTimestamp() throws Exception {
        Cli r = Cli.run("mi", "--data", orders, "--target", "churned", "--bootstrap", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("target_role").asText()).isEqualTo("binary");
        assertThat(j.get("target_kind").asText()).isEqualTo("discrete");
        List<String> order = new ArrayList<>();
        j.get("features").forEach(f -> order.add(f.get("feature").asText()));
        assertThat(order).doesNotContain("order_id", "ts", "churned")
                .containsExactlyInAnyOrder("days_since_last", "amount", "country", "device", "n_items");
        assertThat(order.get(0)).isEqualTo("days_since_last");
        assertThat(column(j, "order_id").get("role").asText()).isEqualTo("id-like");
        assertThat(column(j, "order_id").get("used").asBoolean()).isFalse();
        assertThat(column(j, "ts").get("role").asText()).isEqualTo("timestamp");
        assertThat(column(j, "ts").get("used").asBoolean()).isFalse();

        JsonNode days = feature(j, "days_since_last");
        assertThat(days.get("estimator").asText()).isEqualTo("Ross");
        assertThat(days.get("significant").asBoolean()).isTrue();
        assertThat(Math.abs(days.get("pearson").asDouble())).isLessThan(0.1); // correlation sees nothing
        assertThat(days.get("verdict").asText()).isEqualTo("non-monotone");
        for (String independent : List.of("amount", "country", "device", "n_items")) {
            assertThat(feature(j, independent).get("verdict").asText()).as(independent).isEqualTo("no-evidence");
        }
        // the invalid cells of amount are counted and left out, not fatal
        assertThat(feature(j, "amount").get("n").asInt()).isLessThan(5000);
    }

    @Test
    void plainOutputNotesWhyIdAndTimestampAreLeftOutAndExplainSaysTheClass() {
        Cli r = Cli.run("mi", "--data", orders, "--target", "churned", "--bootstrap", "0", "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("column order_id").contains("id-like").contains("column ts").contains("timestamp")
                .contains("left out of mutual information").contains("--role order_id=discrete");
        assertThat(r.err()).contains("amount: ").contains("not numbers").contains("'abc'");
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("days_since_last")
                .contains("*").contains("non-monotone");
        assertThat(r.out()).contains("correlation misses most of this (U-shaped or other non-monotone dependence)")
                // amount's estimate sits at its chance part (0.00095 bits, the noise now keyed by its values): either
                // sentence, and no evidence
                .containsPattern("amount(?: tells you|'s MI estimate about churned is)")
                .contains("no evidence of dependence");
    }

    @Test
    void anIdBroughtBackByRoleCannotTopTheRanking() throws Exception {
        Cli r = Cli.run("mi", "--data", orders, "--target", "churned", "--bootstrap", "0", "--role", "order_id=discrete",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        JsonNode id = feature(j, "order_id");
        // every id is seen once: its plug-in MI is H(churned), far above the real predictor's, but so is its null
        assertThat(id.get("mi").asDouble()).isGreaterThan(5 * feature(j, "days_since_last").get("mi").asDouble());
        assertThat(id.get("above_chance").asDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(id.get("verdict").asText()).isEqualTo("no-evidence");
        assertThat(j.get("features").get(0).get("feature").asText()).isEqualTo("days_since_last");
    }

    @Test
    void pairModePicksTheEstimatorFromTheRoles() throws Exception {
        Cli mixed = Cli.run("mi", "--data", orders, "--x", "days_since_last", "--y", "churned", "--json");
        assertThat(mixed.code()).as(mixed.err()).isZero();
        JsonNode m = JSON.readTree(mixed.out());
        assertThat(m.get("estimator").asText()).isEqualTo("Ross");
        assertThat(m.get("x_role").asText()).isEqualTo("continuous");
        assertThat(m.get("y_role").asText()).isEqualTo("binary");
        assertThat(m.get("verdict").asText()).isEqualTo("non-monotone");
        assertThat(m.has("g_test_p")).isFalse(); // no G-test of 1,000s of distinct floats as labels
        assertThat(m.get("estimator_reason").asText()).contains("a discrete and a continuous column");

        Cli discrete = Cli.run("mi", "--data", orders, "--x", "country", "--y", "device", "--json");
        assertThat(discrete.code()).as(discrete.err()).isZero();
        JsonNode d = JSON.readTree(discrete.out());
        assertThat(d.get("estimator").asText()).isEqualTo("plug-in");
        assertThat(d.get("verdict").asText()).isEqualTo("no-evidence");
        assertThat(d.get("g_test_p").asDouble()).isGreaterThan(0.05);

        Cli id = Cli.run("mi", "--data", orders, "--x", "order_id", "--y", "churned");
        assertThat(id.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(id.err()).contains("--x order_id").contains("id-like").contains("--role order_id=");
    }

    @Test
    void entropyOfAContinuousColumnIsItsDifferentialEntropy() throws Exception {
        Cli r = Cli.run("entropy", "--data", orders, "--column", "amount", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("measure").asText()).isEqualTo("differential-entropy");
        assertThat(j.get("estimator").asText()).isEqualTo("vasicek");
        // lognormal(3.6, 0.7): h = mu + 0.5 ln(2 pi e sigma^2) nats
        double truthBits = (3.6 + 0.5 * Math.log(2 * Math.PI * Math.E * 0.49)) / Math.log(2);
        assertThat(j.get("value").asDouble()).isCloseTo(truthBits, within(0.08));
        Cli plain = Cli.run("entropy", "--data", orders, "--column", "amount");
        assertThat(plain.out()).startsWith("differential entropy\t").contains("bits");

        Cli binned = Cli.run("entropy", "--data", orders, "--column", "amount", "--bins", "20", "--json");
        assertThat(binned.code()).as(binned.err()).isZero();
        JsonNode b = JSON.readTree(binned.out());
        assertThat(b.get("measure").asText()).isEqualTo("binned-entropy");
        assertThat(b.get("binning").asText()).startsWith("20 equal-width bins over [");
        assertThat(b.get("value").asDouble()).isBetween(0.0, Math.log(20) / Math.log(2));

        Cli labels = Cli.run("entropy", "--data", orders, "--column", "country", "--bins", "5");
        assertThat(labels.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(labels.err()).contains("--bins").contains("categorical");
    }

    @Test
    void limitsAreUsageErrors() {
        Cli p = Cli.run("mi", "--data", orders, "--target", "churned", "--permutations", "2000000000");
        assertThat(p.code()).isEqualTo(ExitCode.USAGE);
        assertThat(p.err()).contains("--permutations 2000000000").doesNotContain("Exception");
        Cli b = Cli.run("mi", "--data", orders, "--target", "churned", "--bootstrap", "2000000000");
        assertThat(b.code()).isEqualTo(ExitCode.USAGE);
        assertThat(b.err()).contains("--bootstrap 2000000000");
        Cli role = Cli.run("mi", "--data", orders, "--target", "churned", "--role", "order_id");
        assertThat(role.code()).isEqualTo(ExitCode.USAGE);
        assertThat(role.err()).contains("--role");
    }
}
