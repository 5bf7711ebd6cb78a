// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.variational.ElboTerms;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.surprisal.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
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
    /** The files of a trained run; any of them present means the directory holds a run. */
    private static final List<String> RUN_FILES = List.of(VaeModel.CONFIG, VaeModel.WEIGHTS, "metrics.json");
    private static final String SWEEP = "sweep.json";
    private VaeRuns() {
    }

    /** Train and test images, optionally limited to the first {@code limit} training images and binarised. */
    public record Data(IdxReader.Images train, IdxReader.Images test) {
        /**
         * Fashion-MNIST's training and test sets, each limited to its first {@code trainLimit} /
         * {@code testLimit} images when positive (0 means all).
         *
         * @param trainLimit training images kept, 0 for all
         * @param testLimit test images kept, 0 for all
         * @param c the configuration (binarised or not, seed)
         * @return the two sets
         * @throws ValidationException when a limit is negative
         * @throws IOException         when the dataset is not installed or unreadable
         */
        public static Data fashionMnist(int trainLimit, int testLimit, VaeConfig c) throws IOException {
            checkLimit("trainLimit", trainLimit);
            checkLimit("testLimit", testLimit);
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

        /**
         * The test images a run was trained against: limited, and binarised with the run's seed if it was.
         *
         * @param c the run's configuration
         * @param testLimit test images kept, 0 for all
         * @return the test images
         * @throws IOException when the dataset is not installed or unreadable
         */
        public static IdxReader.Images testFor(VaeConfig c, int testLimit) throws IOException {
            checkLimit("testLimit", testLimit);
            IdxReader.Images te = FashionMnist.test();
            if (testLimit > 0 && testLimit < te.count()) {
                te = te.head(testLimit);
            }
            return c.binarize() ? Batches.binarize(te, c.seed() + 1) : te;
        }

        /**
         * Checks an image limit: 0 (all) or a positive count.
         *
         * @param name  the parameter's name, for the message
         * @param limit the limit
         * @throws ValidationException when {@code limit} is negative
         */
        public static void checkLimit(String name, int limit) {
            if (limit < 0) {
                throw new ValidationException(name + ": must be >= 0 (0 means all images), got " + limit);
            }
        }
    }

    /**
     * Checks, before any work, that {@code out} can receive a run: it is not a file, it does not
     * already hold a run unless {@code overwrite}, and it can be created and written to (its nearest
     * existing ancestor is a writable directory). Training takes minutes, so these failures must not
     * wait for its end. Nothing is created.
     *
     * @param out       the run directory
     * @param overwrite whether an existing run there may be replaced
     * @throws ValidationException when {@code out} exists and is not a directory
     * @throws RunExistsException  when {@code out} holds run files and {@code overwrite} is false
     * @throws IOException         when {@code out} cannot be created or written to
     */
    public static void checkOutput(Path out, boolean overwrite) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ValidationException("out: " + out + " is a file, not a directory; give a directory for the run");
        }
        if (Files.isDirectory(out) && !overwrite) {
            List<String> present = new ArrayList<>();
            for (String f : RUN_FILES) {
                if (Files.exists(out.resolve(f))) {
                    present.add(f);
                }
            }
            if (!present.isEmpty()) {
                throw new RunExistsException(out, present);
            }
        }
        // Nothing is created here: a run that fails later (a bad option, a diverged loss) must not
        // leave an empty directory behind. The directory is made when the first file is written.
        Path existing = out.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new ValidationException("out: " + out + " cannot be created: " + existing + " is a file, not a "
                    + "directory");
        }
        if (!Files.isWritable(existing)) {
            throw new java.nio.file.AccessDeniedException(existing.toString(), null, "cannot write there");
        }
    }

    /**
     * Trains, then saves the model, the metrics and the three PNG grids into {@code out}, each file
     * written atomically; returns the history. {@code out} is checked first ({@link #checkOutput}).
     * A loss that becomes NaN or infinite stops training and nothing is written.
     *
     * @param overwrite whether an existing run in {@code out} may be replaced
     * @param config the configuration
     * @param data the training and test sets
     * @param out the run directory
     * @param trainer the trainer
     * @param onEpoch receives each epoch's metrics
     * @return the metrics of every epoch
     * @throws RunExistsException         when {@code out} holds a run and {@code overwrite} is false
     * @throws TrainingDivergedException when the loss stops being finite
     * @throws IOException when a file cannot be written
     */
    public static List<EpochMetrics> train(VaeConfig config, Data data, Path out, boolean overwrite, VaeTrainer trainer,
                                           Consumer<EpochMetrics> onEpoch) throws IOException {
        checkOutput(out, overwrite);
        return trainInto(config, data, out, trainer, onEpoch);
    }

    private static List<EpochMetrics> trainInto(VaeConfig config, Data data, Path out, VaeTrainer trainer,
                                                Consumer<EpochMetrics> onEpoch) throws IOException {
        try (VaeModel model = VaeModel.create(config)) {
            List<EpochMetrics> history = trainer.train(model, data.train(), data.test(), onEpoch);
            model.save(out);
            writeJson(out.resolve("metrics.json"), history);
            writeImages(model, data.test(), out);
            return history;
        }
    }

    private static void writeJson(Path file, Object value) throws IOException {
        RunFiles.write(file, stream -> VaeModel.mapper().writeValue(stream, value));
    }

    /**
     * Loads the run in {@code run} and (re)writes its three PNG grids there, from {@code test}.
     *
     * @param run the run directory
     * @param test the test images
     * @throws IOException when a file cannot be written
     */
    public static void writeImages(Path run, IdxReader.Images test) throws IOException {
        try (VaeModel model = VaeModel.load(run)) {
            writeImages(model, test, run);
        }
    }

    /**
     * Reconstructions, prior samples and a 2-D latent traversal, as PNGs in {@code out}.
     *
     * @param model the model
     * @param test the test images
     * @param out the directory
     * @throws IOException when a file cannot be written
     */
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
        /**
         * IWAE-k − ELBO: how much of the ELBO's gap to log p(x) k samples close.
         *
         * @param j an index into ks
         * @return IWAE-k − ELBO for k = ks[j], in nats per image
         */
        public double gap(int j) {
            return iwae[j] - elbo.elbo();
        }
    }

    /**
     * The configuration saved in a run directory.
     *
     * @param run the run directory
     * @return its configuration
     * @throws BrokenRunException when {@code config.json} is missing, is not JSON, or does not
     *                            describe a valid network
     * @throws IOException when a file cannot be read
     */
    public static VaeConfig config(Path run) throws IOException {
        Path file = run.resolve(VaeModel.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new BrokenRunException(file, Files.exists(file) ? "not a regular file"
                    : "missing; " + run + " is not a run directory (train one with vae train)");
        }
        try {
            return VaeModel.mapper().readValue(file.toFile(), VaeConfig.class);
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root instanceof ValidationException ? root.getMessage() : e.getOriginalMessage();
            throw new BrokenRunException(file, "not a valid run configuration (" + why + ")", e);
        }
    }

    /**
     * Loads a run and evaluates it on {@code test}; writes {@code eval.json}. Same run, same seed: same numbers.
     *
     * @param run the run directory
     * @param test the test images
     * @param ks the values of k
     * @param seed the seed of the samples
     * @return the ELBO terms and IWAE-k
     * @throws IOException when a file cannot be written
     */
    public static Evaluation evaluate(Path run, IdxReader.Images test, int[] ks, long seed) throws IOException {
        return evaluate(run, test, ks, seed, 0);
    }

    /**
     * Loads a run and evaluates it on {@code test} with {@code threads} PyTorch intra-op threads;
     * writes {@code eval.json}. Same run, same seed: same numbers.
     *
     * @param run     the run directory
     * @param test    the test images
     * @param ks      the IWAE sample counts, each at least 1
     * @param seed    the sampling seed
     * @param threads intra-op threads, at least 1; 0 keeps the run's own setting
     * @return the ELBO terms and the IWAE-k bounds, nats per image
     * @throws IOException when the run cannot be read or eval.json cannot be written
     */
    public static Evaluation evaluate(Path run, IdxReader.Images test, int[] ks, long seed, int threads) throws IOException {
        try (VaeModel model = VaeModel.load(run, threads)) {
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
            writeJson(run.resolve("eval.json"), json);
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
        /**
         * @return reconstruction + KL, in nats per image
         */
        public double negElbo() {
            return reconstruction + kl;
        }
    }

    /**
     * Trains one model per β into {@code out/beta-<β>} and writes {@code out/sweep.json}. Every
     * output directory is checked before the first model trains.
     *
     * @param overwrite whether existing runs in {@code out} may be replaced
     * @param base the configuration, β aside
     * @param betas the values of β
     * @param data the training and test sets
     * @param out the sweep's directory
     * @param trainer the trainer
     * @param log receives one line per model
     * @return one row per β
     * @throws RunExistsException when a run or {@code sweep.json} exists and {@code overwrite} is false
     * @throws IOException when a file cannot be written
     */
    public static List<SweepRow> sweep(VaeConfig base, double[] betas, Data data, Path out, boolean overwrite,
                                       VaeTrainer trainer, Consumer<String> log) throws IOException {
        checkOutput(out, true);
        if (!overwrite && Files.exists(out.resolve(SWEEP))) {
            throw new RunExistsException(out, List.of(SWEEP));
        }
        for (double beta : betas) {
            checkOutput(out.resolve("beta-" + beta), overwrite);
        }
        List<SweepRow> rows = new ArrayList<>();
        for (double beta : betas) {
            VaeConfig c = base.withBeta(beta);
            List<EpochMetrics> h = trainInto(c, data, out.resolve("beta-" + beta), trainer,
                    m -> log.accept("beta " + beta + "  " + m.line()));
            EpochMetrics last = h.get(h.size() - 1);
            rows.add(new SweepRow(beta, last.testReconstruction(), last.testKl()));
        }
        writeJson(out.resolve(SWEEP), Map.of("unit", "nats", "rows", rows));
        return rows;
    }
}
