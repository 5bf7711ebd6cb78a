// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.Base;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimators;
import dev.surprisal.inference.EntropyInterval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entropy --data F --column C --bootstrap B} (issue 9, audit14 D5): the interval the library gives
 * ({@link ColumnEntropy} with replicates) is the one the CLI prints in text and JSON, for a text column, a
 * continuous one (Vasicek) and its bins; where no interval covers, the output says so; the option is validated as
 * {@code mi}'s. Orders of 400 rows: a 5-country column, a log-normal amount with two empty cells, and a SKU column
 * whose values are mostly seen once.
 */
class EntropyBootstrapCommandTest {
    @TempDir
    static Path dir;
    static Path orders;

    @BeforeAll
    static void orders() throws Exception {
        String[] countries = {"DE", "DE", "DE", "FR", "FR", "IT", "ES", "NL"};
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("order_id,country,amount,sku\n");
        for (int i = 0; i < 400; i++) {
            String amount = i == 17 || i == 230 ? "" : String.format(Locale.ROOT, "%.4f",
                    Math.exp(3 + 0.8 * r.nextGaussian()));
            csv.append(100000 + i).append(',').append(countries[r.nextInt(countries.length)]).append(',')
                    .append(amount).append(",SKU-").append(i < 300 ? i : r.nextInt(50)).append('\n');
        }
        orders = dir.resolve("orders.csv");
        Files.writeString(orders, csv);
    }

    private static JsonNode json(String... args) throws Exception {
        Cli cli = Cli.run(args);
        assertThat(cli.code()).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    private static ColumnEntropy.Result library(String column, Integer bins, String estimator) {
        return ColumnEntropy.of(TableReader.open(orders), column, RoleOverrides.none(), bins,
                estimator == null ? null : EntropyEstimators.byName(estimator), Base.BITS, 1000, 42);
    }

    @Test
    void textGivesTheIntervalWithItsMethodUnderTheValue() {
        Cli cli = Cli.run("entropy", "--data", orders.toString(), "--column", "country", "--bootstrap", "1000");
        assertThat(cli.code()).as(cli.err()).isZero();
        String[] lines = cli.out().split("\\R");
        ColumnEntropy.Result lib = library("country", null, null);
        EntropyInterval iv = lib.interval();
        assertThat(iv.shown()).isTrue();
        assertThat(lines[0]).isEqualTo(Report.format(((ColumnEntropy.Counted) lib).value()));
        assertThat(lines[1]).isEqualTo("95% CI\t[" + Report.format(iv.interval().lower()) + ", "
                + Report.format(iv.interval().upper()) + "]\tbits (basic bootstrap, 1,000 resamples)");
        assertThat(iv.interval().lower()).isLessThan(iv.interval().estimate());
        assertThat(iv.interval().upper()).isGreaterThan(iv.interval().estimate());
    }

    @Test
    void jsonCarriesTheLibrarysIntervalForEveryRole() throws Exception {
        Object[][] cases = {{"country", null, null, "basic"}, {"country", null, "miller-madow", "normal"},
            {"amount", null, null, "basic"}, {"amount", 10, null, "basic"}};
        for (Object[] c : cases) {
            String column = (String) c[0];
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("entropy", "--data",
                    orders.toString(), "--column", column, "--bootstrap", "1000", "--json"));
            if (c[1] != null) {
                args.addAll(java.util.List.of("--bins", c[1].toString()));
            }
            if (c[2] != null) {
                args.addAll(java.util.List.of("--estimator", (String) c[2]));
            }
            JsonNode j = json(args.toArray(String[]::new));
            EntropyInterval iv = library(column, (Integer) c[1], (String) c[2]).interval();
            assertThat(iv.shown()).as(column).isTrue();
            assertThat(j.get("ci_lower").asDouble()).as(column).isEqualTo(iv.interval().lower());
            assertThat(j.get("ci_upper").asDouble()).as(column).isEqualTo(iv.interval().upper());
            assertThat(j.get("ci_method").asText()).as(column).isEqualTo(c[3]);
            assertThat(j.get("ci_level").asDouble()).isEqualTo(0.95);
            assertThat(j.get("bootstrap").asLong()).isEqualTo(1000);
            assertThat(j.get("seed").asLong()).isEqualTo(42);
            assertThat(j.get("value").asDouble()).isBetween(j.get("ci_lower").asDouble(), j.get("ci_upper").asDouble());
        }
        // another seed, other resamples
        JsonNode seeded = json("entropy", "--data", orders.toString(), "--column", "amount", "--bootstrap", "1000",
                "--seed", "7", "--json");
        assertThat(seeded.get("ci_lower").asDouble()).isNotEqualTo(library("amount", null, null).interval().interval().lower());
    }

    @Test
    void aColumnOfValuesMostlySeenOnceSaysWhyItHasNoInterval() throws Exception {
        Cli cli = Cli.run("entropy", "--data", orders.toString(), "--column", "sku", "--bootstrap", "200");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("95% CI\tnot shown: ").contains("seen only once").doesNotContain("95% CI\t[");
        JsonNode j = json("entropy", "--data", orders.toString(), "--column", "sku", "--bootstrap", "200", "--json");
        assertThat(j.get("ci_lower").isNull()).isTrue();
        assertThat(j.get("ci_method").isNull()).isTrue();
        assertThat(j.toString()).contains("Good-Turing");
        Cli explain = Cli.run("entropy", "--data", orders.toString(), "--column", "sku", "--bootstrap", "200",
                "--explain");
        assertThat(explain.out()).contains("No 95% confidence interval is given");
    }

