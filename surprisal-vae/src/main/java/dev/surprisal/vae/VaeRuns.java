package dev.surprisal.vae;

import dev.surprisal.variational.ElboTerms;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Whole runs on Fashion-MNIST, each a directory: {@code config.json}, {@code weights.bin},
 * {@code metrics.json} (per-epoch figures), PNG grids, and after evaluation {@code eval.json}.
 */
public final class VaeRuns {
    private VaeRuns() {
    }

    /** Train and test images, optionally limited to the first {@code limit} training images and binarised. */
    public record Data(IdxReader.Images train, IdxReader.Images test) {
        public static Data fashionMnist(int trainLimit, int testLimit, VaeConfig c) throws IOException {
            IdxReader.Images tr = FashionMnist.train();
            IdxReader.Images te = FashionMnist.test();
            if (trainLimit > 0 && trainLimit < tr.count()) {
                tr = tr.head(trainLimit);
            }
            if (testLimit > 0 && testLimit < te.count()) {
                te = te.head(testLimit);
            }
            if (c.binarize()) {
                tr = Batches.binarize(tr, c.seed());
                te = Batches.binarize(te, c.seed() + 1);
            }
            return new Data(tr, te);
        }

        /** The test images a run was trained against: limited, and binarised with the run's seed if it was. */
        public static IdxReader.Images testFor(VaeConfig c, int testLimit) throws IOException {
            IdxReader.Images te = FashionMnist.test();
            if (testLimit > 0 && testLimit < te.count()) {
                te = te.head(testLimit);
            }
            return c.binarize() ? Batches.binarize(te, c.seed() + 1) : te;
        }
    }

    /** Trains, saves the model, the metrics and the three PNG grids into {@code out}; returns the history. */
    public static List<EpochMetrics> train(VaeConfig config, Data data, Path out, VaeTrainer trainer,
                                           Consumer<EpochMetrics> onEpoch) throws IOException {
        try (VaeModel model = VaeModel.create(config)) {
            List<EpochMetrics> history = trainer.train(model, data.train(), data.test(), onEpoch);
            model.save(out);
            VaeModel.mapper().writeValue(out.resolve("metrics.json").toFile(), history);
            writeImages(model, data.test(), out);
            return history;
        }
    }

    /** Reconstructions, prior samples and a 2-D latent traversal, as PNGs in {@code out}. */
    public static void writeImages(VaeModel model, IdxReader.Images test, Path out) throws IOException {
        ImageGrid.reconstructions(out.resolve("reconstructions.png"), model, test, Math.min(20, test.count()));
        ImageGrid.priorSamples(out.resolve("prior-samples.png"), model, 100, test.rows(), test.cols(), model.config().seed());
        ImageGrid.traversal(out.resolve("latent-traversal.png"), model, 15, test.rows(), test.cols());
    }

    /**
     * Test-set evaluation of a saved run.
     *
     * @param elbo  ELBO terms per image (nats)
     * @param ks    the k of each IWAE estimate
     * @param iwae  IWAE-k per image (nats), a lower bound on log p(x) that tightens with k
     */
    public record Evaluation(ElboTerms elbo, int[] ks, double[] iwae) {
        /** IWAE-k − ELBO: how much of the ELBO's gap to log p(x) k samples close. */
        public double gap(int j) {
            return iwae[j] - elbo.elbo();
        }
    }

    /** The configuration saved in a run directory. */
    public static VaeConfig config(Path run) throws IOException {
        return VaeModel.mapper().readValue(run.resolve("config.json").toFile(), VaeConfig.class);
    }

    /** Loads a run and evaluates it on {@code test}; writes {@code eval.json}. Same run, same seed: same numbers. */
    public static Evaluation evaluate(Path run, IdxReader.Images test, int[] ks, long seed) throws IOException {
        try (VaeModel model = VaeModel.load(run)) {
            ElboTerms e = VaeEvaluator.elbo(model, test, seed);
            double[] iw = VaeEvaluator.iwae(model, test, ks, seed);
            Evaluation ev = new Evaluation(e, ks.clone(), iw);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("unit", "nats");
            json.put("images", test.count());
            json.put("seed", seed);
            json.put("reconstruction", e.reconstruction());
            json.put("kl", e.kl());
            json.put("elbo", e.elbo());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int j = 0; j < ks.length; j++) {
                rows.add(Map.of("k", ks[j], "iwae", iw[j], "gapToElbo", ev.gap(j)));
            }
            json.put("iwae", rows);
            VaeModel.mapper().writeValue(run.resolve("eval.json").toFile(), json);
            return ev;
        }
    }

    /**
     * One row of a β sweep, final-epoch test figures in nats per image.
     *
     * @param beta           KL weight used in training
     * @param reconstruction −E_q[log p(x|z)]
     * @param kl             KL(q ‖ p(z))
     */
    public record SweepRow(double beta, double reconstruction, double kl) {
        public double negElbo() {
            return reconstruction + kl;
        }
    }

    /** Trains one model per β into {@code out/beta-<β>} and writes {@code out/sweep.json}. */
    public static List<SweepRow> sweep(VaeConfig base, double[] betas, Data data, Path out, VaeTrainer trainer,
                                       Consumer<String> log) throws IOException {
        List<SweepRow> rows = new ArrayList<>();
        for (double beta : betas) {
            VaeConfig c = base.withBeta(beta);
            List<EpochMetrics> h = train(c, data, out.resolve("beta-" + beta), trainer,
                    m -> log.accept("beta " + beta + "  " + m.line()));
            EpochMetrics last = h.get(h.size() - 1);
            rows.add(new SweepRow(beta, last.testReconstruction(), last.testKl()));
        }
        VaeModel.mapper().writeValue(out.resolve("sweep.json").toFile(),
                Map.of("unit", "nats", "rows", rows));
        return rows;
    }
}
