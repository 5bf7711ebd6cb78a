// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.core.Base;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.continuous.RossMutualInformation;
import dev.surprisal.inference.PermutationTest;
import dev.surprisal.knn.PointSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A pair's re-estimates (bootstrap resamples, permutation re-pairings) take the estimators' value alone, without
 * building the warnings nobody reads of them (issue 9 of cost11): the same numbers, bit for bit, as the full
 * estimate with its warnings on the same rows. Data: a noisy amount against its 0/1 flag and a 3-level status with
 * a rare level, 600 rows.
 */
class MiPairReestimateTest {
    private static final int N = 600;
    private static final int K = 3;

    private final double[] amount = new double[N];
    private final double[] spend = new double[N];
    private final double[] status = new double[N];

    MiPairReestimateTest() {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < N; i++) {
            status[i] = r.nextDouble() < 0.02 ? 2 : r.nextInt(2);
            amount[i] = Math.round(100 * (20 + 5 * status[i] + 3 * r.nextGaussian())) / 100.0; // cents: some ties
            spend[i] = amount[i] * 0.4 + r.nextGaussian();
        }
    }

    private static int[] resample(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[N];
        for (int i = 0; i < N; i++) {
            idx[i] = r.nextInt(N);
        }
        return idx;
    }

    @Test
    void aKsgResampleIsTheFullEstimateOnItsDistinctRows() {
        MiVariable a = MiVariable.continuous("amount", amount, 42);
        MiVariable b = MiVariable.continuous("spend", spend, 42);
        MiPair pair = MiPair.of(a, b, K);
        for (long seed = 1; seed <= 5; seed++) {
            int[] d = MiPair.distinct(resample(seed));
            double full = KraskovMutualInformation.estimate(MiPair.pick(a.scaled, d), MiPair.pick(b.scaled, d), K,
                    KraskovMutualInformation.Algorithm.KSG1, Base.NATS).nats();
            assertThat(pair.natsResampled(resample(seed))).isEqualTo(full);
        }
    }

    @Test
    void aRossResampleAndARepairingAreTheFullEstimate() {
        MiVariable a = MiVariable.continuous("amount", amount, 42);
        MiVariable s = MiVariable.discrete("status", status);
        MiPair pair = MiPair.of(a, s, K);
        for (long seed = 1; seed <= 5; seed++) {
            int[] d = MiPair.distinct(resample(seed));
            double full = RossMutualInformation.estimate(column(MiPair.pick(a.scaled, d)), MiPair.pick(s.labels, d), K,
                    Base.NATS).nats();
            assertThat(pair.natsResampled(resample(seed))).isEqualTo(full);
            int[] order = PermutationTest.shuffle(N, new SplittableRandom(seed)::nextInt);
            double repaired = RossMutualInformation.estimate(column(a.scaled), MiPair.pick(s.labels, order), K,
                    Base.NATS).nats();
            assertThat(pair.natsPaired(order)).isEqualTo(repaired);
        }
    }

    @Test
    void rossValueAloneEqualsTheEstimateWithItsWarnings() {
        // labels seen once (dropped) and repeated points: the estimate has warnings, the value is the same
        double[] c = {1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9};
        int[] labels = {0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 7, 0, 0, 0};
        assertThat(RossMutualInformation.estimate(c, labels, K, Base.NATS).warnings()).isNotEmpty();
        assertThat(RossMutualInformation.nats(PointSet.ofValues("c", c), labels, K))
                .isEqualTo(RossMutualInformation.estimate(c, labels, K, Base.NATS).nats());
    }

    private static PointSet column(double[] v) {
        return PointSet.wrap(v.length, 1, v);
    }
}
