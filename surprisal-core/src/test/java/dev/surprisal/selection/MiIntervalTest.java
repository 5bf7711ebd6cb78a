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
        return TargetRanking.score(MiVariable.continuous("x", x, 42), MiVariable.continuous("y", y, 42),
                MiOptions.defaults().withPermutations(0).withBootstrap(100, true));
    }

    @Test
    void anIntervalThatMissesItsEstimateIsWithheldWithTheReason() {
        RankedFeature f = score(true);
        assertThat(f.mi()).isGreaterThan(3); // nats: far above any noisy relation
        assertThat(f.lower()).isNaN();
        assertThat(f.upper()).isNaN();
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).startsWith(TargetRanking.INTERVAL_NOT_SHOWN)
                .contains("lies below the estimate").contains(" nats").contains("the true MI is infinite"));
    }

    /**
     * The other side (audit of 1 Dec, issue 9, cat30): a 30-valued text column weakly tied to a 0/1 target. Its
     * plug-in MI is biased upward, and a resample, which repeats rows, is sparser still, so the resamples fall
     * ABOVE the estimate. The note says so, in the caller's unit, with that reason and not a near-deterministic one.
     */
    @Test
    void resamplesAboveAManyValuedPlugInEstimateAreExplainedByRepeatedRowsInTheCallersUnit() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3000;
        double[] level = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            level[i] = r.nextInt(30);
            y[i] = r.nextDouble() < 0.5 + (level[i] % 3 - 1) * 0.03 ? 1 : 0; // a weak tie: true MI ~0.001 nats
        }
        RankedFeature f = TargetRanking.score(MiVariable.discrete("cat30", level), MiVariable.discrete("y", y),
                MiOptions.defaults().withPermutations(0).withBootstrap(100, true).withBase(dev.surprisal.core.Base.BITS));
        assertThat(f.lower()).isNaN();
        String note = f.warnings().stream().filter(w -> w.startsWith(TargetRanking.INTERVAL_NOT_SHOWN)).findFirst()
                .orElseThrow();
        double bits = f.mi() / Math.log(2);
        assertThat(note).contains("lies above the estimate " + String.format(java.util.Locale.ROOT, "%.4g", bits) + " bits")
                .contains("repeats rows").doesNotContain("nats").doesNotContain("near-deterministic");
    }

    @Test
    void anOrdinaryIntervalContainsItsEstimateAndIsKept() {
        RankedFeature f = score(false);
        assertThat(f.lower()).isLessThanOrEqualTo(f.mi());
        assertThat(f.upper()).isGreaterThanOrEqualTo(f.mi());
        assertThat(f.warnings()).noneMatch(w -> w.startsWith(TargetRanking.INTERVAL_NOT_SHOWN));
    }
}
