// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit18 findings 5 and 7: integer cells that a number would change, a leading zero ({@code 02134}) or a magnitude
 * beyond 2^53 ({@code 9007199254740993}), are codes ({@link Cells#code}); one rule on every engine (Java, DuckDB's
 * {@link Cells#sqlComma}, an in-memory column's statistics, which every Spark partition runs), and a column that has
 * them is text, categorical or id-like ({@link RoleRules#codes}).
 */
class CodeCellsTest {
    static final Map<String, Cells.Comma> CELLS = new LinkedHashMap<>();

    static {
        for (String c : new String[] {"007", "02134", "00", "-007", " 0123 ", "+01", "0000000000000000001"}) {
            CELLS.put(c, Cells.Comma.LEADING_ZERO);
        }
        for (String c : new String[] {"9007199254740993", "-9007199254740993", "12345678901234567890",
                " 9007199254740995 ", "10000000000000000"}) {
            CELLS.put(c, Cells.Comma.BEYOND_2_53);
        }
        // 2^53 itself is exact; a fraction, 0, a plain integer, a float in any spelling are no codes
        for (String c : new String[] {"0", "7", "-0", "0.5", "9007199254740992", "-9007199254740992", "900719925474099",
                "01.5", "0e5", "1e20", "9007199254740993.5", "abc", "0x1F"}) {
            CELLS.put(c, Cells.Comma.NONE);
        }
    }

    @Test
    void javaDuckDbAndAnInMemoryColumnGiveEachCellItsKind() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = c.prepareStatement("SELECT " + Cells.sqlComma("v")
                     + " FROM (SELECT CAST(? AS VARCHAR) AS v)")) {
            for (Map.Entry<String, Cells.Comma> e : CELLS.entrySet()) {
                String cell = e.getKey();
                assertThat(Cells.comma(cell)).as("Java: '%s'", cell).isEqualTo(e.getValue());
                byte[] b = cell.getBytes(StandardCharsets.US_ASCII);
                assertThat(Cells.isCode(b, 0, b.length)).as("bytes: '%s'", cell)
                        .isEqualTo(e.getValue() != Cells.Comma.NONE);
                ps.setString(1, cell);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(Cells.Comma.values()[rs.getInt(1)]).as("DuckDB: '%s'", cell).isEqualTo(e.getValue());
                }
                ColumnStats.Commas inMemory = RoleScan.scan(CategoricalColumn.of("v", cell, cell)).commas();
                for (Cells.Comma kind : ColumnStats.Commas.KINDS) {
                    assertThat(inMemory.count(kind)).as("in memory: '%s' as %s", cell, kind)
                            .isEqualTo(kind == e.getValue() ? 2 : 0);
                }
            }
        }
    }

    @Test
    void zipCodesWithLeadingZerosAreCategoricalTextNamingAnExample() {
        List<String> zips = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            zips.add(new String[] {"02134", "2134", "01001", "1001", "10001", "94105"}[i % 6]);
        }
        zips.add("");
        RoleDecision d = RoleRules.decide(RoleScan.scan(CategoricalColumn.of("zip", zips.toArray(String[]::new))));
        assertThat(d.role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(d.reason()).isEqualTo("6 distinct text values: categorical; codes with leading zeros (e.g. 01001):"
                + " read as text, so that 007 and 7 stay two codes");
    }

    @Test
    void distinctIdsBeyondTwoToThe53AreIdLikeAndFewAreCategorical() {
        String[] ids = new String[500];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Long.toString(1_700_000_000_000_000_000L + 7L * i); // snowflake-like order IDs
        }
        RoleDecision d = RoleRules.decide(RoleScan.scan(CategoricalColumn.of("order_id", ids)));
        assertThat(d.role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(d.reason()).startsWith("500 distinct of 500 values: id-like; integers beyond 2^53, exact only as"
                + " text (e.g. 1700000000000000000)");

        RoleDecision four = RoleRules.decide(RoleScan.scan(CategoricalColumn.of("code", "9007199254740992",
                "9007199254740993", "9007199254740994", "9007199254740995", "9007199254740993")));
        assertThat(four.role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(four.reason()).startsWith("4 distinct text values: categorical; integers beyond 2^53");
    }

    @Test
    void plainIntegersAndDecimalsStayNumbers() {
        RoleDecision d = RoleRules.decide(RoleScan.scan(CategoricalColumn.of("n", "0", "1", "2", "0.5", "10", "0")));
        assertThat(d.role()).isEqualTo(ColumnRole.DISCRETE);
        assertThat(RoleRules.codes(RoleScan.scan(CategoricalColumn.of("n", "9007199254740992", "1")))).isNull();
    }
}
