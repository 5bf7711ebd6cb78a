// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.TableLocation;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.RoleOverrides;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed columns say what they are on Spark as on the local engine (issue 9, after roles16's
 * {@code ColumnRoles.typed}): a Parquet file written by DuckDB with BOOLEAN, DECIMAL(18,2), DATE, TIMESTAMP,
 * SMALLINT codes and STRUCT, LIST and MAP columns gets the same roles and the same reasons from
 * {@code drift baseline} and {@code mi} on both engines. Before, Spark called the BOOLEAN column "2 distinct text
 * values" and a nested column "N distinct text values", without saying it is read as its printed form.
 */
@Tag("spark")
class SparkTypedColumnsTest {
    private static final List<String> SCALARS = List.of("paid", "amount", "day", "ts", "code");
    @TempDir
    static Path dir;
    private static Path file;
    private static SparkEngine spark;

    @BeforeAll
    static void write() throws Exception {
        file = dir.resolve("typed.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT CASE WHEN i % 37 = 5 THEN NULL ELSE i % 3 = 0 END AS paid,"
                    + " CAST(i * 1.25 + 0.01 AS DECIMAL(18,2)) AS amount,"
                    + " DATE '2024-01-01' + CAST(i % 40 AS INTEGER) AS day,"
                    + " TIMESTAMP '2024-01-01 06:00:00' + to_minutes(CAST(i * 90 AS BIGINT)) AS ts,"
                    + " CAST(i % 4 AS SMALLINT) AS code,"
                    + " {'city': ['Paris', 'Lyon', 'Oslo'][i % 3 + 1], 'zip': i % 24} AS addr,"
                    + " [i % 4, i % 6] AS tags, MAP {'k': i % 5} AS attrs"
                    + " FROM range(300) t(i)) TO '" + file + "' (FORMAT PARQUET)");
        }
        SparkSession session = TestSpark.session();
        spark = SparkEngine.on(session);
    }

    /** Each column as the {@code columns} preamble prints it: name, role, reason. */
    private static List<String> roles(Profile p) {
        return p.columns().stream().map(c -> c.name() + " " + c.role().label() + ": " + c.reason()).toList();
    }

    @Test
    void driftBaselineGivesTheLocalRolesAndReasons() {
        Profile local = ProfileBuilder.fit(TableReader.open(file), ProfileOptions.defaults());
        Profile onSpark = spark.fit(TableLocation.of(file), null, ProfileOptions.defaults());
        assertThat(roles(onSpark)).isEqualTo(roles(local));
        assertThat(onSpark.column("paid").reason()).isEqualTo("true/false values (BOOLEAN): categorical");
        assertThat(onSpark.column("addr").reason()).contains("distinct STRUCT values")
                .contains("read as its printed form").contains("SELECT addr.<field>");
        assertThat(onSpark.column("tags").reason()).contains("distinct LIST values").contains("unnest(tags)");
        assertThat(onSpark.column("attrs").reason()).contains("distinct MAP values").contains("attrs['<key>']");
        assertThat(roles(onSpark)).noneMatch(r -> r.contains("text values"));
    }

    @Test
    void miGivesTheLocalRolesAndReasons() {
        MiTable local = MiTable.read(file, RoleOverrides.none(), 42);
        MiTable onSpark = spark.miTable(TableLocation.of(file), null, RoleOverrides.none(), 42);
        assertThat(onSpark.decisions()).isEqualTo(local.decisions());
        assertThat(onSpark.leftOut()).isEqualTo(local.leftOut());
        assertThat(onSpark.decision("paid").reason()).isEqualTo("true/false values (BOOLEAN): categorical");
    }

    /** The scalar typed columns' whole profiles (labels, bins, counts, ranges) agree too. */
    @Test
    void scalarTypedColumnsAreProfiledAsLocally() {
        ProfileOptions o = ProfileOptions.defaults().withColumns(SCALARS);
        Profile local = ProfileBuilder.fit(TableReader.open(file), o);
        SparkProfilerTest.assertSameProfile(spark.fit(TableLocation.of(file), null, o), local);
    }
}
