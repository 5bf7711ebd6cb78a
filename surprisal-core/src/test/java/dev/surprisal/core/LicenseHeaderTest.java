// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java source file of the repository starts with the licence header (Apache-2.0, as LICENSE and
 * NOTICE say). {@code tools/license-headers.py} adds it where it is missing.
 */
class LicenseHeaderTest {
    @Test
    void everyJavaFileHasTheLicenceHeader() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // the module's parent: the repository
        assertThat(root.resolve("LICENSE")).exists();
        assertThat(root.resolve("NOTICE")).exists();
        List<Path> missing;
        try (Stream<Path> files = Files.walk(root)) {
            missing = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> !startsWithHeader(p)).toList();
        }
        assertThat(missing).as("run /usr/bin/python3 tools/license-headers.py").isEmpty();
    }

    private static boolean startsWithHeader(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).startsWith("// SPDX-License-Identifier: Apache-2.0\n");
        } catch (IOException e) {
            return false;
        }
    }
}
