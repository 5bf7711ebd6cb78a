// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Identical inputs give identical profiles on DuckDB's SQL path (forced here with the Java path
 * switched off), whatever DuckDB's thread count: a Parquet file of many small row groups, so that
 * DuckDB scans it in parallel and its threads finish in a different order each run. Its columns
 * take each way a moment is computed: a typed double, a typed integer with a huge offset (where a
 * naive sum of squares cancels), and numbers written as text (parsed in SQL by {@code Cells}' rules).
 * DuckDB's own {@code avg}/{@code var_pop} add in the order the threads finish, so before the
 * moments were summed exactly the profiles differed in their last digits from run to run.
 */
class SqlPathDeterminismTest {
    @TempDir
    static Path dir;
    private static Path ref;
    private static Path day;

    @BeforeAll
    static void files() throws Exception {
        ref = dir.resolve("ref.parquet");
        day = dir.resolve("day.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            write(st, ref, 200_000, 0.0, 0.5);
            write(st, day, 100_000, 0.3, 0.75);
        }
    }

    private static void write(Statement st, Path file, int rows, double shift, double seed) throws Exception {
        st.execute("SELECT setseed(" + seed + ")");
        st.execute("COPY (SELECT "
                + "CASE WHEN i % 101 = 0 THEN NULL WHEN i = 777 AND " + shift + " > 0 THEN 1e7 ELSE " + shift + " + (random() - 0.5) * 1e3 * random() END AS score, "
                + "(1e12 + (random() * 1e6)::BIGINT)::BIGINT AS big, "
                + "CASE WHEN i % 53 = 0 THEN 'n/a' ELSE CAST(round(random() * 1e4, 3) + " + shift + " AS VARCHAR) END AS amount "
                + "FROM range(" + rows + ") t(i)) TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)");
    }

    @Test
    void theSqlPathGivesTheSameProfileWhateverTheThreads() {
        List<String> refs = new ArrayList<>();
        List<String> days = new ArrayList<>();
        for (int threads : new int[] {1, 2, 4, 2}) {
            Profile r = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref).withThreads(threads),
                    ProfileOptions.defaults()));
            refs.add(ProfileJson.write(r));
            days.add(ProfileJson.write(CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(r,
                    TableReader.open(day).withThreads(threads)))));
        }
        assertThat(refs.get(0)).contains("\"moments\"");
        for (int i = 1; i < refs.size(); i++) {
            assertThat(refs.get(i)).as("reference, run " + i).isEqualTo(refs.get(0));
            assertThat(days.get(i)).as("day, run " + i).isEqualTo(days.get(0));
        }
    }

    /**
     * The moments are exact up to one rounding of each x − c: the mean agrees with the exact
     * rational sum (BigDecimal) to a few ulps of the largest |x|, m2 to 10⁻¹² relative, on the typed columns, including the integers offset by 10¹², where
     * the in-memory path's Welford update is off by about 2·10⁻¹⁰ relative; numbers written as text
     * agree with the in-memory path to the CSV equivalence test's 10⁻¹².
     */
    @Test
    void theSqlPathMomentsAreExact() {
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults()));
        Profile java = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        assertExact(sql, ref);
        // the day's score holds 10⁷, beyond the reference's span and headroom: summed again around its own range
        assertExact(CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(day))), day);
        Moments a = sql.column("amount").moments();
        Moments b = java.column("amount").moments();
        assertThat(a.count()).isEqualTo(b.count()).isPositive();
        assertThat(a.mean()).isCloseTo(b.mean(), within(1e-12 * Math.abs(b.mean())));
        assertThat(a.m2()).isCloseTo(b.m2(), within(1e-12 * b.m2()));
        assertThat(a.min()).isEqualTo(b.min());
        assertThat(a.max()).isEqualTo(b.max());
    }

    private static void assertExact(Profile sql, Path file) {
        Table t = TableReader.open(file).columns("score", "big").read();
        for (String c : new String[] {"score", "big"}) {
            double[] v = t.numeric(c).presentValues();
            BigDecimal sum = BigDecimal.ZERO;
            for (double x : v) {
                sum = sum.add(new BigDecimal(x));
            }
            BigDecimal n = BigDecimal.valueOf(v.length);
            BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
            BigDecimal m2 = BigDecimal.ZERO;
            for (double x : v) {
                BigDecimal d = new BigDecimal(x).subtract(mean);
                m2 = m2.add(d.multiply(d));
            }
            Moments a = sql.column(c).moments();
            assertThat(a.count()).as(c).isEqualTo(v.length);
            // each x − c is rounded once, so the mean's error is a few ulps of the largest |x|
            double largest = Math.max(Math.abs(a.min()), Math.abs(a.max()));
            assertThat(a.mean()).as(c).isCloseTo(mean.doubleValue(), within(4 * Math.ulp(largest)));
            assertThat(a.m2()).as(c).isCloseTo(m2.doubleValue(), within(1e-12 * m2.doubleValue()));
        }
    }
}
