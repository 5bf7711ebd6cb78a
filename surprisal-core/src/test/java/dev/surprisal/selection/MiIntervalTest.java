// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap interval of an MI estimate is shown only when it contains the estimate. Known truth:
 * y = x² (an exact function: true MI infinite, the kNN estimate grows with n, so every distinct-row
 * resample falls below it; the audit saw MI 10.59 bits with "95% CI [9.902, 9.945]") and y = x + noise
 * (finite MI, an ordinary interval around the estimate).
 */
class MiIntervalTest {
    private static final int N = 1000;

    private static RankedFeature score(boolean exact) {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = exact ? x[i] * x[i] : x[i] + 0.5 * r.nextGaussian();
        }
        return TargetRanking.score(MiVariable.continuous("x", x, 42, 0), MiVariable.continuous("y", y, 42, 1),
                MiOptions.defaults().withPermutations(0).withBootstrap(100, true));
    }

    @Test
    void anIntervalThatMissesItsEstimateIsWithheldWithTheReason() {
        RankedFeature f = score(true);
        assertThat(f.mi()).isGreaterThan(3); // nats: far above any noisy relation
        assertThat(f.lower()).isNaN();
        assertThat(f.upper()).isNaN();
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).startsWith(TargetRanking.INTERVAL_NOT_SHOWN)
                .contains("does not contain the estimate").contains("the true MI is infinite"));
    }

    @Test
    void anOrdinaryIntervalContainsItsEstimateAndIsKept() {
        RankedFeature f = score(false);
        assertThat(f.lower()).isLessThanOrEqualTo(f.mi());
        assertThat(f.upper()).isGreaterThanOrEqualTo(f.mi());
        assertThat(f.warnings()).noneMatch(w -> w.startsWith(TargetRanking.INTERVAL_NOT_SHOWN));
    }
}
