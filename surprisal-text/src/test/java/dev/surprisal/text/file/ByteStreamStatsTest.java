// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fused 24-byte loop (pair counters, two products per multiplication, Monte Carlo groups read
 * across long boundaries) against ent's own byte-at-a-time definitions, written out naively here.
 */
class ByteStreamStatsTest {

    /** ent's sums, one byte at a time, as randtest.c accumulates them. */
    private static ByteStreamStats naive(byte[] d) {
        ByteStreamStats s = new ByteStreamStats();
        s.n = d.length;
        for (int i = 0; i < d.length; i++) {
            int b = d[i] & 0xff;
            s.counts[b]++;
            if (i > 0) {
                s.lagProducts += (long) (d[i - 1] & 0xff) * b;
            }
        }
        for (int i = 0; i + 6 <= d.length; i += 6) {
            long x = ((d[i] & 0xffL) << 16) | ((d[i + 1] & 0xff) << 8) | (d[i + 2] & 0xff);
            long y = ((d[i + 3] & 0xffL) << 16) | ((d[i + 4] & 0xff) << 8) | (d[i + 5] & 0xff);
            s.monteTries++;
            if ((double) x * x + (double) y * y <= Math.pow(Math.pow(256.0, 3) - 1, 2.0)) {
                s.monteHits++;
            }
        }
        s.first = d.length == 0 ? -1 : d[0] & 0xff;
        s.last = d.length == 0 ? -1 : d[d.length - 1] & 0xff;
        return s;
    }

    /** Every sum of {@code fast} equals {@code ref}'s (also for NativeEntKernelTest). */
    static void assertSame(ByteStreamStats fast, ByteStreamStats ref) {
        assertThat(fast.counts).isEqualTo(ref.counts);
        assertThat(fast.n).isEqualTo(ref.n);
        assertThat(fast.lagProducts).isEqualTo(ref.lagProducts);
        assertThat(fast.monteTries).isEqualTo(ref.monteTries);
        assertThat(fast.monteHits).isEqualTo(ref.monteHits);
        assertThat(fast.first).isEqualTo(ref.first);
        assertThat(fast.last).isEqualTo(ref.last);
    }

