// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Parquet file's typed number columns on DuckDB's SQL path (files over 10⁶ rows; here forced with
 * the Java path switched off) are read as their values ({@link TypedColumns}), as the in-memory
 * path reads them: NaN missing, ±∞ numbers, no invalid cell, FLOAT as the value it holds. The two
 * paths must give the same profile, fitted and counted, with a small edge sample (1,000 rows) so
 * that the key-threshold fetch of the samples, the doubling of its threshold (a mostly-NULL
 * column) and the all-values fetch (a column of 600 finite values) all run. The one allowed
 * difference: the SQL path does not count the distinct values of a continuous column of fractions
 * exactly, and its reason says "at least N" with N the distinct values of the edge sample.
 */
class TypedParquetPathTest {
    @TempDir
    static Path dir;
    private static Path ref;
    private static Path day;
    private static final ProfileOptions SMALL_SAMPLE = new ProfileOptions(20, ProfileOptions.defaults().topK(),
            ProfileOptions.defaults().minCategoryCount(), 1000, false, RoleOverrides.none());

    @BeforeAll
    static void files() throws Exception {
        ref = dir.resolve("ref.parquet");
        day = dir.resolve("day.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            write(st, ref, 30_000, 0.0);
            write(st, day, 12_000, 0.5);
        }
    }

    private static void write(Statement st, Path file, int rows, double shift) throws Exception {
        st.execute("SELECT setseed(0.25)");
        st.execute("COPY (SELECT "
                + "CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN 'NaN'::DOUBLE WHEN i % 83 = 0 THEN 'inf'::DOUBLE "
                + "WHEN i % 79 = 0 THEN '-inf'::DOUBLE ELSE " + shift + " + random() * 10 END AS score, "
                + "i::BIGINT AS order_id, "
                + "CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 7) % 5 END::INTEGER AS items, "
                + "(random() * 3 + " + shift + ")::FLOAT AS ratio, "
                + "floor(random() * 400)::DOUBLE AS whole, "
                + "CASE WHEN i % 50 = 0 THEN random() END AS sparse, "
                + "CASE WHEN i % 7 = 0 THEN random() END AS thin, "
                + "CASE WHEN i = 29999 THEN 9 ELSE i % 3 END::SMALLINT AS rare, "
                + "CASE WHEN i % 13 = 0 THEN 'NA' ELSE 'c' || (i % 4) END AS city "
                + "FROM range(" + rows + ") t(i)) TO '" + file + "' (FORMAT PARQUET)");
    }

    @Test
    void typedColumnsGiveTheInMemoryProfileOnTheSqlPath() {
        Profile java = ProfileBuilder.fit(TableReader.open(ref), SMALL_SAMPLE);
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), SMALL_SAMPLE));
        assertThat(sql.column("score").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(sql.column("order_id").role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(sql.column("items").role()).isEqualTo(ColumnRole.DISCRETE);
        assertThat(sql.column("rare").role()).as("3 values in the sample, 4 in the file").isEqualTo(ColumnRole.DISCRETE);
        assertThat(sql.column("rare").reason()).startsWith("4 distinct values");
        assertThat(sql.column("whole").reason()).as("whole numbers: counted exactly").startsWith("400 distinct integers");
        assertThat(sql.column("score").missing()).as("NULL and NaN").isEqualTo(java.column("score").missing()).isPositive();
        assertThat(sql.column("score").invalid()).isZero();
        for (String c : new String[] {"score", "ratio", "thin"}) {
            // a fraction column: the sample's distinct values, a lower bound, and said to be one
            String reason = sql.column(c).reason();
            assertThat(reason).as(c).startsWith("at least ");
            long atLeast = Long.parseLong(reason.substring(9, reason.indexOf(' ', 9)).replace(",", ""));
            String exact = java.column(c).reason();
            long distinct = Long.parseLong(exact.substring(0, exact.indexOf(' ')).replace(",", ""));
            assertThat(atLeast).as(c).isGreaterThan(20).isLessThanOrEqualTo(distinct);
            assertThat(sql.column(c).role()).isEqualTo(java.column(c).role());
        }
        CsvPathTest.assertSameProfile("typed parquet fit", withoutReasons(java), withoutReasons(sql));
        Profile counted = ProfileBuilder.count(java, TableReader.open(day));
        Profile countedSql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(java, TableReader.open(day)));
        CsvPathTest.assertSameProfile("typed parquet count", counted, countedSql);
        assertThat(countedSql.column("sparse").sample().size()).as("240 finite values, all").isEqualTo(240);
        assertThat(countedSql.column("score").sample().size()).isEqualTo(RowSample.SIZE);
    }

    /**
     * A reference's {@link RowSample#SIZE}-row samples on the SQL path are taken from its edge samples
     * (same keys) instead of a second fetch: with an edge sample of 8,000 rows (more than the 5,000
     * kept, fewer than the 27,000 finite scores) and of 1,000 (fewer: fetched), they are the samples
     * that counting the same file fetches, and the in-memory path's.
     */
    @Test
    void theReferenceSamplesTakenFromTheEdgeSamplesAreTheFetchedOnes() {
        for (int edge : new int[] {8000, 1000}) {
            ProfileOptions o = new ProfileOptions(20, ProfileOptions.defaults().topK(),
                    ProfileOptions.defaults().minCategoryCount(), edge, false, RoleOverrides.none());
            Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), o));
            Profile fetched = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(ref)));
            for (String c : new String[] {"score", "ratio", "sparse", "thin"}) {
                assertThat(sql.column(c).sample()).as(c + ", edge sample " + edge).isEqualTo(fetched.column(c).sample());
            }
            assertThat(sql.column("score").sample().size()).isEqualTo(RowSample.SIZE);
            assertThat(sql.column("sparse").sample().size()).as("600 finite values, all").isEqualTo(600);
            CsvPathTest.assertSameProfile("edge sample " + edge, withoutReasons(ProfileBuilder.fit(TableReader.open(ref), o)),
                    withoutReasons(sql));
        }
    }

    /**
     * The samples, bins, counts and reasons do not depend on DuckDB's threads or on the run; only the
     * moments' last bits do (DuckDB's parallel sums, as on the text path: {@link CsvPathTest#assertSameProfile}
     * allows 1e-12 relative for them).
     */
    @Test
    void theSqlPathGivesOneProfileWhateverTheThreads() {
        Profile one = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref).withThreads(1), SMALL_SAMPLE));
        Profile two = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref).withThreads(2), SMALL_SAMPLE));
        Profile again = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref).withThreads(2), SMALL_SAMPLE));
        CsvPathTest.assertSameProfile("1 and 2 threads", one, two);
        CsvPathTest.assertSameProfile("a rerun", two, again);
    }

    /** The profile with every column's reason blanked (compared on their own above). */
    private static Profile withoutReasons(Profile p) {
        ObjectNode tree = ProfileJson.toTree(p);
        for (JsonNode c : tree.get("columns")) {
            ((ObjectNode) c).put("reason", "");
        }
        return ProfileJson.fromTree(tree);
    }
}
