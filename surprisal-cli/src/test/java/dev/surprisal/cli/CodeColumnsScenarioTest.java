// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Audit18 findings 5 and 7, through the command line: integer cells that a number would change are codes, read as
 * text. Postcodes of a US and Australian customer file ({@code 02134} Boston, {@code 2134} Burwood NSW) are two
 * places, not one number; a day whose zip codes lost their leading zeros (a round trip through Excel) is new
 * values; order IDs beyond 2^53 ({@code 9007199254740993}) are as many codes as written, not doubles that merge
 * neighbours. Before, mi read both postcodes as 2134 (the country looked independent of the postcode), drift said
 * OK to the Excel damage, and adjacent order IDs were one value.
 */
class CodeColumnsScenarioTest {
    @TempDir
    Path dir;

    /** Customers of a US and an Australian shop: postcode, country, a blank postcode now and then. */
    private Path customers() throws IOException {
        StringBuilder b = new StringBuilder("customer_id,postcode,country,spend\n");
        String[][] places = {{"02134", "US"}, {"2134", "AU"}, {"01001", "US"}, {"1001", "AU"}};
        Random r = new Random(18);
        for (int i = 0; i < 800; i++) {
            String[] p = places[r.nextInt(places.length)];
            b.append("C").append(10_000 + i).append(',').append(i % 97 == 0 ? "" : p[0]).append(',').append(p[1])
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.2f", 20 + 80 * r.nextDouble()))
                    .append('\n');
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, b);
        return f;
    }

    private static double value(Cli r, String name) {
        return r.out().lines().filter(l -> l.startsWith(name + "\t")).map(l -> Double.parseDouble(l.split("\t")[1]))
                .findFirst().orElseThrow(() -> new AssertionError(r.out() + r.err()));
    }

    @Test
    void miKeepsPostcodesWithLeadingZerosApartSoThePostcodeDeterminesTheCountry() throws IOException {
        Cli r = Cli.run("mi", "--data", customers().toString(), "--x", "postcode", "--y", "country");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // four postcodes, each in one country: I(postcode; country) is about H(country), 1 bit (the blank
        // postcodes, 1 row in 97, tell nothing); merged into 2134 and 1001 it was 0.00004 bits
        assertThat(value(r, "I(X;Y)")).isGreaterThan(0.98).isLessThanOrEqualTo(value(r, "H(Y)"));
        // four postcodes and the blank (missing, one value in mi): just over log2 4 = 2 bits; merged, 1 bit
        assertThat(value(r, "H(X)")).isBetween(2.0, 2.1);
        assertThat(r.err()).contains("postcode: 4 distinct text values: categorical; codes with leading zeros"
                + " (e.g. 01001): read as text, so that 007 and 7 stay two codes");
    }

    @Test
    void entropySaysWhyThePostcodesAreFourLabels() throws IOException {
        Cli r = Cli.run("entropy", "--data", customers().toString(), "--column", "postcode");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(Double.parseDouble(r.out().lines().findFirst().orElseThrow().trim())).isCloseTo(2.0, within(0.02));
        assertThat(r.err()).contains("postcode: 4 distinct text values: categorical; codes with leading zeros");
    }

    @Test
    void driftFlagsZipCodesThatLostTheirLeadingZeros() throws IOException {
        String[] zips = {"02134", "01001", "02139", "10001", "94105", "60601"};
        StringBuilder ref = new StringBuilder("zip,orders\n");
        StringBuilder excel = new StringBuilder("zip,orders\n");
        Random r = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            String z = zips[r.nextInt(zips.length)];
            ref.append(z).append(',').append(1 + r.nextInt(5)).append('\n');
            String z2 = zips[r.nextInt(zips.length)];
            excel.append(z2.replaceFirst("^0+", "")).append(',').append(1 + r.nextInt(5)).append('\n');
        }
        Path a = dir.resolve("ref.csv");
        Path b = dir.resolve("today.csv");
        Files.writeString(a, ref);
        Files.writeString(b, excel);
        Cli c = Cli.run("drift", "compare", a.toString(), b.toString());
        assertThat(c.code()).as(c.out() + c.err()).isEqualTo(ExitCode.ALARM);
        assertThat(c.out()).containsPattern("(?m)^  zip +categorical +6 distinct text values: categorical; codes with"
                + " leading zeros \\(e\\.g\\. 01001\\)");
        assertThat(c.out()).containsPattern("(?m)^zip +categorical .* DRIFT$");
        assertThat(c.out()).contains("new values in zip").contains("\"2134\"").contains("\"1001\"");
    }

    @Test
    void orderIdsBeyondTwoToThe53AreAsManyCodesAsWritten() throws IOException {
        // four neighbouring order IDs, each a product line: as doubles ...993 and ...992 were one value
        String[] codes = {"9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995"};
        String[] lines = {"shoes", "bags", "hats", "belts"};
        StringBuilder b = new StringBuilder("order_code,line\n");
        Random r = new Random(5);
        for (int i = 0; i < 600; i++) {
            int k = r.nextInt(4);
            b.append(codes[k]).append(',').append(lines[k]).append('\n');
        }
        Path f = dir.resolve("orders.csv");
        Files.writeString(f, b);
        Cli m = Cli.run("mi", "--data", f.toString(), "--x", "order_code", "--y", "line");
        assertThat(m.code()).as(m.out() + m.err()).isZero();
        assertThat(value(m, "H(X)")).isCloseTo(2.0, within(0.02));
        assertThat(value(m, "I(X;Y)")).isCloseTo(value(m, "H(Y)"), within(1e-9));
        assertThat(m.err()).contains("order_code: 4 distinct text values: categorical; integers beyond 2^53, exact"
                + " only as text (e.g. 9007199254740993)");

        // today the odd codes are gone, each replaced by its even neighbour: as doubles nothing changed
        Path today = dir.resolve("today.csv");
        Files.writeString(today, Files.readString(f).replace("9007199254740993", "9007199254740992")
                .replace("9007199254740995", "9007199254740994"));
        Cli d = Cli.run("drift", "compare", f.toString(), today.toString(), "--exclude", "line");
        assertThat(d.code()).as(d.out() + d.err()).isEqualTo(ExitCode.ALARM);
        assertThat(d.out()).containsPattern("(?m)^order_code +categorical .* DRIFT$");
    }
}
