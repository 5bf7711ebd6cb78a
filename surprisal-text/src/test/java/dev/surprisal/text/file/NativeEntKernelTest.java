// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.text.file;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native kernel ({@code src/main/c/ent_kernel.c}) gives the Java loop's sums bit for bit: random bytes added in
 * random pieces at random offsets, constant bytes (the largest products), odd lengths and partial Monte Carlo
 * groups, and whole files through {@link EntAnalysis}. The library is built here with {@code -DFOLD_AFTER=1000}, so
 * its pair counters are folded every few hundred bytes instead of every 4 GiB and the fold is exercised too.
 * Needs a C compiler and the JDK's {@code jni.h}: under CI (the {@code CI} variable set) their absence fails the
 * test, elsewhere it is skipped with the reason.
 */
class NativeEntKernelTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        Path src = Path.of("src/main/c/ent_kernel.c").toAbsolutePath();
        assertThat(src).exists();
        Path jdk = Path.of(System.getProperty("java.home"));
        Path include = jdk.resolve("include");
        need(Files.isRegularFile(include.resolve("jni.h")), "no jni.h under " + include + " (a JRE, not a JDK)");
        need(System.getProperty("os.name").startsWith("Linux"), "the kernel's build line is for Linux");
        Path so = dir.resolve("libsurprisal-ent-test.so");
        for (String cc : new String[] {"cc", "gcc"}) {
            try {
                Process p = new ProcessBuilder(cc, "-O3", "-shared", "-fPIC", "-DFOLD_AFTER=1000",
                        "-I" + include, "-I" + include.resolve("linux"), "-o", so.toString(), src.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("%s failed: %s", cc, out).isZero();
                assertThat(NativeEntKernel.load(so.toString())).as("the kernel loads").isTrue();
                return;
            } catch (IOException noSuchCompiler) {
                // try the next name
            }
        }
        need(false, "no C compiler (cc or gcc) on PATH");
    }

    private static void need(boolean ok, String why) {
        if (!ok && System.getenv("CI") != null) {
            fail(why);
        }
        assumeTrue(ok, why);
    }

    /** The same pieces through both paths; the native one reads them from a direct buffer at an offset. */
    private static void compare(byte[] data, long seed) {
        compare(data, seed, true);
    }

    private static void compare(byte[] data, long seed, boolean kernelMustRun) {
        SplittableRandom rng = new SplittableRandom(seed);
        ByteStreamStats java = new ByteStreamStats(false);
        ByteStreamStats nat = new ByteStreamStats(true);
        for (int at = 0; at < data.length; ) {
            int len = Math.min(data.length - at, rng.nextInt(4) == 0 ? rng.nextInt(50) : rng.nextInt(70_000));
            int pad = rng.nextInt(32);
            ByteBuffer direct = ByteBuffer.allocateDirect(pad + len + 7);
            direct.position(pad);
            direct.put(data, at, len);
            java.add(data, at, len);
            nat.add(direct, pad, len);
            at += len;
        }
        ByteStreamStatsTest.assertSame(nat.finish(), java.finish());
        if (kernelMustRun) {
            assertThat(nat.kernelCalls).as("the native kernel ran").isPositive();
        }
    }

    @Test
    void randomBytesInRandomPieces() {
        SplittableRandom rng = new SplittableRandom(20261203);
        for (int round = 0; round < 12; round++) {
            byte[] d = new byte[rng.nextInt(1, 600_000)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) rng.nextInt(256);
            }
            compare(d, round);
        }
    }

    @Test
    void constantBytesGiveTheLargestProductsAndOneCounter() {
        for (int value : new int[] {0, 1, 0x7f, 0x80, 0xff}) {
            byte[] d = new byte[1_048_579];
            java.util.Arrays.fill(d, (byte) value);
            compare(d, value);
        }
    }

    @Test
    void fewBytesAndTextLikeBytes() {
        for (int length = 0; length < 200; length++) {
            byte[] d = new byte[length];
            for (int i = 0; i < length; i++) {
                d[i] = (byte) ("surprisal ".charAt(i % 10) + i % 3);
            }
            // pieces shorter than 24 bytes never reach the kernel; one piece of 24 or more does
            compare(d, length, false);
            ByteStreamStats java = new ByteStreamStats(false);
            ByteStreamStats nat = new ByteStreamStats(true);
            ByteBuffer direct = ByteBuffer.allocateDirect(length + 3);
            direct.position(3);
            direct.put(d);
            java.add(d, 0, length);
            nat.add(direct, 3, length);
            ByteStreamStatsTest.assertSame(nat.finish(), java.finish());
            assertThat(nat.kernelCalls).isEqualTo(length >= ByteStreamStats.STEP ? 1 : 0);
        }
    }

    /** ff ff ff 00 00 00: x = 256³ − 1, y = 0, a point on the circle, which ent counts as inside (≤). */
    @Test
    void pointsOnTheCircleAreInsideOnEveryVectorLevel() {
        try {
            for (int cap = 2; cap >= 0; cap--) {
                int used = NativeEntKernel.vectorLevel(cap);
                assertThat(used).isLessThanOrEqualTo(cap);
                for (int length : new int[] {24, 48, 72, 16368 + 24, 1 << 20}) {
                    byte[] d = new byte[length];
                    for (int i = 0; i < length; i++) {
                        d[i] = (byte) (i % 6 < 3 ? 0xff : 0);
                    }
                    compare(d, length);
                    ByteStreamStats nat = new ByteStreamStats(true);
                    ByteBuffer direct = ByteBuffer.allocateDirect(length);
                    direct.put(d);
                    nat.add(direct, 0, length);
                    assertThat(nat.finish().monteHits).as("level %d, %d bytes", used, length).isEqualTo(length / 6);
                }
                byte[] r = new byte[200_000];
                new SplittableRandom(cap).nextBytes(r);
                compare(r, cap);
            }
        } finally {
            NativeEntKernel.vectorLevel(2);
        }
    }

    @Test
    void aRangeOutsideTheBufferFailsOnBothPathsAndCountsNothing() {
        ByteBuffer direct = ByteBuffer.allocateDirect(100);
        for (boolean useNative : new boolean[] {true, false}) {
            ByteStreamStats s = new ByteStreamStats(useNative);
            assertThatThrownBy(() -> s.add(direct, 40, 61)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> s.add(direct, -1, 48)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(s.finish().n).isZero();
            assertThat(s.counts).containsOnly(0L);
        }
    }

    @Test
    void wholeFilesGiveTheSameAnalysisAsTheJavaLoop() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        for (int length : new int[] {5, 24 * 8192 + 13, 3 * 1024 * 1024 + 1}) {
            byte[] d = new byte[length];
            for (int i = 0; i < length; i++) {
                d[i] = (byte) (rng.nextInt(3) == 0 ? rng.nextInt(256) : 'a' + rng.nextInt(6));
            }
            Path f = dir.resolve("f" + length + ".bin");
            Files.write(f, d);
            // the file's blocks are read into direct buffers (native); a byte[] goes through the Java loop
            assertThat(EntAnalysis.of(f, 2).terse()).isEqualTo(EntAnalysis.of(d).terse());
        }
    }
}
