// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a path the user named is, when it is not a regular file the program can read: the one
 * classification every verb uses (data files, notes, {@code file}), so a named pipe is never
 * called "empty" because its size reads 0, and a {@code /proc} file (regular, size 0, yet with
 * content) is never measured as 0 bytes.
 */
public final class PathKind {
    private PathKind() {
    }

    /**
     * Why {@code file} cannot be read as a regular file, or null when it can (an empty regular file
     * can: whether empty is an error is the caller's decision).
     *
     * @param file the path as the user gave it
     * @return null, or a phrase to follow the path: "the file name is empty", "no such file", "a directory, not a file",
     *         "a named pipe (FIFO), not a regular file", "a character device, not a regular file",
     *         "a symbolic link loop", "cannot be read (permission denied)", or, for a file whose
     *         size reads 0 bytes though it has content, "a special file whose size reads 0 bytes
     *         (as in /proc), not a regular file"
     */
    public static String problem(Path file) {
        if (file.toString().isEmpty()) {
            return "the file name is empty"; // Path.of("") is the working directory: never "a directory"
        }
        if (!Files.exists(file)) {
            return Files.isSymbolicLink(file) ? linkProblem(file) : "no such file";
        }
        if (Files.isDirectory(file)) {
            return "a directory, not a file";
        }
        if (!Files.isRegularFile(file)) {
            return kind(file) + ", not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "cannot be read (permission denied)";
        }
        try {
            if (Files.size(file) == 0) {
                // only now is it safe to open: a FIFO would block, and it was refused above
                try (InputStream in = Files.newInputStream(file)) {
                    if (in.read() >= 0) {
                        return "a special file whose size reads 0 bytes (as in /proc), not a regular file";
                    }
                }
            }
        } catch (IOException e) {
            return "cannot be read (" + e.getClass().getSimpleName() + ")";
        }
        return null;
    }

    private static String linkProblem(Path file) {
        try {
            file.toRealPath();
            return "no such file";
        } catch (FileSystemException e) {
            String reason = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
            if (reason.contains("too many levels")) {
                return "a symbolic link loop";
            }
            try {
                return "a symbolic link to " + Files.readSymbolicLink(file) + ", which does not exist";
            } catch (IOException again) {
                return "a broken symbolic link";
            }
        } catch (IOException e) {
            return "a broken symbolic link";
        }
    }

    /** What a non-regular, non-directory file is, from its Unix mode when the platform gives it. */
    private static String kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "a named pipe (FIFO)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
