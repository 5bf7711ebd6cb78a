// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.text.file.EntAnalysis;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process part of `surprisal file --terse` (issue 12): EntAnalysis.of(FILE, THREADS), ent's five
 * statistics over the whole file, REPS times in one JVM. Prints, per call, wall seconds, process CPU
 * seconds (all threads: the workers, the JIT compilers, GC) and GB/s of wall time. The first call is what a
 * one-shot command pays (interpreted code, then OSR and C2 compiles of the hot loop); the later ones show the
 * pass itself. JVM start (before main) is not included: `bench/file_bench.sh` times the whole command.
 * Usage: java [JVM flags] -cp surprisal-cli/target/surprisal.jar bench/file/EntPass.java FILE [THREADS=cores] [REPS=5]
 */
public class EntPass {
    public static void main(String[] args) throws Exception {
        Path f = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long size = Files.size(f);
        System.out.printf("%s: %d bytes, %d threads, load %.2f%n", f, size, threads, os.getSystemLoadAverage());
        String line = null;
        for (int r = 1; r <= reps; r++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            EntAnalysis a = EntAnalysis.of(f, threads);
            double w = (System.nanoTime() - wall) / 1e9;
            double c = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf("call %d: %.3f s wall, %.3f s CPU, %.2f GB/s wall, %.2f GB/s per CPU-second%n",
                    r, w, c, size / w / 1e9, size / c / 1e9);
            String t = a.terse();
            if (line != null && !line.equals(t)) {
                throw new AssertionError("call " + r + " printed a different line: " + t);
            }
            line = t;
        }
        System.out.print(line);
    }
}
