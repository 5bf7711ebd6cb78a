// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit12 defect 12: the {@code drift baseline --help} example with {@code --config monitors.yaml} (which excludes
 * ts) followed by the {@code drift check --help} example {@code --exclude ts --fail-on warn} exited 3 "no column
 * 'ts'". Excluding a column the baseline already left out is a note; a name the file never had is still an error.
 */
class DriftCheckExcludeLeftOutTest {
    @TempDir
    Path dir;

    private Path day(String name, long seed) throws IOException {
        StringBuilder b = new StringBuilder("order_id,ts,amount,country\n");
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 400; i++) {
            b.append(1000 + i).append(",2026-12-01T10:").append(String.format("%02d", i % 60)).append(":00Z,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 20 + 80 * r.nextDouble())).append(',')
                    .append(new String[] {"DE", "FR", "IT"}[r.nextInt(3)]).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void excludingAColumnTheBaselineLeftOutIsANoteNotAnError() throws IOException {
        String store = dir.resolve("drift.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", day("ref.csv", 1).toString(),
                "--exclude", "order_id,ts", "--store", store);
        assertThat(b.code()).as(b.err()).isZero();
        Cli c = Cli.run("drift", "check", "--monitor", "orders", "--data", day("today.csv", 2).toString(),
                "--exclude", "ts", "--fail-on", "warn", "--store", store);
        assertThat(c.code()).as(c.err()).isIn(0, 1);
        assertThat(c.err()).contains("note: --exclude ts: already left out by the baseline of 'orders'");
        Cli wrong = Cli.run("drift", "check", "--monitor", "orders", "--data", day("today2.csv", 3).toString(),
                "--exclude", "nosuch", "--store", store);
        assertThat(wrong.code()).isEqualTo(3);
        assertThat(wrong.err()).contains("--exclude: no column 'nosuch'");
    }
}
