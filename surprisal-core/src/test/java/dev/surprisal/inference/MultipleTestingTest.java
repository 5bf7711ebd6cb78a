// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.ValidationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

class MultipleTestingTest {
    /**
     * Worked by hand from the definition: sorted p = 0.01, 0.02, 0.03, 0.04, 0.5 (m = 5) give
     * m·p/rank = 0.05, 0.05, 0.05, 0.05, 0.5, already non-decreasing; order and a NaN are kept.
     */
    @Test
    void adjustsByRankAndKeepsTheInputOrder() {
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.5, 0.03, Double.NaN, 0.01, 0.04, 0.02});
        assertThat(q[0]).isCloseTo(0.5, within(1e-15));
        assertThat(q[1]).isCloseTo(0.05, within(1e-15));
        assertThat(q[2]).isNaN();
        assertThat(q[3]).isCloseTo(0.05, within(1e-15));
        assertThat(q[4]).isCloseTo(0.05, within(1e-15));
        assertThat(q[5]).isCloseTo(0.05, within(1e-15));
    }

    /** The step-up minimum: a small p at a low rank takes the smaller adjusted value of a later rank. */
    @Test
    void takesTheRunningMinimumFromAbove() {
        // m·p/rank: 0.04·3/1 = 0.12, 0.045·3/2 = 0.0675, 0.046·3/3 = 0.046 → all 0.046
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.04, 0.045, 0.046});
        assertThat(q).containsExactly(new double[] {0.046, 0.046, 0.046}, within(1e-15));
    }

    @Test
    void rejectsAValueThatIsNotAProbability() {
        assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(new double[] {0.2, 1.5}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1.5");
    }

    /**
     * Against the definition: hypothesis i is rejected at level α by the step-up rule (the largest rank r
     * with p_(r) ≤ α·r/m, and every p at or below p_(r)) exactly when q_i ≤ α; q is at least p, at most 1.
     */
    @Property(tries = 300)
    void agreesWithTheStepUpRule(@ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 0, max = 1) Double> ps,
                                 @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(4) double alpha) {
        double[] p = ps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] q = MultipleTesting.benjaminiHochberg(p);
        int m = p.length;
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        double cut = Double.NEGATIVE_INFINITY;
        for (int r = m; r >= 1; r--) {
            if (sorted[r - 1] * m / r <= alpha) {
                cut = sorted[r - 1];
                break;
            }
        }
        for (int i = 0; i < m; i++) {
            assertThat(q[i]).isBetween(p[i], 1.0);
            assertThat(q[i] <= alpha).as("p = %s, q = %s, cut %s", p[i], q[i], cut).isEqualTo(p[i] <= cut);
        }
    }
}
