// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A temporary directory for one fuzz container, with a fresh subdirectory per try. */
final class Sandbox {
    /** Per run; generous, because the suite runs next to other builds on a 2-core machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final Path root;
    private int counter;

    Sandbox(String prefix) throws IOException {
        root = Files.createTempDirectory(prefix);
    }

    /** A fresh directory for one try. */
    Path fresh() throws IOException {
        return Files.createDirectories(root.resolve("case-" + (++counter)));
    }

    /** How many tries so far; seeds the damage a try does, so a failing try can be replayed. */
    int tries() {
        return counter;
    }

    /** Runs {@code args} in-process and checks {@link Run#check}; {@code outputs} must not be written by a failed run. */
    static Run run(Path dir, List<Path> outputs, List<String> args) throws IOException {
        List<Boolean> before = Run.existence(outputs);
        return Run.inProcess(TIMEOUT, args.toArray(String[]::new)).check(dir, outputs, before);
    }

    /** Adds {@code --report DIR/name} to {@code args} and the report to {@code outputs} when {@code report}. */
    static void report(boolean report, Path dir, String name, List<String> args, List<Path> outputs) {
        if (report) {
            Path file = dir.resolve(name);
            outputs.add(file);
            args.add("--report");
            args.add(file.toString());
        }
    }

    void delete() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
