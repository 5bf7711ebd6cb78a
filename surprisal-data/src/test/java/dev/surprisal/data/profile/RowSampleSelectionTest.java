// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RowSample#of} keeps the bottom {@code size} entries by (key, value), in that order. Held
 * against a full sort of every entry, with keys drawn from a small range too, so that ties of keys
 * (broken by value) and ties of both occur at the cut.
 */
class RowSampleSelectionTest {
    @Property(tries = 300)
    void theBottomKAreThoseOfAFullSort(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int rows,
            @ForAll @IntRange(min = 0, max = 450) int size, @ForAll boolean narrowKeys) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] keys = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = narrowKeys ? r.nextInt(20) - 10 : r.nextLong();
            values[i] = r.nextInt(5) == 0 ? Math.floor(r.nextGaussian() * 3) : r.nextGaussian();
        }
        Integer[] all = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(all, Comparator.<Integer>comparingLong(i -> keys[i]).thenComparing(i -> values[i],
                Double::compare));
        int n = Math.min(size, rows);
        long[] wantKeys = new long[n];
        double[] wantValues = new double[n];
        for (int i = 0; i < n; i++) {
            wantKeys[i] = keys[all[i]];
            wantValues[i] = values[all[i]];
        }
        RowSample s = RowSample.of(keys, values, size);
        assertThat(s.keys()).isEqualTo(wantKeys);
        assertThat(s.values()).isEqualTo(wantValues);
    }
}
