// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorrelationTest {
    @Test
    void ranksAverageTies() {
        assertThat(Correlation.ranks(new double[] {10, 20, 10, 30, 20, 20}))
                .containsExactly(1.5, 4.0, 1.5, 6.0, 4.0, 4.0);
    }

    @Test
    void spearmanIsOneForAnyIncreasingMapWherePearsonIsNot() {
        double[] x = {0.1, 0.5, 1.0, 2.0, 3.0, 5.0};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(3 * x[i]);
        }
        assertThat(Correlation.spearman(x, y)).isCloseTo(1.0, within(1e-15));
        assertThat(Correlation.pearson(x, y)).isLessThan(0.9);
    }

    @Test
    void constantOrNaNInputIsRejected() {
        assertThatThrownBy(() -> Correlation.pearson(new double[] {0.1, 0.1, 0.1}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x: is constant");
        assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4}))
                .hasMessageContaining("constant");
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}))
                .hasMessageContaining("y[1]: is NaN");
        assertThatThrownBy(() -> Correlation.ranks(new double[] {1, Double.NaN}))
                .hasMessageContaining("values[1]: is NaN");
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2}, new double[] {1, 2, 3}))
                .hasMessageContaining("lengths differ");
    }

    @Property(tries = 200)
    void boundedSymmetricAndInvariantToIncreasingAffineMaps(
            @ForAll @Size(min = 3, max = 30) List<@DoubleRange(min = -10, max = 10) Double> values,
            @ForAll @DoubleRange(min = 0.01, max = 100) double a, @ForAll @DoubleRange(min = -100, max = 100) double b) {
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        double[] ax = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i]) + 0.1 * i;
            ax[i] = a * x[i] + b;
        }
        if (isConstant(x)) {
            return;
        }
        double r = Correlation.pearson(x, y);
        assertThat(Math.abs(r)).isLessThanOrEqualTo(1.0);
        assertThat(Correlation.pearson(y, x)).isCloseTo(r, within(1e-12));
        assertThat(Correlation.pearson(ax, y)).isCloseTo(r, within(1e-9));
        assertThat(Correlation.spearman(ax, y)).isCloseTo(Correlation.spearman(x, y), within(1e-12));
    }

    private static boolean isConstant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }
}
