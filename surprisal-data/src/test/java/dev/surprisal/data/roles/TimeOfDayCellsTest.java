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
        for (String bad : new String[] {"25:61", "24:00", "13:00 PM", "0:15 AM", "8:5", "08:15:60", "abc", "815",
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
