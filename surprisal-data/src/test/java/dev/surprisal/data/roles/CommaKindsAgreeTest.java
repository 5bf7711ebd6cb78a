// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.data.CategoricalColumn;
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
 * A cell's comma kind is one rule on every engine: Java's {@link Cells#comma} (a hand-written check before the
 * '.' groups pattern), DuckDB's {@link Cells#sqlComma} (the file scan) and an in-memory column's statistics
 * ({@link RoleScan#scan(dev.surprisal.data.Column)}, which every Spark partition runs), on a table of cells with
 * known kinds: the '.' thousands groups a decimal-comma writer writes ({@code 1.234}, {@code 1.234.567}) beside
 * decimals that look alike but group nothing ({@code 1.2345}, {@code 0.123}, {@code 1.23}).
 */
class CommaKindsAgreeTest {
    /** Cells and their kinds, as a reader who knows both conventions sees them. */
    static final Map<String, Cells.Comma> CELLS = new LinkedHashMap<>();

    static {
        // '.' groups only: 1.234 with a decimal point, 1234 with a decimal comma
        for (String c : new String[] {"1.234", "1.299", "12.345", "999.999", "1.234.567", "-1.234", " 1.234 ",
                "1.234 €", "1.234\u00a0€", "$1.234", "1.234%"}) {
            CELLS.put(c, Cells.Comma.DOT_GROUP);
        }
        // a '.' that groups nothing: no decimal comma's number, no two readings
        for (String c : new String[] {"1.2345", "0.123", "01.234", "1.23", ".123", "1.234.56", "1.234.5678", "1234.567",
                "1.23e3", "12", "abc", "1.234abc", "1..234"}) {
            CELLS.put(c, Cells.Comma.NONE);
        }
        for (String c : new String[] {"12.345,6", "1.234,56", "1,5", "569,97 €", "0,5", "1.234.567,8"}) {
            CELLS.put(c, Cells.Comma.DECIMAL);
        }
        for (String c : new String[] {"1,234", "$1,234", "999,999"}) {
            CELLS.put(c, Cells.Comma.ONE_GROUP);
        }
        for (String c : new String[] {"1,234,567", "2,096.40", "1,234.5"}) {
            CELLS.put(c, Cells.Comma.THOUSANDS);
        }
        // audit18 finding 3: accounting negatives, a trailing minus, (narrow) no-break space and apostrophe groups
        for (String c : new String[] {"13\u202f665,55", "13\u00a0665,55", "12,50-", "(1.234,56)", "6,2 %"}) {
            CELLS.put(c, Cells.Comma.DECIMAL);
        }
        for (String c : new String[] {"(1,234)", "1,234-", "$ -1,234"}) {
            CELLS.put(c, Cells.Comma.ONE_GROUP);
        }
        for (String c : new String[] {"(1,234.56)", "$(2,096.40)", "1,234.50-"}) {
            CELLS.put(c, Cells.Comma.THOUSANDS);
        }
        for (String c : new String[] {"13'665.55", "1 234", "(12.5)"}) {
            CELLS.put(c, Cells.Comma.NONE);
        }
        CELLS.put("(1.234)", Cells.Comma.DOT_GROUP);
    }

    @Test
    void javaDuckDbAndAnInMemoryColumnGiveEachCellItsKind() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = c.prepareStatement("SELECT " + Cells.sqlComma("v")
                     + " FROM (SELECT CAST(? AS VARCHAR) AS v)")) {
            for (Map.Entry<String, Cells.Comma> e : CELLS.entrySet()) {
                String cell = e.getKey();
                assertThat(Cells.comma(cell)).as("Java: '%s'", cell).isEqualTo(e.getValue());
                ps.setString(1, cell);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(Cells.Comma.values()[rs.getInt(1)]).as("DuckDB: '%s'", cell).isEqualTo(e.getValue());
                }
                ColumnStats.Commas inMemory = RoleScan.scan(CategoricalColumn.of("v", cell, cell)).commas();
                for (Cells.Comma kind : ColumnStats.Commas.KINDS) {
                    assertThat(inMemory.count(kind)).as("in memory: '%s' as %s", cell, kind)
                            .isEqualTo(kind == e.getValue() ? 2 : 0);
                    assertThat(inMemory.example(kind)).isEqualTo(kind == e.getValue() ? cell : "");
                }
            }
        }
    }
}
