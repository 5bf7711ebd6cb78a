// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads come from memory until this process writes; a write is visible to the next read. */
class StoreGateTest {
    @TempDir
    Path dir;

    @Test
    void aReadIsKeptUntilAWriteAndAWriteIsSeenAtOnce() {
        StoreGate gate = new StoreGate(dir.resolve("s.duckdb").toString());
        gate.with(s -> s.monitors()); // creates the store
        AtomicInteger opened = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            java.util.List<String> names = gate.read("monitors", s -> {
                opened.incrementAndGet();
                return s.monitors();
            });
            assertThat(names).isEmpty();
        }
        assertThat(opened).hasValue(1);
        gate.with(s -> {
            try (var st = s.connection().createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS probe(x INTEGER)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        gate.read("monitors", s -> {
            opened.incrementAndGet();
            return s.monitors();
        });
        assertThat(opened).hasValue(2);
        gate.read("other-key", s -> {
            opened.incrementAndGet();
            return s.monitors();
        });
        assertThat(opened).hasValue(3);
    }
}
