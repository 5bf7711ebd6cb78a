// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.knn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scalar-pair slab search, the galloping marginal counts and the argsort against brute force. */
class PlanarKnnTest {

    /** kind 0: Gaussian; 1: few distinct values; 2: Gaussian with every value duplicated; 3: near-ties. */
    static double[] sample(SplittableRandom r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0 -> v[i] = r.nextGaussian();
                case 1 -> v[i] = r.nextInt(4);
                case 2 -> v[i] = i % 2 == 1 ? v[i - 1] : r.nextGaussian();
                case 3 -> v[i] = 1.0 + Math.ulp(1.0) * r.nextInt(50); // share the high key bits
                case 4 -> v[i] = Math.exp(3.0 * r.nextGaussian()); // skewed: most slabs narrow, a few very wide
                // huge range: differences overflow to infinity, beside values a few ulps apart
                default -> v[i] = r.nextInt(3) == 0 ? (r.nextBoolean() ? 1.7e308 : -1.7e308) * r.nextDouble()
                        : Math.ulp(1.0) * r.nextInt(8);
            }
        }
        return v;
    }

    /** Row i: the sorted max-norm distances from point i to every other point. */
    static double[][] bruteDistances(double[] x, double[] y) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] ds = new double[x.length - 1];
            int c = 0;
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    ds[c++] = Math.max(Math.abs(x[i] - x[j]), Math.abs(y[i] - y[j]));
                }
            }
            Arrays.sort(ds);
            out[i] = ds;
        }
        return out;
    }

    static int bruteCount(double[] v, int i, double r) {
        RadiusRule rule = RadiusRule.strictUnlessZero(r);
        int c = 0;
        for (int j = 0; j < v.length; j++) {
            if (j != i && rule.accepts(Math.abs(v[j] - v[i]), r)) {
                c++;
            }
        }
        return c;
    }

    static int[] shuffle(SplittableRandom r, int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Test
    void kthDistancesAndMarginalCountsEqualBruteForce() {
        SplittableRandom r = new SplittableRandom(7);
        int checked = 0;
        for (int n : new int[] {5, 13, 150, 600}) {
            for (int kx = 0; kx < 4; kx++) {
                for (int ky = 0; ky < 4; ky++) {
                    double[] x = sample(r, n, kx);
                    double[] y = sample(r, n, ky);
                    if (kx == 2 && ky == 2) {
                        System.arraycopy(x, 0, y, 0, n); // exact joint duplicates: ε = 0
                    }
                    SortedMarginal mx = SortedMarginal.of(x);
                    SortedMarginal my = SortedMarginal.of(y);
                    for (boolean permuted : new boolean[] {false, true}) {
                        int[] pair = permuted ? shuffle(r, n) : null;
                        double[] yp = new double[n];
                        for (int i = 0; i < n; i++) {
                            yp[i] = y[pair == null ? i : pair[i]];
                        }
                        double[][] brute = bruteDistances(x, yp);
                        for (int k : new int[] {1, 2, 3, 4, n - 1}) {
                            double[] eps = PlanarKnn.kthDistances(mx, my, pair, k);
                            if (eps == null) {
                                assertThat(kx == 1 && ky == 1 || kx == 3 && ky == 3 || kx == 1 && ky == 3 || kx == 3 && ky == 1)
                                        .as("only tie-dominated samples fall back").isTrue();
                                continue;
                            }
                            int[] nx = mx.countAllStrictUnlessZero(eps, null, null);
                            int[] ny = my.countAllStrictUnlessZero(eps, null, pair);
                            for (int i = 0; i < n; i++) {
                                String at = "n=" + n + " kinds=" + kx + "," + ky + " perm=" + permuted + " k=" + k + " i=" + i;
                                assertThat(eps[i]).as(at).isEqualTo(brute[i][k - 1]);
                                assertThat(nx[i]).as(at).isEqualTo(bruteCount(x, i, eps[i]));
                                assertThat(ny[i]).as(at).isEqualTo(bruteCount(yp, i, eps[i]));
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50_000);
    }

    /** Above 2^13 values the packed keys are radix-sorted: it must give what a signed sort of the longs gives. */
    @Test
    void radixSortOfPackedKeysEqualsTheSignedSort() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {8193, 40_000}) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                // few distinct high words (shared runs), both signs, extremes included
                long high = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(5) - 2;
                    case 1 -> r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                    default -> r.nextInt();
                };
                packed[i] = (high << 32) | i;
            }
            long[] expected = packed.clone();
            java.util.Arrays.sort(expected);
            ArgSort.radixSortHigh(packed);
            assertThat(packed).isEqualTo(expected);
        }
    }

    @Test
    void argSortOrdersSignedZerosTiesAndSharedHighBits() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {5000, 50_000}) { // a comparison sort below 2^13 values, the radix sort above
            double[] v = new double[n];
            for (int i = 0; i < v.length; i++) {
                switch (i % 5) {
                    case 0 -> v[i] = -0.0;
                    case 1 -> v[i] = 0.0;
                    case 2 -> v[i] = 1.0 + Math.ulp(1.0) * r.nextInt(3000);
                    case 3 -> v[i] = -1e300 * r.nextDouble();
                    default -> v[i] = r.nextGaussian() * 1e-310; // subnormals
                }
            }
            int[] order = ArgSort.of(v);
            boolean[] seen = new boolean[v.length];
            for (int t = 0; t < order.length; t++) {
                assertThat(seen[order[t]]).isFalse();
                seen[order[t]] = true;
                if (t > 0) {
                    assertThat(v[order[t - 1]] <= v[order[t]]).as("position " + t).isTrue();
                }
            }
        }
    }

    @Test
    void sortedMarginalKthDistanceStillMatchesBruteForceInOneDimension() {
        SplittableRandom r = new SplittableRandom(11);
        double[] v = sample(r, 300, 2);
        SortedMarginal m = SortedMarginal.of(v);
        for (int i = 0; i < v.length; i++) {
            double[] ds = new double[v.length - 1];
            int c = 0;
            for (int j = 0; j < v.length; j++) {
                if (j != i) {
                    ds[c++] = Math.abs(v[i] - v[j]);
                }
            }
            Arrays.sort(ds);
            assertThat(m.kthDistance(i, 3)).isEqualTo(ds[2]);
        }
    }
}
