// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code surprisal drift compare} end to end on orders whose amount is written "2,096.40", whose rate is
 * written "37.5%" and whose comment is free text of many rare values: a same-distribution day exits 0,
 * a moved rate or comments that all become one new value exit 1 on that column alone.
 */
class NumberLikeTextDriftTest {
    @TempDir
    Path dir;

    private static final String[] COMMON = {"fine", "ok", "late", "broken box", "wrong size", "great"};

    /**
     * A day of 5,000 orders: amount lognormal around 1,500 with thousands separators, rate uniform on
     * [rateFrom, 100) with a '%' sign, comment a common phrase 40% of the time and else a one-off text
     * (or {@code oneComment} on every row when not null).
     */
    private Path day(String name, long seed, double rateFrom, String oneComment) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,amount,rate,comment\n");
        for (int i = 0; i < 5000; i++) {
            String comment = oneComment != null ? oneComment : r.nextDouble() < 0.4
                    ? COMMON[r.nextInt(COMMON.length)] : "order " + (100_000 + r.nextInt(900_000)) + " arrived "
                    + COMMON[r.nextInt(COMMON.length)];
            b.append(String.format(Locale.US, "%d,\"%,.2f\",%.1f%%,%s%n", seed * 10_000 + i,
                    Math.exp(7.3 + 0.6 * r.nextGaussian()), rateFrom + (100 - rateFrom) * r.nextDouble(), comment));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
    }

    @Test
    void aSameDistributionDayOfNumberLikeTextAndFreeTextIsOk() throws IOException {
        Cli r = Cli.run("drift", "compare", day("ref.csv", 1, 0, null).toString(), day("day.csv", 2, 0, null).toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  amount +continuous +[0-9,]+ distinct numbers .*: continuous$")
                .containsPattern("(?m)^  rate +continuous +[0-9,]+ distinct numbers \\(0 to (99\\.9|100)\\): continuous$")
                .containsPattern("(?m)^  comment +categorical +[0-9,]+ distinct text values: categorical(; .*)?$");
        assertThat(row(r, "amount")).endsWith(" OK");
        assertThat(row(r, "comment")).endsWith(" OK");
    }

    @Test
    void aRateThatMovesToTheUpperHalfDrifts() throws IOException {
        Cli r = Cli.run("drift", "compare", day("ref.csv", 1, 0, null).toString(),
                day("moved.csv", 3, 50, null).toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(r, "rate")).endsWith(" DRIFT");
        assertThat(row(r, "amount")).endsWith(" OK");
        assertThat(row(r, "comment")).endsWith(" OK");
    }

    @Test
    void commentsThatAllBecomeOneNewValueDrift() throws IOException {
        Cli r = Cli.run("drift", "compare", day("ref.csv", 1, 0, null).toString(),
                day("one.csv", 4, 0, "see attachment").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(r, "comment")).endsWith(" DRIFT");
        assertThat(row(r, "rate")).endsWith(" OK");
        assertThat(r.out()).contains("see attachment");
    }

    @Test
    void groupedWholeNumbersAreNumbersAndDecimalCommasBesideThemAreTheWeightsConvention() throws IOException {
        // qty "1,100" beside "10": thousands groups throughout, so 1234; weight "1,5" beside "1,234": a third of the
        // cells use a decimal comma, the column's convention, so 1,234 is 1.234 and the reason says so (cells13:
        // before, the column was text)
        StringBuilder b = new StringBuilder("qty,weight\n");
        for (int i = 0; i < 300; i++) {
            b.append(i % 10 == 0 ? String.valueOf(i) : "\"" + (i % 7 + 1) + "," + (100 + i % 20) + "\"").append(',')
                    .append(i % 3 == 0 ? "\"1," + (i % 9 + 1) + "\"" : "\"" + (i % 5 + 1) + "," + (100 + i % 900) + "\"")
                    .append('\n');
        }
        Path f = Files.writeString(dir.resolve("grouped.csv"), b.toString());
        Cli r = Cli.run("drift", "compare", f.toString(), f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  qty +continuous +[0-9,]+ distinct integers \\(0 to 7119\\): "
                + "continuous$");
        assertThat(r.out()).containsPattern("(?m)^  weight +continuous +.*: continuous; read as numbers with a decimal"
                + " comma \\(1\\.234,56\\), as its 100 cells like 1,1 write them; 200 cells like [0-9],[0-9]{3} read with"
                + " the decimal comma \\(1,234 as 1\\.234\\)$");
    }
}
