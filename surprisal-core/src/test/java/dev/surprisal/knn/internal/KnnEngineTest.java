// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import dev.surprisal.knn.PointSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine against brute force: random and heavily tied data, d = 1..5, k = 1..10. */
class KnnEngineTest {

    static double[][] data(long seed, int n, int d, boolean ties) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = ties ? r.nextInt(4) : r.nextGaussian();
            }
        }
        return rows;
    }

    static double dist(double[] a, double[] b) {
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] - b[j]));
        }
        return m;
    }

    static double bruteKth(double[][] rows, int i, int k) {
        double[] ds = new double[rows.length - 1];
        int c = 0;
        for (int j = 0; j < rows.length; j++) {
            if (j != i) {
                ds[c++] = dist(rows[i], rows[j]);
            }
        }
        Arrays.sort(ds);
        return ds[k - 1];
    }

    static int bruteCount(double[][] rows, int i, double r, RadiusRule rule) {
        int c = 0;
        for (int j = 0; j < rows.length; j++) {
            if (j != i && rule.accepts(dist(rows[i], rows[j]), r)) {
                c++;
            }
        }
        return c;
    }

    @Test
    void kthDistancesAndCountsEqualBruteForce() {
        long seed = 1;
        for (int d = 1; d <= 5; d++) {
            for (boolean ties : new boolean[] {false, true}) {
                for (int n : new int[] {12, 150, 400}) {
                    double[][] rows = data(seed++, n, d, ties);
                    PointSet p = PointSet.ofRows("x", rows);
                    RadiusCounter counter = NeighbourSearch.counter(p);
                    for (int k = 1; k <= 10; k++) {
                        double[] eps = NeighbourSearch.kthDistances(p, k);
                        int[] strict = counter.countAll(eps, RadiusRule.STRICT);
                        int[] incl = counter.countAll(eps, RadiusRule.INCLUSIVE);
                        for (int i = 0; i < n; i++) {
                            String at = "d=" + d + " ties=" + ties + " n=" + n + " k=" + k + " i=" + i;
                            assertThat(eps[i]).as(at).isEqualTo(bruteKth(rows, i, k));
                            assertThat(strict[i]).as(at).isEqualTo(bruteCount(rows, i, eps[i], RadiusRule.STRICT));
                            assertThat(incl[i]).as(at).isEqualTo(bruteCount(rows, i, eps[i], RadiusRule.INCLUSIVE));
                        }
                    }
                }
            }
        }
    }

    @Test
    void treeWorksInOneDimensionToo() {
        double[][] rows = data(99, 500, 1, true);
        KdTree tree = KdTree.build(PointSet.ofRows("x", rows));
        SortedMarginal sorted = SortedMarginal.of(PointSet.ofRows("x", rows).column(0));
        for (int k : new int[] {1, 3, 10}) {
            assertThat(tree.allKthDistances(k)).containsExactly(sorted.allKthDistances(k));
        }
        for (int i = 0; i < rows.length; i++) {
            assertThat(tree.countOthers(i, 1.0, RadiusRule.STRICT)).isEqualTo(sorted.countOthers(i, 1.0, RadiusRule.STRICT));
            assertThat(tree.countOthers(i, 0.0, RadiusRule.INCLUSIVE)).isEqualTo(sorted.countOthers(i, 0.0, RadiusRule.INCLUSIVE));
        }
    }

    @Test
    void crossSampleDistancesEqualBruteForce() {
        for (int d = 1; d <= 3; d++) {
            double[][] ref = data(10 + d, 300, d, d == 2);
            double[][] qs = data(20 + d, 80, d, d == 2);
            for (int k = 1; k <= 5; k++) {
                double[] got = NeighbourSearch.kthDistancesTo(PointSet.ofRows("r", ref), PointSet.ofRows("q", qs), k);
                for (int i = 0; i < qs.length; i++) {
                    double[] ds = new double[ref.length];
                    for (int j = 0; j < ref.length; j++) {
                        ds[j] = dist(qs[i], ref[j]);
                    }
                    Arrays.sort(ds);
                    assertThat(got[i]).isEqualTo(ds[k - 1]);
                }
            }
        }
    }

    @Test
    void neighbourIndicesAreTheKNearest() {
        double[][] rows = data(5, 400, 3, false);
        KdTree tree = KdTree.build(PointSet.ofRows("x", rows));
        KnnQuery q = tree.query(4);
        for (int i = 0; i < rows.length; i++) {
            double eps = q.ofPoint(i);
            for (int m = 0; m < 4; m++) {
                int j = q.neighbour(m);
                assertThat(j).isNotEqualTo(i);
                assertThat(dist(rows[i], rows[j])).isLessThanOrEqualTo(eps);
            }
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> PointSet.ofRows("x", new double[][] {{1, 2}, {3, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1][1]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> PointSet.ofRows("x", new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[1]");
        assertThatThrownBy(() -> NeighbourSearch.kthDistances(PointSet.ofValues("x", new double[] {1, 2, 3}), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
    }
}
