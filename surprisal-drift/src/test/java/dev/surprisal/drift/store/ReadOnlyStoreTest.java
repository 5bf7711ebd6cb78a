// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store this process may only read (a colleague's file, mode 0444) is read, never written, and a
 * write is refused saying so; a store of a newer schema is refused naming both versions.
 */
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    /** A store with monitor m's baseline and two checks. */
    private Path storeWithTwoChecks(String name) {
        Path store = dir.resolve(name);
        try (DriftStore s = DriftStore.open(store.toString())) {
            s.saveBaseline("m", StoreFixtures.REFERENCE);
            for (int i = 1; i <= 2; i++) {
                var day = StoreFixtures.day(10 + i, 0);
                s.recordCheck("m", "2024-01-0" + i, day, StoreFixtures.report(day), List.of());
            }
        }
        return store;
    }

    @Test
    void aStoreThisProcessMayNotWriteIsReadReadOnlyAndRefusedForWritingWithTheReason() throws Exception {
        Path store = storeWithTwoChecks("ro.duckdb");
        StoreUrl url = StoreUrl.parse(store.toString());
        ReadOnlyFiles.make(store);
        try {
            byte[] before = Files.readAllBytes(store);
            // before: "cannot open: IO Error: Cannot open file …: Permission denied", for reading too
            try (DriftStore s = DriftStore.openReadOnly(url, 10_000)) {
                assertThat(s.history("m", null)).extracting(HistoryPoint::at).containsOnly("2024-01-01", "2024-01-02");
                assertThat(s.reference("m")).isPresent();
            }
            assertThatThrownBy(() -> DriftStore.open(url, false, 10_000)).isInstanceOf(ReadOnlyStoreException.class)
                    .hasMessageContaining("the store " + store + " is read-only (this process, run as "
                            + System.getProperty("user.name") + ", may not write the file")
                    .hasMessageContaining("nothing was written to it").hasMessageNotContaining("IO Error");
            assertThat(Files.readAllBytes(store)).isEqualTo(before);
            assertThat(Files.exists(dir.resolve("ro.duckdb.wal"))).isFalse();
        } finally {
            ReadOnlyFiles.restore(store);
        }
    }

    @Test
    void aWriteOnAStoreOpenedReadOnlyIsRefusedAsReadOnlyAndWritesNothing() {
        Path store = storeWithTwoChecks("s.duckdb");
        try (DriftStore s = DriftStore.openReadOnly(StoreUrl.parse(store.toString()), 10_000)) {
            var day = StoreFixtures.day(99, 0);
            assertThatThrownBy(() -> s.recordCheck("m", "2024-01-03", day, StoreFixtures.report(day), List.of()))
                    .isInstanceOf(ReadOnlyStoreException.class).hasMessageContaining("is read-only (it refused to "
                            + "record the check of m");
            assertThatThrownBy(() -> s.saveBaseline("m", StoreFixtures.REFERENCE))
                    .isInstanceOf(ReadOnlyStoreException.class);
        }
        try (DriftStore s = DriftStore.open(store.toString())) {
            assertThat(s.counts()).as("runs, score rows, partial runs, duplicated runs").containsExactly(2, 6, 0, 0);
            assertThat(s.reference("m").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void readersOfOneStoreDoNotWaitForEachOther() {
        Path store = storeWithTwoChecks("shared.duckdb");
        StoreUrl url = StoreUrl.parse(store.toString());
        // a second process's read-only open of a file held read-only: DuckDB's shared lock; in one JVM the
        // driver opens a second instance of the file, which is what another process does
        try (DriftStore a = DriftStore.openReadOnly(url, 0); DriftStore b = DriftStore.openReadOnly(url, 0)) {
            assertThat(a.monitors()).isEqualTo(b.monitors()).containsExactly("m");
        }
    }

    @Test
    void aReaderBesideThisJvmsOwnWriterSharesItAndAWriterBesideAReaderWaitsAsForALock() {
        Path store = storeWithTwoChecks("embedded.duckdb");
        StoreUrl url = StoreUrl.parse(store.toString());
        // DuckDB refuses a second access mode on a file open in the same JVM ("Can't open a connection to same
        // database file with a different configuration"): an embedded server holds its store for writing
        try (DriftStore writer = DriftStore.open(url, false, 1_000)) {
            try (DriftStore reader = DriftStore.openReadOnly(url, 1_000)) {
                assertThat(reader.history("m", null)).hasSize(6);
            }
            assertThat(writer.monitors()).containsExactly("m");
        }
        try (DriftStore reader = DriftStore.openReadOnly(url, 1_000)) {
            assertThatThrownBy(() -> DriftStore.open(url, false, 300)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another process").hasMessageContaining("waited 300 ms");
            assertThat(reader.monitors()).containsExactly("m");
        }
    }

    @Test
    void aStoreOfANewerSchemaIsRefusedNamingBothVersionsAndNeverWritten() throws Exception {
        Path store = storeWithTwoChecks("newer.duckdb");
        try (DriftStore s = DriftStore.open(store.toString()); Statement st = s.connectionForTest().createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (" + (StoreSchema.CURRENT + 1) + ", now())");
        }
        byte[] before = Files.readAllBytes(store);
        StoreUrl url = StoreUrl.parse(store.toString());
        String said = "store " + store + " has schema " + (StoreSchema.CURRENT + 1) + ", this Surprisal reads up to "
                + StoreSchema.CURRENT + ": a newer Surprisal wrote it; upgrade Surprisal";
        assertThatThrownBy(() -> DriftStore.open(url, false, 10_000)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(said);
        assertThatThrownBy(() -> DriftStore.openReadOnly(url, 10_000)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(said);
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void anOlderStoreIsUpgradedOnceByAReaderThatMayWriteItAndLeftAsItIsByOneThatMayNot() throws Exception {
        Path writable = dir.resolve("v2.duckdb");
        Path readOnly = dir.resolve("v2-ro.duckdb");
        try (InputStream in = getClass().getResourceAsStream("compat/store-v2.duckdb")) {
            byte[] v2 = in.readAllBytes();
            Files.write(writable, v2);
            Files.write(readOnly, v2);
        }
        try (DriftStore s = DriftStore.openReadOnly(StoreUrl.parse(writable.toString()), 10_000)) {
            assertThat(s.schemaVersion()).isEqualTo(StoreSchema.CURRENT);
            assertThat(s.history("orders", null)).hasSize(6);
        }
        ReadOnlyFiles.make(readOnly);
        try {
            byte[] before = Files.readAllBytes(readOnly);
            assertThatThrownBy(() -> DriftStore.openReadOnly(StoreUrl.parse(readOnly.toString()), 10_000))
                    .isInstanceOf(StoreException.class).hasMessageContaining("has schema 2, written by an older "
                            + "Surprisal; this one reads schema " + StoreSchema.CURRENT)
                    .hasMessageContaining("may not write the file").hasMessageContaining("as a user who may write it");
            assertThat(Files.readAllBytes(readOnly)).isEqualTo(before);
        } finally {
            ReadOnlyFiles.restore(readOnly);
        }
    }

    @Test
    void aReadOnlyOpenCreatesNothing() throws Exception {
        Path absent = dir.resolve("none.duckdb");
        assertThatThrownBy(() -> DriftStore.openReadOnly(StoreUrl.parse(absent.toString()), 1_000))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("no store at " + absent);
        assertThat(Files.exists(absent)).isFalse();
        // a DuckDB database without the store's tables (another program's) is no store, and stays as it was
        Path other = dir.resolve("other.duckdb");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x INTEGER)");
        }
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> DriftStore.openReadOnly(StoreUrl.parse(other.toString()), 1_000))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("no store at " + other);
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
    }
}
