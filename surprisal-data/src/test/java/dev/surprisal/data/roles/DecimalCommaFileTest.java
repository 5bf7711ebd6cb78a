// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * audit18 finding 4: a ';'-separated export of weights written with 3 decimals ({@code 6,600} kg) was read as 6600,
 * each cell alone having two readings. The file's ';' is what German and French spreadsheets write beside a decimal
 * comma, so the column reads with one unless a cell groups thousands with ',' ({@link NumberHint},
 * {@link RoleRules#convention}); {@code --decimal} ({@link TableReader#withDecimal}) sets it for the whole file.
 * The DuckDB scan ({@link ColumnRoles#detect(TableReader, RoleOverrides)}) and the Java tokenizer's path
 * ({@link MiTable#read}) agree.
 */
class DecimalCommaFileTest {
    @TempDir
    Path dir;

    /** 1,000 weights of 1 to 10 kg written with 3 decimals and a decimal comma, and a label column. */
    private Path weights(char delimiter, String extra) throws IOException {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder("gewicht_kg" + delimiter + "k\n");
        for (int i = 0; i < 1000; i++) {
            String w = String.format(Locale.GERMANY, "%.3f", 1.004 + r.nextDouble() * 8.978);
            b.append(delimiter == ',' ? "\"" + w + "\"" : w).append(delimiter).append(r.nextBoolean() ? "A" : "B")
                    .append('\n');
        }
        b.append(extra);
        Path f = dir.resolve("kg" + (int) delimiter + extra.length() + ".csv");
        Files.writeString(f, b);
        return f;
    }

    @Test
    void threeDecimalCommasOfASemicolonFileAreKilograms() throws IOException {
        TableReader reader = TableReader.open(weights(';', "")).withDelimiter(';');
        RoleDecision duck = ColumnRoles.detect(reader, RoleOverrides.none()).decision("gewicht_kg");
        RoleDecision java = MiTable.read(reader, RoleOverrides.none(), 1).decision("gewicht_kg");
        assertThat(duck.role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(duck.convention()).isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(duck.reason()).matches("[0-9]+ distinct numbers \\(1\\.0[0-9]* to 9\\.9[0-9]*\\): continuous; read as"
                + " numbers with a decimal comma \\(1\\.234,56\\), as a ';'-separated file writes them, no cell grouping"
                + " thousands with ',' \\(--decimal \\. reads the file with a decimal point\\).*");
        assertThat(java).isEqualTo(duck);
    }

    @Test
    void aThousandsGroupOrACommaDelimiterKeepsTheDecimalPoint() throws IOException {
        // a cell no decimal comma writes settles the column's decimal point, ';' or not
        TableReader grouped = TableReader.open(weights(';', "1,234,567;A\n")).withDelimiter(';');
        assertThat(ColumnRoles.detect(grouped, RoleOverrides.none()).decision("gewicht_kg").convention())
                .isEqualTo(NumberConvention.DECIMAL_POINT);
        // a ',' file's "6,600" is 6600, as pandas reads it (no thousands= needed: the same file read so)
        TableReader comma = TableReader.open(weights(',', ""));
        RoleDecision d = ColumnRoles.detect(comma, RoleOverrides.none()).decision("gewicht_kg");
        assertThat(d.convention()).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(d.reason()).contains("integers (1");
        // unless the user says otherwise, as pandas' decimal=','
        RoleDecision set = ColumnRoles.detect(comma.withDecimal(NumberConvention.DECIMAL_COMMA), RoleOverrides.none())
                .decision("gewicht_kg");
        assertThat(set.convention()).isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(set.reason()).contains("(1.0").contains(", as --decimal sets for the file");
        assertThat(MiTable.read(comma.withDecimal(NumberConvention.DECIMAL_COMMA), RoleOverrides.none(), 1)
                .decision("gewicht_kg")).isEqualTo(set);
        // and --decimal . reads a ';' file's 6,600 as 6600
        TableReader semi = TableReader.open(weights(';', "")).withDelimiter(';').withDecimal(NumberConvention.DECIMAL_POINT);
        assertThat(ColumnRoles.detect(semi, RoleOverrides.none()).decision("gewicht_kg").reason()).contains("integers (1");
    }

    @Test
    void theRuleOnCounts() {
        ColumnStats.Commas oneGroups = new ColumnStats.Commas(0, 1000, 0);
        assertThat(RoleRules.convention(oneGroups, 1000)).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.convention(NumberHint.of(';', null).apply(oneGroups), 1000))
                .isEqualTo(NumberConvention.DECIMAL_COMMA);
        // one decimal comma is a typo in a ',' file, the convention in a ';' one
        ColumnStats.Commas one = new ColumnStats.Commas(0, 0, 1);
        assertThat(RoleRules.convention(one, 1000)).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.convention(NumberHint.of(';', null).apply(one), 1000))
                .isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(RoleRules.convention(NumberHint.of(';', null).apply(new ColumnStats.Commas(1, 1000, 0)), 1000))
                .isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.convention(NumberHint.of('|', null).apply(oneGroups), 1000))
                .isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(RoleRules.convention(NumberHint.of(null, NumberConvention.DECIMAL_COMMA)
                .apply(new ColumnStats.Commas(5, 0, 0)), 1000)).isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(RoleRules.convention(NumberHint.of(';', NumberConvention.DECIMAL_POINT).apply(oneGroups), 1000))
                .isEqualTo(NumberConvention.DECIMAL_POINT);
        // parts of a column (Spark's partitions) keep what their file's reader said
        assertThat(NumberHint.of(';', null).apply(oneGroups).plus(ColumnStats.Commas.NONE).semicolon()).isTrue();
    }
}
