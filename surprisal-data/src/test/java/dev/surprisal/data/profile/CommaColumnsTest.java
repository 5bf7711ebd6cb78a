// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, cell reading on an orders export, the same on the Java and the DuckDB path: whole amounts
 * written with thousands separators ({@code 1,234}) are numbers; measurements exported with a decimal
 * comma and trailing zeros dropped ({@code 1,5}, {@code 1,234}) are numbers read with the decimal comma, their
 * {@code 1,234} 1.234 (cells13; before, text with a hint); a status column with a few numeric codes says nothing of
 * decimal commas; and a timestamp column whose cells
 * turn into percentages or amounts counts them invalid, not as epoch times.
 */
class CommaColumnsTest {
    @TempDir
    Path dir;

    private static final String[] STATUS = {"shipped", "pending", "cancelled", "returned"};

    /** 2,000 orders: ts (ISO, or {@code ts} of the row when given), amount_sek, weight_kg, status. */
    private Path orders(String name, long seed, java.util.function.IntFunction<String> ts) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        DecimalFormat eu = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        StringBuilder b = new StringBuilder("ts,amount_sek,weight_kg,status\n");
        for (int i = 0; i < 2000; i++) {
            String t = ts != null ? ts.apply(i) : String.format(Locale.ROOT, "2024-05-%02d %02d:%02d:00",
                    1 + r.nextInt(30), r.nextInt(24), r.nextInt(60));
            long amount = Math.round(Math.exp(7 + 0.8 * r.nextGaussian()));
            double kg = Math.round(Math.exp(0.5 + 0.7 * r.nextGaussian()) * 1000) / 1000.0;
            String status = r.nextDouble() < 0.1 ? String.valueOf(r.nextBoolean() ? 404 : 500)
                    : STATUS[r.nextInt(STATUS.length)];
            b.append(t).append(",\"").append(String.format(Locale.US, "%,d", amount)).append("\",\"")
                    .append(eu.format(kg)).append("\",").append(status).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void groupedAmountsAreNumbersWithThousandsAndGermanWeightsNumbersWithTheDecimalComma() throws IOException {
        Path f = orders("orders.csv", 1, null);
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        CsvPathTest.assertSameProfile("comma columns", java, sql);

        ColumnProfile amount = java.column("amount_sek");
        assertThat(amount.role()).as(amount.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(amount.invalid()).isZero();
        // lognormal(7, 0.8): mean e^(7 + 0.32) ≈ 1,510 SEK, so "1,234" is 1234, not 1.234
        assertThat(amount.moments().mean()).isBetween(1300.0, 1750.0);

        // the weights, written by a German DecimalFormat (a third of them like 0,87 or 2,5), are the decimal-comma
        // convention: their 1,234 is 1.234 kg (cells13: before, the column was text)
        ColumnProfile kg = java.column("weight_kg");
        assertThat(kg.role()).as(kg.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(kg.convention()).isEqualTo(dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA);
        assertThat(kg.invalid()).isZero();
        assertThat(kg.reason()).contains("read as numbers with a decimal comma (1.234,56), as its",
                "read with the decimal comma (1,234 as 1.234)");
        // lognormal(0.5, 0.7) kg: mean e^(0.5 + 0.245) ≈ 2.1, not a thousand times more
        assertThat(kg.moments().mean()).isBetween(1.8, 2.5);

        ColumnProfile status = java.column("status");
        assertThat(status.role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(status.reason()).containsPattern("of values are numbers, under the 95% that makes a column numeric$")
                .doesNotContain("decimal");
    }

    @Test
    void oneStrayDecimalCommaCellIsReadAndNamedNotAReasonToReadTheColumnAsText() throws IOException {
        // 2,000 amounts written "1,234" with one cell typed "0,5": the column stays numbers, the cell is read as
        // 0.5 (pandas' decimal=',') and the reason names the two conventions (before, that one cell made the whole
        // amount column text);
        // the weights, a decimal-comma convention (a third of their cells like 0,87 or 2,5), are read with it
        Path f = orders("stray.csv", 3, null);
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
        lines.set(11, lines.get(11).replaceFirst(",\"[^\"]*\",", ",\"0,5\","));
        Files.write(f, lines);
        Profile java = ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f), ProfileOptions.defaults()));
        CsvPathTest.assertSameProfile("stray comma", java, sql);
        for (Profile p : new Profile[] {java, sql}) {
            ColumnProfile amount = p.column("amount_sek");
            assertThat(amount.role()).as(amount.reason()).isEqualTo(ColumnRole.CONTINUOUS);
            assertThat(amount.reason()).contains("; 1 cell like 0,5 read with a decimal comma (0,5 as 0.5) beside")
                    .contains("check those cells");
            assertThat(amount.invalid()).isZero();
            assertThat(p.column("weight_kg").convention())
                    .isEqualTo(dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA);
        }
    }

    @Test
    void aTimestampColumnOfPercentagesOrAmountsIsInvalidNotEpochTimes() throws IOException {
        Path ref = orders("ref.csv", 2, null);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), ProfileOptions.defaults()));
        assertThat(java.column("ts").role()).isEqualTo(ColumnRole.TIMESTAMP);
        // an upstream change writes a share and an amount into ts: "50%" and "\"1,234.5\"" are no times
        Path shifted = orders("shifted.csv", 3, i -> i % 2 == 0 ? (i % 100) + "%" : "\"1,234.5\"");
        Profile dj = ProfileBuilder.count(java, TableReader.open(shifted));
        Profile ds = CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(shifted)));
        CsvPathTest.assertSameProfile("shifted ts", dj, ds);
        assertThat(dj.column("ts").invalid()).isEqualTo(2000);
        // epoch seconds, plain decimals, are still times
        Path epoch = orders("epoch.csv", 4, i -> String.valueOf(1_714_550_400L + 60L * i));
        assertThat(ProfileBuilder.count(java, TableReader.open(epoch)).column("ts").invalid()).isZero();
        assertThat(CsvPathTest.viaDuckDb(() -> ProfileBuilder.count(sql, TableReader.open(epoch))).column("ts")
                .invalid()).isZero();
    }
}
