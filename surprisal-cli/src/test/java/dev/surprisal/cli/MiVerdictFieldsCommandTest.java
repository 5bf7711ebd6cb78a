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
 * The command line keeps its own words while the library names its parameters, and its JSON carries the biased-low
 * verdict as a field. Known truth: a sensor pair of 80 rows with ρ = 0.999 (true MI 3.107 nats), where KSG (k = 3) is
 * low (its ceiling at n = 80 is 2.77 nats), and a noise column.
 */
class MiVerdictFieldsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sensors(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("reading_id,site,temp_c,temp_f_probe,noise\n");
        double s = Math.sqrt(1 - 0.999 * 0.999);
        for (int i = 0; i < 80; i++) {
            double x = r.nextGaussian();
            double y = 0.999 * x + s * r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "r%03d,lab1,%.6f,%.6f,%.6f%n", i, 20 + 3 * x, 68 + 5.4 * y,
                    r.nextGaussian()));
        }
        Path f = dir.resolve("sensors.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void theJsonCarriesTheBiasedLowVerdictAsAField(@TempDir Path dir) throws Exception {
        Path f = sensors(dir);
        Cli ranked = Cli.run("mi", "--data", f.toString(), "--target", "temp_c", "--permutations", "0", "--json");
        assertThat(ranked.code()).as(ranked.err()).isZero();
        JsonNode features = JSON.readTree(ranked.out()).get("features");
        for (JsonNode feature : features) {
            boolean probe = feature.get("feature").asText().equals("temp_f_probe");
            assertThat(feature.get("biased_low").asBoolean()).as(feature.toString()).isEqualTo(probe);
            assertThat(feature.get("biased_low_bound").isNull()).isEqualTo(!probe);
            if (feature.get("feature").asText().equals("noise")) {
                // null means "no bound applies", said in words true of the column, not a generic "not defined"
                assertThat(feature.get("biased_low_bound_reason").asText()).as(feature.toString())
                        .startsWith("the estimate is not below the least MI").doesNotContain("not defined");
            }
            if (probe) {
                // the bound is in the table's unit (bits), above the estimate, below the truth 4.48 bits
                assertThat(feature.get("biased_low_bound").asDouble()).isGreaterThan(feature.get("mi").asDouble())
                        .isLessThan(4.49);
            }
        }
        Cli pair = Cli.run("mi", "--data", f.toString(), "--x", "temp_f_probe", "--y", "temp_c", "--permutations", "0",
                "--json");
        assertThat(pair.code()).as(pair.err()).isZero();
        assertThat(JSON.readTree(pair.out()).get("biased_low").asBoolean()).isTrue();
        Cli noise = Cli.run("mi", "--data", f.toString(), "--x", "noise", "--y", "temp_c", "--permutations", "0",
                "--json");
        assertThat(noise.code()).as(noise.err()).isZero();
        JsonNode n = JSON.readTree(noise.out());
        assertThat(n.get("biased_low_bound").isNull()).isTrue();
        assertThat(n.get("biased_low_bound_reason").asText()).startsWith("the estimate is not below the least MI");
    }

    /** 300 customers; reason_code (a numeric code) has a value only on churned = 1 rows. */
    private static Path customers(Path dir) throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("customer_id,churned,reason_code,plan\n");
        String[] reasons = {"1", "2", "3"};
        for (int i = 0; i < 300; i++) {
            boolean churned = r.nextInt(10) == 0;
            csv.append("c").append(i).append(',').append(churned ? 1 : 0).append(',')
                    .append(churned ? reasons[r.nextInt(3)] : "").append(',').append(r.nextBoolean() ? "pro" : "basic")
                    .append('\n');
        }
        return Files.writeString(dir.resolve("customers.csv"), csv);
    }

    @Test
    void aColumnFilledOnlyWhereTheTargetIsOneBlamesTheTargetAndPrintsNoNaN(@TempDir Path dir) throws Exception {
        // reason_code (a numeric code) has a value only on churned = 1 rows, so on the rows the pair shares churned is
        // constant. (A text column of that kind is measured with "missing" as a value of its own and determines the
        // target: MiMissingLeakScenarioTest; a numeric one keeps its numbers, and its gaps go to the filled-in test.)
        Path f = customers(dir);
        Cli json = Cli.run("mi", "--data", f.toString(), "--target", "churned", "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode reason = null;
        for (JsonNode feature : JSON.readTree(json.out()).get("features")) {
            if (feature.get("feature").asText().equals("reason_code")) {
                reason = feature;
            }
        }
        assertThat(reason).isNotNull();
        assertThat(reason.get("warnings").toString()).contains("column churned is constant on these rows")
                .doesNotContain("column reason_code is constant");
        Cli explain = Cli.run("mi", "--data", f.toString(), "--target", "churned", "--explain");
        assertThat(explain.code()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("reason_code tells you 0 bits about churned: no dependence and no shuffle"
                + " test, since none is needed: column churned is constant on these rows").doesNotContain("NaN");
    }

    @Test
    void aConstantPairHasNoPValueAndSaysWhy(@TempDir Path dir) throws Exception {
        // ent16: reason_code has a value only where churned = 1; before, the pair printed "G-test p 1.0" (0 degrees
        // of freedom) and the matrix a bare "-" explained as "a pair with a continuous column"
        Path f = customers(dir);
        Cli pair = Cli.run("mi", "--data", f.toString(), "--x", "reason_code", "--y", "churned");
        assertThat(pair.code()).as(pair.err()).isZero();
        assertThat(pair.out()).doesNotContain("G-test p");
        assertThat(pair.err()).contains("no G-test p: a column is constant on the pair's rows")
                .doesNotContain("permutation p (random tables with the same margins) stands");
        JsonNode j = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--x", "reason_code", "--y", "churned",
                "--json").out());
        assertThat(j.has("g_test_p")).isFalse();
        JsonNode m = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--matrix", "--json").out());
        assertThat(m.get("p_values").get("churned").get("reason_code").isNull()).isTrue();
        assertThat(m.get("p_methods").get("churned").get("reason_code").asText()).isEqualTo("constant");
        assertThat(m.get("p_value_method").asText()).contains("'constant' (p null");
    }

    @Test
    void anUnknownColumnIsNamedByTheOptionThatGaveIt(@TempDir Path dir) throws Exception {
        Path f = sensors(dir);
        Cli x = Cli.run("mi", "--data", f.toString(), "--x", "nosuch", "--y", "temp_c");
        assertThat(x.code()).isEqualTo(3);
        assertThat(x.err()).contains("--x").contains("nosuch").doesNotContain("target ");
        // a column the file has but mutual information leaves out: the library's check, in the option's words
        Cli y = Cli.run("mi", "--data", f.toString(), "--x", "temp_c", "--y", "site");
        assertThat(y.code()).isEqualTo(3);
        assertThat(y.err()).contains("--y site: is constant");
        Cli select = Cli.run("mi", "--data", f.toString(), "--target", "site", "--select", "1");
        assertThat(select.code()).isEqualTo(3);
        assertThat(select.err()).contains("--target site: is constant");
    }
}
