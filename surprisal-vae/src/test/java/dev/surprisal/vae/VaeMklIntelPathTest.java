// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MKL shim that {@code ./surprisal} preloads for {@code vae} on AMD processors
 * ({@code src/main/c/mkl_intel_path.c}) changes which SGEMM kernels oneMKL runs, not the training's numbers: the
 * same two epochs in two child JVMs, with and without {@code LD_PRELOAD}, give the same losses to 1e-5 relative. On an
 * AMD processor it must also really take effect: MKL_VERBOSE names an instruction set instead of its generic path.
 * Needs a C compiler (cc or gcc) on Linux x86-64; skipped without one.
 */
class VaeMklIntelPathTest {
    @TempDir
    Path dir;

    @Test
    void theShimChangesMklsKernelsButNotTheLosses() throws Exception {
        Path shim = compileShim();
        Run plain = run(null);
        Run preloaded = run(shim);
        assertThat(plain.metrics).hasSize(2 * 4);
        assertThat(preloaded.metrics).hasSize(2 * 4);
        for (int i = 0; i < plain.metrics.size(); i++) {
            double a = plain.metrics.get(i);
            double b = preloaded.metrics.get(i);
            assertThat(Math.abs(a - b)).as("term %d: %s without the shim, %s with it", i, a, b)
                    .isLessThanOrEqualTo(1e-5 * Math.abs(a));
        }
        if (amd()) {
            assertThat(plain.mklHeader).contains("Intel(R) Architecture processors");
            assertThat(preloaded.mklHeader).doesNotContain("Intel(R) Architecture processors")
                    .contains("Intel(R) Advanced Vector Extensions");
        }
    }

    private record Run(List<Double> metrics, String mklHeader) {
    }

    private Path compileShim() throws Exception {
        Path src = Path.of("src/main/c/mkl_intel_path.c").toAbsolutePath();
        assertThat(src).exists();
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the shim is for Linux x86-64");
        Path so = dir.resolve("libsurprisal-mkl-intel.so");
        for (String cc : new String[] {"cc", "gcc"}) {
            try {
                Process p = new ProcessBuilder(cc, "-O2", "-shared", "-fPIC", "-o", so.toString(), src.toString())
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as("%s failed: %s", cc, out).isZero();
                return so;
            } catch (IOException noSuchCompiler) {
                // try the next name
            }
        }
        assumeTrue(false, "no C compiler (cc or gcc) on PATH");
        return null;
    }

    private Run run(Path preload) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                MklPathChild.class.getName()).redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        if (preload != null) {
            pb.environment().put("LD_PRELOAD", preload.toString());
        }
        pb.environment().put("MKL_VERBOSE", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = pb.start();
        List<Double> metrics = new ArrayList<>();
        String header = "";
        StringBuilder tail = new StringBuilder();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("METRICS ")) {
                for (String v : line.substring(8).trim().split(" ")) {
                    metrics.add(Double.parseDouble(v));
                }
            } else if (line.startsWith("MKL_VERBOSE oneMKL") && header.isEmpty()) {
                header = line;
            } else if (!line.startsWith("MKL_VERBOSE")) {
                tail.append(line).append('\n');
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("child JVM failed:\n%s", tail).isZero();
        return new Run(metrics, header);
    }

    private static boolean amd() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains("AuthenticAMD");
    }
}
