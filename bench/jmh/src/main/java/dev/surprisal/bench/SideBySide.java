// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.bench;

import dev.surprisal.core.Base;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.measures.Entropy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * The Java half of bench/measures_bench.sh, a worker the script drives line by line so that one
 * Surprisal run and one numpy run alternate (the machine's load then weighs on both alike): it reads
 * the int32 files the Python half wrote, warms the JIT on the same kernels, prints its thread counts,
 * then answers each command read from standard input ("entropy": plug-in entropy of the labels;
 * "mi": MI of the two label arrays) with one line, {@code WALL_SECONDS CPU_SECONDS VALUE} (CPU: every live
 * thread's, since the kernels split large arrays over the common pool; VALUE in nats), until end of input.
 * Usage: {@code SideBySide DIR}.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /**
     * Runs the worker.
     *
     * @param args the folder of entropy.i32, x.i32 and y.i32
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int[] ent = read(dir.resolve("entropy.i32"));
        int[] x = read(dir.resolve("x.i32"));
        int[] y = read(dir.resolve("y.i32"));
        for (int w = 0; w < 3; w++) { // JIT warm-up on the same kernels, before any timed run
            Entropy.ofLabels(ent, Base.NATS);
            MutualInformation.of(x, y, Base.NATS);
        }
        System.out.printf(Locale.ROOT, "ready: %d processors, common pool parallelism %d%n",
                Runtime.getRuntime().availableProcessors(), ForkJoinPool.commonPool().getParallelism());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String cmd = in.readLine(); cmd != null; cmd = in.readLine()) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            double v;
            switch (cmd.trim()) {
                case "entropy": v = Entropy.ofLabels(ent, Base.NATS); break;
                case "mi": v = MutualInformation.of(x, y, Base.NATS); break;
                default: throw new IllegalArgumentException("command: expected entropy or mi, got '" + cmd + "'");
            }
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%.6f %.6f %.17g%n", (t1 - t0) / 1e9, (cpuNanos() - c0) / 1e9, v);
            System.out.flush();
        }
    }

    /**
     * CPU time of every live thread, in nanoseconds: the process's own counter ticks in 10 ms steps on
     * Linux, too coarse for runs of tens of milliseconds; the per-thread clocks count nanoseconds.
     */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id)); // -1 for a thread that ended meanwhile
        }
        return sum;
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
