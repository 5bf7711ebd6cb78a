// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Process CPU seconds of `TableReader.readCells` (what `mi` reads a CSV with), three times in one JVM:
 * the first read is what a one-shot command pays (JIT warm-up included), the third the warm cost.
 * Usage: java -XX:+UseParallelGC -cp surprisal-cli/target/surprisal.jar bench/mi/MiRead.java FILE
 */
public class MiRead {
    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < 3; r++) {
            long c = os.getProcessCpuTime();
            Table t = TableReader.open(Path.of(args[0])).readCells();
            System.out.printf("read %d: %.3f s CPU (%d rows)%n", r, (os.getProcessCpuTime() - c) / 1e9, t.rows());
        }
    }
}
