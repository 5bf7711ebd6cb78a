// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column names in a monitor config file are checked against the reference's header wherever the file is read,
 * and the error names the config file, line and key, not an option the user never typed (audit17 D5): before,
 * {@code serve --check-config} said valid (exit 0), {@code drift baseline --config} said
 * {@code reference.csv: --exclude: no column 'vehicle_idx'}, and {@code drift check --config} ignored the names.
 */
class ConfigColumnNamesCommandTest {
    private static final String MONITOR = """
            monitors:
              - name: fleet
                source: { path: "fleet-{date}.csv" }
                reference: { path: reference.csv }
                exclude: [%s]
                role: { %s: continuous }
            """;

    @Test
    void aNameTheReferenceLacksIsBadDataAtTheFileLineAndKey(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("vehicle_id,temp_c,ok\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i).append(',').append(20 + i % 7).append(',').append(i % 2).append('\n');
        }
        Path reference = Files.writeString(dir.resolve("reference.csv"), csv);
        Files.writeString(dir.resolve("fleet-2026-11-01.csv"), csv);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), MONITOR.formatted("vehicle_idx", "temp_c"));
        Path badRole = Files.writeString(dir.resolve("badrole.yaml"), MONITOR.formatted("vehicle_id", "temp"));
        Path good = Files.writeString(dir.resolve("good.yaml"), MONITOR.formatted("vehicle_id", "temp_c"));
        String store = dir.resolve("s.duckdb").toString();
        String ref = reference.toAbsolutePath().toString();

        Cli checkConfig = Cli.run("serve", "--config", bad.toString(), "--check-config");
        assertThat(checkConfig.code()).as(checkConfig.out()).isEqualTo(3);
        assertThat(checkConfig.err()).contains(bad + ":5: monitors[0].exclude: no column 'vehicle_idx' in " + ref
                + "; did you mean vehicle_id?");
        Cli role = Cli.run("serve", "--config", badRole.toString(), "--check-config");
        assertThat(role.code()).isEqualTo(3);
        assertThat(role.err()).contains(badRole + ":6: monitors[0].role: no column 'temp' in " + ref
                + "; did you mean temp_c?");

        Cli baseline = Cli.run("drift", "baseline", "--config", bad.toString(), "--monitor", "fleet",
                "--data", reference.toString(), "--store", store);
        assertThat(baseline.code()).isEqualTo(3);
        assertThat(baseline.err()).contains(bad + ":5: monitors[0].exclude: no column 'vehicle_idx' in " + reference
                + "; did you mean vehicle_id?").doesNotContain("--exclude");

        // a baseline made with the right names, then a check with the mistyped file: refused, not ignored
        assertThat(Cli.run("drift", "baseline", "--config", good.toString(), "--monitor", "fleet",
                "--data", reference.toString(), "--store", store).code()).isZero();
        Cli check = Cli.run("drift", "check", "--config", bad.toString(), "--monitor", "fleet",
                "--data", dir.resolve("fleet-2026-11-01.csv").toString(), "--store", store);
        assertThat(check.code()).as(check.out()).isEqualTo(3);
        assertThat(check.err()).contains(bad + ":5: monitors[0].exclude: no column 'vehicle_idx' in " + ref);
        assertThat(Cli.run("serve", "--config", good.toString(), "--check-config").code()).isZero();
    }
}
