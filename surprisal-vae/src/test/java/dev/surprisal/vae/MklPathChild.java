// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import java.io.IOException;

/**
 * Run in a child JVM by {@link VaeMklIntelPathTest}: trains one epoch on 1,000 Fashion-MNIST test images (seed 5,
 * one thread) and prints each epoch's train and test terms with every digit, one line: "METRICS rec kl testRec testKl".
 */
final class MklPathChild {
    private MklPathChild() {
    }

    /**
     * @param args unused
     * @throws IOException when the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        IdxReader.Images all = FashionMnist.test();
        try (VaeModel model = VaeModel.create(VaeConfig.defaults().withEpochs(2).withSeed(5).withThreads(1))) {
            for (EpochMetrics m : VaeTrainer.quiet().train(model, all.slice(0, 1000), all.slice(9000, 9500), x -> { })) {
                System.out.println("METRICS " + m.trainReconstruction() + " " + m.trainKl() + " "
                        + m.testReconstruction() + " " + m.testKl());
            }
        }
    }
}
