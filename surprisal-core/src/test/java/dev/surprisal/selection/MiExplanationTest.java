// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.core.Base;
import dev.surprisal.inference.SequentialPermutationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences of {@code mi --explain}, now in the library so that a Java user gets them too. */
class MiExplanationTest {
    private static RankedFeature feature(String name, double mi, double mono, double p, double pearson,
                                         DependenceVerdict v) {
        SequentialPermutationTest.Result test = Double.isNaN(p) ? null
                : new SequentialPermutationTest.Result(mi, 99, 0, p, false, 0.0, 0.01, 0.02, 99, 42);
        return new RankedFeature(name, "continuous", 100, "KSG1", mi, Double.NaN, Double.NaN,
                test, 100, mono, pearson, Double.NaN, v, List.of(), null, 100, mi, TargetShare.Note.NONE);
    }

    @Test
    void featureRelevanceSaysTheVerdictAndItsNumbers() {
        String nonMonotone = MiExplanation.featureRelevance(feature("x", 2.9, 0.4, 0.01, 0.01,
                DependenceVerdict.NON_MONOTONE), "y", Base.NATS, 0.05, false).get(0);
        assertThat(nonMonotone).isEqualTo("x tells you 2.9 nats about y (2.9 nats above chance, p = 0.01);"
                + " Pearson r = 0.01: correlation misses most of this (U-shaped or other non-monotone dependence):"
                + " the best monotone trend of x carries only 0.4 nats, and the rest is beyond what shuffled data give.");
        String none = MiExplanation.featureRelevance(feature("z", 0.01, 0.0, 0.4, 0.02,
                DependenceVerdict.NO_EVIDENCE), "y", Base.NATS, 0.05, false).get(0);
        assertThat(none).contains("no evidence of dependence").endsWith("(p = 0.4 > 0.05).");
        String mono = MiExplanation.featureRelevance(feature("w", Math.log(2), 0.9 * Math.log(2), 0.01, 0.8,
                DependenceVerdict.MONOTONE), "y", Base.BITS, 0.05, false).get(0);
        assertThat(mono).startsWith("w tells you 1 bit about y (1 bit above chance, p = 0.01)")
                .contains("correlation sees most of this");
        String untested = MiExplanation.featureRelevance(feature("v", 0.3, 0.1, Double.NaN, 0.1,
                DependenceVerdict.NOT_TESTED), "y", Base.NATS, 0.05, false).get(0);
        assertThat(untested).contains("not tested").doesNotContain("correlation");
    }

    @Test
    void aboveChanceOnASubsampleSaysSo() {
        // 40,000 rows, tested on a 20,000-row subsample where the MI is 0.011 nats and the null mean 0; every row: -0.0016
        SequentialPermutationTest.Result test =
                new SequentialPermutationTest.Result(0.011, 99, 0, 0.01, false, 0.0, 0.003, 0.005, 99, 42);
        RankedFeature f = new RankedFeature("signal", "continuous", 40_000,
                "KSG1", -0.0016, Double.NaN, Double.NaN, test, 20_000, 0.011, 0.05, Double.NaN,
                DependenceVerdict.MONOTONE, List.of(), null, 20_000, 0.011);
        assertThat(MiExplanation.featureRelevance(f, "y", Base.NATS, 0.05, false).get(0))
                .startsWith("signal's MI estimate about y is -0.0016 nats, below 0, which a kNN estimate gives when the"
                        + " true MI is 0 or small (true MI is never negative) (-0.0016 nats above chance, p = 0.01 from a"
                        + " test on a seeded 20000-row subsample): the test on the subsample finds dependence, but the MI"
                        + " of all 40000 rows is not above chance, so any dependence is weak");
    }

