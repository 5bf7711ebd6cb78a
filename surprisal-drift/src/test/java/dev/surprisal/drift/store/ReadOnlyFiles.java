// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a file one this process may read but not write, as a store shared by its owner is for another
 * user. A plain user is refused by the file's mode (0444); root ignores modes, so as root (tests in a
 * container) the file is also made immutable ({@code chattr +i}), which root too may not write.
 * {@link #restore} undoes it, so the test's temporary directory can be removed.
 */
public final class ReadOnlyFiles {
    private ReadOnlyFiles() {
    }

    /**
     * @param file a file to make read-only for this process
     */
    public static void make(Path file) throws IOException, InterruptedException {
        assertThatItWorked(file.toFile().setWritable(false, false));
        if (Files.isWritable(file)) { // root: the mode alone does not stop it
            run("chattr", "+i", file.toString());
        }
        // a machine where neither works cannot show this behaviour; say why rather than pass vacuously
        Assumptions.assumeFalse(Files.isWritable(file), "neither the mode nor chattr +i makes " + file
                + " read-only for this process (root without CAP_LINUX_IMMUTABLE?)");
    }

    /**
     * @param file a file made read-only by {@link #make}
     */
    public static void restore(Path file) throws IOException, InterruptedException {
        if (Files.exists(file)) {
            run("chattr", "-i", file.toString());
            file.toFile().setWritable(true, true);
        }
    }

    private static void assertThatItWorked(boolean done) {
        if (!done) {
            throw new IllegalStateException("setWritable(false) failed");
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes(); // chattr's complaint, if any, is read by the assumption above
        p.waitFor();
    }
}
