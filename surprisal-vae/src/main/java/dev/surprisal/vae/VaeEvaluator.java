// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.surprisal.variational.ElboTerms;
import dev.surprisal.variational.LogWeights;

/**
 * Test-set figures for a trained VAE, in nats per image: the ELBO split into its terms, and the
 * importance-weighted bound IWAE-k (Burda, Grosse and Salakhutdinov 2016), which rises towards
 * log p(x) as k grows. Every evaluation reseeds PyTorch, so the same model and seed give
 * identical numbers.
 */
public final class VaeEvaluator {
    private static final int BATCH = 500;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private VaeEvaluator() {
    }

    /**
     * Mean ELBO terms over {@code images}, one reparameterised sample per image.
     *
     * @param model the model
     * @param images the images
     * @param seed the seed of the samples
     * @return the mean reconstruction and KL terms per image, in nats
     */
    public static ElboTerms elbo(VaeModel model, IdxReader.Images images, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        double rec = 0;
        double kl = 0;
        for (int from = 0; from < images.count(); from += BATCH) {
            int to = Math.min(images.count(), from + BATCH);
            try (NDManager batch = model.parameterManager().newSubManager()) {
                NDList t = model.terms(Batches.gather(batch, images, null, from, to));
                rec += t.get(0).sum().getFloat();
                kl += t.get(1).sum().getFloat();
            }
        }
        return new ElboTerms(-rec / images.count(), kl / images.count());
    }

    /**
     * IWAE-k for each k in {@code ks}, from one draw of K = max(ks) samples per image: IWAE-k
     * averages log-mean-exp over the ⌊K/k⌋ disjoint groups of k log-weights
     * log w = log p(x|z) + log p(z) − log q(z|x).
     *
     * @param model the model
     * @param images the images
     * @param ks the values of k, each ≥ 1
     * @param seed the seed of the samples
     * @return mean IWAE-k per image, in the order of {@code ks}
     */
    public static double[] iwae(VaeModel model, IdxReader.Images images, int[] ks, long seed) {
        int kMax = 0;
        for (int k : ks) {
            if (k < 1) {
                throw new ValidationException("k: must be >= 1, got " + k);
            }
            kMax = Math.max(kMax, k);
        }
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        int batchSize = Math.max(1, BATCH * 10 / kMax);
        double[] sums = new double[ks.length];
        int latent = model.config().latent();
        for (int from = 0; from < images.count(); from += batchSize) {
            int to = Math.min(images.count(), from + batchSize);
            int b = to - from;
            float[] lw;
            try (NDManager batch = model.parameterManager().newSubManager()) {
                NDArray x = Batches.gather(batch, images, null, from, to);
                NDList enc = model.encode(x);
                NDArray mu = enc.get(0);
                NDArray logVar = enc.get(1);
                NDArray eps = batch.randomNormal(new Shape(kMax, b, latent));
                NDArray z = mu.add(logVar.mul(0.5).exp().mul(eps)); // (K, B, L)
                NDArray logits = model.decodeLogits(z.reshape(kMax * (long) b, latent));
                NDArray xs = x.broadcast(new Shape(kMax, b, x.getShape().get(1))).reshape(kMax * (long) b, -1);
                NDArray logPxz = VaeModel.bce(logits, xs).neg().reshape(kMax, b);
                NDArray logPz = z.square().sum(new int[] {-1}).add(latent * LOG_2PI).mul(-0.5);
                NDArray logQz = eps.square().add(logVar).sum(new int[] {-1}).add(latent * LOG_2PI).mul(-0.5);
                lw = logPxz.add(logPz).sub(logQz).toFloatArray(); // (K, B), k-major
            }
            double[] w = new double[kMax];
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < kMax; k++) {
                    w[k] = lw[k * b + i];
                }
                for (int j = 0; j < ks.length; j++) {
                    sums[j] += LogWeights.iwae(w, ks[j]);
                }
            }
        }
        for (int j = 0; j < ks.length; j++) {
            sums[j] /= images.count();
        }
        return sums;
    }
}