    @Test
    void anAdjustedValueIsNamedAndDecidesTheVerdict() {
        // p = 0.03 alone would pass 0.05; adjusted for the other features tested, q = 0.12 does not
        RankedFeature f = feature("z", 0.02, 0.0, 0.03, 0.02, DependenceVerdict.MONOTONE).withQValue(0.12, 0.05);
        assertThat(f.verdict()).isEqualTo(DependenceVerdict.NO_EVIDENCE);
        assertThat(f.significant(0.05)).isFalse();
        assertThat(MiExplanation.featureRelevance(f, "y", Base.NATS, 0.05, true).get(0))
                .contains("p = 0.03, q = 0.12 adjusted for the other columns tested")
                .endsWith("no evidence of dependence, shuffled data give as much (q = 0.12 > 0.05).");
    }

    @Test
    void aRankedNoiseColumnCitesTheQThatDecidedEvenWhereItEqualsP() {
        // the audit's noise4: p = 1 and, adjusted over the ranking, q = 1; the table shows q, so must the sentence
        // (the old sentence said "(p > 0.05)" because q equalled p)
        RankedFeature f = feature("noise4", -0.02, 0.003, 1.0, 0.001, DependenceVerdict.NO_EVIDENCE)
                .withQValue(1.0, 0.05);
        String s = MiExplanation.featureRelevance(f, "y", Base.BITS, 0.05, true).get(0);
        assertThat(s).contains("q = 1 adjusted for the other columns tested").endsWith("(q = 1 > 0.05).")
                .doesNotContain("p > 0.05");
    }

    @Test
    void aRawMiThatIsMostlyChanceDoesNotOpenAsInformation() {
        // last_sku: 5,000 values over 10,000 rows, plug-in MI 0.168 nats of which the shuffled mean is 0.166
        SequentialPermutationTest.Result test =
                new SequentialPermutationTest.Result(0.168, 99, 40, 0.41, false, 0.166, 0.003, 0.171, 99, 42);
        RankedFeature f = new RankedFeature("last_sku", "discrete", 10_000, "plug-in", 0.168, Double.NaN, Double.NaN,
                test, 10_000, Double.NaN, Double.NaN, Double.NaN, DependenceVerdict.NO_EVIDENCE, List.of(), null,
                10_000, 0.168, 0.41, TargetShare.Note.NONE, Double.NaN);
        String s = MiExplanation.featureRelevance(f, "churned", Base.NATS, 0.05, true).get(0);
        assertThat(s).startsWith("last_sku's MI estimate about churned is 0.168 nats, of which 0.166 nats is what a"
                + " column with its values gets by chance (the mean after shuffling churned) (0.002 nats above chance")
                .doesNotContain("tells you");
    }

    @Test
    void anExactMonotoneFunctionQuotesTheRowsItWasSeenOn() {
        // 40,000 rows; the trend (and its +infinity) was fitted on the test's 20,000-row subsample only
        SequentialPermutationTest.Result test =
                new SequentialPermutationTest.Result(3.1, 99, 0, 0.001, false, 0.0, 0.01, 0.02, 99, 42);
        RankedFeature f = new RankedFeature("celsius", "continuous", 40_000, "KSG1", 3.2, Double.NaN, Double.NaN,
                test, 20_000, Double.POSITIVE_INFINITY, 1.0, 1.0, DependenceVerdict.MONOTONE, List.of(), null, 20_000,
                3.1, 0.001, TargetShare.Note.NONE, Double.POSITIVE_INFINITY);
        String s = MiExplanation.featureRelevance(f, "fahrenheit", Base.NATS, 0.05, true).get(0);
        assertThat(s).contains("exact monotone function of celsius on the seeded 20000-row subsample of the test")
                .contains("reaches at 20000 rows").doesNotContain("40000 rows");
        RankedFeature all = new RankedFeature("celsius", "continuous", 500, "KSG1", 3.2, Double.NaN, Double.NaN,
                test, 500, Double.POSITIVE_INFINITY, 1.0, 1.0, DependenceVerdict.MONOTONE, List.of(), null, 500,
                3.2, 0.001, TargetShare.Note.NONE, Double.POSITIVE_INFINITY);
        assertThat(MiExplanation.featureRelevance(all, "fahrenheit", Base.NATS, 0.05, true).get(0))
                .contains("exact monotone function of celsius on all 500 rows").contains("reaches at 500 rows");
    }

