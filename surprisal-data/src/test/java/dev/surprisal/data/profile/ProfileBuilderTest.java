// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.core.ColumnRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileBuilderTest {
    @TempDir
    Path dir;

    /** A CSV with a numeric column (with NaN, blanks, ties), a city, a flag and a date. */
    private Path csv(int n, long seed, String extraCity) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("x,city,flag,day\n");
        String[] cities = {"Paris", "Lyon", "Nice", "Lille"};
        for (int i = 0; i < n; i++) {
            String x = i % 50 == 0 ? "" : i % 97 == 0 ? "NaN" : i % 10 == 0 ? "1.5" : Double.toString(r.nextGaussian());
            String city = extraCity != null && i % 5 == 0 ? extraCity : cities[r.nextInt(cities.length)];
            b.append(x).append(',').append(city).append(',').append(r.nextBoolean()).append(",2024-01-")
                    .append(String.format("%02d", 1 + r.nextInt(28))).append('\n');
        }
        Path p = dir.resolve("t" + seed + ".csv");
        Files.writeString(p, b.toString());
        return p;
    }

    @Test
    void fileProfileHasFrozenBinsKindsMissingAndSketches() throws IOException {
        Profile p = ProfileBuilder.fit(TableReader.open(csv(2000, 1, null)), ProfileOptions.defaults());
        assertThat(p.rows()).isEqualTo(2000);
        ColumnProfile x = p.column("x");
        assertThat(x.role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(x.missing()).isEqualTo(40 + countNaNRows(2000));
        assertThat(x.rows()).isEqualTo(2000);
        // reference values never fall outside the reference range
        assertThat(x.counts()[0]).isZero();
        assertThat(x.counts()[x.binCount() - 1]).isZero();
        // 20 quantile bins at most, and "1.5" (a tenth of the rows) is an atom with a bin of its own, [1.5, 1.5 + ulp),
        // which splits the quantile bin it falls in: one bin (edge) more (atoms14)
        assertThat(x.numericBins().edges().length).isBetween(2, 22);
        assertThat(x.numericBins().atoms()).containsExactly(1.5);
        assertThat(x.sample().size()).isEqualTo((int) x.moments().count());
        assertThat(p.column("city").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(p.column("city").categoryBins().top()).containsExactlyInAnyOrder("Paris", "Lyon", "Nice", "Lille");
        assertThat(p.column("flag").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(p.column("day").role()).isEqualTo(ColumnRole.DATE);
        assertThat(p.column("day").scored()).isFalse();
        assertThat(p.column("day").keys().min()).startsWith("2024-01-0");
    }

    private static long countNaNRows(int n) {
        long c = 0;
        for (int i = 0; i < n; i++) {
            if (i % 50 != 0 && i % 97 == 0) {
                c++;
            }
        }
        return c;
    }

    @Test
    void fileAndMemoryPathsAgreeBinForBin() throws IOException {
        Path f = csv(3000, 2, null);
        Profile fromFile = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults().withColumns(List.of("x", "city")));
        Table t = TableReader.open(f).columns("x", "city").read();
        Profile fromMemory = ProfileBuilder.fit(t, ProfileOptions.defaults());
        for (String c : List.of("x", "city")) {
            assertThat(fromMemory.column(c).numericBins() == null ? "" : java.util.Arrays.toString(fromMemory.column(c).numericBins().edges()))
                    .isEqualTo(fromFile.column(c).numericBins() == null ? "" : java.util.Arrays.toString(fromFile.column(c).numericBins().edges()));
            assertThat(fromMemory.column(c).sameBins(fromFile.column(c))).as(c).isTrue();
            assertThat(fromMemory.column(c).counts()).as(c).containsExactly(fromFile.column(c).counts());
            assertThat(fromMemory.column(c).missing()).as(c).isEqualTo(fromFile.column(c).missing());
        }
        assertThat(fromMemory.column("x").moments().mean()).isCloseTo(fromFile.column("x").moments().mean(),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Parquet takes the one-query-per-column quantile path; it must give the same bins as CSV's single query. */
    @Test
    void parquetAndCsvGiveTheSameProfile() throws Exception {
        Path f = csv(3000, 4, null);
        Path pq = dir.resolve("t4.parquet");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM '" + f + "') TO '" + pq + "' (FORMAT PARQUET)");
        }
        Profile fromCsv = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile fromParquet = ProfileBuilder.fit(TableReader.open(pq), ProfileOptions.defaults());
        for (String c : List.of("x", "day", "city", "flag")) {
            assertThat(fromParquet.column(c).sameBins(fromCsv.column(c))).as(c).isTrue();
            assertThat(fromParquet.column(c).counts()).as(c).containsExactly(fromCsv.column(c).counts());
            assertThat(fromParquet.column(c).missing()).as(c).isEqualTo(fromCsv.column(c).missing());
        }
        assertThat(fromParquet.column("x").numericBins().edges()).containsExactly(fromCsv.column("x").numericBins().edges());
    }

    @Test
    void countingNewDataUsesTheReferenceBinsAndSeparatesUnseenFromOther() throws IOException {
        Profile ref = ProfileBuilder.fit(TableReader.open(csv(2000, 3, null)), ProfileOptions.defaults());
        Profile day = ProfileBuilder.count(ref, TableReader.open(csv(1000, 4, "Marseille")));
        ColumnProfile city = day.column("city");
        assertThat(city.sameBins(ref.column("city"))).isTrue();
        assertThat(city.counts()[city.categoryBins().unseenBin()]).isEqualTo(200);
        assertThat(day.column("x").sameBins(ref.column("x"))).isTrue();
        assertThat(day.merge(day).rows()).isEqualTo(2000);
    }

    @Test
    void tiesCollapseEdgesAndSmallReferencesGetFewerBins() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 70 ? 0.0 : i;
        }
        Profile p = ProfileBuilder.fit(ProfileBuilder.table("x", v), ProfileOptions.defaults());
        double[] e = p.column("x").numericBins().edges();
        for (int i = 1; i < e.length; i++) {
            assertThat(e[i]).isGreaterThan(e[i - 1]);
        }
        assertThat(p.column("x").numericBins().binOf(0.0)).isEqualTo(1); // the tie lives in one bin
        assertThat(p.column("x").counts()[1]).isGreaterThanOrEqualTo(70);
        assertThat(e.length - 1).isLessThanOrEqualTo(20);
        double[] small = new double[24];
        for (int i = 0; i < small.length; i++) {
            small[i] = 1.1 * (small.length - i);
        }
        Profile tiny = ProfileBuilder.fit(ProfileBuilder.table("x", small), ProfileOptions.defaults());
        assertThat(tiny.column("x").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(tiny.column("x").numericBins().edges().length - 1).isLessThanOrEqualTo(4);
    }

    @Test
    void allMissingColumnProfilesWithoutCrashing() {
        double[] v = new double[50];
        java.util.Arrays.fill(v, Double.NaN);
        Profile p = ProfileBuilder.fit(ProfileBuilder.table("x", v), ProfileOptions.defaults());
        assertThat(p.column("x").missing()).isEqualTo(50);
        assertThat(p.column("x").role()).isEqualTo(ColumnRole.CONSTANT);
        Profile back = ProfileJson.read(ProfileJson.write(p));
        assertThat(back.column("x").missing()).isEqualTo(50);
    }

    @Test
    void jsonRoundTripIsExactAndVersioned() throws IOException {
        Profile p = ProfileBuilder.fit(TableReader.open(csv(1500, 5, null)), ProfileOptions.defaults());
        String json = ProfileJson.write(p);
        assertThat(json).contains("\"format\":\"surprisal-profile\"", "\"version\":3");
        Profile back = ProfileJson.read(json);
        assertThat(ProfileJson.write(back)).isEqualTo(json);
        for (ColumnProfile c : p.columns()) {
            assertThat(back.column(c.name()).sameBins(c)).isTrue();
            assertThat(back.column(c.name()).counts()).containsExactly(c.counts());
        }
        assertThat(back.column("x").sample()).isEqualTo(p.column("x").sample());
        assertThatThrownBy(() -> ProfileJson.read(json.replace("\"version\":3", "\"version\":9")))
                .hasMessageContaining("version 9");
    }

    @Test
    void categoricalTopKKeepsFrequentCategoriesAndRareOnesBecomeOther() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            labels.add("c" + (i % 3));
        }
        labels.add("rare");
        Table t = Table.of(List.of(CategoricalColumn.of("c", labels.toArray(new String[0])),
                NumericColumn.of("n", new double[labels.size()])));
        Profile p = ProfileBuilder.fit(t, ProfileOptions.defaults());
        CategoryBins b = p.column("c").categoryBins();
        assertThat(b.top()).containsExactly("c0", "c1", "c2");
        assertThat(b.binOf("rare")).isEqualTo(b.otherBin());
        assertThat(b.binOf("never")).isEqualTo(b.unseenBin());
        assertThat(p.column("c").counts()[b.otherBin()]).isEqualTo(1);
    }
}
