// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.variational.GaussianMixture1D;
import dev.surprisal.variational.KlDirectionFit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeRunsTest {
    @TempDir
    Path dir;

    @Test
    void runDirectoryHoldsModelMetricsAndImagesAndEvaluatesReproducibly() throws IOException {
        IdxReader.Images all = FashionMnist.test();
        VaeRuns.Data data = new VaeRuns.Data(all.slice(0, 300), all.slice(9800, 9900));
        VaeConfig c = VaeConfig.defaults().withEpochs(1).withSizes(64, 2);
        VaeRuns.train(c, data, dir, false, VaeTrainer.quiet(), m -> { });
        for (String f : new String[] {"config.json", "weights.bin", "metrics.json"}) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        BufferedImage grid = ImageIO.read(dir.resolve("latent-traversal.png").toFile());
        assertThat(grid.getWidth()).isEqualTo(15 * 29 * 2);
        assertThat(ImageIO.read(dir.resolve("reconstructions.png").toFile()).getHeight()).isEqualTo(4 * 29 * 2);
        VaeRuns.Evaluation a = VaeRuns.evaluate(dir, data.test(), new int[] {1, 5}, 3);
        VaeRuns.Evaluation b = VaeRuns.evaluate(dir, data.test(), new int[] {1, 5}, 3);
        assertThat(b.iwae()).containsExactly(a.iwae());
        assertThat(b.elbo()).isEqualTo(a.elbo());
        assertThat(dir.resolve("eval.json")).content().contains("\"unit\" : \"nats\"");
    }

    @Test
    void negativeBetaIsRejected() {
        assertThatThrownBy(() -> VaeConfig.defaults().withBeta(-1)).hasMessageContaining("beta").hasMessageContaining("-1");
    }

    @Test
    void klFitPlotIsAPng() throws IOException {
        GaussianMixture1D p = GaussianMixture1D.of(new double[] {0.5, 0.5}, new double[] {-3, 3}, new double[] {1, 1});
        Path png = dir.resolve("kl.png");
        KlFitPlot.write(png, p, KlDirectionFit.forward(p), KlDirectionFit.reverse(p), -8, 8);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
    }
}
