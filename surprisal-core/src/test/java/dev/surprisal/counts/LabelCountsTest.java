// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.counts;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelCountsTest {
    private static int[] randomInts(long seed, int n, int origin, int bound) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(origin, bound);
        }
        return a;
    }

    private static long[] widen(int[] a) {
        long[] w = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = a[i];
        }
        return w;
    }

    private static Object[] box(int[] a) {
        Object[] o = new Object[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i];
        }
        return o;
    }

    @Test
    void countsSmallExample() {
        Counts c = LabelCounts.of(new int[] {5, -2, 5, 7, 5});
        assertThat(c.toArray()).containsExactly(1, 3, 1);
        Codes codes = LabelCounts.codes(new String[] {"b", "a", "b"});
        assertThat(codes.labels()).containsExactly("a", "b");
        assertThat(codes.toArray()).containsExactly(1, 0, 1);
        assertThat(LabelCounts.of(new Object[] {"x", 1, "x"}).toArray()).containsExactly(2, 1); // mixed: first-seen order
    }

    @Test
    void directHashAndObjectPathsAgree() {
        int[] x = randomInts(1, 50_000, -40, 60);
        int[] y = randomInts(2, 50_000, 0, 17);
        Counts direct = LabelCounts.of(x);
        Counts hashed = Counts.of(LabelCounts.countsOf(LabelCounts.hashed(widen(x))));
        Counts objects = LabelCounts.of(box(x));
        assertThat(hashed).isEqualTo(direct);
        assertThat(objects).isEqualTo(direct);
        assertThat(LabelCounts.of(widen(x))).isEqualTo(direct);
        ContingencyTable t = LabelCounts.table(x, y);
        assertThat(LabelCounts.table(widen(x), widen(y))).isEqualTo(t);
        assertThat(LabelCounts.table(box(x), box(y))).isEqualTo(t);
        assertThat(LabelCounts.table(LabelCounts.hashed(widen(x)), LabelCounts.hashed(widen(y)))).isEqualTo(t);
    }

    @Test
    void wideRangeLabelsGoThroughTheHashAndKeepOrder() {
        int[] x = {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE};
        Codes c = LabelCounts.codes(x);
        assertThat(c.labels()).containsExactly((long) Integer.MIN_VALUE, 0L, (long) Integer.MAX_VALUE);
        assertThat(LabelCounts.of(x).toArray()).containsExactly(1, 1, 2);
        long[] big = {Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        assertThat(LabelCounts.of(big).toArray()).containsExactly(1, 2);
        // a sparse pair table larger than the fused limit
        int[] a = {0, 3_000_000, 5, 0};
        int[] b = {1, 2_000_000, 9, 1};
        ContingencyTable t = LabelCounts.table(a, b);
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.get(0, 0)).isEqualTo(2);
        assertThat(t.get(2, 2)).isEqualTo(1);
    }

    @Test
    void parallelEqualsSequential() {
        int[] x = randomInts(3, 3_000_000, 0, 256);
        LabelCounts.Dense seq = LabelCounts.intHistogram(x, "x", 1);
        LabelCounts.Dense par = LabelCounts.intHistogram(x, "x", 4);
        assertThat(par.counts).containsExactly(seq.counts);
        int[] y = randomInts(4, 3_000_000, 0, 100);
        long[] h1 = Histograms.histogram2(x, 0, y, 0, 100, 25_600, 1);
        long[] h4 = Histograms.histogram2(x, 0, y, 0, 100, 25_600, 3);
        assertThat(h4).containsExactly(h1);
        long[] naive = new long[25_600];
        for (int i = 0; i < x.length; i++) {
            naive[x[i] * 100 + y[i]]++;
        }
        assertThat(h1).containsExactly(naive);
        assertThat(LabelCounts.table(x, y).toFlatArray()).containsExactly(naive);
    }

    @Test
    void threeWayTableAndItsMarginals() {
        int[] x = randomInts(5, 10_000, 0, 4);
        int[] y = randomInts(6, 10_000, 10, 13);
        int[] z = randomInts(7, 10_000, -2, 3);
        ContingencyTable3 t = LabelCounts.table(x, y, z);
        assertThat(t.sizeX()).isEqualTo(4);
        assertThat(t.sizeY()).isEqualTo(3);
        assertThat(t.sizeZ()).isEqualTo(5);
        assertThat(t.xy()).isEqualTo(LabelCounts.table(x, y));
        assertThat(t.xz()).isEqualTo(LabelCounts.table(x, z));
        assertThat(t.yz()).isEqualTo(LabelCounts.table(y, z));
        assertThat(t.z()).isEqualTo(LabelCounts.of(z));
        assertThat(LabelCounts.table(box(x), box(y), box(z))).isEqualTo(t);
        assertThat(LabelCounts.table(widen(x), widen(y), widen(z))).isEqualTo(t);
        assertThat(LabelCounts.joint(x, y, z).cardinality()).isEqualTo(t.jointCounts().nonZero());
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> LabelCounts.of(new int[0])).hasMessageContaining("labels: is empty");
        assertThatThrownBy(() -> LabelCounts.table(new int[3], new int[4])).hasMessageContaining("x and y: lengths differ (3 vs 4)");
        assertThatThrownBy(() -> LabelCounts.table(new int[3], new int[3], new int[2])).hasMessageContaining("x and z");
        assertThatThrownBy(() -> LabelCounts.of((int[]) null)).hasMessageContaining("labels: is null");
    }
}
