// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A column of times of day ({@code 08:15:32}, {@code 8:15 PM}) is read as seconds since midnight by one rule on
 * every engine (audit18 finding 6: such a column was "id-like", not scored): Java's {@link Cells#timeOfDay}, DuckDB's
 * {@link Cells#sqlNumber(String, NumberConvention)} and the comma kind that decides the convention, and the role
 * detected from a file (DuckDB's scan) and from an in-memory column alike.
 */
class TimeOfDayCellsTest {
    @TempDir
    Path dir;

    /** Cells and their seconds since midnight, as a reader of clocks reads them; NaN: no time of day. */
    static final Map<String, Double> CELLS = new LinkedHashMap<>();

    static {
        CELLS.put("08:15:32", 29_732.0);
        CELLS.put("8:15", 29_700.0);
        CELLS.put("08:15", 29_700.0);
        CELLS.put("08:15:32.250", 29_732.25);
        CELLS.put("8:15 PM", 72_900.0);
        CELLS.put("20:15", 72_900.0);
        CELLS.put("8:15pm", 72_900.0);
        CELLS.put("08:15:32 am", 29_732.0);
        CELLS.put("12:00 AM", 0.0);
        CELLS.put("12:30 PM", 45_000.0);
        CELLS.put("00:00:00", 0.0);
        CELLS.put("23:59:59.999", 86_399.999);
        CELLS.put(" 07:05 ", 25_500.0);
        // a first field beyond 23 is an elapsed time (a duration), hours first as an SQL interval reads it: a batch
        // of long calls in a column of durations is a shift, not invalid cells (verdict20)
        CELLS.put("24:00", 86_400.0);
        CELLS.put("25:10:00", 90_600.0);
        CELLS.put("58:30", 210_600.0);
        CELLS.put("125:07", 450_420.0);
        for (String bad : new String[] {"25:61", "25:99", "1000:00", "13:00 PM", "58:30 PM", "0:15 AM", "8:5", "08:15:60", "abc", "815",
                "8.15", "2024-05-01 08:15:32", "08:15:32Z", "1:2:3", "08::15"}) {
            CELLS.put(bad, Double.NaN);
        }
    }

    @Test
    void javaAndDuckDbReadEachCellAlike() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = c.prepareStatement("SELECT " + Cells.sqlNumber("v", NumberConvention.TIME_OF_DAY)
                     + ", " + Cells.sqlComma("v") + " FROM (SELECT CAST(? AS VARCHAR) AS v)")) {
            for (Map.Entry<String, Double> e : CELLS.entrySet()) {
                String cell = e.getKey();
                double want = e.getValue();
                double java = Cells.number(cell, NumberConvention.TIME_OF_DAY);
                Cells.Comma kind = Cells.comma(cell);
                assertThat((Double) java).as("Java: '%s'", cell).isEqualTo((Double) want);
                assertThat(Cells.comma(cell) == Cells.Comma.TIME_OF_DAY).as("Java kind: '%s'", cell)
                        .isEqualTo(!Double.isNaN(want));
                ps.setString(1, cell);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double sql = rs.getDouble(1);
                    if (rs.wasNull()) {
                        sql = Double.NaN;
                    }
                    assertThat((Double) sql).as("DuckDB: '%s'", cell).isEqualTo((Double) want);
                    assertThat(Cells.Comma.values()[rs.getInt(2)]).as("DuckDB kind: '%s'", cell).isEqualTo(kind);
                }
            }
        }
    }

    @Test
    void timesAreWrittenBackAsTimes() {
        assertThat(Cells.formatTimeOfDay(29_732)).isEqualTo("08:15:32");
        assertThat(Cells.formatTimeOfDay(29_732.25)).isEqualTo("08:15:32.250");
        assertThat(Cells.formatTimeOfDay(0)).isEqualTo("00:00:00");
        assertThat(Cells.formatTimeOfDay(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        // an elapsed time beyond a day as it was read, not clamped to 23:59:59.999 (every bin above 24 h one label)
        assertThat(Cells.formatTimeOfDay(210_600)).isEqualTo("58:30:00");
        assertThat(Cells.formatTimeOfDay(Cells.timeOfDay("125:07"))).isEqualTo("125:07:00");
    }

    /**
     * A column of call durations written {@code mm:ss} (verdict20): 1,000 calls of about 4 minutes with a long tail,
     * 3% of them 24 minutes or longer ({@code 31:05}), a blank and a "soon". Before, the long calls were invalid cells of a
     * column of times of day (the longest calls of the reference silently dropped, and a day of long calls an
     * "invalid share" alarm); with more than 5% of them the column was 1,000 labels. Now every call is a value and
     * the reason says durations, in a file and in memory alike.
     */
    @Test
    void aColumnOfCallDurationsKeepsItsLongCallsAsValues() throws Exception {
        Random r = new Random(20);
        List<String> cells = new ArrayList<>();
        StringBuilder csv = new StringBuilder("call_id,call_length\n");
        int longCalls = 0;
        for (int i = 0; i < 1000; i++) {
            int sec = i < 30 ? 24 * 60 + r.nextInt(40 * 60) : (int) Math.round(240 * Math.exp(0.5 * r.nextGaussian()));
            longCalls += sec >= 24 * 60 ? 1 : 0;
            String t = i == 40 ? "" : i == 41 ? "soon" : String.format("%02d:%02d", sec / 60, sec % 60);
            cells.add(t);
            csv.append("c").append(i).append(',').append(t).append('\n');
        }
        assertThat(longCalls).isGreaterThanOrEqualTo(30);
        Path f = dir.resolve("calls.csv");
        Files.writeString(f, csv);
        RoleDecision file = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()).decision("call_length");
        RoleDecision memory = ColumnRoles.detect(Table.of(List.of(CategoricalColumn.of("call_length",
                cells.stream().map(c -> c.isEmpty() ? null : c).toArray(String[]::new)))), RoleOverrides.none())
                .decision("call_length");
        for (RoleDecision d : List.of(file, memory)) {
            assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CONTINUOUS);
            assertThat(d.convention()).isEqualTo(NumberConvention.TIME_OF_DAY);
            assertThat(d.reason()).contains("distinct durations (").doesNotContain("times of day (")
                    .contains("1 cell is not a duration (invalid)");
        }
        assertThat(file.reason()).isEqualTo(memory.reason());
        ColumnStats s = ColumnStats.of(CategoricalColumn.of("t", cells.toArray(String[]::new)));
        assertThat(s.nonNumbers()).as("only 'soon' is invalid").isEqualTo(1);
        assertThat(s.max()).isGreaterThanOrEqualTo(24 * 3600);
    }

    /** 1,000 login times with two invalid cells and a blank one: continuous, never id-like, in a file and in memory. */
    @Test
    void aColumnOfLoginTimesIsContinuousSecondsSinceMidnightOnBothEngines() throws Exception {
        Random r = new Random(19);
        List<String> cells = new ArrayList<>();
        StringBuilder csv = new StringBuilder("user_id,login_time\n");
        for (int i = 0; i < 1000; i++) {
            int s = 8 * 3600 + r.nextInt(10 * 3600);
            String t = i == 3 ? "25:61" : i == 4 ? "abc" : i == 5 ? "" : r.nextBoolean()
                    ? String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format("%d:%02d:%02d %s", (s / 3600) % 12 == 0 ? 12 : (s / 3600) % 12, s / 60 % 60, s % 60,
                    s / 3600 >= 12 ? "PM" : "AM");
            cells.add(t);
            csv.append("u").append(i).append(',').append(t).append('\n');
        }
        Path f = dir.resolve("logins.csv");
        Files.writeString(f, csv);
        RoleDecision file = ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()).decision("login_time");
        RoleDecision memory = ColumnRoles.detect(Table.of(List.of(CategoricalColumn.of("login_time",
                cells.stream().map(c -> c.isEmpty() ? null : c).toArray(String[]::new)))), RoleOverrides.none())
                .decision("login_time");
        for (RoleDecision d : List.of(file, memory)) {
            assertThat(d.role()).as(d.reason()).isEqualTo(ColumnRole.CONTINUOUS);
            assertThat(d.convention()).isEqualTo(NumberConvention.TIME_OF_DAY);
            assertThat(d.reason()).contains("times of day (08:").contains("seconds since midnight")
                    .contains("2 cells are not times of day (invalid)");
        }
        assertThat(file.reason()).isEqualTo(memory.reason());
        // --role C=continuous on it is accepted (it was refused: "0% of its values are numbers")
        assertThat(ColumnRoles.detect(TableReader.open(f), RoleOverrides.none()
                .withRole("login_time", ColumnRole.CONTINUOUS)).decision("login_time").convention())
                .isEqualTo(NumberConvention.TIME_OF_DAY);
        ColumnStats s = ColumnStats.of(CategoricalColumn.of("t", cells.toArray(String[]::new)));
        assertThat(s.min()).isCloseTo(8 * 3600, within(60.0));
        assertThat(s.max()).isLessThan(18 * 3600);
    }
}
