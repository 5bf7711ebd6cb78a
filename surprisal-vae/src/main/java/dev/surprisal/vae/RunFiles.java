// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files of a run written whole or not at all: each is written to a temporary file in the same
 * directory and renamed onto its name in one atomic step, so a crash, a full disk or a kill leaves
 * either the old file or the new one, never half of one.
 */
public final class RunFiles {
    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out the stream of the temporary file
         * @throws IOException when writing fails; the temporary file is then removed
         */
        void write(OutputStream out) throws IOException;
    }

    private RunFiles() {
    }

    /**
     * Writes {@code target} atomically: to {@code .NAME.*.tmp} next to it, then renamed onto it.
     *
     * @param target the file to write or replace
     * @param body   writes the content
     * @throws IOException when the directory cannot be written or {@code body} fails; {@code target}
     *                     is then unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks, before any work, that {@code file} can be an output file: it is not a directory or a
     * special file, and its directory can be created.
     *
     * @param name the parameter's name, used in the message (a front end shows its option instead)
     * @param file the output file
     * @throws ValidationException when {@code file} is a directory or not a regular file
     */
    public static void checkOutputFile(String name, Path file) {
        if (Files.isDirectory(file)) {
            throw new ValidationException(name + ": " + file + " is a directory; give a file name, such as "
                    + file.resolve("plot.png"));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ValidationException(name + ": " + file + " exists and is not a regular file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new ValidationException(name + ": " + parent + " is a file, not a directory");
        }
    }
}
