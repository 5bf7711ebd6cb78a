// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * audit16 D3, D4: the reasons of typed columns say what they are. A BOOLEAN column is categorical for its
 * true/false values, not for "2 distinct text values"; a STRUCT or LIST column is measured as its printed form, and
 * the reason says so and how to measure its parts.
 */
class TypedSourceReasonTest {
    @TempDir
    Path dir;

    @Test
    void booleanStructAndListColumnsOfAParquetFileSayWhatTheyAre() throws Exception {
        Path pq = dir.resolve("typed.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i % 3 = 0 AS paid, {'city': ['Paris', 'Lyon', 'Oslo'][i % 3 + 1], 'zip': i % 24}"
                    + " AS addr, [i % 4, i % 6] AS tags, i * 1.5 + 0.25 AS amount FROM range(48) t(i))"
                    + " TO '" + pq + "' (FORMAT PARQUET)");
        }
        ColumnRoles roles = ColumnRoles.detect(TableReader.open(pq), RoleOverrides.none());

        assertThat(roles.role("paid")).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(roles.decision("paid").reason()).isEqualTo("true/false values (BOOLEAN): categorical");
        assertThat(roles.decision("addr").reason())
                .startsWith("24 distinct STRUCT values: categorical")
                .contains("read as its printed form").contains("SELECT addr.<field>")
                .doesNotContain("text values");
        assertThat(roles.decision("tags").reason())
                .startsWith("12 distinct LIST values: categorical")
                .contains("read as its printed form").contains("unnest(tags)");
        assertThat(roles.decision("amount").reason()).doesNotContain("STRUCT").doesNotContain("LIST");
    }

    @Test
    void aRoleTheUserSetKeepsItsReason() throws Exception {
        Path pq = dir.resolve("b.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT i % 2 = 0 AS paid FROM range(10) t(i)) TO '" + pq + "' (FORMAT PARQUET)");
        }
        ColumnRoles roles = ColumnRoles.detect(TableReader.open(pq),
                RoleOverrides.none().withRole("paid", ColumnRole.CATEGORICAL));
        assertThat(roles.decision("paid").reason()).contains("set by --role");
    }
}
