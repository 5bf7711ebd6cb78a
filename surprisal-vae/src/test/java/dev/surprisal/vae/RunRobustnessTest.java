// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.ValidationException;
import dev.surprisal.variational.GaussianMixture1D;
import dev.surprisal.variational.KlDirectionFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken run directories, existing outputs and diverging training (issue 11): each fails with a
 * {@link ValidationException} naming the file or parameter, before any work where it can, and
 * leaves no half-written or temporary file. Needs dataset-fashion-mnist.
 */
class RunRobustnessTest {
    static VaeRuns.Data data;
    static final VaeConfig TINY = VaeConfig.defaults().withEpochs(1).withSizes(32, 2);

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws IOException {
        IdxReader.Images all = FashionMnist.test();
        data = new VaeRuns.Data(all.slice(0, 256), all.slice(9900, 9964));
    }

    private Path trainedRun() throws IOException {
        Path run = dir.resolve("run");
        VaeRuns.train(TINY, data, run, false, VaeTrainer.quiet(), m -> { });
        return run;
    }

    @Test
    void brokenWeightsAreNamedWithWhatIsWrong() throws IOException {
        Path run = trainedRun();
        Path weights = run.resolve("weights.bin");
        byte[] good = Files.readAllBytes(weights);

        Files.write(weights, java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> VaeModel.load(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageStartingWith(weights.toString()).hasMessageContaining("bytes, expected " + good.length)
                .hasMessageContaining("truncated");

        byte[] random = new byte[good.length];
        new Random(7).nextBytes(random);
        Files.write(weights, random);
        assertThatThrownBy(() -> VaeModel.load(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageStartingWith(weights.toString()).hasMessageContaining("corrupt");

        // a NaN in the first array's third value: eval said only "logWeights[0]: is NaN"
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good.clone());
        int nameLength = b.getShort(4);
        String first = new String(good, 6, nameLength, java.nio.charset.StandardCharsets.UTF_8);
        b.putFloat(6 + nameLength + 4 + 2 * Float.BYTES, Float.NaN);
        Files.write(weights, b.array());
        assertThatThrownBy(() -> VaeModel.load(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageStartingWith(weights + ": holds a NaN in array " + first + " (value 3 of ");

        Files.delete(weights);
        assertThatThrownBy(() -> VaeModel.load(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageContaining("weights.bin: missing");
    }

    @Test
    void aConfigThatIsNotJsonOrDoesNotMatchTheWeightsIsNamed() throws IOException {
        Path run = trainedRun();
        Path config = run.resolve("config.json");
        String json = Files.readString(config);

        Files.writeString(config, json.replace("\"latent\" : 2", "\"latent\" : 3"));
        assertThatThrownBy(() -> VaeModel.load(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageContaining("weights.bin").hasMessageContaining("latent 3");

        Files.writeString(config, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> VaeRuns.config(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageStartingWith(config.toString()).hasMessageContaining("not a valid run configuration");

        Files.writeString(config, json.replace("\"hidden\" : 32", "\"hidden\" : -4"));
        assertThatThrownBy(() -> VaeRuns.config(run)).isInstanceOf(BrokenRunException.class)
                .hasMessageContaining("hidden: must be in [1, 16384], got -4");
    }

    @Test
    void anExistingRunIsNotReplacedUnlessAskedAndAFileIsNoRunDirectory() throws IOException {
        Path run = trainedRun();
        byte[] before = Files.readAllBytes(run.resolve("weights.bin"));
        assertThatThrownBy(() -> VaeRuns.train(TINY.withSeed(9), data, run, false, VaeTrainer.quiet(), m -> { }))
                .isInstanceOf(RunExistsException.class).hasMessageContaining("already holds a run");
        assertThat(Files.readAllBytes(run.resolve("weights.bin"))).isEqualTo(before);

        VaeRuns.train(TINY.withSeed(9), data, run, true, VaeTrainer.quiet(), m -> { });
        assertThat(Files.readAllBytes(run.resolve("weights.bin"))).isNotEqualTo(before);
        assertNoTemporaryFiles(run);

        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> VaeRuns.checkOutput(file, true)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("out: " + file + " is a file");
        assertThatThrownBy(() -> VaeRuns.checkOutput(file.resolve("run"), true)).isInstanceOf(ValidationException.class)
                .hasMessage("out: " + file.resolve("run") + " cannot be created: " + file.toAbsolutePath()
                        + " is a file, not a directory");
        Path fresh = dir.resolve("a/b/run");
        VaeRuns.checkOutput(fresh, false);
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void aDivergingLossStopsTrainingAndSavesNothing() {
        Path run = dir.resolve("diverged");
        VaeConfig wild = new VaeConfig(784, 32, 2, 1, 1, 128, 1e9, 42, 1, false);
        assertThatThrownBy(() -> VaeRuns.train(wild, data, run, false, VaeTrainer.quiet(), m -> { }))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("learningRate: training diverged").hasMessageContaining("nothing was saved");
        assertThat(run.resolve("weights.bin")).doesNotExist();
        assertThat(run.resolve("config.json")).doesNotExist();
        // nor an empty directory: the output check used to create it before training
        assertThat(run).doesNotExist();
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThatThrownBy(() -> VaeRuns.Data.fashionMnist(-5, 0, TINY)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("trainLimit: must be >= 0");
        assertThatThrownBy(() -> VaeRuns.Data.testFor(TINY, -1)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("testLimit: must be >= 0");
    }

    @Test
    void aPlotOntoADirectoryIsRefusedAndAPlotIsWrittenWhole() throws IOException {
        GaussianMixture1D p = GaussianMixture1D.of(new double[] {0.5, 0.5}, new double[] {-3, 3}, new double[] {1, 1});
        KlDirectionFit.Fit f = KlDirectionFit.forward(p);
        KlDirectionFit.Fit r = KlDirectionFit.reverse(p);
        assertThatThrownBy(() -> KlFitPlot.write(dir, p, f, r, -8, 8)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("is a directory");
        Path png = dir.resolve("sub/kl.png");
        KlFitPlot.write(png, p, f, r, -8, 8);
        assertThat(png).isRegularFile();
        assertNoTemporaryFiles(dir);
    }

    @Test
    void reconstructionsOfFewerImagesThanAFullRowPair() throws IOException {
        // 16 images: a full row of 10 and a partial one of 6; found by the fuzz suite (vae eval --test-limit 16 --images)
        try (VaeModel model = VaeModel.create(TINY)) {
            Path png = dir.resolve("r.png");
            ImageGrid.reconstructions(png, model, data.test().slice(0, 16), 16);
            assertThat(javax.imageio.ImageIO.read(png.toFile()).getHeight()).isEqualTo(4 * 29 * 2);
        }
    }

    static void assertNoTemporaryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
