// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RunFilesTest {
    @TempDir
    Path dir;

    /** A failed write names the file asked for (never its temporary file) and leaves nothing: no temporary file, no new directory. */
    @Test
    void aFailedWriteNamesTheTargetAndLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("made/for/it/kl.png");
        Throwable t = catchThrowable(() -> RunFiles.write(target, out -> {
            out.write(1);
            throw new IOException("No space left on device");
        }));
        assertThat(t).isInstanceOf(FileSystemException.class)
                .hasMessage(target + ": cannot write it: No space left on device");
        assertThat(t.getMessage()).doesNotContain(".tmp");
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left).containsExactly(dir);
        }
        // a directory that existed before stays, with the old file unchanged
        Path kept = Files.writeString(dir.resolve("kept.txt"), "old");
        catchThrowable(() -> RunFiles.write(kept, out -> {
            throw new IOException("boom");
        }));
        assertThat(Files.readString(kept, StandardCharsets.UTF_8)).isEqualTo("old");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(kept);
        }
        RunFiles.write(target, out -> out.write('x'));
        assertThat(Files.readAllBytes(target)).containsExactly('x');
    }
}
