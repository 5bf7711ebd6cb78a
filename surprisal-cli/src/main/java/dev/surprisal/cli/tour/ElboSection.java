// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.cli.ElboDemo;
import dev.surprisal.vae.EpochMetrics;
import dev.surprisal.vae.FashionMnist;
import dev.surprisal.vae.IdxReader;
import dev.surprisal.vae.VaeConfig;
import dev.surprisal.vae.VaeEvaluator;
import dev.surprisal.vae.VaeModel;
import dev.surprisal.vae.VaeTrainer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The ELBO: the exact-evidence gap (instant), and, unless {@code surprisal tour --no-vae} is given, a tiny
 * VAE trained for one epoch on 2,000 Fashion-MNIST images (a few seconds).
 */
public final class ElboSection implements TourSection {
    private final boolean withVae;

    /**
     * The ELBO stop.
     *
     * @param withVae whether to train the tiny VAE (seconds; skipped with a note when PyTorch's natives or
     *                Fashion-MNIST are missing)
     */
    public ElboSection(boolean withVae) {
        this.withVae = withVae;
    }

    @Override
    public String title() {
        return "The ELBO: a lower bound on the evidence, and what a VAE maximises";
    }

    @Override
    public void print(TourStop out) {
        ElboDemo.ExactGap g = ElboDemo.exactGap();
        ElboDemo.print(out, g);
        out.result("log p(x)", "log_evidence", g.logEvidence(), "nats");
        for (ElboDemo.GapRow r : g.rows()) {
            out.result("q = " + r.q(), "elbo", r.terms().elbo(), "nats");
            out.result("q = " + r.q(), "kl_to_posterior", r.klToPosterior(), "nats");
        }
        out.println();
        if (!withVae) {
            out.tryLine("surprisal tour          (without --no-vae: adds a tiny VAE, one epoch on 2,000 images)");
            out.tryLine("surprisal elbo demo    (CAVI and forward vs reverse KL)");
            return;
        }
        tinyVae(out);
    }

    static void tinyVae(TourStop out) {
        if (!dev.surprisal.vae.TorchRuntime.nativesAvailable()) {
            out.println("  (tiny VAE skipped: PyTorch's native library, lib/pytorch-native-cpu-linux-x86_64.jar next to"
                    + " surprisal.jar, is not installed)");
            out.tryLine("surprisal elbo demo    (CAVI and forward vs reverse KL, no PyTorch needed)");
            return;
        }
        IdxReader.Images all;
        try {
            all = FashionMnist.test();
        } catch (IOException e) {
            out.println("  (tiny VAE skipped: " + e.getMessage() + ")");
            out.tryLine("surprisal elbo demo    (CAVI and forward vs reverse KL, no dataset needed)");
            return;
        }
        IdxReader.Images train = all.slice(0, 2000);
        IdxReader.Images test = all.slice(9000, 10000);
        VaeConfig c = VaeConfig.defaults().withEpochs(1).withThreads(Runtime.getRuntime().availableProcessors());
        try (VaeModel model = VaeModel.create(c)) {
            double before = -VaeEvaluator.elbo(model, test, 1).elbo();
            List<EpochMetrics> h = VaeTrainer.quiet().train(model, train, test, m -> { });
            EpochMetrics m = h.get(0);
            double[] iw = VaeEvaluator.iwae(model, test.head(200), new int[] {1, 50}, 1);
            out.printf(Locale.ROOT, "A VAE (784-400-20-400-784) trained for one epoch on 2,000 Fashion-MNIST images (%.1f s):%n", m.seconds());
            out.printf(Locale.ROOT, "  test -ELBO: %.1f nats/image untrained -> %.1f after one epoch%n", before, m.testNegElbo());
            out.printf(Locale.ROOT, "            = reconstruction %.1f + KL(q||prior) %.1f%n", m.testReconstruction(), m.testKl());
            out.printf(Locale.ROOT, "  IWAE-50 on 200 images: %.1f vs ELBO %.1f: more samples, a tighter bound on log p(x)%n", iw[1], iw[0]);
            String unit = "nats per image";
            out.result("untrained", "neg_elbo", before, unit);
            out.result("after one epoch", "neg_elbo", m.testNegElbo(), unit);
            out.result("after one epoch", "reconstruction", m.testReconstruction(), unit);
            out.result("after one epoch", "kl", m.testKl(), unit);
            out.result("200 images", "iwae_50", iw[1], unit);
            out.result("200 images", "elbo", iw[0], unit);
            out.tryLine("surprisal vae train --epochs 10 --out runs/x");
        }
    }
}
