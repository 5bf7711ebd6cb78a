// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KlDirectionFitTest {
    private static final GaussianMixture1D BIMODAL = GaussianMixture1D.of(
            new double[] {0.5, 0.5}, new double[] {-3, 3}, new double[] {1, 1});

    @Test
    void forwardCoversBothModesReverseLocksOntoOne() {
        KlDirectionFit.Fit fwd = KlDirectionFit.forward(BIMODAL);
        KlDirectionFit.Fit rev = KlDirectionFit.reverse(BIMODAL);
        // moment matching: mean 0, variance 1 + 9 = 10
        assertThat(fwd.mean()).isCloseTo(0, within(1e-12));
        assertThat(fwd.sd()).isCloseTo(Math.sqrt(10), within(1e-12));
        assertThat(Math.abs(rev.mean())).isCloseTo(3, within(0.05));
        assertThat(rev.sd()).isCloseTo(1, within(0.05));
        // locking on one of two equal, well-separated modes costs about log 2 in reverse KL
        assertThat(rev.reverseKl()).isCloseTo(Math.log(2), within(0.01));
        // each fit wins in its own direction
        assertThat(fwd.forwardKl()).isLessThan(rev.forwardKl());
        assertThat(rev.reverseKl()).isLessThan(fwd.reverseKl());
    }

    @Test
    void quadratureMatchesClosedFormForAGaussianTarget() {
        GaussianMixture1D single = GaussianMixture1D.of(new double[] {1}, new double[] {0.5}, new double[] {1.2});
        assertThat(KlDirectionFit.forwardKl(single, -1, 2)).isCloseTo(GaussianKl.univariate(0.5, 1.2, -1, 2), within(1e-10));
        assertThat(KlDirectionFit.reverseKl(single, -1, 2)).isCloseTo(GaussianKl.univariate(-1, 2, 0.5, 1.2), within(1e-10));
    }
}
