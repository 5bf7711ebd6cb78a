// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The single-pass guessed-range histogram against counts of sorted runs, including every fallback. */
class HistogramsTest {

    static long[] expected(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        long[] runs = new long[s.length];
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                m++;
            }
            runs[m - 1]++;
        }
        return Arrays.copyOf(runs, m);
    }

    static int[] labels(long seed, int n, int lo, int width) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = lo + r.nextInt(width);
        }
        return a;
    }

    @Test
    void countsEqualSortedRunsOnEveryPath() {
        int n = (1 << 20) + 13; // parallel chunks and an unrolled tail
        int[][] cases = {
            labels(1, n, 0, 256), // the guess holds
            labels(2, n, -1000, 3), // negative labels, tiny range
            labels(3, n, Integer.MAX_VALUE - 5, 6), // guess clamped below Integer.MAX_VALUE
            labels(4, n, Integer.MIN_VALUE, 7), // and above Integer.MIN_VALUE
            labels(5, n, 0, 100_000), // prefix range too wide: two-pass path
            labels(6, 1000, 10, 20), // shorter than the prefix
        };
        int[] late = labels(7, n, 0, 256);
        late[n - 2] = 5000; // outside the guess, at the very end
        int[] below = labels(8, n, 100, 50);
        below[n / 2] = Integer.MIN_VALUE; // far below: the subtraction wraps
        int[] above = labels(9, n, -20, 50);
        above[n / 3] = Integer.MAX_VALUE;
        for (int[] a : new int[][] {cases[0], cases[1], cases[2], cases[3], cases[4], cases[5], late, below, above}) {
            long[] want = expected(a);
            assertThat(LabelCounts.intHistogram(a, "a", Histograms.chunks(a.length, 0)).counts).isEqualTo(want);
            assertThat(LabelCounts.intHistogram(a, "a", 1).counts).isEqualTo(want);
        }
        assertThat(Histograms.histogramGuessed(late, 2)).isNull();
        assertThat(Histograms.histogramGuessed(below, 1)).isNull();
        assertThat(Histograms.histogramGuessed(cases[4], 1)).isNull();
        assertThat(Histograms.histogramGuessed(cases[0], 2)).isNotNull();
    }
}
