// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.RoleOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The range of a key column (id-like, timestamp, date) is in key order ({@link KeyStats#compareValues}):
 * numbers by value, ISO text in time order. The file profiler once took DuckDB's {@code min}/{@code max}
 * of the cells' text, so integer keys 1..12 had the range "1".."9" and epoch seconds crossing 10 digits
 * had their newest value as the oldest. Known truth: orders with ids, epoch seconds, ISO date-times, dates.
 */
class KeyRangeOrderTest {
    private static final ProfileOptions ROLES = ProfileOptions.defaults().withRoles(RoleOverrides.none()
            .withRole("order_id", ColumnRole.ID_LIKE).withRole("epoch", ColumnRole.TIMESTAMP)
            .withRole("ts", ColumnRole.TIMESTAMP).withRole("day", ColumnRole.DATE));

    @TempDir
    Path dir;

    /** Orders {@code first..last}: id i, at epoch second 999,999,000 + 100 i (10 digits from i = 10), one a day. */
    private Path orders(String name, int first, int last) throws IOException {
        StringBuilder csv = new StringBuilder("order_id,epoch,ts,day,amount\n");
        for (int i = first; i <= last; i++) {
            LocalDate d = LocalDate.of(2024, 1, 1).plusDays(i);
            csv.append(i).append(',').append(999_999_000L + 100L * i).append(',')
                    .append(LocalDateTime.of(d, java.time.LocalTime.of(i % 24, 30))).append(":00,").append(d)
                    .append(',').append(i % 3 == 0 ? "" : String.valueOf(10.5 * i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void integerAndEpochKeysRangeByValueFromFileAndMemory() throws IOException {
        Path ref = orders("ref.csv", 1, 12);
        Path today = orders("today.csv", 9, 20);
        Profile fromFile = ProfileBuilder.fit(TableReader.open(ref), ROLES);
        Profile fromMemory = ProfileBuilder.fit(TableReader.open(ref).read(), ROLES);
        Profile fromSql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ROLES));
        for (Profile p : List.of(fromFile, fromMemory, fromSql)) {
            assertThat(range(p, "order_id")).containsExactly("1", "12");
            assertThat(range(p, "epoch")).containsExactly("999999100", "1000000200");
            assertThat(range(p, "ts")).containsExactly("2024-01-02T01:30:00", "2024-01-13T12:30:00");
            assertThat(range(p, "day")).containsExactly("2024-01-02", "2024-01-13");
        }
        Profile dayFile = ProfileBuilder.count(fromFile, TableReader.open(today));
        Profile dayMemory = ProfileBuilder.count(fromMemory, TableReader.open(today).read());
        Profile daySql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(fromSql, TableReader.open(today)));
        for (Profile p : List.of(dayFile, dayMemory, daySql)) {
            assertThat(range(p, "order_id")).containsExactly("9", "20");
            assertThat(range(p, "epoch")).containsExactly("999999900", "1000001000");
            assertThat(range(p, "day")).containsExactly("2024-01-10", "2024-01-21");
        }
        KeyStats both = fromFile.column("order_id").keys().merge(dayFile.column("order_id").keys());
        assertThat(both.min()).isEqualTo("1");
        assertThat(both.max()).isEqualTo("20");
        assertThat(both.present()).isEqualTo(24);
    }

    @Test
    void aDateColumnsRangeIsItsDatesNotItsInvalidCells() throws IOException {
        // 'unknown' sorts after every ISO date as text: as the range's newest value it hid a re-sent batch
        // from the stale-data check, which read "newest value unknown, after the reference's newest"
        Path ref = orders("ref.csv", 1, 12);
        String broken = Files.readString(orders("today.csv", 9, 20)).replace(",2024-01-15,", ",unknown,")
                .replace("2024-01-16T15:30:00", "garbage");
        Path today = Files.writeString(dir.resolve("broken.csv"), broken);
        Profile fromFile = ProfileBuilder.fit(TableReader.open(ref), ROLES);
        Profile fromMemory = ProfileBuilder.fit(TableReader.open(ref).read(), ROLES);
        Profile fromSql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ROLES));
        Profile dayFile = ProfileBuilder.count(fromFile, TableReader.open(today));
        Profile dayMemory = ProfileBuilder.count(fromMemory, TableReader.open(today).read());
        Profile daySql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(fromSql, TableReader.open(today)));
        for (Profile p : List.of(dayFile, dayMemory, daySql)) {
            assertThat(range(p, "day")).containsExactly("2024-01-10", "2024-01-21");
            assertThat(range(p, "ts")).containsExactly("2024-01-10T09:30:00", "2024-01-21T20:30:00");
            assertThat(p.column("day").invalid()).as("still counted as invalid").isEqualTo(1);
            assertThat(p.column("ts").invalid()).isEqualTo(1);
            assertThat(p.column("day").keys().present()).as("and present").isEqualTo(12);
        }
    }

    @Test
    void keyOrderIsNumbersByValueThenTextInTimeOrder() {
        assertThat(KeyStats.compareValues("9", "10")).isNegative();
        assertThat(KeyStats.compareValues("999999999", "1000000000")).isNegative();
        assertThat(KeyStats.compareValues("-3.5", "1e2")).isNegative();
        assertThat(KeyStats.compareValues("2024-01-09", "2024-01-10")).isNegative();
        assertThat(KeyStats.compareValues("2024-01-10", "2024-01-10T00:00:00")).isNegative();
        // a total order on a mixed column: every number before any text
        assertThat(KeyStats.compareValues("99", "A-17")).isNegative();
        assertThat(KeyStats.lower("12", null)).isEqualTo("12");
        assertThat(KeyStats.higher("12", "9")).isEqualTo("12");
        assertThat(KeyStats.lower("12", "9")).isEqualTo("9");
    }

    /** A mixed key column (numbers and codes): the file and the memory profiler agree on its range. */
    @Test
    void aMixedKeyColumnHasTheSameRangeFromFileAndMemory() throws IOException {
        Path f = Files.writeString(dir.resolve("mixed.csv"), "order_id,amount\n12,1\n9,2\nA-7,3\n100,4\nB-1,5\n");
        ProfileOptions o = ProfileOptions.defaults().withRoles(RoleOverrides.none().withRole("order_id",
                ColumnRole.ID_LIKE));
        assertThat(range(ProfileBuilder.fit(TableReader.open(f), o), "order_id")).containsExactly("9", "B-1");
        assertThat(range(ProfileBuilder.fit(TableReader.open(f).read(), o), "order_id")).containsExactly("9", "B-1");
        assertThat(range(CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), o)), "order_id"))
                .containsExactly("9", "B-1");
    }

    private static List<String> range(Profile p, String column) {
        KeyStats k = p.column(column).keys();
        return java.util.Arrays.asList(k.min(), k.max());
    }
}
