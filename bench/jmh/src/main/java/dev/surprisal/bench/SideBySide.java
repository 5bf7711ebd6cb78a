// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.bench;

import dev.surprisal.core.Base;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.measures.Entropy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The Java half of bench/measures_bench.sh: reads the int32 files the Python half wrote, times
 * (a) plug-in entropy of 1e8 labels and (b) MI of two 1e7 label arrays, and prints one JSON line
 * with medians. Usage: {@code SideBySide DIR REPS}.
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] ent = read(dir.resolve("entropy.i32"));
        int[] x = read(dir.resolve("x.i32"));
        int[] y = read(dir.resolve("y.i32"));
        double h = 0;
        double mi = 0;
        for (int w = 0; w < 3; w++) { // JIT warm-up on the same kernels
            h = Entropy.ofLabels(ent, Base.NATS);
            mi = MutualInformation.of(x, y, Base.NATS);
        }
        double[] te = new double[reps];
        double[] tm = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            h = Entropy.ofLabels(ent, Base.NATS);
            long t1 = System.nanoTime();
            mi = MutualInformation.of(x, y, Base.NATS);
            long t2 = System.nanoTime();
            te[r] = (t1 - t0) / 1e9;
            tm[r] = (t2 - t1) / 1e9;
        }
        System.out.printf(java.util.Locale.ROOT,
                "{\"entropy\": %.17g, \"entropy_s\": %.6f, \"mi\": %.17g, \"mi_s\": %.6f, \"threads\": %d}%n",
                h, median(te), mi, median(tm), Runtime.getRuntime().availableProcessors());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static int[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read fully
            }
            buf.flip();
            int[] a = new int[buf.remaining() / 4];
            buf.asIntBuffer().get(a);
            return a;
        }
    }
}
