// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Copies rows of an image set into NDArrays, one batch at a time. */
final class Batches {
    private Batches() {
    }

    /** Images {@code order[from..to)} as a (to−from, pixels) array owned by {@code manager}. */
    static NDArray gather(NDManager manager, IdxReader.Images images, int[] order, int from, int to) {
        int d = images.pixelsPerImage();
        float[] buf = new float[(to - from) * d];
        float[] px = images.pixels();
        for (int i = from; i < to; i++) {
            int src = order == null ? i : order[i];
            System.arraycopy(px, src * d, buf, (i - from) * d, d);
        }
        return manager.create(buf, new Shape(to - from, d));
    }

    /** Pixels binarised once, each set to 1 with probability equal to its grey level (seeded). */
    static IdxReader.Images binarize(IdxReader.Images images, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        float[] src = images.pixels();
        float[] out = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = rng.nextDouble() < src[i] ? 1f : 0f;
        }
        return new IdxReader.Images(images.count(), images.rows(), images.cols(), out);
    }
}
