// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.MiVariable;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The CPU of {@code MiSelection.select(…, MiOptions, …)} (what {@code mi --target y --select K} runs: the greedy
 * selection, then each chosen feature's permutation test), in process, REPS calls in one JVM: process CPU seconds
 * (all threads) of each call. A table of N rows (default 60,000, above the 20,000 test rows, so each kNN test runs
 * on a subsample): four continuous features, one 0/1 flag, a continuous target driven by two of them.
 * Usage: java -cp CORE_CLASSES:DEPS bench/mi/SelectEvidence.java  (-Dn=60000 -Dreps=3 -Dselect=5)
 */
public class SelectEvidence {
    public static void main(String[] args) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int n = Integer.getInteger("n", 60_000);
        int reps = Integer.getInteger("reps", 3);
        int select = Integer.getInteger("select", 5);
        SplittableRandom r = new SplittableRandom(7);
        double[][] f = new double[5][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                f[j][i] = r.nextGaussian();
            }
            f[4][i] = r.nextInt(2);
            y[i] = f[0][i] + 0.5 * f[1][i] * f[1][i] + 0.3 * f[4][i] + r.nextGaussian();
        }
        List<MiVariable> vars = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            vars.add(MiVariable.continuous("x" + j, f[j], 42));
        }
        vars.add(MiVariable.discrete("flag", f[4]));
        MiVariable target = MiVariable.continuous("y", y, 42);
        for (int rep = 1; rep <= reps; rep++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            MiSelection.Result res = MiSelection.select(vars, target, select, MiSelection.Method.MRMR,
                    MiOptions.defaults(), null);
            System.out.printf("call %d: %6.2f s CPU %6.2f s wall; chosen %s; notes %d%n", rep,
                    (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9,
                    res.selected().stream().map(s -> s.name()).toList(), res.notes().size());
        }
    }
}
