// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * audit18 finding 3: the money and percent spellings of ordinary exports are the numbers a spreadsheet shows, in
 * Java ({@link Cells#number(String, NumberConvention)}) and in DuckDB ({@link Cells#sqlNumber(String,
 * NumberConvention)}) alike: accounting negatives {@code (1,234.56)}, SAP's trailing minus {@code 12.50-},
 * {@code $ -4.30}, French thousands with a (narrow) no-break space {@code 13 665,55}, Swiss {@code 13'665.55},
 * {@code 6.2 %}. Before, each was no number, so a column of them was text (id-like, never monitored).
 */
class NumberSpellingsTest {
    /** Cells and their values read with a decimal point (NaN: no number). */
    static final Map<String, Double> POINT = new LinkedHashMap<>();
    /** Cells and their values read with a decimal comma (NaN: no number). */
    static final Map<String, Double> COMMA = new LinkedHashMap<>();

    static {
        POINT.put("(1,234.56)", -1234.56);
        POINT.put("(66.29)", -66.29);
        POINT.put(" (66.29) ", -66.29);
        POINT.put("($1,234.56)", -1234.56);
        POINT.put("$(1,234.56)", -1234.56);
        POINT.put("(12.5%)", -12.5);
        POINT.put("12.50-", -12.5);
        POINT.put("1,234.50-", -1234.5);
        POINT.put("$ -4.30", -4.3);
        POINT.put("$-4.30", -4.3);
        POINT.put("-$4.30", -4.3);
        POINT.put("€ +4.30", 4.3);
        POINT.put("13\u202f665,55", 13665.55);
        POINT.put("13\u00a0665,55", 13665.55);
        POINT.put("13 665,55", 13665.55);
        POINT.put("1\u202f234\u202f567,8", 1234567.8);
        POINT.put("-13\u202f665,55\u00a0€", -13665.55);
        POINT.put("13'665.55", 13665.55);
        POINT.put("13\u2019665.55", 13665.55);
        POINT.put("1'234'567", 1234567.0);
        POINT.put("1 234", 1234.0);
        POINT.put("6.2 %", 6.2);
        POINT.put("6,2\u202f%", 6.2);
        POINT.put("-6.2 %", -6.2);
        // unchanged: what was read before is read the same
        POINT.put("1,234.50", 1234.5);
        POINT.put("1,234", 1234.0);
        POINT.put("$1,200.00", 1200.0);
        POINT.put("569,97 €", 569.97);
        POINT.put("-0.5", -0.5);
        POINT.put("12%", 12.0);
        // not numbers: two signs, a lone parenthesis, groups that are no thousands, a sign alone
        for (String no : new String[] {"(-5)", "-(5)", "--5", "5--", "(5", "5)", "12 34", "1 2345", "$ -", "()", "-",
                "'123", "12.50 -", "-12.50-", "(12.50)-", "1''234", "13 665 ,55", "12-34", "(abc)", "$ ", "1 234 5"}) {
            POINT.put(no, Double.NaN);
        }
        COMMA.put("(1.234,56)", -1234.56);
        COMMA.put("(66,29)", -66.29);
        COMMA.put("12,50-", -12.5);
        COMMA.put("13\u202f665,55", 13665.55);
        COMMA.put("13 665", 13665.0);
        COMMA.put("6,2 %", 6.2);
        COMMA.put("€ -4,30", -4.3);
        COMMA.put("6,600", 6.6);
        COMMA.put("13'665.55", Double.NaN);
        COMMA.put("(-5,5)", Double.NaN);
    }

    @Test
    void javaAndDuckDbReadEachSpellingAsTheSameNumber() throws SQLException {
        check(POINT, NumberConvention.DECIMAL_POINT);
        check(COMMA, NumberConvention.DECIMAL_COMMA);
    }

    private static void check(Map<String, Double> cells, NumberConvention convention) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = c.prepareStatement("SELECT " + Cells.sqlNumber("v", convention)
                     + " FROM (SELECT CAST(? AS VARCHAR) AS v)")) {
            for (Map.Entry<String, Double> e : cells.entrySet()) {
                String cell = e.getKey();
                Double want = e.getValue();
                assertThat(Double.valueOf(Cells.number(cell, convention))).as("Java, %s: '%s'", convention, cell)
                        .isEqualTo(want);
                ps.setString(1, cell);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double sql = rs.getDouble(1);
                    assertThat(Double.valueOf(rs.wasNull() ? Double.NaN : sql)).as("DuckDB, %s: '%s'", convention, cell)
                            .isEqualTo(want);
                }
                if (convention == NumberConvention.DECIMAL_POINT) {
                    // the byte reader of the CSV path reads the same
                    byte[] b = cell.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(Double.valueOf(Cells.number(b, 0, b.length))).as("bytes: '%s'", cell).isEqualTo(want);
                    // the pattern the hand-written check implements agrees
                    assertThat(Cells.NUMBER_P.matcher(cell).matches()).as("pattern: '%s'", cell).isEqualTo(!Double.isNaN(want));
                }
            }
        }
    }

    @Test
    void aKeyColumnHalfOfWhoseCellsAreNumbersSaysSo() {
        String[] cells = new String[200];
        for (int i = 0; i < cells.length; i++) {
            // half the amounts in a spelling no reader knows (a unit after the number)
            cells[i] = i % 2 == 0 ? (i + 0.25) + "" : (i + 0.25) + " EURO";
        }
        RoleDecision d = RoleRules.decide(RoleScan.scan(dev.surprisal.data.CategoricalColumn.of("amount", cells)));
        assertThat(d.role()).isEqualTo(dev.surprisal.core.ColumnRole.ID_LIKE);
        assertThat(d.reason()).isEqualTo("200 distinct of 200 values: id-like; 50% of values are numbers, under the 95%"
                + " that makes a column numeric");
    }

    @Test
    void noSpellingIsAnEpochTime() {
        for (String cell : new String[] {"(1714550400)", "1714550400-", "1 714 550 400", "1'714'550'400"}) {
            assertThat(Cells.isTime(cell)).as("'%s'", cell).isFalse();
        }
        assertThat(Cells.isTime(" 1714550400 ")).isTrue();
    }

    @Test
    void theSpellingsHaveTheCommaKindsOfTheirSeparators() {
        assertThat(Cells.comma("(1,234.56)")).isEqualTo(Cells.Comma.THOUSANDS);
        assertThat(Cells.comma("(1,234)")).isEqualTo(Cells.Comma.ONE_GROUP);
        assertThat(Cells.comma("13\u202f665,55")).isEqualTo(Cells.Comma.DECIMAL);
        assertThat(Cells.comma("12,50-")).isEqualTo(Cells.Comma.DECIMAL);
        assertThat(Cells.comma("13'665.55")).isEqualTo(Cells.Comma.NONE);
        assertThat(Cells.comma("(1.234)")).isEqualTo(Cells.Comma.DOT_GROUP);
    }
}
