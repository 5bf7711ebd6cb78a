// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.continuous.spacing.SpacingEntropy;
import dev.surprisal.continuous.spacing.SpacingEntropy.Method;
import dev.surprisal.core.Base;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpacingEntropyTest {
    @Test
    void everyMethodApproachesTheTrueEntropyOfALargeNormalSample() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3.0 * r.nextGaussian();
        }
        double truth = 0.5 * Math.log(2 * Math.PI * Math.E * 9.0);
        for (Method m : Method.values()) {
            assertThat(SpacingEntropy.estimate(x, m, Base.NATS)).as(m.name()).isCloseTo(truth, within(0.03));
        }
        assertThat(SpacingEntropy.estimate(x, Method.AUTO, Base.BITS))
                .isCloseTo(SpacingEntropy.estimate(x) / Math.log(2), within(1e-12));
    }

    @Test
    void isShiftInvariantAndShiftsByLogScale() {
        double[] x = {0.3, 1.7, -0.4, 2.2, 0.9, -1.3, 0.1, 3.1, 1.2, -0.7, 0.55, 2.6};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 5.0 * x[i] + 100.0;
        }
        for (Method m : Method.values()) {
            assertThat(SpacingEntropy.estimate(y, m, Base.NATS))
                    .isCloseTo(SpacingEntropy.estimate(x, m, Base.NATS) + Math.log(5.0), within(1e-12));
        }
    }

    @Test
    void rejectsBadWindowsNaNAndTies() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertThatThrownBy(() -> SpacingEntropy.estimate(x, Method.VASICEK, 3, Base.NATS))
                .hasMessageContaining("windowLength").hasMessageContaining("m = 3").hasMessageContaining("n = 6");
        assertThatThrownBy(() -> SpacingEntropy.estimate(x, Method.VASICEK, 0, Base.NATS))
                .hasMessageContaining("windowLength");
        assertThatThrownBy(() -> SpacingEntropy.estimate(new double[] {1, 2, Double.NaN, 4, 5}))
                .hasMessageContaining("sample[2]: is NaN");
        double[] tied = {1, 1, 1, 1, 2, 3, 4, 5, 6, 7};
        for (Method m : Method.values()) {
            assertThatThrownBy(() -> SpacingEntropy.estimate(tied, m, 1, Base.NATS)).as(m.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tied");
        }
    }
}
