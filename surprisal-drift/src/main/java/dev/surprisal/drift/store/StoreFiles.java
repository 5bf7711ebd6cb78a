// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What the file system lets this process do with a DuckDB store file, asked before DuckDB opens it, so
 * that a file the user may only read is opened read-only (or refused for writing with the reason in the
 * user's terms) instead of failing with DuckDB's "IO Error: Cannot open file …: Permission denied".
 */
final class StoreFiles {
    private StoreFiles() {
    }

    /**
     * Why this process may not write the DuckDB store {@code file}, or null when it may. DuckDB writes
     * the file and a journal beside it ({@code NAME.wal}, created on each write): a directory the user
     * may not write makes every commit fail, so it makes the store read-only too. A file that does not
     * exist yet is writable when its directory is (or does not exist yet: it is created).
     *
     * @param file the store's file (absolute)
     * @return the reason in words, naming the user and the file's mode and owner; null when writable
     */
    static String readOnlyReason(Path file) {
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "this process, run as " + user() + ", may not write the file" + modeOf(file);
        }
        Path dir = file.getParent();
        if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
            return "this process, run as " + user() + ", may not create files in its directory " + dir
                    + ", where DuckDB writes its journal " + file.getFileName() + ".wal" + modeOf(dir);
        }
        return null;
    }

    /**
     * Why this process may not read the existing DuckDB store {@code file}, or null when it may.
     *
     * @param file the store's file (absolute)
     * @return the reason in words; null when readable or absent
     */
    static String unreadableReason(Path file) {
        if (Files.exists(file) && !Files.isReadable(file)) {
            return "this process, run as " + user() + ", may not read the file" + modeOf(file);
        }
        return null;
    }

    private static String user() {
        return System.getProperty("user.name", "this user");
    }

    /** {@code ": mode r--r--r--, owner root"}, or "" where the file system has no POSIX modes. */
    private static String modeOf(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            return ": mode " + PosixFilePermissions.toString(a.permissions()) + ", owner " + a.owner().getName();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }
}
