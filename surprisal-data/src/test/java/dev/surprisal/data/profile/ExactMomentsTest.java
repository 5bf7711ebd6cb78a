// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The moments of a continuous column are the same exact integer sums ({@link SqlMoments}) on the
 * in-memory path (Java) and on DuckDB's SQL path, so a Parquet file profiled either way stores the
 * same profile to the last bit: order ids, event times, 0/1 flags, missing cells, NaN, ±∞, and a
 * day whose values leave the reference's span (summed again around their own range on both paths).
 */
class ExactMomentsTest {
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
            write(st, ref, 40_000, 0.0, 1.0);
            // amount's mean moved and a few values a million times beyond the reference's span
            write(st, day, 15_000, 3.0, 1e6);
        }
    }

    private static void write(Statement st, Path file, int rows, double shift, double far) throws Exception {
        st.execute("SELECT setseed(0.75)");
        st.execute("COPY (SELECT i::BIGINT AS order_id, "
                + "TIMESTAMP '2024-05-01' + to_seconds(i * 7) AS at, "
                + "(i % 3 = 0)::INTEGER AS flag, "
                + "CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN 'NaN'::DOUBLE WHEN i % 83 = 0 THEN 'inf'::DOUBLE "
                + "WHEN i % 79 = 0 THEN '-inf'::DOUBLE WHEN i % 1009 = 0 THEN " + far + " * 1234.5 "
                + "ELSE " + shift + " + 250 * ln(1 / (1 - random())) END AS amount, "
                + "(random() * 3 - 1.5 + " + shift + ")::FLOAT AS ratio, "
                + "CASE WHEN i % 5 = 0 THEN NULL ELSE 1e9 + random() END AS offset_big "
                + "FROM range(" + rows + ") t(i)) TO '" + file + "' (FORMAT PARQUET)");
    }

    @Test
    void aParquetFileCountedInMemoryAndInSqlGivesTheSameProfileToTheLastBit() {
        Profile reference = ProfileBuilder.fit(TableReader.open(ref), SMALL_SAMPLE);
        Profile java = ProfileBuilder.count(reference, TableReader.open(day));
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(reference, TableReader.open(day)));
        assertThat(java.column("amount").moments().max()).as("the far values are there").isGreaterThan(1e9);
        assertThat(ProfileJson.toTree(java).toPrettyString()).isEqualTo(ProfileJson.toTree(sql).toPrettyString());
    }

    @Test
    void aParquetFileFittedInMemoryAndInSqlGetsTheSameMomentsToTheLastBit() {
        Profile java = ProfileBuilder.fit(TableReader.open(ref), SMALL_SAMPLE);
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), SMALL_SAMPLE));
        int continuous = 0;
        for (ColumnProfile c : java.columns()) {
            if (c.moments() != null) {
                continuous++;
                assertThat(c.moments()).as(c.name()).isEqualTo(sql.column(c.name()).moments());
            }
        }
        assertThat(continuous).as("amount, ratio, offset_big").isEqualTo(3);
        // everything else too, but the reasons of fraction columns ("at least N distinct" on the SQL path)
        assertThat(blankReasons(java)).isEqualTo(blankReasons(sql));
    }

    @Test
    void theSumsGiveTheExactMomentsRoundedOnce() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[50_001];
        for (int i = 0; i < x.length; i++) {
            // an offset of a thousand standard deviations: Welford's running mean loses bits there
            x[i] = i == 7 ? Double.NaN : i == 8 ? Double.NEGATIVE_INFINITY : 1e4 + r.nextGaussian() * 10;
        }
        double[] edges = {1e4 - 30, 1e4 - 10, 1e4, 1e4 + 10, 1e4 + 30};
        assertExact(SqlMoments.exact(x, x.length, edges), x);
        // a value far beyond the edges' span: summed again around the values' own range, still exact
        x[9] = 4e9;
        assertExact(SqlMoments.exact(x, x.length, edges), x);
    }

    @Test
    void aRoundingTieGoesToEvenAsDuckDbsCastDoes() throws Exception {
        // edges -1..1: shift 0, p = 1 + HEADROOM, t·2³¹ = x·2^(62-p): these x make t·2³¹ = 2.5, 1.5, -2.5, 0.5,
        // which DuckDB's CAST rounds to 2, 2, -2, 0 (half to even); half up would give 3, 2, -2, 1
        double[] edges = {-1.0, 0.0, 1.0};
        double u = Math.scalb(1.0, -(61 - SqlMoments.HEADROOM));
        double[] x = {2.5 * u, 1.5 * u, -2.5 * u, 0.5 * u};
        SqlMoments sm = SqlMoments.around(edges);
        String[] agg = SqlMoments.aggregates("t");
        StringBuilder values = new StringBuilder();
        for (double v : x) {
            values.append(values.length() == 0 ? "" : ", ").append("(CAST('").append(v).append("' AS DOUBLE))");
        }
        Moments sql;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT " + agg[0] + ", CAST(" + agg[1] + " AS VARCHAR), CAST("
                     + agg[2] + " AS VARCHAR), min(x), max(x) FROM (SELECT x, " + sm.scaled("x") + " AS t FROM (VALUES "
                     + values + ") v(x))")) {
            rs.next();
            assertThat(rs.getString(2)).as("Σ round(t·2³¹)").isEqualTo("2");
            sql = sm.moments(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5));
        }
        assertThat(SqlMoments.exact(x, x.length, edges)).isEqualTo(sql);
    }

    private static void assertExact(Moments m, double[] x) {
        BigDecimal mean = exactMean(x);
        BigDecimal m2 = BigDecimal.ZERO;
        long n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                BigDecimal d = new BigDecimal(v).subtract(mean);
                m2 = m2.add(d.multiply(d));
                n++;
            }
        }
        assertThat(m.count()).isEqualTo(n);
        // each x − c is a double: around a far shift (the second case) it keeps fewer of x's bits
        assertThat(m.mean()).isCloseTo(mean.doubleValue(), within(1e-13 * Math.abs(mean.doubleValue())));
        assertThat(m.m2()).isCloseTo(m2.doubleValue(), within(1e-12 * m2.doubleValue()));
    }

    private static BigDecimal exactMean(double[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        long n = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                sum = sum.add(new BigDecimal(v));
                n++;
            }
        }
        return sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }

    private static String blankReasons(Profile p) {
        ObjectNode tree = ProfileJson.toTree(p);
        for (JsonNode c : tree.get("columns")) {
            ((ObjectNode) c).put("reason", "");
        }
        return tree.toPrettyString();
    }
}