    @Test
    void aMonotoneMiAboveTheEstimateSaysTheEstimateIsLowNotHalfOfIt() {
        // a KSG estimate below its Gaussian bound (the note says so): "at least half of it" would contradict the table
        SequentialPermutationTest.Result test =
                new SequentialPermutationTest.Result(2.976, 99, 0, 0.001, false, 0.0, 0.01, 0.02, 99, 42);
        RankedFeature f = new RankedFeature("leak", "continuous", 100, "KSG1", 2.976, Double.NaN, Double.NaN, test,
                100, 3.406, 0.9994, Double.NaN, DependenceVerdict.MONOTONE,
                List.of(TargetRanking.BIASED_LOW + " the KSG estimate ..."), null, 100, 2.976, 0.001,
                TargetShare.Note.NONE, 3.406);
        String s = MiExplanation.featureRelevance(f, "y", Base.NATS, 0.05, true).get(0);
        assertThat(s).contains("correlation sees all of this").contains("biased low")
                .contains("the MI is at least 3.41 nats").doesNotContain("at least half of it");
        // the verdict is the field, not the note's wording: reworded (or no) note, the same sentence; the note's words
        // without the field claim nothing
        RankedFeature reworded = new RankedFeature("leak", "continuous", 100, "KSG1", 2.976, Double.NaN, Double.NaN,
                test, 100, 3.406, 0.9994, Double.NaN, DependenceVerdict.MONOTONE, List.of("KSG is low here"), null, 100,
                2.976, 0.001, TargetShare.Note.NONE, 3.406);
        assertThat(MiExplanation.featureRelevance(reworded, "y", Base.NATS, 0.05, true).get(0)).isEqualTo(s);
        RankedFeature wordsOnly = new RankedFeature("leak", "continuous", 100, "KSG1", 2.976, Double.NaN, Double.NaN,
                test, 100, 3.406, 0.9994, Double.NaN, DependenceVerdict.MONOTONE,
                List.of(TargetRanking.BIASED_LOW + " the KSG estimate ..."), null, 100, 2.976, 0.001,
                TargetShare.Note.NONE, Double.NaN);
        assertThat(MiExplanation.featureRelevance(wordsOnly, "y", Base.NATS, 0.05, true).get(0))
                .doesNotContain("biased low");
        assertThat(f.toString()).contains("biasedLowBound=3.4060 nats");
        assertThat(wordsOnly.toString()).doesNotContain("biasedLowBound");
        // without the note, a monotone MI at the estimate's level (a plug-in pair: equal) claims no bias
        String equal = MiExplanation.featureRelevance(feature("flag", 0.09, 0.09, 0.001, 0.25,
                DependenceVerdict.MONOTONE), "y", Base.NATS, 0.05, true).get(0);
        assertThat(equal).contains("as much as the estimate within its noise").doesNotContain("biased low");
    }

    @Test
    void aRankedFeaturePrintsItsUnits() {
        RankedFeature f = feature("x", 2.97564, 0.4, 0.01, 0.01, DependenceVerdict.NON_MONOTONE);
        assertThat(f.toString()).contains("feature=x").contains("mi=2.9756 nats").contains("miMonotone=0.4000 nats")
                .contains("verdict=non-monotone");
    }

    @Test
    void selectionSentencesNameTheGuards() {
        assertThat(MiExplanation.selection(MiSelection.Method.MRMR).get(0)).startsWith("mRMR adds")
                .contains("clipped at 0").contains("chosen without evidence");
        assertThat(MiExplanation.selection(MiSelection.Method.JMI).get(0)).startsWith("JMI adds");
    }
}
