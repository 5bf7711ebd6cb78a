// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.counts.Counts;
import dev.surprisal.dependence.AdjustedMutualInformation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * CPU cost of the exact expected MI from two value counts (AdjustedMutualInformation.expected(Counts, Counts)),
 * the chance part of the "determines the target" share (TargetShare), at n = 10^6 rows: K x L values with the
 * feature's value sizes uneven (index K u^2 of a uniform u: many distinct sizes, from about n/2K rows to about n/sqrt K
 * for the first value; the costly case)
 * and the target's uniform. CPU seconds of this thread, the mean of 5 calls after 2 warm-up calls.
 * Usage: java -cp surprisal-cli/target/surprisal.jar bench/share/ExpectedMiCost.java
 */
public class ExpectedMiCost {
    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = 1_000_000;
        for (int[] kl : new int[][] {{2, 2}, {1000, 2}, {1000, 300}, {1000, 1000}, {30_000, 1000}}) {
            SplittableRandom r = new SplittableRandom(1);
            long[] x = new long[kl[0]];
            long[] y = new long[kl[1]];
            for (int i = 0; i < n; i++) {
                double u = r.nextDouble();
                x[(int) (kl[0] * u * u)]++;
                y[r.nextInt(kl[1])]++;
            }
            double e = 0;
            for (int w = 0; w < 2; w++) {
                e = AdjustedMutualInformation.expected(Counts.of(x), Counts.of(y));
            }
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 5; rep++) {
                e = AdjustedMutualInformation.expected(Counts.of(x), Counts.of(y));
            }
            System.out.printf("K=%d L=%d n=%d  E[MI] %.6f nats  %.3f CPU s per call%n", kl[0], kl[1], n, e,
                    (cpu.getCurrentThreadCpuTime() - t0) / 5e9);
        }
    }
}
