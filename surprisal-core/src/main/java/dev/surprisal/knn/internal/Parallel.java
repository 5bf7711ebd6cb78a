// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import java.util.stream.IntStream;

/**
 * Runs a loop body over fixed index blocks on the common fork-join pool.
 *
 * <p>Blocks have a fixed size that does not depend on the number of threads, and every body writes
 * per-index results only; callers then reduce those results sequentially. Results are therefore
 * bit-identical whatever the parallelism.
 */
public final class Parallel {
    /** Points per block; small enough to balance load, large enough to amortise scheduling. */
    public static final int BLOCK = 2048;

    /**
     * Points from which two independent one-threaded steps of an estimate (the sorts of its two marginals)
     * run side by side: below it the cost of handing one to another thread is not repaid.
     */
    public static final int BESIDE = 1 << 15;

    private Parallel() {
    }

    /** A body that handles the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /** Calls {@code body} on blocks covering {@code [0, n)}, in parallel when n is large. */
    public static void forRange(int n, RangeBody body) {
        if (n <= BLOCK) {
            body.run(0, n);
            return;
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            body.run(from, Math.min(n, from + BLOCK));
        });
    }

    /** Sums {@code terms} in index order, so the result does not depend on how they were computed. */
    public static double sum(double[] terms) {
        double s = 0.0;
        for (double t : terms) {
            s += t;
        }
        return s;
    }

    /** The mean of {@code terms}, summed in index order. */
    public static double mean(double[] terms) {
        return sum(terms) / terms.length;
    }
}
