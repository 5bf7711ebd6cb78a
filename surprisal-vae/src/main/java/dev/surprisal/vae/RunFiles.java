// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.vae;

import dev.surprisal.core.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
     * @throws IOException when the directory cannot be written or {@code body} fails: a
     *                     {@link FileSystemException} naming {@code target} (never the temporary
     *                     file) and the reason; {@code target} is then unchanged, and directories
     *                     created for it are removed again
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path created = firstMissing(dir);
        Path tmp = null;
        boolean written = false;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            written = true;
        } catch (IOException e) {
            // the temporary file's name means nothing to the user: name the file asked for, and why
            FileSystemException named = new FileSystemException(target.toString(), null, "cannot write it: " + reason(e));
            named.initCause(e);
            throw named;
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            if (!written && created != null) {
                removeEmpty(dir, created);
            }
        }
    }

    /** The reason of a file-system failure in words, without the (temporary) path it names. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The outermost directory of {@code dir} that does not exist yet (created by a write), or null. */
    private static Path firstMissing(Path dir) {
        Path missing = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the directories a failed write created, from {@code dir} up to {@code top}, while empty. */
    private static void removeEmpty(Path dir, Path top) {
        for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return;
            }
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
