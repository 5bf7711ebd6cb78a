// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;

/**
 * Everything that defines a VAE run; saved next to the weights as JSON so that a run can be
 * evaluated later with identical numbers. Defaults are the reference model (Kingma and Welling
 * 2014; the PyTorch examples VAE): 784-400-20-400-784, Adam lr 1e-3, batch 128, β = 1.
 *
 * @param inputSize    pixels per image (784)
 * @param hidden       hidden units (400)
 * @param latent       latent dimensions (20)
 * @param beta         weight on the KL term, ≥ 0 (Higgins et al. 2017, β-VAE)
 * @param epochs       passes over the training set
 * @param batchSize    images per Adam step
 * @param learningRate Adam step size
 * @param seed         seeds weight initialisation, shuffling and the reparameterisation noise
 * @param threads      PyTorch intra-op threads
 * @param binarize     binarise pixels once (stochastically, seeded) as in published MNIST results
 */
public record VaeConfig(int inputSize, int hidden, int latent, double beta, int epochs, int batchSize,
                        double learningRate, long seed, int threads, boolean binarize) {

    /**
     * Most units in a layer: a 784 × 16,384 float matrix with its gradient and Adam moments is
     * about 200 MB, so a larger layer (a typo such as {@code --hidden 4000000}) would only run out
     * of memory, or overflow an array size, after a long start.
     */
    public static final int MAX_UNITS = 16_384;
    /** Most PyTorch threads; far more than any machine has cores. */
    public static final int MAX_THREADS = 1_024;

    /**
     * Checks every value (sizes and counts from 1 to their limit, β finite and ≥ 0, learning rate
     * &gt; 0), naming the field in the message.
     *
     * @param inputSize pixels per image (784)
     * @param hidden hidden units (400)
     * @param latent latent dimensions (20)
     * @param beta weight on the KL term, ≥ 0 (Higgins et al. 2017, β-VAE)
     * @param epochs passes over the training set
     * @param batchSize images per Adam step
     * @param learningRate Adam step size
     * @param seed seeds weight initialisation, shuffling and the reparameterisation noise
     * @param threads PyTorch intra-op threads
     * @param binarize binarise pixels once (stochastically, seeded) as in published MNIST results
     */
    public VaeConfig {
        inRange("inputSize", inputSize, MAX_UNITS);
        inRange("hidden", hidden, MAX_UNITS);
        inRange("latent", latent, MAX_UNITS);
        inRange("epochs", epochs, Integer.MAX_VALUE);
        inRange("batchSize", batchSize, Integer.MAX_VALUE);
        inRange("threads", threads, MAX_THREADS);
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new ValidationException("beta: must be finite and >= 0, got " + beta);
        }
        if (!(learningRate > 0)) {
            throw new ValidationException("learningRate: must be > 0, got " + learningRate);
        }
    }

    /**
     * The reference configuration with one thread.
     *
     * @return 784-400-20, β 1, 10 epochs, batch 128, learning rate 1e-3, seed 42, one thread, grey levels
     */
    public static VaeConfig defaults() {
        return new VaeConfig(784, 400, 20, 1.0, 10, 128, 1e-3, 42L, 1, false);
    }

    /**
     * @param b the KL weight β
     * @return a copy with that β
     */
    public VaeConfig withBeta(double b) {
        return new VaeConfig(inputSize, hidden, latent, b, epochs, batchSize, learningRate, seed, threads, binarize);
    }

    /**
     * @param e the number of epochs
     * @return a copy with that many
     */
    public VaeConfig withEpochs(int e) {
        return new VaeConfig(inputSize, hidden, latent, beta, e, batchSize, learningRate, seed, threads, binarize);
    }

    /**
     * @param s the seed
     * @return a copy with that seed
     */
    public VaeConfig withSeed(long s) {
        return new VaeConfig(inputSize, hidden, latent, beta, epochs, batchSize, learningRate, s, threads, binarize);
    }

    /**
     * @param t PyTorch threads, 1 to {@link #MAX_THREADS}
     * @return a copy with that many
     */
    public VaeConfig withThreads(int t) {
        return new VaeConfig(inputSize, hidden, latent, beta, epochs, batchSize, learningRate, seed, t, binarize);
    }

    /**
     * @param h hidden units
     * @param l latent dimensions
     * @return a copy with those sizes
     */
    public VaeConfig withSizes(int h, int l) {
        return new VaeConfig(inputSize, h, l, beta, epochs, batchSize, learningRate, seed, threads, binarize);
    }

    /**
     * @param b whether images are binarised
     * @return a copy with that setting
     */
    public VaeConfig withBinarize(boolean b) {
        return new VaeConfig(inputSize, hidden, latent, beta, epochs, batchSize, learningRate, seed, threads, b);
    }

    private static void inRange(String name, int v, int max) {
        if (v < 1 || v > max) {
            throw new ValidationException(name + ": must be " + (max == Integer.MAX_VALUE ? ">= 1" : "in [1, " + max + "]")
                    + ", got " + v);
        }
    }
}
