// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.bench;

import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** The label-counting kernels: direct (small range), hash (wide range), objects, and the fused pair table. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CountingBenchmark {
    @Param({"1000000", "10000000"})
    int n;

    int[] small;
    int[] wide;
    int[] x;
    int[] y;
    String[] strings;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        small = new int[n];
        wide = new int[n];
        x = new int[n];
        y = new int[n];
        strings = new String[Math.min(n, 1_000_000)];
        for (int i = 0; i < n; i++) {
            small[i] = r.nextInt(256);
            wide[i] = r.nextInt(Integer.MAX_VALUE) & 0x7FFF_F000 | r.nextInt(1 << 10); // ~1e6 distinct, wide range
            x[i] = r.nextInt(100);
            y[i] = (x[i] + r.nextInt(20)) % 100;
        }
        for (int i = 0; i < strings.length; i++) {
            strings[i] = "s" + r.nextInt(1000);
        }
    }

    @Benchmark
    public Counts directSmallRange() {
        return LabelCounts.of(small);
    }

    @Benchmark
    public Counts hashWideRange() {
        return LabelCounts.of(wide);
    }

    @Benchmark
    public Counts objectStrings() {
        return LabelCounts.of(strings);
    }

    @Benchmark
    public ContingencyTable fusedPairTable() {
        return LabelCounts.table(x, y);
    }
}
