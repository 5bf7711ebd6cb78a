// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RoleScan#distinct} counts by parts (by the hash's top bits) of at most a few thousand
 * values: held to a sort's count with one part, with many, at the most parts (a column of more than
 * two million values, so the parts grow), and with values drawn from a pool of any size, so that
 * repeats fall within a part and across the first {@code m} only.
 */
class RoleScanDistinctTest {
    @Property(tries = 60)
    void theCountIsASortsCount(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40_000) int m,
            @ForAll @IntRange(min = 1, max = 100_000) int pool) {
        double[] v = drawn(seed, m + 7, pool);
        assertThat(RoleScan.distinct(v, m)).isEqualTo(sortCount(v, m));
    }

    /** Few distinct values (a flag, a count, a constant) are counted in a small table, up to 64 of them. */
    @Property(tries = 200)
    void aFewValuesAreCountedAsASortCountsThem(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3_000) int m,
            @ForAll @IntRange(min = 1, max = 130) int pool) {
        double[] v = drawn(seed, m + 3, pool);
        assertThat(RoleScan.distinct(v, m)).isEqualTo(sortCount(v, m));
    }

    /** {@code length} values drawn from a pool of {@code pool}: zero, negative thousandths, positive tenths. */
    private static double[] drawn(long seed, int length, int pool) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < v.length; i++) {
            int k = r.nextInt(pool);
            v[i] = k == 0 ? 0.0 : k % 3 == 0 ? -k * 1e-3 : k * 0.1;
        }
        return v;
    }

    @Test
    void aContinuousColumnOfMoreThanTwoMillionValues() {
        SplittableRandom r = new SplittableRandom(11);
        int m = 2_300_000;
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            // mostly distinct floats, some repeated, some zeros
            v[i] = i % 97 == 0 ? 0.0 : i % 5 == 0 ? v[r.nextInt(Math.max(1, i))] : r.nextGaussian();
        }
        assertThat(RoleScan.distinct(v, m)).isEqualTo(sortCount(v, m));
    }

    private static long sortCount(double[] v, int m) {
        double[] s = Arrays.copyOf(v, m);
        Arrays.sort(s);
        long d = 0;
        for (int i = 0; i < m; i++) {
            d += i == 0 || s[i] != s[i - 1] ? 1 : 0;
        }
        return d;
    }
}
