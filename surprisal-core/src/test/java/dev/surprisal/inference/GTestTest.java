// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.estimators.PlugInEntropy;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GTestTest {

    /** A table of n draws of independent X (3 values) and Y (4 values) with unequal marginals. */
    private static ContingencyTable independentTable(UniformRandomProvider rng, int n) {
        double[] px = {0.5, 0.3, 0.2};
        double[] py = {0.1, 0.2, 0.3, 0.4};
        long[][] t = new long[3][4];
        for (int i = 0; i < n; i++) {
            t[draw(rng, px)][draw(rng, py)]++;
        }
        return ContingencyTable.of(t);
    }

    private static int draw(UniformRandomProvider rng, double[] p) {
        double u = rng.nextDouble();
        int i = 0;
        while (i < p.length - 1 && u >= p[i]) {
            u -= p[i];
            i++;
        }
        return i;
    }

    @Test
    void statisticIsTwiceNTimesPlugInMutualInformation() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (int rep = 0; rep < 50; rep++) {
            ContingencyTable t = independentTable(rng, 30 + 40 * rep);
            double mi = PlugInEntropy.INSTANCE.mutualInformation(t, Base.NATS);
            double g = GTest.independence(t).statistic();
            // the entropies are O(1) nats; 2N·MI inherits their rounding scaled by 2N
            assertThat(g).isCloseTo(2.0 * t.total() * mi, within(1e-12 * 2.0 * t.total()));
        }
    }

    @Test
    void pValuesUnderIndependenceAreRoughlyUniform() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
        int reps = 1000;
        int below5 = 0;
        int belowHalf = 0;
        for (int rep = 0; rep < reps; rep++) {
            IndependenceTestResult r = GTest.independence(independentTable(rng, 300));
            assertThat(r.degreesOfFreedom()).isEqualTo(6);
            below5 += r.pValue() < 0.05 ? 1 : 0;
            belowHalf += r.pValue() < 0.5 ? 1 : 0;
        }
        // binomial(1000, 0.05) has sd ≈ 6.9; binomial(1000, 0.5) has sd ≈ 15.8
        assertThat(below5).isBetween(25, 80);
        assertThat(belowHalf).isBetween(440, 560);
    }

    @Test
    void strongDependenceIsDetected() {
        ContingencyTable t = ContingencyTable.of(new long[][] {{40, 2}, {3, 35}});
        assertThat(GTest.independence(t).pValue()).isLessThan(1e-12);
        assertThat(PearsonChiSquaredTest.independence(t).pValue()).isLessThan(1e-12);
    }

    @Test
    void emptyRowsAndColumnsDoNotCountAsDegreesOfFreedom() {
        ContingencyTable withEmpty = ContingencyTable.of(new long[][] {{10, 0, 5}, {0, 0, 0}, {4, 0, 9}});
        ContingencyTable trimmed = ContingencyTable.of(new long[][] {{10, 5}, {4, 9}});
        IndependenceTestResult a = GTest.independence(withEmpty);
        IndependenceTestResult b = GTest.independence(trimmed);
        assertThat(a.degreesOfFreedom()).isEqualTo(1);
        assertThat(a.statistic()).isCloseTo(b.statistic(), within(1e-12));
        assertThat(a.pValue()).isCloseTo(b.pValue(), within(1e-12));
        assertThat(PearsonChiSquaredTest.independence(withEmpty).statistic())
                .isCloseTo(PearsonChiSquaredTest.independence(trimmed).statistic(), within(1e-12));
    }

    @Test
    void oneNonEmptyRowHasNoDegreesOfFreedom() {
        IndependenceTestResult r = GTest.independence(ContingencyTable.of(new long[][] {{3, 4, 5}, {0, 0, 0}}));
        assertThat(r.degreesOfFreedom()).isZero();
        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.n()).isEqualTo(12);
    }

    @Test
    void nullTableIsRejected() {
        assertThatThrownBy(() -> GTest.independence(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> PearsonChiSquaredTest.independence(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
    }
}
