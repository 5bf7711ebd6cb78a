// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The radius counts of {@link SortedMarginal} against brute force for any radius, not only the k-th neighbour
 * distances the kernel test feeds them: each end of a count starts from the guess of the value index (equal-width
 * buckets over the sorted values), which is off by a bucket or more on skewed data, at the extremes and when
 * {@code x ± r} rounds, so the exact correction must be right in both directions.
 */
class SortedMarginalCountPropertyTest {
    @Property(tries = 400)
    void countsEqualBruteForceForAnyRadius(@ForAll @IntRange(min = 1, max = 600) int n,
                                           @ForAll @IntRange(min = 0, max = 6) int kind,
                                           @ForAll @IntRange(min = 0, max = 4) int radii,
                                           @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = values(r, n, kind);
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = radius(r, v, i, radii);
        }
        int[] query = PlanarKnnTest.shuffle(r, n);
        SortedMarginal m = SortedMarginal.of(v);
        int[] direct = m.countAllStrictUnlessZero(eps, null, null);
        int[] viaQuery = m.countAllStrictUnlessZero(eps, null, query);
        for (int i = 0; i < n; i++) {
            assertThat(direct[i]).as("count of point %d, r = %s", i, eps[i])
                    .isEqualTo(PlanarKnnTest.bruteCount(v, i, eps[i]));
        }
        for (int slot = 0; slot < n; slot++) {
            assertThat(viaQuery[slot]).as("count of slot %d", slot)
                    .isEqualTo(PlanarKnnTest.bruteCount(v, query[slot], eps[slot]));
        }
    }

    /** Blocks of 2,048 points run on several threads with one shared index: the same counts as brute force. */
    @Test
    void largeSkewedSampleCountsEqualBruteForceOnSampledPoints() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20_000;
        double[] v = values(r, n, 4);
        double[] eps = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = radius(r, v, i, 0);
        }
        int[] counts = SortedMarginal.of(v).countAllStrictUnlessZero(eps);
        for (int i = 0; i < n; i += 37) {
            assertThat(counts[i]).as("count of point %d", i).isEqualTo(PlanarKnnTest.bruteCount(v, i, eps[i]));
        }
    }

    private static double[] values(SplittableRandom r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextInt(5); // few values: whole buckets of ties
                case 2 -> 1.0 + Math.ulp(1.0) * r.nextInt(40); // a span of a few ulps: buckets narrower than an ulp
                case 3 -> i == 0 ? 1.7e308 : i == 1 ? -1.7e308 : r.nextGaussian(); // a span beyond double's range
                case 4 -> Math.exp(3 * r.nextGaussian()); // log-normal: most values in the first buckets
                case 5 -> r.nextBoolean() ? 0.0 : -0.0; // signed zeros only
                default -> Math.round(r.nextGaussian() * 1e3) / 1e3; // rounded decimals: ties and near-ties
            };
        }
        return v;
    }

    // distances that occur between points (exact boundaries), 0, the smallest double, tiny and huge radii
    private static double radius(SplittableRandom r, double[] v, int i, int kind) {
        return switch (kind) {
            case 0 -> Math.abs(v[i] - v[r.nextInt(v.length)]);
            case 1 -> r.nextInt(4) == 0 ? 0.0 : Math.abs(v[i] - v[r.nextInt(v.length)]);
            case 2 -> Double.MIN_VALUE * r.nextInt(3);
            case 3 -> r.nextDouble() * Math.pow(10, r.nextInt(-8, 4));
            default -> r.nextBoolean() ? Double.MAX_VALUE : Math.nextUp(Math.abs(v[i] - v[r.nextInt(v.length)]));
        };
    }
}
