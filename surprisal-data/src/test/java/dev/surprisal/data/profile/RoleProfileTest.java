// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.DataException;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles by role, from a file and from memory, on the orders table whose truth is known. */
class RoleProfileTest {
    @TempDir
    Path dir;

    @Test
    void fileAndMemoryGiveTheSameProfileColumnForColumn() {
        OrdersTable ref = OrdersTable.reference(3000, 1);
        Profile fromFile = ProfileBuilder.fit(TableReader.open(ref.writeCsv(dir.resolve("r.csv"))), ProfileOptions.defaults());
        Profile fromMemory = ProfileBuilder.fit(ref.table(), ProfileOptions.defaults());
        assertSameCounts(fromFile, fromMemory);
        OrdersTable day = OrdersTable.day(Change.INVALID_SURGE, 2000, 2);
        assertSameCounts(ProfileBuilder.count(fromFile, TableReader.open(day.writeCsv(dir.resolve("d.csv")))),
                ProfileBuilder.count(fromMemory, day.table()));
    }

    private static void assertSameCounts(Profile a, Profile b) {
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.columnNames()).isEqualTo(b.columnNames());
        for (ColumnProfile x : a.columns()) {
            ColumnProfile y = b.column(x.name());
            assertThat(y.role()).as(x.name()).isEqualTo(x.role());
            assertThat(y.sameBins(x)).as(x.name()).isTrue();
            assertThat(y.counts()).as(x.name()).containsExactly(x.counts());
            assertThat(y.missing()).as(x.name()).isEqualTo(x.missing());
            assertThat(y.invalid()).as(x.name()).isEqualTo(x.invalid());
            assertThat(y.unseen()).as(x.name()).isEqualTo(x.unseen());
            assertThat(y.sample()).as(x.name()).isEqualTo(x.sample());
            assertThat(y.keys()).as(x.name()).isEqualTo(x.keys());
        }
    }

    @Test
    void binaryAndDiscreteColumnsGetOneBinPerValue() {
        Profile p = ProfileBuilder.fit(OrdersTable.reference(2000, 3).table(), ProfileOptions.defaults());
        assertThat(p.column("churned").valueBins().values()).containsExactly(0.0, 1.0);
        assertThat(p.column("churned").binCount()).isEqualTo(3);
        assertThat(p.column("n_items").valueBins().values()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(p.column("country").categoryBins().top()).hasSize(8);
        assertThat(p.column("order_id").scored()).isFalse();
        assertThat(p.column("order_id").keys().duplicateShare()).isZero();
        assertThat(p.column("ts").role()).isEqualTo(ColumnRole.TIMESTAMP);
    }

    @Test
    void invalidCellsAreCountedWithTheirLinesAndNeverStopTheCount() {
        OrdersTable ref = OrdersTable.reference(2000, 4);
        Path f = ref.writeCsv(dir.resolve("r.csv"));
        Profile p = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        ColumnProfile amount = p.column("amount");
        List<String> cells = ref.cells("amount");
        List<InvalidCell> expected = new ArrayList<>();
        long missing = 0;
        for (int i = 0; i < cells.size(); i++) {
            // each distinct invalid value once, with its first cell and count: all are 'abc'
            if (cells.get(i).equals("abc") && expected.isEmpty()) {
                expected.add(new InvalidCell("line " + (i + 2), "abc", cells.stream().filter("abc"::equals).count()));
            }
            missing += cells.get(i).isEmpty() || cells.get(i).equals("n/a") ? 1 : 0;
        }
        assertThat(amount.invalid()).isEqualTo(cells.stream().filter("abc"::equals).count()).isPositive();
        assertThat(amount.invalidCells()).isEqualTo(expected);
        assertThat(amount.missing()).isEqualTo(missing);
        long line = Long.parseLong(expected.get(0).where().substring("line ".length()));
        assertThat(ProfileBuilder.fit(ref.table(), ProfileOptions.defaults()).column("amount").invalidCells().get(0))
                .isEqualTo(new InvalidCell("row " + (line - 1), "abc", amount.invalid()));
    }

    @Test
    void anEmptyColumnTodayIsAllMissingAndANewCountryIsNamed() {
        Profile ref = ProfileBuilder.fit(OrdersTable.reference(3000, 5).table(), ProfileOptions.defaults());
        Profile empty = ProfileBuilder.count(ref, TableReader.open(OrdersTable.day(Change.EMPTY_COLUMN, 500, 6)
                .writeCsv(dir.resolve("e.csv"))));
        assertThat(empty.column("device").missing()).isEqualTo(500);
        Profile se = ProfileBuilder.count(ref, OrdersTable.day(Change.NEW_COUNTRY, 4000, 7).table());
        assertThat(se.column("country").unseen().keySet()).containsExactly("SE");
        assertThat(se.column("country").unseen().get("SE")).isBetween(150L, 250L);
    }

    @Test
    void noRowsIsBadData() throws IOException {
        Path header = Files.writeString(dir.resolve("h.csv"), String.join(",", OrdersTable.COLUMNS) + "\n");
        Profile ref = ProfileBuilder.fit(OrdersTable.reference(500, 8).table(), ProfileOptions.defaults());
        assertThatThrownBy(() -> ProfileBuilder.count(ref, TableReader.open(header))).isInstanceOf(DataException.class)
                .hasMessage(header + ": no rows: the file has a header but no data");
        assertThatThrownBy(() -> ProfileBuilder.fit(TableReader.open(header), ProfileOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("no rows");
    }

    @Test
    void sampledEdgesAndSamplesAreTheSameInEveryEngineAndThreadCount() {
        OrdersTable ref = OrdersTable.reference(6000, 9);
        Path f = ref.writeCsv(dir.resolve("big.csv"));
        ProfileOptions o = ProfileOptions.defaults().withEdgeSample(1000);
        Profile one = ProfileBuilder.fit(TableReader.open(f).withThreads(1), o);
        Profile four = ProfileBuilder.fit(TableReader.open(f).withThreads(4), o);
        Profile memory = ProfileBuilder.fit(ref.table(), o);
        assertSameCounts(one, four);
        assertSameCounts(one, memory);
        double[] e = one.column("days_since_last").numericBins().edges();
        assertThat(e[0]).isEqualTo(one.column("days_since_last").moments().min());
        assertThat(e[e.length - 1]).isEqualTo(one.column("days_since_last").moments().max());
        assertThat(one.column("days_since_last").sample().size()).isEqualTo(RowSample.SIZE);
        Profile exact = ProfileBuilder.fit(ref.table(), ProfileOptions.defaults());
        assertThat(exact.column("days_since_last").numericBins()).isNotEqualTo(one.column("days_since_last").numericBins());
    }

    @Test
    void rowKeysAgreeBetweenJavaAndSql() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT r, " + RowSample.sqlKey("r", 42)
                     + " FROM (SELECT CAST(range AS BIGINT) AS r FROM range(1, 100000, 997))")) {
            int n = 0;
            while (rs.next()) {
                assertThat(rs.getLong(2)).isEqualTo(RowSample.key(rs.getLong(1), 42));
                n++;
            }
            assertThat(n).isGreaterThan(90);
        }
    }

    @Test
    void versionOneProfilesAreStillRead() throws IOException {
        String v1 = new String(getClass().getResourceAsStream("/profiles/profile-v1.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Profile p = ProfileJson.read(v1);
        assertThat(p.column("x").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(p.column("x").sample().size()).isPositive();
        assertThat(p.column("city").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(p.column("day").role()).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(ProfileJson.read(ProfileJson.write(p)).column("x").counts()).containsExactly(p.column("x").counts());
    }

    @Test
    void jsonRoundTripKeepsRolesInvalidCellsAndUnseenValues() {
        Profile ref = ProfileBuilder.fit(OrdersTable.reference(2000, 10).table(), ProfileOptions.defaults());
        Profile day = ProfileBuilder.count(ref, OrdersTable.day(Change.NEW_COUNTRY, 2000, 11).table()).withRule(
                java.util.Map.of("warn", "0.2"));
        String json = ProfileJson.write(day);
        Profile back = ProfileJson.read(json);
        assertThat(ProfileJson.write(back)).isEqualTo(json);
        assertSameCounts(back, day);
        assertThat(back.rule()).containsEntry("warn", "0.2");
        assertThat(back.column("amount").invalidCells()).isEqualTo(day.column("amount").invalidCells());
    }
}
