// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs Debian's dataset-fashion-mnist (installed in CI); tiny runs only. */
class VaeCommandTest {
    @TempDir
    Path dir;

    @Test
    void negativeBetaIsAUsageError() {
        Cli r = Cli.run("vae", "train", "--beta", "-0.5", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--beta").contains("-0.5");
        assertThat(Cli.run("vae", "sweep", "--betas", "1,-2").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void sweepBetasAreNamedAsTypedAndDuplicatesRefused() {
        Cli neg = Cli.run("vae", "sweep", "--betas", "-1,1", "--out", dir.resolve("sw").toString());
        assertThat(neg.code()).isEqualTo(ExitCode.USAGE);
        assertThat(neg.err()).contains("--betas: must be >= 0, got -1.0");
        // 0.5,0.5 trained twice into the same beta-0.5 directory
        Cli dup = Cli.run("vae", "sweep", "--betas", "0.5,0.5", "--out", dir.resolve("sw").toString());
        assertThat(dup.code()).isEqualTo(ExitCode.USAGE);
        assertThat(dup.err()).contains("--betas: 0.5 is given twice");
        assertThat(dir.resolve("sw")).doesNotExist();
    }

    @Test
    void aRunRefusedForABadOptionLeavesNoDirectory() {
        Path neg = dir.resolve("runs/neg");
        Cli r = Cli.run("vae", "train", "--train-limit", "-5", "--out", neg.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void trainThenEvalGivesTheSameNumbersTwice() {
        Path run = dir.resolve("run");
        Cli t = Cli.run("vae", "train", "--epochs", "1", "--train-limit", "300", "--test-limit", "100",
                "--hidden", "64", "--latent", "2", "--threads", "1", "--quiet", "--out", run.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("epoch  1").contains("test -ELBO").contains("nats/image");
        Cli a = Cli.run("vae", "eval", run.toString(), "--iwae", "1,5", "--test-limit", "100");
        Cli b = Cli.run("vae", "eval", run.toString(), "--iwae", "1,5", "--test-limit", "100");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).contains("IWAE-5").isEqualTo(b.out());
    }

    @Test
    void missingRunOrDatasetIsBadDataWithAFix() {
        Cli r = Cli.run("vae", "eval", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains("not a run directory");
        System.setProperty("surprisal.fashionMnist", dir.toString());
        try {
            Cli m = Cli.run("vae", "train", "--epochs", "1", "--out", dir.resolve("x").toString());
            assertThat(m.code()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(m.err()).contains("apt-get install dataset-fashion-mnist");
        } finally {
            System.clearProperty("surprisal.fashionMnist");
        }
    }

    private static final String[] TINY = {"--epochs", "1", "--train-limit", "256", "--test-limit", "64",
        "--hidden", "16", "--latent", "2", "--threads", "1", "--quiet"};

    private static Cli train(Path out, String... more) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("vae", "train"));
        a.addAll(java.util.List.of(TINY));
        a.addAll(java.util.List.of(more));
        a.add("--out");
        a.add(out.toString());
        return Cli.run(a.toArray(String[]::new));
    }

    @Test
    void outputsAreCheckedBeforeTrainingAndARunIsReplacedOnlyWithForce() throws Exception {
        Path run = dir.resolve("run");
        assertThat(train(run).code()).isZero();
        byte[] weights = java.nio.file.Files.readAllBytes(run.resolve("weights.bin"));
        Cli again = train(run, "--seed", "7");
        assertThat(again.code()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already holds a run").contains("--force");
        assertThat(again.out()).doesNotContain("training on");
        assertThat(java.nio.file.Files.readAllBytes(run.resolve("weights.bin"))).isEqualTo(weights);
        Cli forced = train(run, "--seed", "7", "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(java.nio.file.Files.readAllBytes(run.resolve("weights.bin"))).isNotEqualTo(weights);

        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        Cli onFile = train(file);
        assertThat(onFile.code()).isEqualTo(ExitCode.USAGE);
        assertThat(onFile.err()).contains("--out: " + file + " is a file").doesNotContain("out: out:");
        assertThat(onFile.out()).isEmpty();
    }

    @Test
    void aDivergingLossIsAnErrorAndNothingIsSaved() {
        Path run = dir.resolve("wild");
        Cli r = train(run, "--lr", "1e9");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--lr: training diverged").contains("nothing was saved");
        assertThat(r.out()).doesNotContain("saved to");
        assertThat(run.resolve("weights.bin")).doesNotExist();
    }

    @Test
    void negativeLimitsAreUsageErrors() {
        Cli t = Cli.run("vae", "train", "--train-limit", "-5", "--out", dir.resolve("x").toString());
        assertThat(t.code()).isEqualTo(ExitCode.USAGE);
        assertThat(t.err()).contains("--train-limit: must be >= 0");
        Cli e = Cli.run("vae", "eval", dir.toString(), "--test-limit", "-1");
        assertThat(e.code()).isEqualTo(ExitCode.USAGE);
        assertThat(e.err()).contains("--test-limit: must be >= 0");
    }

    @Test
    void aBrokenRunIsBadDataNamingTheFile() throws Exception {
        Path run = dir.resolve("run");
        assertThat(train(run).code()).isZero();
        java.nio.file.Files.write(run.resolve("weights.bin"), new byte[] {1, 2, 3});
        Cli r = Cli.run("vae", "eval", run.toString(), "--test-limit", "10");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(r.err()).contains(run.resolve("weights.bin") + ": 3 bytes, expected").doesNotContain("internal");
        java.nio.file.Files.writeString(run.resolve("config.json"), "{not json");
        Cli c = Cli.run("vae", "eval", run.toString(), "--test-limit", "10");
        assertThat(c.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(c.err()).contains(run.resolve("config.json") + ": not a valid run configuration");
    }
}
