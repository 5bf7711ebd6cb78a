// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting runs inside DuckDB: a file of millions of rows is grouped without its rows ever
 * reaching the JVM. The expected counts are computed in Java from the generating formula.
 */
class LargeFileCountsTest {
    @TempDir
    Path dir;

    @Test
    void jointCountsOverFiveMillionRowsWithoutMaterialisingThem() throws SQLException {
        assertJointCounts(5_000_000);
    }

    @Test
    @Tag("slow")
    void jointCountsOverFiftyMillionRows() throws SQLException {
        assertJointCounts(50_000_000);
    }

    private void assertJointCounts(long n) throws SQLException {
        Path p = dir.resolve("big.csv");
        TableReaderTest.duckdb("COPY (SELECT i % 13 AS a, 'y' || ((i * 7) % 11) AS b FROM range(" + n
                + ") t(i)) TO " + DuckDbSource.sqlString(p.toString()) + " (HEADER, DELIMITER ',')");
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        JointCounts j = TableReader.open(p).jointCounts("a", "b");
        double seconds = (System.nanoTime() - t0) / 1e9;
        long grown = rt.totalMemory() - rt.freeMemory() - before;

        long[][] expected = new long[13][11];
        for (long i = 0; i < n; i++) {
            expected[(int) (i % 13)][(int) ((i * 7) % 11)]++;
        }
        assertThat(j.table().total()).isEqualTo(n);
        assertThat(j.rowLabels()).hasSize(13).startsWith("0", "1", "2");
        for (int r = 0; r < 13; r++) {
            for (int c = 0; c < 11; c++) {
                int col = j.colLabels().indexOf("y" + c);
                assertThat(j.table().get(r, col)).isEqualTo(expected[r][c]);
            }
        }
        // n rows as doubles + codes would be >= 12 bytes each; the heap must not grow by that much
        assertThat(grown).isLessThan(n * 12);
        System.out.printf("jointCounts over %,d rows: %.2f s, heap growth %,d bytes%n", n, seconds, grown);
    }
}
