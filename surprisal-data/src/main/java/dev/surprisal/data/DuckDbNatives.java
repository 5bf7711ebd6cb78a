// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Where DuckDB's native library comes from in {@code surprisal.jar}. DuckDB's JDBC loader
 * ({@code org.duckdb.DuckDBNative}) inflates the library (71 MB on Linux x86-64) out of its jar
 * into a new temporary file on every start when the jar holds it under its usual name
 * ({@code libduckdb_java.so_linux_amd64}): 0.5 s of CPU per process, a fifth of a command that
 * reads no data ({@code docs/benchmarks.md}). When the jar does not, the loader maps the file of
 * that name beside the jar as it is. So the build leaves the library out of the shaded jar, puts it
 * beside the jar, and keeps a copy inside under {@value #PACKED} for a jar copied alone:
 * {@link #prepare} writes that copy beside the jar once (the first connection of the first process),
 * and every later process maps it.
 *
 * <p>On any other class path (DuckDB's own jar, as a Maven dependency) DuckDB loads itself and
 * {@link #prepare} does nothing.
 */
public final class DuckDbNatives {
    /** Where the shaded jar keeps its copy of the libraries (one per platform). */
    static final String PACKED = "META-INF/surprisal/duckdb/";
    private static volatile boolean prepared;

    private DuckDbNatives() {
    }

    /**
     * Makes sure DuckDB's loader will find its native library; call before DuckDB's first
     * connection. Cheap after the first call, and on a class path that has DuckDB's own jar.
     *
     * @throws UncheckedIOException if the library must be written beside the jar and cannot be (the
     *                              message names the file, the folder and the fix)
     */
    public static void prepare() {
        if (prepared) {
            return;
        }
        synchronized (DuckDbNatives.class) {
            if (!prepared) {
                prepareOnce();
                prepared = true;
            }
        }
    }

    private static void prepareOnce() {
        String name = libraryName(System.getProperty("os.name"), System.getProperty("os.arch"));
        ClassLoader loader = DuckDbNatives.class.getClassLoader();
        URL packed = loader.getResource(PACKED + name);
        if (packed == null || loader.getResource(name) != null) {
            return; // not the shaded jar, or DuckDB's own jar is on the class path: its loader unpacks
        }
        Path dir;
        try {
            // where DuckDB's loader looks: the folder of the jar holding its classes, links resolved
            Class<?> duckdb = Class.forName("org.duckdb.DuckDBNative", false, loader);
            dir = Path.of(duckdb.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().toRealPath();
        } catch (ClassNotFoundException | URISyntaxException | IOException | RuntimeException e) {
            return; // DuckDB's loader reports what it cannot find
        }
        placeBeside(packed, dir, name);
    }

    /**
     * Writes {@code packed} to {@code dir/name} unless a file of its size is already there; a new
     * file is written under a temporary name and moved into place, so processes that start together
     * never map half a library.
     *
     * @return whether the file was written
     */
    static boolean placeBeside(URL packed, Path dir, String name) {
        Path target = dir.resolve(name);
        removeStaleCopies(dir, name, STALE_MILLIS);
        try {
            URLConnection c = packed.openConnection();
            long size = c.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                c.getInputStream().close();
                return false;
            }
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            // the copy runs on a daemon thread (DriftStore.preloadDuckDb) that a command ending meanwhile cuts
            // short: its half-written 70 MB go with the JVM's exit, not beside the jar for good
            tmp.toFile().deleteOnExit();
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                readableByAll(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        } catch (IOException e) {
            // a file-system refusal like any other (exit 3 in the CLI, with the path), not a bug: the jar was
            // copied alone into a folder this user may not write, and DuckDB's loader only looks beside it
            // the CLI prints a FileSystemException as "FILE: reason", so the reason carries the fix
            String reason = "cannot write DuckDB's native library there (" + e.getClass().getSimpleName()
                    + "): surprisal.jar needs it in its own folder; copy " + name + " from the build folder"
                    + " (surprisal-cli/target/) next to surprisal.jar, or run surprisal once as a user who may write to " + dir;
            FileSystemException refused = new FileSystemException(target.toString(), null, reason);
            refused.initCause(e);
            throw new UncheckedIOException(refused.getMessage(), refused);
        }
    }

    /**
     * A temporary copy untouched for this long is left from a process killed while it wrote (a copy being
     * written is touched with every block; writing the 71 MB takes seconds), so the next start removes it.
     */
    static final long STALE_MILLIS = 10 * 60_000L;

    /**
     * Removes the temporary copies ({@code NAME*.tmp}) a killed process left in {@code dir}, so they do not
     * pile up at 71 MB each: those not written to for {@code staleMillis}, so a copy another process is
     * writing now is left alone. A copy that cannot be removed (another user's) is left too: it breaks nothing.
     *
     * @return how many were removed
     */
    static int removeStaleCopies(Path dir, String name, long staleMillis) {
        int removed = 0;
        long before = System.currentTimeMillis() - staleMillis;
        try (java.nio.file.DirectoryStream<Path> copies = Files.newDirectoryStream(dir, name + "*.tmp")) {
            for (Path p : copies) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() < before
                            && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // not ours to remove, or gone meanwhile: nothing depends on it
                }
            }
        } catch (IOException e) {
            // a folder that cannot be listed: the write below says what is wrong with it, if anything
        }
        return removed;
    }

    /** A temporary file is private to its writer; the library is for every user of the jar. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    /**
     * The file name DuckDB's loader looks for (its {@code DuckDBNative.nativeLibName}), e.g.
     * {@code libduckdb_java.so_linux_amd64}.
     */
    static String libraryName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).trim();
        os = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macos" : os.startsWith("linux") ? "linux"
                : os.replaceAll("[^a-z0-9_\\-.]", "");
        String arch = osArch.toLowerCase(Locale.ROOT).trim();
        arch = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch.replaceAll("[^a-z0-9_\\-.]", "");
        };
        return "libduckdb_java.so_" + os + "_" + arch;
    }
}
