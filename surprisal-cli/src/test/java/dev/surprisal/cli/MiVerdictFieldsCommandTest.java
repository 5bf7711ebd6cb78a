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
