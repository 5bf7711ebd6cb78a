// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.notes;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class MinHashTest {

    /**
     * With 128 permutations the estimate of Jaccard J has standard error √(J(1−J)/128) ≤ 0.044 if
     * the permutations behave as independent min-wise hashes; a correlated family would show a
     * larger spread or a bias.
     */
    @Test
    void estimateTracksExactJaccardWithTheBinomialError() {
        SplittableRandom r = new SplittableRandom(7);
        double sumErr = 0;
        double sumSq = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            int shared = 50 + r.nextInt(400);
            int onlyA = r.nextInt(400);
            int onlyB = r.nextInt(400);
            long[] common = LongStream.generate(r::nextLong).limit(shared).toArray();
            long[] a = sortedDistinct(concat(common, LongStream.generate(r::nextLong).limit(onlyA).toArray()));
            long[] b = sortedDistinct(concat(common, LongStream.generate(r::nextLong).limit(onlyB).toArray()));
            int inter = MinHash.intersection(a, b);
            double exact = inter / (double) (a.length + b.length - inter);
            double err = MinHash.estimate(MinHash.signature(a), MinHash.signature(b)) - exact;
            assertThat(Math.abs(err)).as("trial %d, J = %.3f", t, exact).isLessThan(0.2);
            sumErr += err;
            sumSq += err * err;
        }
        assertThat(Math.abs(sumErr / trials)).as("bias").isLessThan(0.01);
        assertThat(Math.sqrt(sumSq / trials)).as("rms error").isBetween(0.01, 0.05);
    }

    @Test
    void identicalSetsAgreeEverywhereAndDisjointSetsAlmostNowhere() {
        SplittableRandom r = new SplittableRandom(3);
        long[] a = sortedDistinct(LongStream.generate(r::nextLong).limit(300).toArray());
        long[] b = sortedDistinct(LongStream.generate(r::nextLong).limit(300).toArray());
        assertThat(MinHash.estimate(MinHash.signature(a), MinHash.signature(a.clone()))).isEqualTo(1.0);
        assertThat(MinHash.estimate(MinHash.signature(a), MinHash.signature(b))).isLessThan(0.03);
        assertThat(MinHash.estimate(MinHash.signature(new long[0]), MinHash.signature(new long[0]))).isZero();
    }

    private static long[] concat(long[] x, long[] y) {
        long[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static long[] sortedDistinct(long[] x) {
        return LongStream.of(x).sorted().distinct().toArray();
    }
}
