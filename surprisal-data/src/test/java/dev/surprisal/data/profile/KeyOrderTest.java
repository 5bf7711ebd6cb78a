// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyOrder#sample} gives the {@link RowSample} that every finite row's key gives, for columns
 * with missing, invalid and infinite cells anywhere (all at the front of the key order, or all at the
 * back, so that the first front read is too short and must grow), with a source offset, and shared by
 * several columns of one table in any order of requests; and that sample is a {@link RowSample} as it is.
 */
class KeyOrderTest {
    @Property(tries = 200)
    void theSampleIsTheBottomKOfEveryFiniteRow(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3000) int rows,
            @ForAll @IntRange(min = 0, max = 600) int size, @ForAll @LongRange(min = 0, max = 4_294_964_000L) long first,
            @ForAll @IntRange(min = 0, max = 3) int holes, @ForAll @IntRange(min = -1, max = 4000) int prepared) {
        SplittableRandom r = new SplittableRandom(seed);
        KeyOrder order = new KeyOrder(first, rows);
        if (prepared >= 0) {
            order.prepare(prepared); // a front computed ahead, shorter or longer than the samples need
        }
        // three columns share the order: the first request's front must serve, or grow for, the others
        for (int column = 0; column < 3; column++) {
            double[] v = column(r, rows, first, holes);
            assertSameSample(order, v, size);
        }
    }

    /**
     * The front's bucket sort orders keys as {@code Arrays.sort} does: row keys (high words spread below
     * the threshold), high words crowded into a few buckets (one bucket then holds hundreds and is sorted
     * as a range), and one high word for all.
     */
    @Property(tries = 200)
    void theFrontIsSortedAsArraysSortSortsIt(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5000) int m,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        SplittableRandom r = new SplittableRandom(seed);
        long threshold = 1 + r.nextLong(2_147_483_647L);
        long[] keys = new long[m];
        for (int i = 0; i < m; i++) {
            long high = switch (kind) {
                case 0 -> r.nextLong(threshold);
                case 1 -> threshold - 1 - r.nextLong(Math.min(threshold, 8));
                default -> threshold - 1;
            };
            keys[i] = (high << 32) + r.nextLong(1L << 32);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long[] before = keys.clone();
        assertThat(KeyOrder.sortByHighWord(keys, threshold)).isEqualTo(sorted);
        assertThat(keys).as("not modified").isEqualTo(before);
    }

    @Test
    void aColumnFiniteOnlyInItsLastKeyedRowsMakesTheFrontGrow() {
        int rows = 200_000;
        KeyOrder order = new KeyOrder(0, rows);
        // a column whose finite cells are the rows with the LARGEST keys: every row before them in key order is skipped
        long[] keys = new long[rows];
        for (int i = 0; i < rows; i++) {
            keys[i] = RowSample.key(i + 1L, RowSample.SEED);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        long cut = sorted[rows - 7_000];
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = keys[i] >= cut ? i * 0.5 : Double.NaN;
        }
        assertSameSample(order, v, RowSample.SIZE);
        // and a dense column afterwards reads the grown front
        double[] dense = new double[rows];
        Arrays.setAll(dense, i -> Math.sin(i));
        assertSameSample(order, dense, 200_000);
    }

    /**
     * The front computed ahead on every core ({@link KeyOrder#prepare}: blocks of rows in parallel) serves the
     * samples a front computed on demand gives, for a table of several blocks, with a source offset.
     */
    @Test
    void aFrontPreparedInParallelGivesTheSameSamples() {
        int rows = 300_000;
        SplittableRandom r = new SplittableRandom(12);
        for (int prepared : new int[] {RowSample.SIZE, 200_000, rows}) {
            KeyOrder order = new KeyOrder(1_234_567, rows);
            order.prepare(prepared);
            for (int holes = 0; holes < 4; holes++) {
                assertSameSample(order, column(r, rows, 1_234_567, holes), RowSample.SIZE);
            }
            assertSameSample(order, column(r, rows, 1_234_567, 1), 200_000);
        }
    }

    @Test
    void sourcesPastTwoToThe32DoNotUseTheOrder() {
        assertThat(new KeyOrder(0, 1_000_000).applies()).isTrue();
        assertThat(new KeyOrder(5_000_000_000L, 10).applies()).isFalse();
        assertThat(new KeyOrder(0xFFFF_FFFFL - 11, 10).applies()).isTrue();
    }

    /** A column with NaN and ±∞ cells: scattered, or (holes 2, 3) a block of rows at the front or back. */
    private static double[] column(SplittableRandom r, int rows, long first, int holes) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            boolean hole = switch (holes) {
                case 0 -> false;
                case 1 -> r.nextInt(4) == 0;
                case 2 -> i < rows * 0.9;
                default -> i >= rows / 10;
            };
            int kind = r.nextInt(3);
            v[i] = !hole ? r.nextGaussian() : kind == 0 ? Double.NaN : kind == 1 ? Double.POSITIVE_INFINITY
                    : Double.NEGATIVE_INFINITY;
        }
        return v;
    }

    private static void assertSameSample(KeyOrder order, double[] v, int size) {
        int finite = 0;
        for (double x : v) {
            finite += Double.isFinite(x) ? 1 : 0;
        }
        long[] keys = new long[finite];
        double[] values = new double[finite];
        for (int i = 0, j = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                keys[j] = RowSample.key(order.row(i), RowSample.SEED);
                values[j++] = v[i];
            }
        }
        RowSample want = RowSample.of(keys, values, size);
        if (!order.applies()) {
            return; // the per-column path (MemoryProfiler) takes these sources
        }
        KeyOrder.Sample got = order.sample(i -> v[i], finite, size);
        assertThat(got.keys()).isEqualTo(want.keys());
        assertThat(got.values()).isEqualTo(want.values());
        // so MemoryProfiler takes the order's sample as it is: a second selection of it changed nothing (cost11)
        RowSample taken = RowSample.ofKeyOrder(got.keys(), got.values());
        assertThat(taken.keys()).isEqualTo(RowSample.of(got.keys(), got.values(), size).keys());
        assertThat(taken.values()).isEqualTo(RowSample.of(got.keys(), got.values(), size).values());
    }
}
