// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ReportFilesTest {
    @Test
    void aReportGetsTheModeAnyNewFileGetsUnderTheUmaskAndNoTemporaryFileIsLeft(@TempDir Path dir) throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        Path plain = Files.createFile(dir.resolve("plain.txt")); // 0666 less the umask, as the shell's > gives
        Path report = dir.resolve("notes.html");
        ReportFiles.writeAtomically(report, "<html></html>\n");
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(report)).isEqualTo("<html></html>\n");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "notes.html");
        }
    }
}
