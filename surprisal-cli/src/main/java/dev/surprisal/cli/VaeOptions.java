// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.vae.VaeConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Training options shared by {@code vae train} and {@code vae sweep}, mixed in with {@code @Mixin}. */
public final class VaeOptions {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "NAME",
            description = "Dataset; only fashion-mnist (Debian's dataset-fashion-mnist) for now.")
    String data;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training set. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--latent", defaultValue = "20", description = "Latent dimensions. Default: ${DEFAULT-VALUE}.")
    int latent;

    @Option(names = "--hidden", defaultValue = "400", description = "Hidden units. Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = {"--batch", "--batch-size"}, defaultValue = "128", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for initialisation, shuffling and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--binarize", description = "Binarise pixels (stochastically, seeded) as in published MNIST results.")
    boolean binarize;

    @Option(names = "--train-limit", defaultValue = "0", paramLabel = "N", description = "Use only the first N training images (0: all 60,000).")
    int trainLimit;

    @Option(names = "--test-limit", defaultValue = "0", paramLabel = "N", description = "Use only the first N test images (0: all 10,000).")
    int testLimit;

    /** The run configuration with {@code threads} PyTorch intra-op threads; bad values are usage errors. */
    VaeConfig config(CommandSpec spec, double beta, ThreadsOption threads) {
        return config(spec, beta, "--beta", threads);
    }

    /** The configuration with {@code beta} given by the option {@code betaOption} (for its error). */
    VaeConfig config(CommandSpec spec, double beta, String betaOption, ThreadsOption threads) {
        if (!"fashion-mnist".equalsIgnoreCase(data)) {
            throw new ParameterException(spec.commandLine(), "--data: unknown dataset '" + data + "'; available: fashion-mnist");
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new ParameterException(spec.commandLine(), betaOption + ": must be >= 0, got " + beta);
        }
        int t = threads.threads();
        // A value VaeConfig rejects names its parameter, which is this class's field name, so the
        // error handler reports it under the option's name (--lr, --batch-size) as a usage error.
        return new VaeConfig(784, hidden, latent, beta, epochs, batchSize, learningRate, seed, t, binarize);
    }
}
