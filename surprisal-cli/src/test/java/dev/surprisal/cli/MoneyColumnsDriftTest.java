// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

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
 * Money columns as other tools write them are monitored (issue 9, audit12 defects 1 and 2): a German Excel
 * export (UTF-8 BOM, CRLF, ';', amounts {@code 569,97} and {@code 1.234,56}, prices {@code 569,97 €}) and a
 * US export (prices {@code $1,200.00}). Before, both columns were id-like and not scored, so every amount
 * tripled was all OK, exit 0.
 */
class MoneyColumnsDriftTest {
    @TempDir
    Path dir;

    /** Lognormal(6, 1) amounts with 2 decimals, as audit12's gen.py draws them (mean e^6.5 ≈ 665). */
    private static double[] amounts(long seed, double factor) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.round(Math.exp(6 + r.nextGaussian()) * factor * 100) / 100.0;
        }
        return a;
    }

    /** An amount as German Excel writes it: '.' thousands groups, a decimal comma ({@code 1.234,56}). */
    private static String german(double x) {
        return String.format(Locale.GERMANY, "%,.2f", x);
    }

    /** order id;amount;price;churned, as a German Excel export: BOM, CRLF, ';'. */
    private Path excel(String name, long seed, double factor) throws IOException {
        double[] a = amounts(seed, factor);
        StringBuilder b = new StringBuilder("\uFEFForder id;amount;price;churned\r\n");
        for (int i = 0; i < a.length; i++) {
            b.append(i + 1).append(';').append(german(a[i])).append(';').append(german(a[i])).append(" €;")
                    .append(a[i] > 800 ? 1 : 0).append("\r\n");
        }
        return Files.writeString(dir.resolve(name), b.toString(), StandardCharsets.UTF_8);
    }

    /** order id,amount,price as a US export: the price with a '$' and ',' thousands groups, quoted. */
    private Path us(String name, long seed, double factor) throws IOException {
        double[] a = amounts(seed, factor);
        StringBuilder b = new StringBuilder("order id,amount,price\n");
        for (int i = 0; i < a.length; i++) {
            b.append(i + 1).append(',').append(a[i]).append(",\"").append(String.format(Locale.US, "$%,.2f", a[i]))
                    .append("\"\n");
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
    }

    @Test
    void germanExcelAmountsAreNumbersAndTheirTriplingDrifts() throws IOException {
        Path ref = excel("ref.csv", 1, 1);
        Cli same = Cli.run("drift", "compare", ref.toString(), excel("day.csv", 2, 1).toString(), "--delimiter", ";");
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).containsPattern("(?m)^  amount +continuous +[0-9,]+ distinct numbers \\([^)]+\\): "
                + "continuous; read as numbers with a decimal comma \\(1\\.234,56\\), as its 5,000 cells like "
                + "[0-9.,]+ write them$");
        assertThat(same.out()).containsPattern("(?m)^  price +continuous +.*: continuous; read as numbers with a "
                + "decimal comma \\(1\\.234,56\\), as its 5,000 cells like [0-9.,]+ € write them$");
        assertThat(row(same, "amount")).endsWith(" OK");

        Cli tripled = Cli.run("drift", "compare", ref.toString(), excel("x3.csv", 3, 3).toString(), "--delimiter", ";");
        assertThat(tripled.code()).as(tripled.out() + tripled.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(tripled, "amount")).endsWith(" DRIFT");
        assertThat(row(tripled, "price")).endsWith(" DRIFT");
    }

    @Test
    void dollarPricesAreNumbersAndTheirTriplingDrifts() throws IOException {
        Path ref = us("ref.csv", 1, 1);
        Cli same = Cli.run("drift", "compare", ref.toString(), us("day.csv", 2, 1).toString());
        assertThat(same.code()).as(same.out() + same.err()).isZero();
        assertThat(same.out()).containsPattern("(?m)^  price +continuous +[0-9,]+ distinct numbers .*: continuous$");
        assertThat(row(same, "price")).endsWith(" OK");

        Cli tripled = Cli.run("drift", "compare", ref.toString(), us("x3.csv", 3, 3).toString());
        assertThat(tripled.code()).as(tripled.out() + tripled.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(tripled, "price")).endsWith(" DRIFT");
        assertThat(row(tripled, "amount")).endsWith(" DRIFT");
    }
}
