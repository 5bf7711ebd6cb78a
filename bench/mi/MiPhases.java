// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiPair;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Where the time of `surprisal mi --data F --target Y` goes: wall and process CPU seconds of each phase
 * (read, roles, preparation, then per feature the estimate, the correlations and the whole score with its
 * test and monotone fit, which repeats the estimate and the correlations). A profile, not a benchmark of the command.
 * Usage: java -cp surprisal-cli/target/surprisal.jar bench/mi/MiPhases.java FILE TARGET
 */
public class MiPhases {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static long wall = System.nanoTime();
    private static long cpu = OS.getProcessCpuTime();

    private static void lap(String what) {
        long w = System.nanoTime();
        long c = OS.getProcessCpuTime();
        System.out.printf("%-44s %8.3f s wall %8.3f s CPU%n", what, (w - wall) / 1e9, (c - cpu) / 1e9);
        wall = w;
        cpu = c;
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        lap("start (JVM already up)");
        Table t = TableReader.open(file).readCells();
        lap("read (Java CSV reader; DuckDB if declined)");
        ColumnRoles roles = ColumnRoles.detect(t, RoleOverrides.none());
        lap("roles");
        MiTable table = MiTable.of(t, roles, 42, file);
        lap("prepare (scale, tie-break, labels)");
        MiVariable target = table.variable(args[1], "--target");
        for (MiVariable v : table.variables()) {
            if (v == target) {
                continue;
            }
            MiPair pair = MiPair.of(v, target, 3);
            pair.nats();
            lap(v.name() + ": " + pair.estimator().label() + " estimate");
            pair.pearson();
            pair.spearman();
            lap(v.name() + ": Pearson and Spearman");
            RankedFeature r = TargetRanking.score(v, target, MiOptions.defaults());
            lap(v.name() + ": score (again, + test L = " + (r.test() == null ? 0 : r.test().permutations()) + ", shape)");
        }
    }
}
