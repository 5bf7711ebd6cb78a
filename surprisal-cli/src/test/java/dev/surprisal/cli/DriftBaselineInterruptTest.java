// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.drift.store.DriftStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on {@code drift baseline} (issue 9: {@code timeout -s INT 12 surprisal drift baseline …} printed
 * nothing): a child process is stopped by SIGINT while it profiles (before the store is written) and just
 * after the store's commit, and says which, and the store holds what it says.
 */
class DriftBaselineInterruptTest {
    /** The pause hook of {@code drift baseline} (InterruptReport.PAUSE_PROPERTY). */
    private static final String PAUSE = "surprisal.test.pauseAtWrite";

    @TempDir
    Path dir;

    private Path orders(String name, int rows) throws IOException {
        SplittableRandom rng = new SplittableRandom(rows);
        StringBuilder b = new StringBuilder("order_id,amount,paid\n");
        for (int i = 0; i < rows; i++) {
            b.append(String.format(Locale.ROOT, "A%06d,%.2f,%d%n", i, 50 + rng.nextGaussian() * 10, rng.nextInt(2)));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    /** Runs {@code drift baseline} of monitor m on {@code data} in a child JVM paused at {@code where}, then sends it SIGINT. */
    private String[] interruptedAt(String where, Path data, String store) throws Exception {
        Path err = dir.resolve(where + ".err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + PAUSE + "=" + where, "-cp", System.getProperty("java.class.path"),
                SurprisalCommand.class.getName(), "drift", "baseline", "--monitor", "m", "--data", data.toString(),
                "--store", store, "--quiet").redirectError(err.toFile()).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("PAUSE " + where)) {
                out.append(line).append('\n');
            }
            assertThat(line).as("the child reached " + where + "; it printed: " + out + Files.readString(err))
                    .isNotNull();
            // a JVM started with SIGINT ignored (a background job of a non-interactive shell) keeps ignoring it:
            // then SIGTERM, which runs the same shutdown hooks, stands in for Ctrl-C
            String signal = sigintIgnored() ? "TERM" : "INT";
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child stopped").isTrue();
            assertThat(p.exitValue()).as("killed by the signal").isIn(130, 143);
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        return new String[] {out.toString(), Files.readString(err)};
    }

    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // SIGINT is signal 2
            }
        }
        return false;
    }

    /** Monitor m's baseline of 2,000 rows (version 1), then a baseline of 3,000 rows interrupted at {@code where}. */
    private String[] replacingInterruptedAt(String where, String store) throws Exception {
        assertThat(Cli.run("drift", "baseline", "--monitor", "m", "--data", orders("old.csv", 2000).toString(),
                "--store", store, "--quiet").code()).isZero();
        return interruptedAt(where, orders("new.csv", 3000), store);
    }

    @Test
    void interruptedWhileProfilingItSaysNothingWasWrittenAndTheOldBaselineStands() throws Exception {
        String store = dir.resolve("drift.duckdb").toString();
        String[] said = replacingInterruptedAt("before-write", store);
        assertThat(said[1]).contains("surprisal: interrupted: nothing written to " + store + "; monitor 'm' keeps the "
                + "baseline it had").doesNotContain("written to " + store + "\n");
        assertThat(said[0]).doesNotContain("written to");
        try (DriftStore s = DriftStore.open(store)) {
            DriftStore.Reference ref = s.reference("m").orElseThrow();
            assertThat(ref.version()).isEqualTo(1);
            assertThat(ref.profile().rows()).isEqualTo(2000);
        }
    }

    @Test
    void interruptedJustAfterTheCommitItSaysTheBaselineWasWritten() throws Exception {
        String store = dir.resolve("drift.duckdb").toString();
        String[] said = replacingInterruptedAt("after-write", store);
        // before: nothing at all, though the new baseline was in the store
        assertThat(said[1]).contains("surprisal: interrupted after the store was written: baseline 'm' (version 2): "
                + "written to " + store);
        try (DriftStore s = DriftStore.open(store)) {
            DriftStore.Reference ref = s.reference("m").orElseThrow();
            assertThat(ref.version()).isEqualTo(2);
            assertThat(ref.profile().rows()).isEqualTo(3000);
        }
    }
}
