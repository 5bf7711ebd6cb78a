// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash bound of {@link RepeatedValues#mostlyRepeated} only decides when a column cannot repeat on more than half
 * of its rows; the answer must be the sort's on every column, including those just either side of one half.
 */
class RepeatedValuesTest {
    /** The definition: sort the pair's values, count equal neighbours, compare the share with one half. */
    private static boolean bySort(double[] raw, int[] rows) {
        double[] v = MiPair.pick(raw, rows);
        Arrays.sort(v);
        int repeats = 0;
        for (int i = 1; i < v.length; i++) {
            repeats += v[i] == v[i - 1] ? 1 : 0;
        }
        return (double) repeats / Math.max(1, rows.length) > MiPair.REPEATED_SHARE;
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    @Property(tries = 300)
    void sameAnswerAsTheSortOnAnyColumn(@ForAll @IntRange(min = 0, max = 3000) int n,
                                        @ForAll @IntRange(min = 1, max = 4000) int values,
                                        @ForAll @IntRange(min = 0, max = 4) int shape,
                                        @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            int v = r.nextInt(values);
            raw[i] = switch (shape) {
                case 0 -> v;                                       // a count
                case 1 -> v * 0.01;                                // a price in cents
                case 2 -> Math.exp(10 + r.nextGaussian());         // distinct, skewed
                case 3 -> v % 2 == 0 ? 0.0 : -0.0;                 // signed zeros, equal under ==
                default -> Math.ulp(1.0) * v + 1.0;                // a few ulps apart
            };
        }
        // a pair's rows: every row, or the rows where the other column has a value
        int[] rows = r.nextBoolean() ? all(n) : Arrays.stream(all(n)).filter(i -> r.nextInt(3) > 0).toArray();
        assertThat(RepeatedValues.mostlyRepeated(raw, rows)).isEqualTo(bySort(raw, rows));
    }

    @Test
    void exactlyHalfRepeatingIsNotAboveTheShareAndOneMoreIs() {
        // n = 10,000 rows with d distinct values: repeats n − d; above one half exactly when d < 5,000
        for (int d : new int[] {4_999, 5_000, 5_001, 5_300, 5_400}) {
            double[] raw = new double[10_000];
            SplittableRandom r = new SplittableRandom(d);
            for (int i = 0; i < raw.length; i++) {
                // the first d rows distinct (i + [0, 0.5)), each later one a copy of one of them
                raw[i] = i < d ? i + r.nextDouble() * 0.5 : raw[r.nextInt(d)];
            }
            assertThat(RepeatedValues.mostlyRepeated(raw, all(raw.length))).as("d = %d", d)
                    .isEqualTo(d < 5_000).isEqualTo(bySort(raw, all(raw.length)));
        }
    }

    @Test
    void countsTheRepeatsOfKeys() {
        assertThat(RepeatedValues.repeats(new long[] {3, 1, 3, 3, 2, 1})).isEqualTo(3);
        assertThat(RepeatedValues.repeats(new long[0])).isZero();
    }
}
