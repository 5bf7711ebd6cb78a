// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --engine} and {@code --master} of the drift verbs, {@code mi} and {@code entropy}, in the default build (no Spark on the
 * class path): the Spark engine is then missing, which is a usage error that says what to install,
 * and nothing is written. The Spark engine itself is tested in surprisal-spark ({@code -Pspark}).
 */
class DriftEngineOptionsTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        StringBuilder b = new StringBuilder("x,c\n");
        for (int i = 0; i < 300; i++) {
            b.append(i % 37).append(',').append(i % 3).append('\n');
        }
        return Files.writeString(dir.resolve("ref.csv"), b.toString());
    }

    @Test
    void sparkWithoutTheModuleExitsTwoSayingWhatToInstallAndWritesNoStore() throws IOException {
        Path ref = csv();
        Path store = dir.resolve("drift.duckdb");
        Cli c = Cli.run("drift", "baseline", "--monitor", "m", "--data", ref.toString(), "--store", store.toString(),
                "--engine", "spark");
        assertThat(c.code()).isEqualTo(ExitCode.USAGE);
        assertThat(c.err()).contains("--engine spark").contains("not on the class path")
                .contains("mvn -B -Pspark -pl surprisal-spark -am package");
        assertThat(store).doesNotExist();
        Cli compare = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--engine", "spark",
                "--master", "local[2]");
        assertThat(compare.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anUnknownEngineOrAMasterWithoutSparkIsAUsageError() throws IOException {
        Path ref = csv();
        Cli bogus = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--engine", "flink");
        assertThat(bogus.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bogus.err()).contains("--engine: expected local or spark, got 'flink'");
        Cli master = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--master", "local[2]");
        assertThat(master.code()).isEqualTo(ExitCode.USAGE);
        assertThat(master.err()).contains("--master: only with --engine spark");
        Cli format = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--format", "csv");
        assertThat(format.code()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).contains("--format: only with --engine spark");
        Cli badFormat = Cli.run("drift", "compare", ref.toString(), ref.toString(), "--format", "xlsx", "--engine", "spark");
        assertThat(badFormat.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badFormat.err()).contains("--format").contains("xlsx");
        assertThat(Cli.run("drift", "compare", ref.toString(), ref.toString(), "--engine", "local").code())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void miAndEntropyTakeTheSameEngineOptions() throws IOException {
        Path ref = csv();
        for (String[] args : new String[][] {
                {"mi", "--data", ref.toString(), "--target", "c", "--engine", "spark"},
                {"mi", "--data", ref.toString(), "--x", "x", "--y", "c", "--engine", "spark", "--master", "local[2]"},
                {"entropy", "--data", ref.toString(), "--column", "c", "--engine", "spark"}}) {
            Cli c = Cli.run(args);
            assertThat(c.code()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(c.err()).contains("--engine spark").contains("not on the class path");
        }
        Cli master = Cli.run("mi", "--data", ref.toString(), "--target", "c", "--master", "local[2]");
        assertThat(master.code()).isEqualTo(ExitCode.USAGE);
        assertThat(master.err()).contains("--master: only with --engine spark");
        Cli values = Cli.run("entropy", "0.5", "0.5", "--engine", "spark");
        assertThat(values.code()).isEqualTo(ExitCode.USAGE);
        assertThat(values.err()).contains("--engine, --master and --format apply to --data FILE");
        assertThat(Cli.run("mi", "--data", ref.toString(), "--target", "c", "--engine", "local", "--permutations", "0")
                .code()).isEqualTo(ExitCode.OK);
    }
}
