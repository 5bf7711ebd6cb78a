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

    /**
     * Ranks from an order made elsewhere (a kNN estimator's sort of the noisy, scaled values): sorted,
     * with a few swaps the insertion sort repairs, or shuffled (sorted afresh), always the ranks of a sort.
     */
    @Test
    void ranksFromANearlySortedOrderEqualTheRanksOfASort() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int n : new int[] {1, 2, 50, 20_000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? -0.0 : 0.0) : Math.round(r.nextGaussian() * 100) / 100.0;
            }
            int[] sorted = dev.surprisal.knn.internal.ArgSort.of(v);
            int[] swapped = sorted.clone();
            for (int s = 0; s < n / 10; s++) { // neighbours swapped, as noise of 1e-10 swaps nearly equal values
                int at = r.nextInt(Math.max(1, n - 1));
                if (n > 1) {
                    int t = swapped[at];
                    swapped[at] = swapped[at + 1];
                    swapped[at + 1] = t;
                }
            }
            int[] shuffled = sorted.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            double[] expected = Correlation.ranks(v);
            for (int[] order : List.of(sorted, swapped, shuffled)) {
                int[] before = order.clone();
                assertThat(Correlation.ranks(v, order)).as("n = " + n).containsExactly(expected);
                assertThat(order).as("not modified").isEqualTo(before);
            }
        }
        assertThatThrownBy(() -> Correlation.ranks(new double[] {1, Double.NaN}, new int[] {0, 1}))
                .hasMessageContaining("values[1]");
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

    @org.junit.jupiter.api.Test
    void theNormalScoreOfIdenticalOrReversedRankingsIsExactlyOne() {
        // review12c: the dot product of the scores gave 1 − ulp at some n, so −½ ln(1 − r²) was finite
        for (int n = 3; n <= 80; n++) {
            double[] x = new double[n];
            double[] y = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = i * 0.37 + 1;
                y[i] = Math.exp(x[i]);
                z[i] = -x[i] * x[i];
            }
            org.assertj.core.api.Assertions.assertThat(Correlation.normalScore(x, y)).as("n = " + n).isEqualTo(1.0);
            org.assertj.core.api.Assertions.assertThat(Correlation.normalScore(x, z)).as("n = " + n).isEqualTo(-1.0);
        }
    }
}