    @Test
    void explainStatesTheIntervalAndItsSimulatedCoverageForEveryEstimator() {
        Cli cli = Cli.run("entropy", "--data", orders.toString(), "--column", "amount", "--bootstrap", "200",
                "--explain");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("A 95% confidence interval for the entropy of amount's source is")
                .contains("basic bootstrap, 200 resamples of its values, seed 42")
                .contains("about 90-95% of the time");
        // plug-in's basic interval covered 90.2% (5 values, n = 50) and Miller-Madow's normal one 91.8%: said too
        Cli plugIn = Cli.run("entropy", "--data", orders.toString(), "--column", "country", "--bootstrap", "200",
                "--explain");
        assertThat(plugIn.out()).as(plugIn.err()).contains("200 resamples of its rows, seed 42")
                .contains("about 90-97% of the time");
        Cli binned = Cli.run("entropy", "--data", orders.toString(), "--column", "amount", "--bins", "10",
                "--bootstrap", "200", "--explain");
        assertThat(binned.out()).as(binned.err()).contains("A 95% confidence interval for amount's 10-bin entropy is")
                .contains("200 resamples of its values, seed 42").doesNotContain("source");
        Cli millerMadow = Cli.run("entropy", "--data", orders.toString(), "--column", "country", "--estimator",
                "miller-madow", "--bootstrap", "200", "--explain");
        assertThat(millerMadow.out()).as(millerMadow.err()).contains("normal bootstrap")
                .contains("about 92-96% of the time");
    }

    @Test
    void helpDescribesTheOptionWithAnExample() {
        Cli help = Cli.run("entropy", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--bootstrap=B").contains("where the simulation found coverage far below\n")
                .contains("95% (many values seen once")
                .contains("--column country --bootstrap 1000").contains("(95% CI [1.82, 1.91] bits, basic bootstrap)");
    }

    @Test
    void whatAppliesToAColumnIsTheLibrarysDecisionInTheOptionsWords() throws Exception {
        String f = orders.toString();
        // an estimator of counts on a continuous column: before, dropped without a word (Vasicek's value, exit 0)
        Cli estimator = Cli.run("entropy", "--data", f, "--column", "amount", "--estimator", "miller-madow");
        assertThat(estimator.code()).as(estimator.out()).isEqualTo(ExitCode.BAD_DATA);
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> library("amount", null, "miller-madow"));
        assertThat(refused).isInstanceOf(ColumnEntropy.Refusal.class);
        // the Java user's refusal, in the command line's words
        assertThat(estimator.err()).contains(((ColumnEntropy.Refusal) refused).message(refused.getMessage(),
                ColumnEntropyReport.OPTIONS)).contains("--estimator miller-madow: amount is continuous")
                .contains("--bins N").doesNotContain("bins = N");
        // binned, the estimator applies to the bin counts
        JsonNode binned = json("entropy", "--data", f, "--column", "amount", "--estimator", "chao-shen", "--bins", "10",
                "--json");
        assertThat(binned.get("estimator").asText()).isEqualTo("chao-shen");
        // bins below 1: a setting, refused before the column's role is looked at, whatever the column
        Cli zero = Cli.run("entropy", "--data", f, "--column", "country", "--bins", "0");
        assertThat(zero.code()).isEqualTo(ExitCode.USAGE);
        assertThat(zero.err()).contains("--bins 0: must be at least 1");
        // --bins without a column: it bins nothing, and says so instead of being dropped
        Cli noData = Cli.run("entropy", "0.5", "0.5", "--bins", "3");
        assertThat(noData.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noData.err()).contains("--bins applies to --data FILE --column C");
    }

    @Test
    void badBootstrapSettingsAreUsageErrorsNamingTheOption() {
        String f = orders.toString();
        Cli negative = Cli.run("entropy", "--data", f, "--column", "country", "--bootstrap", "-1");
        assertThat(negative.code()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("--bootstrap -1: must be 0 (no interval) or lie in [10, 100000]");
        Cli noData = Cli.run("entropy", "0.5", "0.5", "--bootstrap", "100");
        assertThat(noData.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noData.err()).contains("--bootstrap applies to --data FILE --column C");
        Cli counts = Cli.run("entropy", "--counts", "3", "1", "--seed", "3");
        assertThat(counts.code()).isEqualTo(ExitCode.USAGE);
        assertThat(counts.err()).contains("--seed applies to --data FILE");
        Cli estimator = Cli.run("entropy", "--data", f, "--column", "country", "--estimator", "chao-shen",
                "--bootstrap", "100");
        assertThat(estimator.code()).isEqualTo(ExitCode.USAGE);
        assertThat(estimator.err()).contains("--bootstrap 100:").contains("chao-shen");
        Cli seedAlone = Cli.run("entropy", "--data", f, "--column", "country", "--seed", "3");
        assertThat(seedAlone.code()).isEqualTo(ExitCode.USAGE);
        assertThat(seedAlone.err()).contains("--seed").contains("--bootstrap B");
        Cli none = Cli.run("entropy", "--data", f, "--column", "country", "--bootstrap", "0", "--json");
        assertThat(none.code()).isZero();
        assertThat(none.out()).doesNotContain("ci_lower");
    }
}
