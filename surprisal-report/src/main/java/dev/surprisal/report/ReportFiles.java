// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report so that readers see either the old file or the whole new one, never half of
 * it: the text goes to a temporary file in the same directory, is forced to disk, and is then
 * renamed over the target. A target that exists but is not a regular file (a directory, a device
 * such as {@code /dev/full}, a FIFO) is refused, never replaced. The file's mode follows the
 * umask, as for any file the user's programs create (a report holds no secret).
 */
public final class ReportFiles {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ReportFiles() {
    }

    /** A report could not be written; {@link #getMessage()} is the reason in plain words. */
    public static final class WriteFailure extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * Writes {@code text} to {@code file} in UTF-8, atomically.
     *
     * @param file the target
     * @param text the content
     * @throws WriteFailure with a short reason ("no such directory", "a directory, not a file",
     *                      "no space left on device", "permission denied", …)
     */
    public static void writeAtomically(Path file, String text) throws WriteFailure {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new WriteFailure("a directory, not a file", null);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
            throw new WriteFailure("not a regular file", null);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new WriteFailure("no such directory" + (dir == null ? "" : " (" + dir + ")"), null);
        }
        Path tmp = null;
        try {
            // created like any other output, so the mode follows the umask (createTempFile would make it
            // 0600); a report holds what the command prints, no secret
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new WriteFailure("permission denied", e);
        } catch (NoSuchFileException e) {
            throw new WriteFailure("no such directory", e);
        } catch (FileSystemException e) {
            throw new WriteFailure(e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT)
                    : String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new WriteFailure(m.toLowerCase(java.util.Locale.ROOT).contains("no space") ? "no space left on device"
                    : m, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the write already failed and says why
                }
            }
        }
    }
}
