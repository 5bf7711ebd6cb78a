// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The 2-D KSG kernel (the slab search and the galloping marginal counts)
 * against brute force, bit for bit, on small random samples with ties: Gaussian values, few distinct
 * values, every value duplicated, near-ties that share their high bits, log-normal (skewed) values, and values
 * over ±1.7e308 whose differences overflow beside values a few ulps apart ({@link PlanarKnnTest#sample}),
 * paired as drawn or re-paired by a random permutation (as a permutation test does). Samples of up to
 * 400 points make up to 20 slabs, so queries cross several slabs.
 */
class PlanarKnnPropertyTest {
    @Property(tries = 300)
    void kthDistancesAndCountsEqualBruteForce(@ForAll @IntRange(min = 5, max = 400) int n,
                                              @ForAll @IntRange(min = 1, max = 6) int k,
                                              @ForAll @IntRange(min = 0, max = 5) int kindX,
                                              @ForAll @IntRange(min = 0, max = 5) int kindY,
                                              @ForAll boolean repaired,
                                              @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Assume.that(k < n);
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = PlanarKnnTest.sample(r, n, kindX);
        double[] y = PlanarKnnTest.sample(r, n, kindY);
        int[] pair = repaired ? PlanarKnnTest.shuffle(r, n) : null;
        SortedMarginal mx = SortedMarginal.of(x);
        SortedMarginal my = SortedMarginal.of(y);
        double[] eps = PlanarKnn.kthDistances(mx, my, pair, k);
        Assume.that(eps != null); // both samples mostly ties: the caller uses the k-d tree
        double[] yy = new double[n];
        for (int i = 0; i < n; i++) {
            yy[i] = y[pair == null ? i : pair[i]];
        }
        double[][] brute = PlanarKnnTest.bruteDistances(x, yy);
        int[] nx = mx.countAllStrictUnlessZero(eps, null, null);
        int[] ny = my.countAllStrictUnlessZero(eps, null, pair);
        for (int i = 0; i < n; i++) {
            assertThat(eps[i]).as("ε of point %d", i).isEqualTo(brute[i][k - 1]);
            assertThat(nx[i]).as("n_x of point %d", i).isEqualTo(PlanarKnnTest.bruteCount(x, i, eps[i]));
            assertThat(ny[i]).as("n_y of point %d", i).isEqualTo(PlanarKnnTest.bruteCount(yy, i, eps[i]));
        }
    }
}
