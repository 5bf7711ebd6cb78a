// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbNativesTest {
    @Test
    void theLibraryIsNamedAsDuckDbsLoaderNamesIt() {
        // the names of the entries in duckdb_jdbc-2.0.0.1.jar, from the JVM's os.name and os.arch
        assertThat(DuckDbNatives.libraryName("Linux", "amd64")).isEqualTo("libduckdb_java.so_linux_amd64");
        assertThat(DuckDbNatives.libraryName("Linux", "x86_64")).isEqualTo("libduckdb_java.so_linux_amd64");
        assertThat(DuckDbNatives.libraryName("Linux", "aarch64")).isEqualTo("libduckdb_java.so_linux_arm64");
        assertThat(DuckDbNatives.libraryName("Mac OS X", "aarch64")).isEqualTo("libduckdb_java.so_macos_arm64");
        assertThat(DuckDbNatives.libraryName("Windows 11", "amd64")).isEqualTo("libduckdb_java.so_windows_amd64");
        assertThat(DuckDbNatives.libraryName("FreeBSD", "riscv64")).isEqualTo("libduckdb_java.so_freebsd_riscv64");
    }

    @Test
    void theDuckDbJarOnTheTestClassPathLoadsItselfAndPrepareLeavesItAlone() throws Exception {
        // DuckDB's own jar holds the library under its usual name: nothing to place, and a connection works
        DuckDbNatives.prepare();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT 6 * 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void theCopyIsWrittenBesideTheJarOnceAndReadableByAll(@TempDir Path dir) throws Exception {
        Path packed = dir.resolve("packed.bin");
        Files.write(packed, new byte[] {1, 2, 3, 4, 5});
        Path jarDir = Files.createDirectory(dir.resolve("jar"));
        URL url = packed.toUri().toURL();

        assertThat(DuckDbNatives.placeBeside(url, jarDir, "libduckdb_java.so_linux_amd64")).isTrue();
        Path beside = jarDir.resolve("libduckdb_java.so_linux_amd64");
        assertThat(Files.readAllBytes(beside)).containsExactly(1, 2, 3, 4, 5);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(beside))).isEqualTo("rw-r--r--");
        // a second process finds it and writes nothing; no temporary file is left behind
        assertThat(DuckDbNatives.placeBeside(url, jarDir, "libduckdb_java.so_linux_amd64")).isFalse();
        try (var files = Files.list(jarDir)) {
            assertThat(files).containsExactly(beside);
        }
    }

    @Test
    void aCopyLeftByAKilledStartIsRemovedAndACopyBeingWrittenIsNot(@TempDir Path dir) throws Exception {
        // review13a: a start killed while the preload thread copied left NAME<random>.tmp (71 MB) for good, one
        // more per killed start, even once the library was in place
        Path packed = dir.resolve("packed.bin");
        Files.write(packed, new byte[] {1, 2, 3, 4, 5});
        Path jarDir = Files.createDirectory(dir.resolve("jar"));
        String name = "libduckdb_java.so_linux_amd64";
        Path killed = Files.write(jarDir.resolve(name + "8123456.tmp"), new byte[] {1, 2});
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - DuckDbNatives.STALE_MILLIS - 60_000));
        Path writing = Files.write(jarDir.resolve(name + "99.tmp"), new byte[] {1}); // another process, now
        Path other = Files.write(jarDir.resolve("notes.tmp"), new byte[] {7}); // not ours

        assertThat(DuckDbNatives.placeBeside(packed.toUri().toURL(), jarDir, name)).isTrue();
        assertThat(killed).doesNotExist();
        assertThat(writing).exists();
        assertThat(other).exists();
        assertThat(Files.readAllBytes(jarDir.resolve(name))).containsExactly(1, 2, 3, 4, 5);

        // the library already in place: a start still clears what a killed one left
        Path killedAgain = Files.write(jarDir.resolve(name + "777.tmp"), new byte[] {1, 2});
        Files.setLastModifiedTime(killedAgain, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(DuckDbNatives.placeBeside(packed.toUri().toURL(), jarDir, name)).isFalse();
        assertThat(killedAgain).doesNotExist();
    }

    @Test
    void aFileOfAnotherSizeIsReplaced(@TempDir Path dir) throws Exception {
        // e.g. the library of an older DuckDB left beside a newer jar
        Path packed = dir.resolve("packed.bin");
        Files.write(packed, new byte[] {1, 2, 3, 4, 5});
        Files.write(dir.resolve("lib"), new byte[] {9, 9});

        assertThat(DuckDbNatives.placeBeside(packed.toUri().toURL(), dir, "lib")).isTrue();
        assertThat(Files.readAllBytes(dir.resolve("lib"))).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path packed = dir.resolve("packed.bin");
        Files.write(packed, new byte[] {1});
        Path missing = dir.resolve("no-such-folder");

        assertThatThrownBy(() -> DuckDbNatives.placeBeside(packed.toUri().toURL(), missing, "libduckdb_java.so_linux_amd64"))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(missing.resolve("libduckdb_java.so_linux_amd64").toString())
                .hasMessageContaining("copy libduckdb_java.so_linux_amd64 from the build folder");
    }
}