    private static byte[] bytes(long seed, int length, int alphabet) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] d = new byte[length];
        for (int i = 0; i < length; i++) {
            // values near 255 and 0 exercise the products' and the Monte Carlo lanes' extremes
            d[i] = (byte) (alphabet == 2 ? (rng.nextBoolean() ? 255 : 0) : rng.nextInt(alphabet));
        }
        return d;
    }

    @Property(tries = 200)
    void anyLengthAnySplitEqualsEntsByteAtATimeSums(@ForAll @IntRange(min = 0, max = 400) int length,
                                                     @ForAll @IntRange(min = 0, max = 400) int splitAt,
                                                     @ForAll @IntRange(min = 2, max = 256) int alphabet,
                                                     @ForAll long seed) {
        byte[] d = bytes(seed, length, alphabet);
        ByteStreamStats whole = new ByteStreamStats();
        whole.add(d, 0, d.length);
        assertSame(whole.finish(), naive(d));
        // two adds into one instance (a Monte Carlo group left open in between), and two chunks
        // appended when the first is a multiple of 6 bytes, as the parallel reader does
        int cut = Math.min(splitAt, length);
        ByteStreamStats twoAdds = new ByteStreamStats();
        twoAdds.add(d, 0, cut);
        twoAdds.add(d, cut, length - cut);
        assertSame(twoAdds.finish(), naive(d));
        int aligned = cut - cut % 6;
        ByteStreamStats left = new ByteStreamStats();
        left.add(d, 0, aligned);
        ByteStreamStats right = new ByteStreamStats();
        right.add(d, aligned, length - aligned);
        left.append(right.finish());
        assertSame(left.finish(), naive(d));
    }

    @Property(tries = 40)
    void severalKernelCallsPerAddWithSeamsAnywhereEqualEntsSums(@ForAll @IntRange(min = 0, max = 4) int calls,
                                                                 @ForAll @IntRange(min = 0, max = 47) int extra,
                                                                 @ForAll @IntRange(min = 0, max = 4000) int splitAt,
                                                                 @ForAll long seed) {
        // lengths around whole multiples of the fused loop's call (seams between calls inside one add,
        // a partial Monte Carlo group carried into the next add)
        int length = calls * ByteStreamStats.KERNEL_STEPS * ByteStreamStats.STEP + extra;
        byte[] d = bytes(seed, length, 256);
        int cut = Math.min(splitAt, length);
        ByteStreamStats s = new ByteStreamStats();
        s.add(d, 0, cut);
        s.add(d, cut, length - cut);
        assertSame(s.finish(), naive(d));
    }

    @Test
    void aLargeAddRunsTheFusedLoopInShortCallsSoTheJitCompilesItEarly() {
        // C2 compiles a method after about 600 calls (Tier4MinInvocationThreshold with enough loop
        // iterations); a loop running a whole 192 KiB block per call reached that only after ~115 MiB
        byte[] d = bytes(5, 192 << 10, 256);
        ByteStreamStats s = new ByteStreamStats();
        s.add(d, 0, d.length);
        int steps = d.length / ByteStreamStats.STEP;
        assertThat(s.kernelCalls).isEqualTo((steps + ByteStreamStats.KERNEL_STEPS - 1) / ByteStreamStats.KERNEL_STEPS);
        assertThat(600L * ByteStreamStats.KERNEL_STEPS * ByteStreamStats.STEP).isLessThanOrEqualTo(4L << 20);
        assertSame(s.finish(), naive(d));
    }

    @Test
    void theJitCompilesTheFusedLoopAsAMethodBeforeItsLoopAsksForOnStackReplacement() throws Exception {
        // HotSpot's tiered policy asks C2 for the method after Tier4MinInvocationThreshold calls once calls
        // plus loop iterations reach Tier4CompileThreshold, and for an OSR compile of the running loop once
        // its iterations reach Tier4BackEdgeThreshold; with 128 steps per call the OSR compile came first and
        // C2 compiled the 562-byte loop twice during a one-shot command (docs/benchmarks.md, terse18)
        var vm = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(vm != null, "not a HotSpot JVM");
        long minCalls = Long.parseLong(vm.getVMOption("Tier4MinInvocationThreshold").getValue());
        long compileAt = Long.parseLong(vm.getVMOption("Tier4CompileThreshold").getValue());
        long osrAt = Long.parseLong(vm.getVMOption("Tier4BackEdgeThreshold").getValue());
        long iterationsByThen = minCalls * ByteStreamStats.KERNEL_STEPS;
        assertThat(minCalls + iterationsByThen).isGreaterThanOrEqualTo(compileAt);
        assertThat(iterationsByThen).isLessThan(osrAt);
    }

    @Test
    void constantAndAlternatingExtremesAreCountedExactly() {
        for (byte[] d : new byte[][] {new byte[1000], bytes(3, 1001, 2), filled(997, (byte) 255)}) {
            ByteStreamStats s = new ByteStreamStats();
            s.add(d, 0, d.length);
            assertSame(s.finish(), naive(d));
        }
    }

    @Test
    void aFileOfSeveralChunksWithAnOddTailMatchesTheNaiveSums(@TempDir Path dir) throws Exception {
        // 24 MiB chunks: three full ones and a tail that is not a multiple of 6 or 8
        byte[] d = bytes(11, 3 * (24 << 20) + 1_234_567, 256);
        Path f = dir.resolve("chunks.bin");
        Files.write(f, d);
        ByteStreamStats ref = naive(d);
        for (int threads : new int[] {1, 3}) {
            EntAnalysis a = EntAnalysis.of(f, threads);
            assertThat(a.bytes()).isEqualTo(d.length);
            for (int b = 0; b < 256; b++) {
                assertThat(a.count(b)).isEqualTo(ref.counts[b]);
            }
            assertThat(a.monteCarloPi()).isEqualTo(4.0 * ((double) ref.monteHits / ref.monteTries));
            double sum = 0;
            double sumSq = 0;
            for (int b = 0; b < 256; b++) {
                sum += (double) b * ref.counts[b];
                sumSq += (double) b * b * ref.counts[b];
            }
            double t1 = ref.lagProducts + (double) ref.last * ref.first;
            double n = d.length;
            assertThat(a.serialCorrelation()).isEqualTo((n * t1 - sum * sum) / (n * sumSq - sum * sum));
        }
    }

    @Test
    void aThreadCountBelowOneIsAValidationErrorNamingThreads(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("x.bin"), new byte[] {1, 2, 3});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EntAnalysis.of(f, 0))
                .isInstanceOf(dev.surprisal.core.ValidationException.class).hasMessage("threads: must be at least 1, got 0");
    }

    private static byte[] filled(int n, byte v) {
        byte[] d = new byte[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
