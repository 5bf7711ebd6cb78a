// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
import java.nio.ByteBuffer;
import java.util.Random;
/**
 * A one-shot JVM's cost (docs/benchmarks.md "terse19"): ProbeStats over 1,024 × 5 blocks of 192 KiB (960 MiB),
 * printing the wall time at each power of two of MiB; time the whole JVM (/usr/bin/time) for its CPU seconds.
 * -Dwarm=N first runs the vector kernel N times on 192 zero bytes (the warm-up tried with per-method
 * -XX:CompileCommand=CompileThresholdScaling,ProbeStats$V::oddAndMonte,0.05).
 * Usage: java [--add-modules jdk.incubator.vector -Dvec=true [-Dwarm=N]] -cp CLASSES ProbeOneShot
 */
public class ProbeOneShot {
    public static void main(String[] a) {
        int block = 24 << 13;
        ByteBuffer buf = ByteBuffer.allocateDirect(block);
        byte[] src = new byte[block]; new Random(1).nextBytes(src); buf.put(src).flip();
        long w0 = System.nanoTime(); if (Integer.getInteger("warm", 0) > 0) ProbeStats.V.warm(Integer.getInteger("warm", 0)); System.out.printf("warm %.0f ms%n", (System.nanoTime() - w0) / 1e6); ProbeStats s = new ProbeStats();
        long t0 = System.nanoTime(), start = t0;
        StringBuilder sb = new StringBuilder();
        for (int mib = 1; mib <= 1024; mib++) {
            for (int j = 0; j < 5; j++) s.add(buf, 0, block); // ~0.94 MiB
            if (Integer.bitCount(mib) == 1 || mib == 1024) { long t = System.nanoTime(); sb.append(String.format("%d:%.0fms ", mib, (t - start) / 1e6)); }
        }
        s.finish();
        System.out.println(sb + " hits=" + s.monteHits + " lag=" + s.lagProducts);
    }
}
