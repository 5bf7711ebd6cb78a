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

    /**
     * Columns long enough for the guessed cut (more than 65,536 rows): the profile's row keys, keys in
     * increasing and decreasing order, keys with many ties, and keys that are small only at the positions
     * the guess looks at (so the guess leaves fewer than k and the exact selection on all keys decides);
     * each held against a full sort.
     */
    @Property(tries = 12)
    void longColumnsToo(@ForAll long seed, @ForAll @IntRange(min = 65_537, max = 250_000) int rows,
            @ForAll @IntRange(min = 1, max = 60_000) int size, @ForAll @IntRange(min = 0, max = 4) int kind) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] keys = new long[rows];
        double[] values = new double[rows];
        java.util.Set<Integer> probed = new java.util.HashSet<>();
        for (int i = 0; i < 16_384; i++) {
            probed.add((int) ((long) i * rows / 16_384));
        }
        for (int i = 0; i < rows; i++) {
            keys[i] = switch (kind) {
                case 0 -> RowSample.key(i + 1L, seed);
                case 1 -> i * 3L - rows;
                case 2 -> Long.MAX_VALUE - i;
                case 3 -> r.nextInt(1000);
                default -> probed.contains(i) ? Long.MIN_VALUE + i : r.nextLong();
            };
            values[i] = r.nextInt(5) == 0 ? Math.floor(r.nextGaussian() * 3) : r.nextGaussian();
        }
        long[] sorted = IntStream.range(0, rows).mapToObj(i -> new long[] {keys[i], i})
                .sorted(Comparator.<long[]>comparingLong(e -> e[0]).thenComparing(e -> values[(int) e[1]],
                        Double::compare).thenComparingLong(e -> e[1]))
                .limit(size).mapToLong(e -> e[1]).toArray();
        RowSample s = RowSample.of(keys, values, size);
        assertThat(s.keys()).isEqualTo(Arrays.stream(sorted).map(i -> keys[(int) i]).toArray());
        assertThat(s.values()).isEqualTo(Arrays.stream(sorted).mapToDouble(i -> values[(int) i]).toArray());
    }
}
