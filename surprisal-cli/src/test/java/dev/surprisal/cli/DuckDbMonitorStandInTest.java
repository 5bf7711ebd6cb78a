// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's stand-in for DuckDB's {@code org.duckdb.JfrMemoryMonitor} (which starts Java Flight Recorder
 * in every process that opens a store): it is the class the driver uses here, a store opens, writes and
 * closes through it, and DuckDB's own class still has exactly the static methods the stand-in provides, so
 * a DuckDB upgrade that changes them fails here instead of at a user's first store.
 */
class DuckDbMonitorStandInTest {
    private static final String NAME = "org.duckdb.JfrMemoryMonitor";

    @Test
    void theDriverUsesTheStandInAndAStoreStillOpensWritesAndCloses(@TempDir Path dir) throws Exception {
        Class<?> used = Class.forName(NAME);
        URL from = used.getProtectionDomain().getCodeSource().getLocation();
        URL duckdb = org.duckdb.DuckDBConnection.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(from).as("the stand-in, not DuckDB's class").isNotEqualTo(duckdb);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("s.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x INTEGER)");
            s.execute("INSERT INTO t VALUES (42)");
            try (ResultSet rs = s.executeQuery("SELECT x FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void duckDbsOwnClassHasTheMethodsOfTheStandIn() throws Exception {
        URL duckdb = org.duckdb.DuckDBConnection.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader only = new URLClassLoader(new URL[] {duckdb}, ClassLoader.getPlatformClassLoader())) {
            Class<?> theirs = Class.forName(NAME, false, only);
            assertThat(theirs.getClassLoader()).isSameAs(only);
            assertThat(signatures(theirs)).isEqualTo(signatures(Class.forName(NAME)));
        }
    }

    /** The static methods a class declares, by name and parameter type names, sorted. */
    private static List<String> signatures(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .map(DuckDbMonitorStandInTest::signature)
                .sorted()
                .toList();
    }

    private static String signature(Method m) {
        return m.getReturnType().getName() + " " + m.getName() + Arrays.stream(m.getParameterTypes())
                .map(Class::getName).toList();
    }
}
