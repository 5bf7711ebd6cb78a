// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.Parallel;
import dev.surprisal.knn.internal.PlanarKnn;
import dev.surprisal.knn.internal.SortedMarginal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Above {@link Parallel#BESIDE} points the two marginals of a prepared KSG estimate are sorted side by side: the
 * estimate must be the one its parts give, X's counts from X and Y's from Y, on whatever thread it is asked.
 */
class KraskovPreparedTest {
    @Test
    void marginalsSortedSideBySideGiveTheEstimateOfTheirParts() throws Exception {
        int n = Parallel.BESIDE + 7_000;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            // Y much wider than X and skewed, so counts taken in the wrong marginal would differ
            y[i] = Math.exp(2 * x[i]) * 40 + rng.nextDouble() * 9;
        }
        int k = 3;
        SortedMarginal sx = SortedMarginal.of(x);
        SortedMarginal sy = SortedMarginal.of(y);
        double[] eps = PlanarKnn.kthDistances(sx, sy, null, k);
        double parts = Estimators.digamma(n) + Estimators.digamma(k)
                - Estimators.meanDigamma(sx.countAllStrictUnlessZero(eps), 1)
                - Estimators.meanDigamma(sy.countAllStrictUnlessZero(eps), 1);
        KraskovMutualInformation.Prepared here = KraskovMutualInformation.prepare(PointSet.wrap(n, 1, x),
                PointSet.wrap(n, 1, y), k, KraskovMutualInformation.Algorithm.KSG1);
        assertThat(here.estimate(Base.NATS).nats()).isEqualTo(parts).isGreaterThan(1.0);
        assertThat(here.sortingOrder(false)).isEqualTo(sx.order());
        assertThat(here.sortingOrder(true)).isEqualTo(sy.order());
        double inPool = java.util.concurrent.ForkJoinPool.commonPool().submit(() -> KraskovMutualInformation.prepare(
                PointSet.wrap(n, 1, x), PointSet.wrap(n, 1, y), k, KraskovMutualInformation.Algorithm.KSG1).nats()).get();
        assertThat(inPool).isEqualTo(parts);
    }
}
