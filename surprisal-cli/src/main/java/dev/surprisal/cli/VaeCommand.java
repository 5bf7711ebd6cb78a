// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.vae.EpochMetrics;
import dev.surprisal.vae.FashionMnist;
import dev.surprisal.vae.IdxReader;
import dev.surprisal.vae.VaeConfig;
import dev.surprisal.vae.RunExistsException;
import dev.surprisal.vae.VaeRuns;
import dev.surprisal.vae.VaeTrainer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code surprisal vae train|eval|sweep}: a variational autoencoder trained on the ELBO (DJL + PyTorch, CPU). */
@Command(name = "vae",
        mixinStandardHelpOptions = true,
        subcommands = {VaeCommand.Train.class, VaeCommand.Eval.class, VaeCommand.Sweep.class},
        header = "Train and evaluate a variational autoencoder on Fashion-MNIST.",
        description = {"Losses are in nats per image: -ELBO = reconstruction + KL, an upper bound on -log p(x).", "",
            "Threads: use one intra-op thread per core you really have; on a shared machine also set",
            "OMP_WAIT_POLICY=PASSIVE so idle PyTorch workers sleep instead of spinning.", "",
            "AMD processors: ./surprisal preloads a small library (built when a C compiler is installed) so that",
            "the oneMKL inside PyTorch uses its AVX-512/AVX2 matrix kernels instead of its generic ones; the",
            "losses agree to float32 rounding. SURPRISAL_MKL_INTEL_PATH=0 switches it off (README,",
            "docs/architecture.md).", ""},
        footer = {"", "Examples:",
            "  surprisal vae train --epochs 10 --out runs/x",
            "  surprisal vae eval runs/x --iwae 1,5,50",
            "  surprisal vae sweep --betas 0.5,1,2,4 --epochs 5"})
