// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money columns from other tools, the same on the Java and the DuckDB path (issue 9, audit12 defects 1 and 2):
 * a German Excel export's {@code 1.234,56} and {@code 569,97 €}, a US export's {@code $1,200.00}, with a few
 * invalid cells ({@code #WERT!}), are continuous numbers with the right mean; a weight column whose
 * {@code 1,250} beside {@code 0,5} has two readings stays text, and is never id-like.
 */
class MoneyCellsProfileTest {
    @TempDir
    Path dir;

    @Test
    void europeanAndCurrencyAmountsAreNumbersOnBothPaths() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder b = new StringBuilder("\uFEFFamount;price;usd;weight\r\n");
        double sum = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double a = Math.round(Math.exp(6 + r.nextGaussian()) * 100) / 100.0;
            sum += a;
            String eu = String.format(Locale.GERMANY, "%,.2f", a);
            String amount = i == 17 ? "#WERT!" : eu;
            // a weight with 3 decimals as German Excel's general format writes it (12,25 / 0,5 / 41,250): nearly
            // every value distinct, and 41,250 is 41.25 or 41250
            String kg = String.format(Locale.GERMANY, "%.3f", 0.1 + 99 * r.nextDouble());
            b.append(amount).append(';').append(eu).append("\u00a0€;").append(String.format(Locale.US, "$%,.2f", a))
                    .append(';').append(i % 2 == 0 ? kg.replaceAll("0+$", "") : kg).append("\r\n");
        }
        Path f = Files.writeString(dir.resolve("excel.csv"), b.toString(), StandardCharsets.UTF_8);
        Profile java = ProfileBuilder.fit(TableReader.open(f).withDelimiter(';'), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f).withDelimiter(';'),
                ProfileOptions.defaults()));
        CsvPathTest.assertSameProfile("money", java, sql);
        for (String c : new String[] {"amount", "price", "usd"}) {
            ColumnProfile p = java.column(c);
            assertThat(p.role()).as(c + ": " + p.reason()).isEqualTo(ColumnRole.CONTINUOUS);
            // lognormal(6, 1): the mean e^6.5 ≈ 665, so 1.234,56 is 1234.56, not 1.23456
            assertThat(p.moments().mean()).as(c).isBetween(600.0, 730.0);
        }
        assertThat(java.column("amount").invalid()).isEqualTo(1);
        assertThat(java.column("amount").invalidCells().get(0).value()).isEqualTo("#WERT!");
        assertThat(java.column("amount").reason()).contains("read as numbers with a decimal comma (1.234,56), as its",
                "1 cells are not numbers (invalid)");
        assertThat(java.column("usd").reason()).doesNotContain("decimal comma");
        // 12,25 / 0,5 / 41,250 / 41, (trailing zeros dropped): the decimal-comma convention, 41,250 is 41.25 kg
        ColumnProfile weight = java.column("weight");
        assertThat(weight.role()).as(weight.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(weight.reason()).contains("read as numbers with a decimal comma (1.234,56)");
        assertThat(weight.invalid()).isZero();
        // uniform on [0.1, 99.1]: mean 49.6
        assertThat(weight.moments().mean()).isBetween(46.0, 53.0);
    }

    @Test
    void germanPricesWithWholeThousandsAreNeverReadAThousandTimesTooSmall() throws IOException {
        // review12a: 1.299 € beside 19,99 € read as 1.299 (a price list's whole euros, '.' thousands): a continuous
        // column "1.108 to 909", silently a thousand times too small; then text with a hint (cells13: the column's
        // convention is the decimal comma, in which 1.299 is 1299, as pandas' thousands='.' and Excel-DE read it)
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder b = new StringBuilder("preis\n");
        for (int i = 0; i < 2000; i++) {
            double a = Math.exp(6 + r.nextGaussian());
            b.append(i % 3 == 0 ? String.format(Locale.GERMANY, "%,d €", Math.round(a))
                    : String.format(Locale.GERMANY, "%,.2f €", a)).append('\n');
        }
        Path f = Files.writeString(dir.resolve("preise.csv"), b.toString(), StandardCharsets.UTF_8);
        Profile java = ProfileBuilder.fit(TableReader.open(f).withDelimiter(';'), ProfileOptions.defaults());
        Profile sql = CsvPathTest.viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(f).withDelimiter(';'),
                ProfileOptions.defaults()));
        CsvPathTest.assertSameProfile("prices", java, sql);
        ColumnProfile p = java.column("preis");
        assertThat(p.role()).as(p.reason()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(p.reason()).contains("read as numbers with a decimal comma (1.234,56)",
                "read with '.' thousands separators (1.299 as 1299)");
        assertThat(p.invalid()).isZero();
        // lognormal(6, 1): the mean e^6.5 ≈ 665 €
        assertThat(p.moments().mean()).isBetween(600.0, 730.0);
    }
}
