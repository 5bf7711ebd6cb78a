// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.cli.SurprisalCommand;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;

/**
 * How much of a one-shot `surprisal mi …` is warm-up: runs the same command line REPS times in one JVM
 * (the CLI's own entry point, output kept in memory) and prints the process CPU seconds (all threads,
 * the JIT compilers' included) and wall seconds of each call. The first call pays class loading,
 * interpretation and compilation; the later ones show the work itself. The difference is what a
 * one-shot process could at most gain from less warm-up (JVM start, before main, is not included).
 * Usage: java -XX:+UseParallelGC -Dreps=3 -cp surprisal-cli/target/surprisal.jar bench/mi/MiWarm.java mi --data F --target y --quiet
 */
public class MiWarm {
    public static void main(String[] args) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int reps = Integer.getInteger("reps", 3);
        for (int r = 1; r <= reps; r++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            StringWriter out = new StringWriter();
            int code = SurprisalCommand.execute(new PrintWriter(out), new PrintWriter(System.err, true), args);
            System.out.printf("call %d: %6.2f s CPU %6.2f s wall (exit %d, %d characters of output)%n", r,
                    (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9, code, out.toString().length());
        }
    }
}
