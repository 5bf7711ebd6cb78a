// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.inference.PermutationTest;
import dev.surprisal.knn.PointSet;
import dev.surprisal.knn.internal.PlanarKnn;
import dev.surprisal.knn.internal.SortedMarginal;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * The parts of one KSG1 estimate (k = 3) of 10⁶ points, and of the permutation test's work on a 20,000-point
 * subsample (99 re-pairings, as a strong dependence draws them all), in process CPU seconds (all threads), REPS
 * times in one JVM: the first repetition is what a one-shot `mi` pays (interpreted code, compilation, fresh pages),
 * the later ones the warm kernel. Points: x ~ N(0, 1), y = x² + N(0, ½²), seeded. The printed sums (mean marginal
 * counts, the estimate, the sum of the 99 null values) must not change when the kernel changes.
 * Usage: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dreps=3 -cp surprisal-cli/target/surprisal.jar bench/mi/KsgKernel.java
 */
public class KsgKernel {
    public static void main(String[] args) {
        int reps = Integer.getInteger("reps", 3);
        int n = 1_000_000;
        int m = 20_000;
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] * x[i] + 0.5 * r.nextGaussian();
        }
        double[] xs = java.util.Arrays.copyOf(x, m);
        double[] ys = java.util.Arrays.copyOf(y, m);
        for (int rep = 0; rep < reps; rep++) {
            long t0 = cpu();
            SortedMarginal mx = SortedMarginal.of(x);
            SortedMarginal my = SortedMarginal.of(y);
            long t1 = cpu();
            double[] eps = PlanarKnn.kthDistances(mx, my, null, 3);
            long t2 = cpu();
            int[] nx = mx.countAllStrictUnlessZero(eps, null, null);
            long t3 = cpu();
            int[] ny = my.countAllStrictUnlessZero(eps, null, null);
            long t4 = cpu();
            double estimate = KraskovMutualInformation.prepare(PointSet.ofValues("x", x), PointSet.ofValues("y", y), 3,
                    KraskovMutualInformation.Algorithm.KSG1).nats();
            long t5 = cpu();
            KraskovMutualInformation.Prepared sub = KraskovMutualInformation.prepare(PointSet.ofValues("x", xs),
                    PointSet.ofValues("y", ys), 3, KraskovMutualInformation.Algorithm.KSG1);
            double nulls = 0.0;
            for (int j = 0; j < 99; j++) {
                SplittableRandom g = new SplittableRandom(j);
                nulls += sub.natsPaired(PermutationTest.shuffle(m, g::nextInt));
            }
            long t6 = cpu();
            System.out.printf("rep %d: sorts %.3f  slab search %.3f  counts x %.3f  y %.3f  whole estimate %.3f  "
                            + "test 99 x 20,000 %.3f s CPU  (mean n_x %.2f, n_y %.2f; MI %.6f nats; null sum %.6f)%n",
                    rep, s(t0, t1), s(t1, t2), s(t2, t3), s(t3, t4), s(t4, t5), s(t5, t6), mean(nx), mean(ny),
                    estimate, nulls);
        }
    }

    private static double mean(int[] c) {
        long s = 0;
        for (int v : c) {
            s += v;
        }
        return (double) s / c.length;
    }

    private static double s(long from, long to) {
        return (to - from) / 1e9;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
