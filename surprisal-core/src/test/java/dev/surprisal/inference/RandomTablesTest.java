// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.dependence.MutualInformation;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;

class RandomTablesTest {

    @Property(tries = 200)
    void keepsBothMargins(@ForAll @IntRange(min = 1, max = 6) int rows, @ForAll @IntRange(min = 1, max = 6) int cols,
                          @ForAll @IntRange(min = 0, max = 400) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        long[] r = new long[rows];
        long[] c = new long[cols];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(rows);
            y[i] = rng.nextInt(cols);
            r[x[i]]++;
            c[y[i]]++;
        }
        long[][] t = RandomTables.withMargins(r, c, rng);
        for (int i = 0; i < rows; i++) {
            long s = 0;
            for (int j = 0; j < cols; j++) {
                assertThat(t[i][j]).isNotNegative();
                s += t[i][j];
            }
            assertThat(s).isEqualTo(r[i]);
        }
        for (int j = 0; j < cols; j++) {
            long s = 0;
            for (int i = 0; i < rows; i++) {
                s += t[i][j];
            }
            assertThat(s).isEqualTo(c[j]);
        }
    }

    /** A 2 × 2 table's corner is hypergeometric: the draws' histogram against the exact pmf (χ² goodness of fit). */
    @Test
    void twoByTwoCornerIsHypergeometric() {
        long[] r = {30, 50};
        long[] c = {25, 55};
        HypergeometricDistribution h = HypergeometricDistribution.of(80, 25, 30);
        int draws = 20_000;
        long[] seen = new long[31];
        SplittableRandom rng = new SplittableRandom(7);
        for (int k = 0; k < draws; k++) {
            seen[(int) RandomTables.withMargins(r, c, rng)[0][0]]++;
        }
        double chi2 = 0;
        int cells = 0;
        double lumped = 0;
        long lumpedSeen = 0;
        for (int x = 0; x <= 25; x++) {
            double e = draws * h.probability(x);
            if (e < 5) { // sparse tails lumped into one cell
                lumped += e;
                lumpedSeen += seen[x];
                continue;
            }
            chi2 += (seen[x] - e) * (seen[x] - e) / e;
            cells++;
        }
        chi2 += (lumpedSeen - lumped) * (lumpedSeen - lumped) / lumped;
        cells++;
        double p = ChiSquaredDistribution.of(cells - 1).survivalProbability(chi2);
        assertThat(p).as("chi2 %s on %s cells", chi2, cells).isGreaterThan(1e-3);
    }

    /** Large margins (n = 10⁶): the univariate draws have the hypergeometric mean and variance. */
    @Test
    void largeDrawsHaveTheHypergeometricMoments() {
        HypergeometricDistribution h = HypergeometricDistribution.of(1_000_000, 300_000, 400_000);
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 20_000;
        double sum = 0;
        double sum2 = 0;
        for (int k = 0; k < draws; k++) {
            double v = RandomTables.hypergeometric(1_000_000, 300_000, 400_000, rng);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / draws;
        double var = sum2 / draws - mean * mean;
        double sdOfMean = Math.sqrt(h.getVariance() / draws);
        assertThat(Math.abs(mean - h.getMean())).isLessThan(4 * sdOfMean);
        assertThat(var / h.getVariance()).isBetween(0.95, 1.05);
    }

    /**
     * The null of the plug-in MI from random tables is that of shuffles: 2n·MI (the G statistic) of a
     * 5 × 2 table exceeds the χ²₄ 95th percentile in about 5% of draws, whichever way they are drawn,
     * also when the draws come from the test's own per-draw generators (consecutive seeds must not
     * give correlated tables).
     */
    @Test
    void gStatisticOfRandomTablesMatchesItsNull() {
        int n = 100_000;
        SplittableRandom rng = new SplittableRandom(3);
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(5);
            y[i] = rng.nextDouble() < 0.3 ? 1 : 0;
        }
        ContingencyTable t = LabelCounts.table(x, y);
        long[] r = t.rowCounts().toArray();
        long[] c = t.colCounts().toArray();
        double critical = ChiSquaredDistribution.of(4).inverseSurvivalProbability(0.05);
        int draws = 4000;
        int above = 0;
        double previous = Double.NaN;
        double lagProduct = 0;
        double sum = 0;
        double sum2 = 0;
        for (int j = 0; j < draws; j++) {
            long[][] d = RandomTables.withMargins(r, c, SequentialPermutationTest.generator(42L, j));
            double g = 2.0 * n * MutualInformation.of(ContingencyTable.of(d), Base.NATS);
            above += g > critical ? 1 : 0;
            sum += g;
            sum2 += g * g;
            if (j > 0) {
                lagProduct += g * previous;
            }
            previous = g;
        }
        double share = above / (double) draws;
        assertThat(share).isBetween(0.035, 0.065); // binomial sd 0.0034 around 0.05
        assertThat(sum / draws).isBetween(3.8, 4.2); // E χ²₄ = 4, sd of the mean ≈ 0.045
        double mean = sum / draws;
        double var = sum2 / draws - mean * mean;
        double lag1 = (lagProduct / (draws - 1) - mean * mean) / var;
        assertThat(Math.abs(lag1)).as("lag-1 correlation of consecutive draws").isLessThan(0.06);
    }

    @Test
    void rejectsMarginsThatDisagree() {
        assertThatThrownBy(() -> RandomTables.withMargins(new long[] {3, 4}, new long[] {5}, new SplittableRandom(1)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("colTotals:");
        assertThatThrownBy(() -> RandomTables.withMargins(new long[] {-1, 4}, new long[] {3}, new SplittableRandom(1)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("rowTotals[0]:");
    }
}
