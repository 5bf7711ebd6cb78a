// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 (review13c): {@code mi --matrix} labels its per-pair G-test p-values as unadjusted and shows the q-values
 * adjusted across the pairs (text, JSON, --explain); {@code entropy}'s refusals name the command line's options
 * (the library names its parameters, {@code ColumnEntropy.Words}).
 */
class MiMatrixQValuesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path csv(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("plan,tier,visits,discount\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            int plan = r.nextInt(3);
            int tier = r.nextDouble() < 0.6 ? plan : r.nextInt(3);
            // a discount of 25 on most rows: too tied for the spacing estimator of a continuous column
            b.append(plan).append(',').append(tier).append(',').append(r.nextInt(3)).append(',')
                    .append(r.nextDouble() < 0.8 ? "25" : String.format(java.util.Locale.ROOT, "%.2f",
                            10 + 30 * r.nextDouble())).append('\n');
        }
        return Files.writeString(dir.resolve("plans.csv"), b.toString());
    }

    @Test
    void theMatrixShowsUnadjustedPAndAdjustedQ(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        Cli text = Cli.run("mi", "--data", f.toString(), "--matrix", "--columns", "plan,tier,visits", "--explain");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("p (unadjusted)").contains("q (BH, 3 pairs)")
                .contains("Each p-value is unadjusted")
                .contains("read a pair as a finding only when its q is at most alpha");
        JsonNode j = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--matrix", "--columns", "plan,tier,visits",
                "--json").out());
        assertThat(j.get("p_value_method").asText()).contains("unadjusted for the 3 pairs tested");
        assertThat(j.get("q_value_method").asText()).contains("Benjamini-Hochberg");
        double p = j.get("p_values").get("plan").get("visits").asDouble();
        double q = j.get("q_values").get("plan").get("visits").asDouble();
        assertThat(q).isGreaterThanOrEqualTo(p).isLessThanOrEqualTo(1.0);
        assertThat(j.get("q_values").get("plan").get("tier").asDouble()).isLessThan(1e-6);
        assertThat(j.get("q_values").get("plan").get("plan").isNull()).isTrue();
    }

    @Test
    void entropysRefusalsNameTheOptions(@TempDir Path dir) throws Exception {
        Path f = csv(dir);
        Cli tied = Cli.run("entropy", "--data", f.toString(), "--column", "discount");
        assertThat(tied.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(tied.err()).contains("--role discount=discrete gives the entropy of their counts, --bins N that of"
                + " N equal-width bins").doesNotContain("RoleOverrides").doesNotContain("bins = N");
        Cli binned = Cli.run("entropy", "--data", f.toString(), "--column", "plan", "--bins", "4");
        assertThat(binned.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(binned.err()).contains(f + ": --bins: plan is discrete, not continuous")
                .contains("(--role plan=continuous to bin it anyway)").doesNotContain("RoleOverrides");
    }
}
