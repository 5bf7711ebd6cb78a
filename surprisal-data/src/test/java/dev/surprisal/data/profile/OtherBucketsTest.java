// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit18 finding 1: the reference's categories under the kept minimum (10 rows) were one "__OTHER__" bin, so a
 * column of 1,000 SKUs seen 3 times each was 100% "other" on both sides and no move among them could be seen.
 * They are now counted in hashed buckets when they hold a large share of the rows, the same bucket in Java and
 * in DuckDB SQL; a column whose every value is kept (or whose tail is small) keeps its one "other" bin.
 */
class OtherBucketsTest {
    @TempDir
    Path dir;

    /** 1,000 SKUs, 3 rows each: no SKU reaches the kept minimum of 10. */
    private static String[] skus(int distinct, int each) {
        String[] v = new String[distinct * each];
        for (int i = 0; i < v.length; i++) {
            v[i] = String.format("SKU-%04d", i % distinct);
        }
        return v;
    }

    @Test
    void theBucketOfALabelIsTheSameInJavaAndInDuckDbSql() throws Exception {
        List<String> labels = List.of("SKU-0001", "SKU-0999", "é", "日本語", "O'Brien", "a b", "", "x".repeat(300),
                "🙂 emoji", "Zürich");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String l : labels) {
                for (int b : new int[] {2, 7, 64}) {
                    String v = "'" + l.replace("'", "''") + "'";
                    try (ResultSet rs = st.executeQuery("SELECT CAST(CAST(('0x' || substr(md5(" + v
                            + "), 1, 8)) AS BIGINT) % " + b + " AS INTEGER)")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as(l + " in " + b).isEqualTo(CategoryBins.bucketOf(l, b));
                    }
                }
            }
        }
        // a fixed value: the bucket of a label never changes between versions (stored references depend on it)
        assertThat(CategoryBins.bucketOf("SKU-0001", 64)).isEqualTo((int) (1565052263L % 64));
    }

    @Test
    void manyRareSkusAreCountedInBucketsAndAnOrdinaryColumnKeepsItsOneOtherBin() {
        Map<String, Long> rare = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            rare.put(String.format("SKU-%04d", i), 3L);
        }
        CategoryBins b = Binning.categorical(rare, ProfileOptions.defaults());
        assertThat(b.top()).isEmpty();
        assertThat(b.otherBuckets()).isEqualTo(64);
        assertThat(b.size()).isEqualTo(65);
        assertThat(b.unseenBin()).isEqualTo(64);
        assertThat(b.binOf("SKU-0001")).isEqualTo(CategoryBins.bucketOf("SKU-0001", 64));
        assertThat(b.binOf("SKU-NEW")).isEqualTo(64);
        assertThat(b.label(0)).isEqualTo("__OTHER__#1");
        assertThat(b.label(64)).isEqualTo(CategoryBins.UNSEEN);
        assertThat(b.note()).isEqualTo("1,000 values outside the top 0 counted in 64 groups by a hash of the value");

        // a few labels, all kept: top K, one other bin (empty), unseen, exactly as before the buckets
        CategoryBins ordinary = Binning.categorical(Map.of("SE", 500L, "NO", 300L, "DK", 200L),
                ProfileOptions.defaults());
        assertThat(ordinary.otherBuckets()).isEqualTo(1);
        assertThat(ordinary.size()).isEqualTo(5);
        assertThat(ordinary.label(3)).isEqualTo(CategoryBins.OTHER);
        assertThat(ordinary.note()).isEmpty();
        // a tail under 5% of the rows stays one bin: it could not hide a move reaching the TV warn band
        Map<String, Long> smallTail = new LinkedHashMap<>(Map.of("SE", 5000L, "NO", 4000L));
        for (int i = 0; i < 40; i++) {
            smallTail.put("rare" + i, 5L);
        }
        assertThat(Binning.categorical(smallTail, ProfileOptions.defaults()).otherBuckets()).isEqualTo(1);
    }

    @Test
    void theRuleOfTheNumberOfBuckets() {
        assertThat(Binning.otherBuckets(3000, 1000, 3000, 10)).isEqualTo(64);
        assertThat(Binning.otherBuckets(600, 300, 600, 10)).isEqualTo(30); // 20 reference rows a bucket
        assertThat(Binning.otherBuckets(600, 20, 600, 10)).isEqualTo(10); // two values a bucket
        assertThat(Binning.otherBuckets(30, 30, 30, 10)).isEqualTo(1); // too few rows: one bin
        assertThat(Binning.otherBuckets(400, 200, 10_000, 10)).isEqualTo(1); // a 4% tail
        assertThat(Binning.otherBuckets(0, 0, 10_000, 10)).isEqualTo(1);
    }

    @Test
    void aReferenceOfOnlyRareValuesTooSmallToGroupSaysItCannotBeCompared() {
        Map<String, Long> few = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            few.put("v" + i, 1L);
        }
        CategoryBins b = Binning.categorical(few, ProfileOptions.defaults());
        assertThat(b.otherBuckets()).isEqualTo(1);
        assertThat(b.note()).contains("all share one bin, so the distribution is not compared (new values are)");
    }

    /** The DuckDB file path and the in-memory path count the same buckets, named and hashed other values alike. */
    @Test
    void aFileAndATableCountTheSameBucketsBelowAndAboveTheNamedCap() throws Exception {
        for (int distinct : new int[] {1000, 12_000}) {
            String[] v = skus(distinct, 3);
            Path f = dir.resolve("sku" + distinct + ".csv");
            Files.writeString(f, "sku\n" + String.join("\n", v) + "\n");
            Profile file = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
            Profile memory = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("sku", v))),
                    ProfileOptions.defaults());
            ColumnProfile c = file.column("sku");
            assertThat(c.categoryBins().otherBuckets()).isEqualTo(64);
            assertThat(c.counts()).as("%d SKUs", distinct).containsExactly(memory.column("sku").counts());
            assertThat(c.counts()[64]).isZero(); // nothing "unseen" in the reference itself
            long[] expected = new long[65];
            for (int i = 0; i < distinct; i++) {
                expected[CategoryBins.bucketOf(String.format("SKU-%04d", i), 64)] += 3;
            }
            assertThat(c.counts()).containsExactly(expected);
            // today: 100 of them, 30 rows each, and one new value, counted from a file against the reference
            List<String> today = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                today.add(i == 0 ? "SKU-NEW" : String.format("SKU-%04d", i % 100));
            }
            Path t = dir.resolve("today" + distinct + ".csv");
            Files.writeString(t, "sku\n" + String.join("\n", today) + "\n");
            {
                Profile q = ProfileBuilder.count(file, TableReader.open(t));
                Profile qm = ProfileBuilder.count(memory, Table.of(List.of(CategoricalColumn.of("sku",
                        today.toArray(String[]::new)))));
                assertThat(q.column("sku").counts()).containsExactly(qm.column("sku").counts());
                assertThat(q.column("sku").counts()[64]).isEqualTo(1);
            }
        }
    }

    @Test
    void theBucketsSurviveTheProfileJsonAndAnOrdinaryColumnWritesNoBucketField() {
        Profile p = ProfileBuilder.fit(Table.of(List.of(CategoricalColumn.of("sku", skus(1000, 3)),
                CategoricalColumn.of("country", skus(3, 1000)))), ProfileOptions.defaults());
        String json = ProfileJson.write(p);
        Profile back = ProfileJson.read(json);
        assertThat(back.column("sku").categoryBins()).isEqualTo(p.column("sku").categoryBins());
        assertThat(back.column("sku").categoryBins().otherBuckets()).isEqualTo(64);
        assertThat(back.column("country").categoryBins().otherBuckets()).isEqualTo(1);
        assertThat(json.split("\"otherBuckets\"", -1)).hasSize(2); // once: the sku column's
    }
}
