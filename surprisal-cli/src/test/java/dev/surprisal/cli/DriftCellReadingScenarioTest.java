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
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, {@code surprisal drift compare} end to end on an orders export whose cells are written for
 * people: whole amounts with thousands separators ({@code "1,234"}) are a continuous column, so a
 * price rise alarms on it (before they were text: categorical, and the rise was judged as new labels);
 * a timestamp column that an upstream change fills with percentages or amounts alarms on its invalid
 * share (before {@code 50%} and {@code 1,234.5} were valid epoch times: OK); a country spelt
 * {@code "SE "} or {@code "se"} is named in quotes with what differs from {@code "SE"} and the fix.
 */
class DriftCellReadingScenarioTest {
    @TempDir
    Path dir;

    private static final String[] COUNTRIES = {"SE", "DE", "FR", "NO"};

    /**
     * 3,000 orders: order_id, ts (ISO), amount in whole SEK written "%,d" (lognormal around 1,500, times
     * {@code price}), country; {@code ts} and {@code country} rewrite those cells when not null.
     */
    private Path orders(String name, long seed, double price, UnaryOperator<String> ts, UnaryOperator<String> country)
            throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,ts,amount,country\n");
        for (int i = 0; i < 3000; i++) {
            String t = String.format(Locale.ROOT, "2024-05-%02d %02d:%02d:00", 1 + r.nextInt(30), r.nextInt(24),
                    r.nextInt(60));
            long amount = Math.round(price * Math.exp(7.2 + 0.7 * r.nextGaussian()));
            String c = COUNTRIES[r.nextInt(COUNTRIES.length)];
            b.append(seed * 100_000 + i).append(',').append(ts == null ? t : ts.apply(t)).append(",\"")
                    .append(String.format(Locale.US, "%,d", amount)).append("\",")
                    .append(country == null ? c : country.apply(c)).append('\n');
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow(
                () -> new AssertionError("no row " + column + " in\n" + r.out()));
    }

    @Test
    void amountsWithThousandsSeparatorsAreNumbersThatAlarmOnAPriceRiseAndNotOnAResample() throws IOException {
        String ref = orders("ref.csv", 1, 1, null, null).toString();
        Cli same = Cli.run("drift", "compare", ref, orders("same.csv", 2, 1, null, null).toString());
        assertThat(same.code()).as(same.out() + same.err()).isEqualTo(ExitCode.OK);
        assertThat(same.out()).containsPattern("(?m)^  amount +continuous +[0-9,]+ distinct integers \\(");
        assertThat(row(same, "amount")).endsWith(" OK");

        Cli rise = Cli.run("drift", "compare", ref, orders("rise.csv", 3, 1.3, null, null).toString());
        assertThat(rise.code()).as(rise.out() + rise.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(rise, "amount")).endsWith(" DRIFT");
        assertThat(row(rise, "country")).endsWith(" OK");
    }

    @Test
    void aTimestampColumnFilledWithPercentagesOrAmountsAlarmsOnItsInvalidShare() throws IOException {
        String ref = orders("ref.csv", 1, 1, null, null).toString();
        SplittableRandom r = new SplittableRandom(9);
        Cli shifted = Cli.run("drift", "compare", ref, orders("shifted.csv", 4, 1, t -> r.nextBoolean()
                ? r.nextInt(100) + "%" : String.format(Locale.US, "\"%,.1f\"", 1000 + 9000 * r.nextDouble()), null)
                .toString());
        assertThat(shifted.code()).as(shifted.out() + shifted.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(shifted, "ts")).endsWith(" DRIFT");
        assertThat(shifted.out()).contains("DRIFT: ts: invalid share rose 0.0% -> 100.0% (3,000 of 3,000 cells today, beyond noise)",
                "invalid cells in ts: 100.00% of today's rows");
    }

    @Test
    void aCountryRespeltWithASpaceOrInLowerCaseIsQuotedWithWhatDiffersAndTheFix() throws IOException {
        String ref = orders("ref.csv", 1, 1, null, null).toString();
        SplittableRandom r = new SplittableRandom(11);
        // a new export path: a fifth of the Swedish orders end in a space, a fifth are lower case
        Cli respelt = Cli.run("drift", "compare", ref, orders("respelt.csv", 5, 1, null, c -> {
            double u = r.nextDouble();
            return !c.equals("SE") ? c : u < 0.2 ? "SE " : u < 0.4 ? "se" : c;
        }).toString());
        assertThat(respelt.code()).as(respelt.out() + respelt.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(respelt, "country")).endsWith(" DRIFT");
        // each re-spelling is named with what differs from the reference's label (drift18's LabelVariants key)
        assertThat(respelt.out()).containsPattern("new values in country \\(share of today's values\\): ")
                .containsPattern("\"SE \" [0-9.]+% \\(the reference's \"SE\" with other surrounding spaces\\)")
                .containsPattern("\"se\" [0-9.]+% \\(the reference's \"SE\" with other case\\)")
                .contains("are reference labels written another way; if they are the same country, trim spaces and "
                        + "normalise case upstream, or count the spellings as one label with --normalize-labels");
    }

    @Test
    void aCountryEndingInAnInvisibleSpaceIsQuotedWithTheSpaceWrittenOut() throws IOException {
        String ref = orders("ref.csv", 1, 1, null, null).toString();
        SplittableRandom r = new SplittableRandom(12);
        // a no-break space or a zero-width space after "SE" prints like "SE" itself unless written out
        Cli respelt = Cli.run("drift", "compare", ref, orders("invisible.csv", 5, 1, null, c -> {
            double u = r.nextDouble();
            return !c.equals("SE") ? c : u < 0.2 ? "SE\u00A0" : u < 0.4 ? "SE\u200B" : c;
        }).toString());
        assertThat(respelt.code()).as(respelt.out() + respelt.err()).isEqualTo(ExitCode.ALARM);
        assertThat(respelt.out()).containsPattern("\"SE\\\\u00A0\" [0-9.]+% \\(the reference's \"SE\" with other "
                + "surrounding spaces\\)").containsPattern("\"SE\\\\u200B\" [0-9.]+% \\(the reference's \"SE\" with "
                + "other surrounding spaces\\)")
                .contains("if they are the same country, trim spaces upstream")
                .doesNotContain("SE\u00A0").doesNotContain("SE\u200B");
    }
}
