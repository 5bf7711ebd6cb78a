// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

/**
 * One epoch's figures, all in nats per image. −ELBO = reconstruction + KL (the true bound,
 * whatever β was used for training). Train figures are running means over the epoch's batches,
 * as the PyTorch reference prints them; test figures are a full pass after the epoch.
 */
public record EpochMetrics(int epoch, double trainReconstruction, double trainKl, double testReconstruction,
                           double testKl, double seconds) {
    /**
     * @return −ELBO on the training batches, reconstruction + KL, in nats per image
     */
    public double trainNegElbo() {
        return trainReconstruction + trainKl;
    }

    /**
     * @return −ELBO on the test set, reconstruction + KL, in nats per image
     */
    public double testNegElbo() {
        return testReconstruction + testKl;
    }

    /**
     * One human-readable line.
     *
     * @return the epoch's figures, one line
     */
    public String line() {
        return String.format("epoch %2d  train -ELBO %8.3f (rec %8.3f + KL %6.3f)  test -ELBO %8.3f (rec %8.3f + KL %6.3f) nats/image  %.1fs",
                epoch, trainNegElbo(), trainReconstruction, trainKl, testNegElbo(), testReconstruction, testKl, seconds);
    }
}
