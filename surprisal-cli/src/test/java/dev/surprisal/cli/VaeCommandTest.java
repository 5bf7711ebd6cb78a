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
}
