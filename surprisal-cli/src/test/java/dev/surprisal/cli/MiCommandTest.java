// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 8 rows: x determines y for a,b; c is split evenly between y values. */
    private static Path csv(Path dir) throws IOException {
        Path f = dir.resolve("pairs.csv");
        Files.writeString(f, "x,y\na,u\na,u\nb,v\nb,v\nc,u\nc,v\nc,u\nc,v\n");
        return f;
    }

    @Test
    void discreteMiWithEntropiesNmiAndGTest(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "y", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        // sklearn.metrics.mutual_info_score(x, y) = 0.34657359027997264 nats = 0.5 bits
        assertThat(j.get("measure").asText()).isEqualTo("mutual-information");
        assertThat(j.get("unit").asText()).isEqualTo("bits");
        assertThat(j.get("value").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(j.get("entropy_x").asDouble()).isCloseTo(1.5, within(1e-12));
        assertThat(j.get("entropy_y").asDouble()).isCloseTo(1.0, within(1e-12));
        // normalized_mutual_info_score(x, y, average_method='arithmetic') = 0.5 / 1.25
        assertThat(j.get("nmi").asDouble()).isCloseTo(0.4, within(1e-12));
        // G = 2 N MI_nats = 16 * 0.34657... = 5.545, df = 2, p = exp(-G/2) for df 2
        assertThat(j.get("g").asDouble()).isCloseTo(16 * 0.34657359027997264, within(1e-9));
        assertThat(j.get("df").asInt()).isEqualTo(2);
        // expected counts of 1 to 2 per cell: the χ² tail, exp(-G/2) = 0.0625, is liberal there, so no G-test p is
        // shown (issue 12); the permutation test's random tables give the pair's p
        assertThat(j.has("g_test_p")).isFalse();
        assertThat(j.get("estimator").asText()).isEqualTo("plug-in");
        assertThat(j.get("p_value").asDouble()).isBetween(0.0, 1.0); // the permutation test's
        assertThat(j.get("n").asLong()).isEqualTo(8);
    }

    @Test
    void pValuesAreDimensionlessNotAUnitCalledProbability(@TempDir Path dir) throws Exception {
        // the audit: "permutation p 0.01 probability"; a p-value has no unit, as NMI beside it
        Cli r = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "y");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("permutation p\t").doesNotContain("probability");
        assertThat(r.out().lines().filter(l -> l.contains(" p\t"))).allMatch(l -> l.endsWith("\tunitless"));
    }

    @Test
    void aRankedNoiseColumnCitesItsQInTheExplanation(@TempDir Path dir) throws Exception {
        // a target, a real predictor and pure noise: the table shows q for every feature, so the sentence that
        // decides "no evidence" cites q, even where q equals p
        StringBuilder b = new StringBuilder("x,noise,y\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            double x = rng.nextGaussian();
            b.append(x).append(',').append(rng.nextGaussian()).append(',').append(x + 0.5 * rng.nextGaussian())
                    .append('\n');
        }
        Path f = Files.writeString(dir.resolve("ranked.csv"), b.toString());
        Cli r = Cli.run("mi", "--data", f.toString(), "--target", "y", "--explain", "--bootstrap", "0");
        assertThat(r.code()).as(r.err()).isZero();
        String noise = r.out().lines().filter(l -> l.startsWith("noise") && l.contains("about y")).findFirst()
                .orElseThrow();
        assertThat(noise).contains("no evidence of dependence").containsPattern("\\(q = [0-9.e-]+ > 0\\.05\\)\\.$")
                .doesNotContain("(p > 0.05)");
        // every number column says its unit, and a reader who sees "above chance" exceed the MI is told why
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("MI (bits)").contains("above chance (bits)")
                .contains("monotone MI (bits)");
        assertThat(r.out()).contains("the shuffled mean is slightly below 0, so 'above chance' can exceed the MI")
                .contains("p and q: smaller is stronger evidence");
    }

    @Test
    void aLeakOfAContinuousTargetIsNotedWithWhatToDo(@TempDir Path dir) throws Exception {
        // the audit: leak = y + N(0, 0.05) ranked first with no note, because the note was for discrete targets only
        StringBuilder b = new StringBuilder("x,leak,y\n");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(6);
        for (int i = 0; i < 500; i++) {
            double x = rng.nextGaussian();
            double y = x * x + 0.5 * rng.nextGaussian();
            b.append(x).append(',').append(y + 0.05 * rng.nextGaussian()).append(',').append(y).append('\n');
        }
        Path f = Files.writeString(dir.resolve("leak.csv"), b.toString());
        Cli r = Cli.run("mi", "--data", f.toString(), "--target", "y", "--bootstrap", "0", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode features = JSON.readTree(r.out()).get("features");
        assertThat(features.get(0).get("feature").asText()).isEqualTo("leak");
        assertThat(features.get(0).get("determines_target").asText()).isEqualTo("nearly-determines");
        assertThat(features.get(1).get("determines_target").asText()).isEqualTo("no");
        Cli text = Cli.run("mi", "--data", f.toString(), "--target", "y", "--bootstrap", "0");
        assertThat(text.out() + text.err()).contains("leak: nearly determines the target")
                .contains("leave it out of a model unless its value is known when the prediction is made");
    }

    @Test
    void plainOutputStartsWithMiAndExplains(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "y", "--explain");
        assertThat(r.code()).isZero();
        String[] first = r.out().lines().findFirst().orElseThrow().split("\t");
        assertThat(first[0]).isEqualTo("I(X;Y)");
        assertThat(Double.parseDouble(first[1])).isCloseTo(0.5, within(1e-12));
        assertThat(first[2]).isEqualTo("bits");
        assertThat(r.out()).contains("H(X)\t1.5\tbits").contains("Knowing x removes 0.5 bits of uncertainty about y");
    }

    @Test
    void missingFileAndUnknownColumnAreBadData(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("mi", "--data", dir.resolve("nope.csv").toString(), "--x", "x", "--y", "y");
        assertThat(missing.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(missing.err()).startsWith(ErrorHandlers.PREFIX).contains("nope.csv");
        Cli column = Cli.run("mi", "--data", csv(dir).toString(), "--x", "x", "--y", "zz");
        assertThat(column.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(column.err()).startsWith(ErrorHandlers.PREFIX).contains("zz");
        assertThat(Cli.run("mi", "--data", csv(dir).toString(), "--x", "x").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void entropyOfAColumn(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("entropy", "--data", csv(dir).toString(), "--column", "x");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.line()).isEqualTo("1.5");
        assertThat(Cli.run("entropy", "--data", csv(dir).toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("entropy", "--data", csv(dir).toString(), "--column", "nope").code()).isEqualTo(ExitCode.BAD_DATA);
    }

    @Test
    void anIntervalThatMissesItsEstimateIsNotPresentedAsOne(@TempDir Path dir) throws Exception {
        // y = x^2: the audit saw "MI 10.59 ... 95% CI [9.902, 9.945]" under a footnote saying it "errs on the wide side"
        StringBuilder b = new StringBuilder("x,y\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            double x = 2 * r.nextDouble() - 1;
            b.append(x).append(',').append(x * x).append('\n');
        }
        Path f = Files.writeString(dir.resolve("square.csv"), b.toString());
        Cli t = Cli.run("mi", "--data", f.toString(), "--target", "y", "--permutations", "0");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.err()).contains("x: bootstrap interval not shown: the resamples' interval [")
                .contains("lies below the estimate").contains("the true MI is infinite");
        // said once, and not mistaken for an interval skipped for size (1,000 rows is under that limit)
        assertThat(t.err().split("bootstrap interval not shown", -1)).hasSize(2);
        assertThat(t.err()).doesNotContain("no bootstrap interval for pairs above");
        assertThat(Cli.run("mi", "--data", f.toString(), "--target", "y", "--permutations", "0", "--explain").out())
                .doesNotContain("errs on the wide side");
        JsonNode x = JSON.readTree(Cli.run("mi", "--data", f.toString(), "--target", "y", "--permutations", "0",
                "--json").out()).get("features").get(0);
        assertThat(x.get("ci_lower").isNull()).isTrue();
        assertThat(x.get("warnings").toString()).contains("bootstrap interval not shown");
    }

    @Test
    void theHelpListsEveryVerdictTheRankingGives() {
        // a verdict a user meets in the table ('dependent' for text columns among them) is one the help explains
        String help = Cli.run("mi", "--help").out().replaceAll("\\s+", " ");
        for (dev.surprisal.selection.DependenceVerdict v : dev.surprisal.selection.DependenceVerdict.values()) {
            assertThat(help).contains("'" + v.label() + "'");
        }
    }
}
