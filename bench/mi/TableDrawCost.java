// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.selection.CountedPair;

/**
 * The cost of one pair's p-value when its table has an expected count below 5 (CountedPair.independenceP: random
 * tables with the same margins, at most 9,999, stopping after 10 at or above the observed MI): a dependent pair
 * draws all 9,999, the worst case of `mi --matrix`. CPU seconds of the thread per pair (the machine's load does not
 * count): the first call (the JIT compiling as it goes, as in one command) and the best of the next 5.
 * Usage: java -XX:TieredStopAtLevel=1 -cp surprisal-cli/target/surprisal.jar bench/mi/TableDrawCost.java
 */
public class TableDrawCost {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static void time(String label, long[][] t) {
        ContingencyTable ct = ContingencyTable.of(t);
        double mi = MutualInformation.of(ct, Base.NATS);
        long first = -1;
        long best = Long.MAX_VALUE;
        CountedPair.Independence r = null;
        for (int k = 0; k < 6; k++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            r = CountedPair.independenceP(ct, mi, 42 + k, "a\0b");
            long used = CPU.getCurrentThreadCpuTime() - t0;
            if (first < 0) {
                first = used;
            } else {
                best = Math.min(best, used);
            }
        }
        System.out.printf("%-52s p = %.5f (%s)  first %.3f s, then %.3f s CPU per pair%n", label, r.pValue(),
                r.method(), first / 1e9, best / 1e9);
    }

    public static void main(String[] args) {
        time("4 x 4 dependent (plan x tier), n = 500", new long[][] {{260, 20, 15, 12}, {25, 70, 5, 4}, {8, 6, 25, 2},
                {2, 1, 2, 43}});
        long[] w = {30, 20, 10, 10, 8, 6, 5, 4, 3, 2, 1, 1};
        for (long n : new long[] {100_000L, 1_000_000L}) {
            long[][] t = new long[2][12]; // a flag on 6 rows, all on the rarest of 12 sources: dependent
            for (int j = 0; j < 12; j++) {
                t[0][j] = n * w[j] / 100;
            }
            t[1][11] = 6;
            time("2 x 12, a flag on 6 rows in one source, n = " + n, t);
        }
    }
}
