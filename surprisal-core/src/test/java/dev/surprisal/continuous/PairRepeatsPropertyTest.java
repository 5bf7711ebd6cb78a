// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.SortedMarginal;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The KSG estimate counts its repeated points from the runs of ties of its sorted x marginal
 * ({@link SortedMarginal#pairRepeats}) instead of hashing every point: the same count as {@link DistinctRows},
 * signed zeros and long runs included, and so the same warning.
 */
class PairRepeatsPropertyTest {
    @Property(tries = 300)
    void pairRepeatsEqualDistinctRows(@ForAll @IntRange(min = 1, max = 300) int n,
                                      @ForAll @IntRange(min = 0, max = 3) int kindX,
                                      @ForAll @IntRange(min = 0, max = 3) int kindY,
                                      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = values(r, n, kindX);
        double[] y = values(r, n, kindY);
        int expected = DistinctRows.of(x, y).repeats();
        assertThat(SortedMarginal.of(x).pairRepeats(SortedMarginal.of(y))).isEqualTo(expected);
        assertThat(SortedMarginal.of(y).pairRepeats(SortedMarginal.of(x))).isEqualTo(expected);
    }

    @Test
    void estimateWarnsOfRepeatsCountedFromTheTies() {
        // 1,000 Gaussian points, the first 100 written twice: 100 repeats of 1,100 points
        SplittableRandom r = new SplittableRandom(3);
        int n = 1_100;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < 1_000; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] + r.nextGaussian();
        }
        System.arraycopy(x, 0, x, 1_000, 100);
        System.arraycopy(y, 0, y, 1_000, 100);
        KnnEstimate e = KraskovMutualInformation.prepare(PointSet.ofValues("x", x), PointSet.ofValues("y", y), 3,
                KraskovMutualInformation.Algorithm.KSG1).estimate(dev.surprisal.core.Base.NATS);
        assertThat(e.warnings()).singleElement().asString()
                .startsWith("100 of 1100 points (9.1%) repeat an earlier point exactly in (x, y)");
    }

    private static double[] values(SplittableRandom r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextInt(4);
                case 2 -> r.nextBoolean() ? 0.0 : -0.0;
                default -> i > 0 && r.nextBoolean() ? v[r.nextInt(i)] : r.nextGaussian(); // copies of earlier values
            };
        }
        return v;
    }
}
