// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Trains a {@link VaeModel} epoch by epoch and reports {@link EpochMetrics}. */
public final class VaeTrainer {
    private final boolean progress;

    private VaeTrainer(boolean progress) {
        this.progress = progress;
    }

    /**
     * A trainer that shows a progress bar only when stderr is a terminal.
     *
     * @return the trainer
     */
    public static VaeTrainer create() {
        return new VaeTrainer(System.console() != null);
    }

    /**
     * A trainer that never draws a progress bar.
     *
     * @return the trainer
     */
    public static VaeTrainer quiet() {
        return new VaeTrainer(false);
    }

    /**
     * Runs {@code model.config().epochs()} epochs over {@code train}, evaluating on {@code test}
     * after each; {@code onEpoch} receives each epoch's metrics as soon as they exist.
     *
     * @param model the model, trained in place
     * @param train the training images
     * @param test the test images
     * @param onEpoch receives each epoch's metrics
     * @return the metrics of every epoch
     * @throws TrainingDivergedException as soon as a batch loss or a test ELBO is NaN or infinite
     */
    public List<EpochMetrics> train(VaeModel model, IdxReader.Images train, IdxReader.Images test,
                                    Consumer<EpochMetrics> onEpoch) {
        VaeConfig c = model.config();
        Engine.getEngine("PyTorch").setRandomSeed((int) c.seed());
        SplittableRandom shuffle = new SplittableRandom(c.seed() ^ 0x5DEECE66DL);
        List<EpochMetrics> history = new ArrayList<>();
        for (int epoch = 1; epoch <= c.epochs(); epoch++) {
            long t0 = System.nanoTime();
            double[] sums = epoch(model, train, permutation(train.count(), shuffle), epoch);
            double seconds = (System.nanoTime() - t0) / 1e9;
            dev.surprisal.variational.ElboTerms t = VaeEvaluator.elbo(model, test, c.seed() + epoch);
            if (!Double.isFinite(t.elbo())) {
                throw new TrainingDivergedException("the test ELBO", t.elbo(), epoch, 0, c.learningRate());
            }
            EpochMetrics m = new EpochMetrics(epoch, sums[0] / train.count(), sums[1] / train.count(),
                    -t.reconstruction(), t.kl(), seconds);
            history.add(m);
            onEpoch.accept(m);
        }
        return history;
    }

    /** One pass; returns summed {reconstruction, KL}. */
    double[] epoch(VaeModel model, IdxReader.Images train, int[] order, int epoch) {
        int b = model.config().batchSize();
        int n = train.count();
        int batches = (n + b - 1) / b;
        double rec = 0;
        double kl = 0;
        Batches.Staging staging = new Batches.Staging(b, train.pixelsPerImage());
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("epoch " + epoch)
                .setInitialMax(batches).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).build() : null) {
            for (int from = 0; from < n; from += b) {
                int to = Math.min(n, from + b);
                try (NDManager batch = model.parameterManager().newSubManager()) {
                    NDArray x = staging.gather(batch, train, order, from, to);
                    double[] r = model.trainStep(x);
                    if (!Double.isFinite(r[0] + r[1])) {
                        // NaN weights would be saved as a "trained" model: stop before anything is written.
                        throw new TrainingDivergedException("the training loss", r[0] + r[1], epoch, from / b + 1,
                                model.config().learningRate());
                    }
                    rec += r[0];
                    kl += r[1];
                }
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(" -ELBO %.2f", (rec + kl) / to));
                }
            }
        }
        return new double[] {rec, kl};
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
