// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

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

    /**
     * One native buffer that every training batch is copied into and that PyTorch reads in place: DJL wraps a
     * direct buffer as a tensor without copying it ({@code torch::from_blob}), where {@link #gather} allocated a
     * 400 KB Java array per step, which DJL then copied into a fresh, zeroed direct buffer. Those two allocations
     * (a humongous array for G1 and page faults on new native memory) were about a tenth of a step's CPU with the
     * MKL shim (docs/benchmarks.md, vae19). Each array it returns aliases the buffer, so it is valid only until the
     * next {@link #gather}: close it (its batch manager) first, as {@link VaeTrainer} does.
     */
    static final class Staging {
        private final ByteBuffer bytes;
        private final FloatBuffer floats;
        private final int rows;

        /** A buffer for up to {@code rows} images of {@code pixels} pixels, at a 64-byte boundary. */
        Staging(int rows, int pixels) {
            this.rows = rows;
            this.bytes = aligned(Math.multiplyExact(Math.multiplyExact(rows, pixels), Float.BYTES));
            this.floats = bytes.asFloatBuffer();
        }

        /**
         * Images {@code order[from..to)} as a (to−from, pixels) array owned by {@code manager}, sharing this buffer's
         * memory; the same numbers as {@link Batches#gather}.
         */
        NDArray gather(NDManager manager, IdxReader.Images images, int[] order, int from, int to) {
            if (to - from > rows) {
                throw new IllegalArgumentException("batch of " + (to - from) + " images, staging holds " + rows);
            }
            int d = images.pixelsPerImage();
            float[] px = images.pixels();
            floats.clear();
            for (int i = from; i < to; i++) {
                int src = order == null ? i : order[i];
                floats.put(px, src * d, d);
            }
            return manager.create(bytes.duplicate().order(ByteOrder.nativeOrder()), new Shape(to - from, d),
                    DataType.FLOAT32);
        }
    }

    /**
     * A native-order direct buffer of {@code bytes} bytes starting at a 64-byte boundary. oneMKL's SGEMM (without
     * its reproducibility mode) rounds differently depending on where its operands start: the same 300 training
     * steps summed to 21,572,137.8 or 21,572,304.1 nats with the batch buffer 16 or 32 bytes past a 64-byte
     * boundary (docs/benchmarks.md, vae19). A plain {@code allocateDirect} lands wherever malloc puts it, which can
     * change from run to run; a fixed boundary keeps a seeded run's numbers the same.
     */
    static ByteBuffer aligned(int bytes) {
        // alignedSlice also rounds the end down to a multiple of 64, hence room for both ends
        return ByteBuffer.allocateDirect(Math.addExact(bytes, 127)).alignedSlice(64).limit(bytes)
                .order(ByteOrder.nativeOrder());
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
