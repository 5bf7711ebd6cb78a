// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Batches.Staging}, the one native buffer the trainer copies each batch into (instead of a new Java array and
 * a new direct buffer per step), gives the batches and the training {@link Batches#gather} gave (needs
 * dataset-fashion-mnist).
 */
class BatchesTest {
    static IdxReader.Images images;

    @BeforeAll
    static void data() throws IOException {
        images = FashionMnist.test().slice(0, 1000);
    }

    @Test
    void stagingGivesTheSameBatchesAsGatherFullAndLastPartial() {
        int[] order = VaeTrainer.permutation(images.count(), new SplittableRandom(3));
        Batches.Staging staging = new Batches.Staging(128, images.pixelsPerImage());
        TorchRuntime.start(1);
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            for (int[] range : new int[][] {{0, 128}, {128, 256}, {896, 1000}}) {
                try (NDManager batch = m.newSubManager()) {
                    NDArray expected = Batches.gather(batch, images, order, range[0], range[1]);
                    NDArray actual = staging.gather(batch, images, order, range[0], range[1]);
                    assertThat(actual.getShape()).isEqualTo(expected.getShape());
                    assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray());
                }
            }
            assertThatThrownBy(() -> staging.gather(m, images, order, 0, 129))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("129");
        }
    }

    /**
     * One epoch on 1,000 images: the trainer (staging, Java copy of the weights) against gather + trainStep. The
     * batches sit at other addresses, and MKL's rounding depends on its operands' alignment
     * ({@link Batches#aligned}), so the two agree to float32 rounding, not bit for bit.
     */
    @Test
    void trainingLossesAndWeightsAreTheSameAsWithGather() {
        VaeConfig c = VaeConfig.defaults().withEpochs(1).withSeed(9).withThreads(1);
        int[] order = VaeTrainer.permutation(images.count(), new SplittableRandom(4));
        double[] viaTrainer;
        float[] weightsTrainer;
        try (VaeModel model = VaeModel.create(c)) {
            Engine.getEngine("PyTorch").setRandomSeed(9);
            viaTrainer = VaeTrainer.quiet().epoch(model, images, order, 1);
            weightsTrainer = outWeights(model);
        }
        double rec = 0;
        double kl = 0;
        float[] weightsGather;
        try (VaeModel model = VaeModel.create(c)) {
            Engine.getEngine("PyTorch").setRandomSeed(9);
            for (int from = 0; from < images.count(); from += 128) {
                try (NDManager batch = model.parameterManager().newSubManager()) {
                    double[] r = model.trainStep(Batches.gather(batch, images, order, from,
                            Math.min(images.count(), from + 128)));
                    rec += r[0];
                    kl += r[1];
                }
            }
            weightsGather = outWeights(model);
        }
        assertThat(viaTrainer[0]).isCloseTo(rec, org.assertj.core.data.Offset.offset(1e-5 * rec));
        assertThat(viaTrainer[1]).isCloseTo(kl, org.assertj.core.data.Offset.offset(1e-4 * kl));
        for (int j = 0; j < weightsGather.length; j++) {
            assertThat(weightsTrainer[j]).isCloseTo(weightsGather[j], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    /** Every buffer the weights and batches live in starts at a 64-byte boundary, whatever its size. */
    @Test
    void alignedBuffersStartAtA64ByteBoundary() {
        for (int bytes : new int[] {4, 80, 1_600, 32_000, 401_408, 1_254_400}) {
            for (int k = 0; k < 5; k++) {
                java.nio.ByteBuffer b = Batches.aligned(bytes);
                assertThat(b.alignmentOffset(0, 64)).as("%d bytes", bytes).isZero();
                assertThat(b.remaining()).isEqualTo(bytes);
                assertThat(b.order()).isEqualTo(java.nio.ByteOrder.nativeOrder());
            }
        }
    }

    /**
     * The same seeded epoch twice gives the same numbers bit for bit: the weights and the batch buffer start at a
     * 64-byte boundary, so MKL takes the same code path for every run.
     */
    @Test
    void aSeededEpochIsReproducibleBitForBit() {
        VaeConfig c = VaeConfig.defaults().withEpochs(1).withSeed(11).withThreads(1);
        int[] order = VaeTrainer.permutation(images.count(), new SplittableRandom(5));
        double[][] sums = new double[2][];
        float[][] weights = new float[2][];
        for (int run = 0; run < 2; run++) {
            // something else allocated between the runs, so that malloc's addresses differ
            java.nio.ByteBuffer spacer = java.nio.ByteBuffer.allocateDirect(16 + 48 * run);
            try (VaeModel model = VaeModel.create(c)) {
                Engine.getEngine("PyTorch").setRandomSeed(11);
                sums[run] = VaeTrainer.quiet().epoch(model, images, order, 1);
                weights[run] = outWeights(model);
            }
            assertThat(spacer.capacity()).isPositive();
        }
        assertThat(sums[1]).containsExactly(sums[0]);
        assertThat(weights[1]).containsExactly(weights[0]);
    }

    /** The decoder's output weights after training, read from the tensor (not the model's Java copy). */
    private static float[] outWeights(VaeModel model) {
        try (NDManager m = model.parameterManager().newSubManager()) {
            NDArray z = m.zeros(new ai.djl.ndarray.types.Shape(1, model.config().latent()));
            return model.decodeLogits(z).toFloatArray();
        }
    }
}
