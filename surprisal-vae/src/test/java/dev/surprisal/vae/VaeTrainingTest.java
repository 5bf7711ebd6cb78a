// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.surprisal.variational.ElboTerms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small, fast training runs on slices of the Fashion-MNIST test file (needs dataset-fashion-mnist). */
class VaeTrainingTest {
    static IdxReader.Images train;
    static IdxReader.Images held;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws IOException {
        IdxReader.Images all = FashionMnist.test();
        train = all.slice(0, 1000);
        held = all.slice(9000, 9500);
    }

    @Test
    void oneEpochOnAThousandImagesLowersTestNegativeElbo() {
        try (VaeModel model = VaeModel.create(VaeConfig.defaults().withEpochs(1).withSeed(1))) {
            ElboTerms before = VaeEvaluator.elbo(model, held, 7);
            var history = VaeTrainer.quiet().train(model, train, held, m -> { });
            ElboTerms after = VaeEvaluator.elbo(model, held, 7);
            assertThat(-after.elbo()).isLessThan(-before.elbo() - 50); // ~543 → ~400 nats: a real drop
            assertThat(history.get(0).testNegElbo()).isLessThan(-before.elbo());
            assertThat(model.steps()).isEqualTo(8); // ⌈1000/128⌉
        }
    }

    @Test
    void savedModelEvaluatesToIdenticalNumbers() throws IOException {
        double[] a;
        ElboTerms ea;
        try (VaeModel model = VaeModel.create(VaeConfig.defaults().withEpochs(1).withSeed(2))) {
            VaeTrainer.quiet().train(model, train, held, m -> { });
            model.save(dir);
            ea = VaeEvaluator.elbo(model, held, 11);
            a = VaeEvaluator.iwae(model, held.head(100), new int[] {1, 5}, 11);
        }
        assertThat(Files.readString(dir.resolve("config.json"))).contains("\"latent\" : 20");
        try (VaeModel loaded = VaeModel.load(dir)) {
            assertThat(loaded.config()).isEqualTo(VaeConfig.defaults().withEpochs(1).withSeed(2));
            assertThat(VaeEvaluator.elbo(loaded, held, 11)).isEqualTo(ea);
            assertThat(VaeEvaluator.iwae(loaded, held.head(100), new int[] {1, 5}, 11)).containsExactly(a);
        }
    }

    /** IWAE-1 ≤ IWAE-5 ≤ IWAE-50 in expectation; averaged over seeds to keep the check about the bound. */
    @Test
    void iwaeRisesWithKAveragedOverSeeds() {
        try (VaeModel model = VaeModel.create(VaeConfig.defaults().withEpochs(1).withSeed(3))) {
            VaeTrainer.quiet().train(model, train, held, m -> { });
            int[] ks = {1, 5, 50};
            double[] mean = new double[3];
            for (long seed = 0; seed < 3; seed++) {
                double[] v = VaeEvaluator.iwae(model, held.head(100), ks, seed);
                for (int j = 0; j < 3; j++) {
                    mean[j] += v[j] / 3;
                }
            }
            assertThat(mean[1]).isGreaterThan(mean[0]);
            assertThat(mean[2]).isGreaterThan(mean[1]);
            // IWAE-1 is the ELBO: the same estimator
            double elbo = VaeEvaluator.elbo(model, held.head(100), 0).elbo();
            assertThat(mean[0]).isCloseTo(elbo, org.assertj.core.data.Offset.offset(3.0));
        }
    }

    /**
     * Several hundred steps must not grow native memory: the parameter manager keeps the same
     * number of arrays, and the process RSS less the JVM's own committed memory stays within
     * 12 MB. A per-step leak of the batch's temporaries (activations 16×(784+400+…) floats, the
     * gradients, Adam's temporaries: over 1.5 MB a step) would add well over 400 MB in 270 steps.
     */
    @Test
    void nativeMemoryStaysFlatOverManySteps() throws IOException {
        VaeConfig c = new VaeConfig(784, 400, 20, 1.0, 1, BATCH, 1e-3, 4, 1, false);
        try (VaeModel model = VaeModel.create(c)) {
            NDManager root = model.parameterManager();
            int[] order = VaeTrainer.permutation(train.count(), new java.util.SplittableRandom(1));
            for (int i = 0; i < 30; i++) {
                step(model, order, i);
            }
            int arrays = ((ai.djl.ndarray.BaseNDManager) root).getManagedArrays().size();
            long native0 = nativeKb();
            for (int i = 30; i < 300; i++) {
                step(model, order, i);
            }
            assertThat(((ai.djl.ndarray.BaseNDManager) root).getManagedArrays()).hasSize(arrays);
            assertThat(nativeKb() - native0).as("native (RSS − JVM committed) growth in kB").isLessThan(12_000);
        }
    }

    private static final int BATCH = 16;

    private static void step(VaeModel model, int[] order, int i) {
        int from = (i * BATCH) % (train.count() - BATCH);
        try (NDManager batch = model.parameterManager().newSubManager()) {
            NDArray x = Batches.gather(batch, train, order, from, from + BATCH);
            model.trainStep(x);
        }
    }

    /** Resident memory not accounted for by the JVM's heap and non-heap pools, after a GC. */
    static long nativeKb() throws IOException {
        System.gc();
        var mem = java.lang.management.ManagementFactory.getMemoryMXBean();
        long jvm = mem.getHeapMemoryUsage().getCommitted() + mem.getNonHeapMemoryUsage().getCommitted();
        return rssKb() - jvm / 1024;
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