public final class VaeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of train, eval, sweep");
    }

    /**
     * PyTorch's native library must sit beside the jar. Its absence is the installation, not the
     * data (3) and not a bug (4, which asks for a report): a usage error (2), like `vae train` onto
     * an existing run, that the user fixes by running the jar with its lib/ folder.
     */
    static void requireNatives(CommandSpec spec) {
        try {
            dev.surprisal.vae.TorchRuntime.requireNatives();
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * One IWAE-k line of `vae eval`. IWAE-1 is the ELBO in expectation (one importance sample is
     * the ELBO's own estimator), so its difference from the ELBO is Monte-Carlo noise of the two
     * draws, not a tighter bound; only k &gt; 1 can gain.
     */
    static String iwaeLine(int k, double iwae, double gap) {
        return String.format(Locale.ROOT, "  IWAE-%-4d       %10.3f  (ELBO %s %.3f%s)", k, iwae, gap < 0 ? "-" : "+",
                Math.abs(gap), k == 1 ? ": Monte-Carlo noise, since IWAE-1 equals the ELBO in expectation" : "");
    }

    static VaeRuns.Data data(VaeOptions o, VaeConfig c) {
        try {
            return VaeRuns.Data.fashionMnist(o.trainLimit, o.testLimit, c);
        } catch (IOException e) {
            throw new BadDataException(e.getMessage(), e);
        }
    }

    /** Checks --out before the work; an existing run without --force is a usage error saying how to proceed. */
    static void checkOutput(CommandSpec spec, Path out, boolean force) throws IOException {
        refuseExisting(spec, () -> {
            VaeRuns.checkOutput(out, force);
            return null;
        });
    }

    /** A step that may refuse to replace a run. */
    interface OutputStep<T> {
        T run() throws IOException;
    }

    static <T> T refuseExisting(CommandSpec spec, OutputStep<T> step) throws IOException {
        try {
            return step.run();
        } catch (RunExistsException e) {
            throw new ParameterException(spec.commandLine(), "--out " + e.getMessage().substring("out: ".length())
                    + "; pass --force to replace it, or choose another --out");
        }
    }

    /** A JSON answer whose headline is {@code measure} in nats per image. */
    static ObjectNode headline(String measure, double value) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("measure", measure);
        Json.putNumber(o, "value", value);
        o.put("unit", "nats per image");
        return o;
    }

    static void print(CommandSpec spec, ObjectNode o) throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        w.println(Json.mapper().writeValueAsString(o));
        w.flush();
    }

    static VaeTrainer trainer(boolean quiet) {
        return quiet ? VaeTrainer.quiet() : VaeTrainer.create();
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train the reference VAE (784-400-20-400-784, Adam 1e-3, batch 128) and save the run.",
                "An existing run in --out is not overwritten unless --force is given; a loss that becomes",
                "NaN or infinite stops training, and nothing is saved.", ""},
            footer = {"", "Examples:", "  surprisal vae train --epochs 10 --out runs/x",
                "  surprisal vae train --epochs 1 --train-limit 2000 --out runs/tiny --force"})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        VaeOptions options;

        @Mixin
        ThreadsOption threads;

        @Mixin
        JsonOption json;

        @Option(names = "--beta", defaultValue = "1", description = "Weight on the KL term (beta-VAE), >= 0. Default: ${DEFAULT-VALUE}.")
        double beta;

        @Option(names = "--out", defaultValue = "runs/vae", paramLabel = "DIR", description = "Run directory. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
        boolean quiet;

        @Option(names = "--force", description = "Replace the run already in --out (refused without it).")
        boolean force;

        @Override
        public Integer call() throws IOException {
            VaeConfig c = options.config(spec, beta, threads);
            requireNatives(spec);
            checkOutput(spec, out, force);
            // with --json, stdout holds only the JSON object: the running lines go to stderr
            PrintWriter w = json.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
            VaeRuns.Data d = data(options, c);
            if (!(json.json() && quiet)) {
                w.printf("training on %d images, testing on %d; %d threads; seed %d; beta %s%n",
                        d.train().count(), d.test().count(), c.threads(), c.seed(), Explanations.num(beta));
                w.flush();
            }
            List<EpochMetrics> h = VaeRuns.train(c, d, out, force, trainer(quiet), m -> {
                if (!(json.json() && quiet)) {
                    w.println(m.line());
                    w.flush();
                }
            });
            EpochMetrics last = h.get(h.size() - 1);
            if (json.json()) {
                ObjectNode o = headline("neg_elbo", last.testNegElbo());
                o.put("data", "test");
                Json.putNumber(o, "reconstruction", last.testReconstruction());
                Json.putNumber(o, "kl", last.testKl());
                o.put("run", out.toString()).put("train_images", d.train().count()).put("test_images", d.test().count())
                        .put("threads", c.threads()).put("seed", c.seed());
                Json.putNumber(o, "beta", beta);
                o.set("epochs", Json.mapper().valueToTree(h));
                print(spec, o);
                return ExitCode.OK;
            }
            w.printf("saved to %s (model, metrics.json, reconstructions.png, prior-samples.png, latent-traversal.png)%n", out);
            w.printf(Locale.ROOT, "test -ELBO %.3f nats/image = reconstruction %.3f + KL %.3f; -ELBO is an upper bound on -log p(x):%n",
                    last.testNegElbo(), last.testReconstruction(), last.testKl());
            w.printf("run 'surprisal vae eval %s' for the tighter IWAE bound.%n", out);
            return ExitCode.OK;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Evaluate a saved run on the test set: the ELBO and the IWAE-k bounds on log p(x).", ""},
            footer = {"", "Examples:", "  surprisal vae eval runs/x", "  surprisal vae eval runs/x --iwae 1,5,50 --test-limit 1000"})
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN", description = "A run directory written by 'vae train'.")
        Path run;

        @Mixin
        ThreadsOption threads;

        @Mixin
        JsonOption json;

        @Option(names = "--iwae", split = ",", defaultValue = "1,5,50", paramLabel = "K[,K...]",
                description = "Importance samples per image. Default: ${DEFAULT-VALUE}.")
        int[] ks;

        @Option(names = "--seed", defaultValue = "0", description = "Sampling seed; same run and seed give the same numbers.")
        long seed;

        @Option(names = "--test-limit", defaultValue = "0", paramLabel = "N", description = "Use only the first N test images.")
        int testLimit;

        @Option(names = "--images", description = "Also rewrite the PNG grids into RUN.")
        boolean images;

        @Override
        public Integer call() throws IOException {
            for (int k : ks) {
                if (k < 1) {
                    throw new ParameterException(spec.commandLine(), "--iwae: k must be >= 1, got " + k);
                }
            }
            VaeRuns.Data.checkLimit("testLimit", testLimit);
            requireNatives(spec);
            IdxReader.Images test;
            try {
                test = VaeRuns.Data.testFor(VaeRuns.config(run), testLimit);
            } catch (FashionMnist.MissingDatasetException | IdxReader.CorruptIdxException e) {
                throw new BadDataException(e.getMessage(), e);
            }
            VaeRuns.Evaluation ev = VaeRuns.evaluate(run, test, ks, seed, threads.threads());
            if (images) {
                VaeRuns.writeImages(run, test);
            }
            if (json.json()) {
                // the headline is the ELBO; each IWAE-k is a tighter lower bound on log p(x)
                ObjectNode o = headline("elbo", ev.elbo().elbo());
                o.put("run", run.toString()).put("images", test.count()).put("seed", seed);
                Json.putNumber(o, "reconstruction", ev.elbo().reconstruction());
                Json.putNumber(o, "kl", ev.elbo().kl());
                ArrayNode iw = o.putArray("iwae");
                for (int j = 0; j < ks.length; j++) {
                    ObjectNode n = iw.addObject().put("k", ks[j]);
                    Json.putNumber(n, "iwae", ev.iwae()[j]);
                    Json.putNumber(n, "gap_to_elbo", ev.gap(j));
                }
                o.put("written", run.resolve("eval.json").toString());
                print(spec, o);
                return ExitCode.OK;
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%d test images, seed %d, nats per image%n", test.count(), seed);
            w.printf(Locale.ROOT, "  ELBO            %10.3f  (reconstruction %.3f, KL %.3f)%n", ev.elbo().elbo(),
                    ev.elbo().reconstruction(), ev.elbo().kl());
            for (int j = 0; j < ks.length; j++) {
                w.println(iwaeLine(ks[j], ev.iwae()[j], ev.gap(j)));
            }
            w.println("Each IWAE-k is a lower bound on log p(x) and tightens as k grows; for k > 1 the gain over the");
            w.println("ELBO is part of KL(q || posterior), the slack the encoder leaves, less the same sampling noise");
            w.println("that IWAE-1 shows (it equals the ELBO in expectation). Written to " + run.resolve("eval.json")
                    + (images ? ", with the PNG grids" : ""));
            return ExitCode.OK;
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = {"Train one model per beta and print reconstruction against KL (beta-VAE trade-off).", ""},
            footer = {"", "Example:", "  surprisal vae sweep --betas 0.5,1,2,4 --epochs 5 --out runs/sweep"})
    static final class Sweep implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        VaeOptions options;

        @Mixin
        ThreadsOption threads;

        @Mixin
        JsonOption json;

        @Option(names = "--betas", split = ",", defaultValue = "0.5,1,2,4", paramLabel = "B[,B...]",
                description = "KL weights. Default: ${DEFAULT-VALUE}.")
        double[] betas;

        @Option(names = "--out", defaultValue = "runs/sweep", paramLabel = "DIR", description = "Directory for the runs and sweep.json.")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar or per-epoch lines.")
        boolean quiet;

        @Option(names = "--force", description = "Replace runs and sweep.json already in --out (refused without it).")
        boolean force;

        @Override
        public Integer call() throws IOException {
            VaeConfig base = null;
            java.util.Set<Double> seen = new java.util.HashSet<>();
            for (double b : betas) {
                base = options.config(spec, b, "--betas", threads);
                if (!seen.add(b)) {
                    // two runs of one β would train twice into the same beta-<β> directory
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--betas: " + b
                            + " is given twice; give each value once");
                }
            }
            requireNatives(spec);
            checkOutput(spec, out, true);
            // with --json, stdout holds only the JSON object: the running lines go to stderr
            PrintWriter w = json.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
            VaeConfig first = base;
            VaeRuns.Data d = data(options, first);
            List<VaeRuns.SweepRow> rows = refuseExisting(spec, () -> VaeRuns.sweep(first, betas, d, out, force, trainer(quiet), line -> {
                if (!quiet) {
                    w.println(line);
                    w.flush();
                }
            }));
            if (json.json()) {
                ObjectNode o = Json.mapper().createObjectNode();
                o.put("measure", "neg_elbo").put("unit", "nats per image").put("data", "test");
                ArrayNode a = o.putArray("rows");
                for (VaeRuns.SweepRow r : rows) {
                    ObjectNode n = a.addObject();
                    Json.putNumber(n, "beta", r.beta());
                    Json.putNumber(n, "reconstruction", r.reconstruction());
                    Json.putNumber(n, "kl", r.kl());
                    Json.putNumber(n, "neg_elbo", r.negElbo());
                }
                o.put("written", out.resolve("sweep.json").toString());
                print(spec, o);
                return ExitCode.OK;
            }
            PrintWriter table = spec.commandLine().getOut();
            table.println("   beta   reconstruction        KL     -ELBO   (test, nats per image)");
            for (VaeRuns.SweepRow r : rows) {
                table.printf(Locale.ROOT, "  %5s   %14.3f  %8.3f  %8.3f%n", Explanations.num(r.beta()), r.reconstruction(), r.kl(), r.negElbo());
            }
            table.println("Larger beta buys a simpler code (smaller KL) with blurrier reconstructions (larger loss).");
            table.println("Written to " + out.resolve("sweep.json"));
            return ExitCode.OK;
        }
    }
}
