// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NumericBins#binOf} searches the edges without a branch on the data: it must give the bin
 * the rule defines (0 below the first edge, the last bin above the last edge, else the number of
 * edges at or below the value, the last edge closing the last interior bin), counted here one edge
 * at a time, for values on the edges, between them, just beside them and far outside.
 */
class NumericBinsSearchTest {
    /** The rule, read from its definition: a linear count. */
    private static int expected(double[] e, double x) {
        int m = e.length;
        if (x < e[0]) {
            return 0;
        }
        if (x > e[m - 1]) {
            return Math.max(1, m - 1) + 1;
        }
        if (m == 1) {
            return 1;
        }
        int atOrBelow = 0;
        for (double edge : e) {
            atOrBelow += edge <= x ? 1 : 0;
        }
        return Math.min(atOrBelow, m - 1);
    }

    @Property(tries = 300)
    void binOfCountsTheEdgesAtOrBelowTheValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 70) int edges) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] raw = new double[edges];
        for (int i = 0; i < edges; i++) {
            // a few repeats (merged by of) and a wide range of scales
            raw[i] = r.nextInt(4) == 0 && i > 0 ? raw[i - 1] : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(7) - 3);
        }
        NumericBins bins = NumericBins.of(raw);
        double[] e = bins.edges();
        for (int t = 0; t < 400; t++) {
            double x = switch (r.nextInt(5)) {
                case 0 -> e[r.nextInt(e.length)];
                case 1 -> Math.nextUp(e[r.nextInt(e.length)]);
                case 2 -> Math.nextDown(e[r.nextInt(e.length)]);
                case 3 -> r.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                default -> (r.nextDouble() - 0.5) * 2 * Math.pow(10, r.nextInt(7) - 3);
            };
            assertThat(bins.binOf(x)).as("x = %s, edges %s", x, Arrays.toString(e)).isEqualTo(expected(e, x));
        }
    }
}
