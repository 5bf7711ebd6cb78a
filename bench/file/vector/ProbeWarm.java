// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import java.nio.ByteBuffer;
import java.util.Random;
/**
 * Warm kernel cost (docs/benchmarks.md "terse19"): ProbeStats over MIB MiB of one 192 KiB random block, ROUNDS
 * times in one JVM, one thread; prints the thread's CPU ns per byte and the sums (equal for every kernel).
 * Usage: java [--add-modules jdk.incubator.vector] [-Dvec=true|-Dmct=true] -cp CLASSES ProbeWarm MIB ROUNDS
 */
public class ProbeWarm {
    public static void main(String[] a) {
        int block = 24 << 13;
        ByteBuffer buf = ByteBuffer.allocateDirect(block);
        byte[] src = new byte[block]; new Random(1).nextBytes(src); buf.put(src).flip();
        long total = Long.parseLong(a[0]) << 20;
        int rounds = Integer.parseInt(a[1]);
        for (int r = 0; r < rounds; r++) {
            long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            ProbeStats s = new ProbeStats();
            for (long done = 0; done < total; done += block) s.add(buf, 0, block);
            s.finish();
            long t = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t0;
            long c0 = 0; for (long c : s.counts) c0 += c;
            System.out.printf("round %d: %.3f ns/byte  %.1f ms  lag=%d hits=%d tries=%d n=%d%n", r, (double) t / total, t / 1e6, s.lagProducts, s.monteHits, s.monteTries, c0);
        }
    }
}
