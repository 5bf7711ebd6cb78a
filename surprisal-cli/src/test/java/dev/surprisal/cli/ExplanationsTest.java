// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationsTest {
    @Test
    void numbersAreRoundedToThreeSignificantDigits() {
        assertThat(Explanations.num(0.5108256237659907)).isEqualTo("0.511");
        assertThat(Explanations.num(0.08079313589591118)).isEqualTo("0.0808");
        assertThat(Explanations.num(2.0)).isEqualTo("2");
        assertThat(Explanations.num(1234.5678)).isEqualTo("1230");
        assertThat(Explanations.num(Double.POSITIVE_INFINITY)).isEqualTo("infinity");
    }

    @Test
    void oneBitIsSingularAndTwoBitsIsPerplexityFour() {
        assertThat(Explanations.quantity(1.0, Base.BITS)).isEqualTo("1 bit");
        assertThat(Explanations.quantity(2.0, Base.BITS)).isEqualTo("2 bits");
        assertThat(Explanations.entropy(2.0, Base.BITS, 4)).anySatisfy(s -> assertThat(s).contains("among 4 equally likely"));
        // ln 2 nats is one coin flip whatever the unit
        assertThat(Explanations.entropy(Math.log(2), Base.NATS, 2).get(0)).contains("one fair coin flip");
    }

    @Test
    void infiniteKlExplainsTheImpossibleOutcome() {
        assertThat(Explanations.kl(Double.POSITIVE_INFINITY, Base.NATS, "KL(P||Q)", "P", "Q").get(0))
                .contains("infinite").contains("probability 0");
    }

    private static dev.surprisal.selection.RankedFeature feature(String name, double mi, double mono, double p,
                                                                 double pearson,
                                                                 dev.surprisal.selection.DependenceVerdict v) {
        dev.surprisal.inference.SequentialPermutationTest.Result test = Double.isNaN(p) ? null
                : new dev.surprisal.inference.SequentialPermutationTest.Result(mi, 99, 0, p, false, 0.0, 0.01, 0.02, 99, 42);
        return new dev.surprisal.selection.RankedFeature(name, "continuous", 100, "KSG1", mi, Double.NaN, Double.NaN,
                test, 100, mono, pearson, Double.NaN, v, java.util.List.of(), null, 100, mi,
                dev.surprisal.selection.TargetShare.Note.NONE);
    }

    @Test
    void featureRelevanceSaysTheVerdictAndItsNumbers() {
        String nonMonotone = Explanations.featureRelevance(feature("x", 2.9, 0.4, 0.01, 0.01,
                dev.surprisal.selection.DependenceVerdict.NON_MONOTONE), "y", Base.NATS, 0.05).get(0);
        assertThat(nonMonotone).isEqualTo("x tells you 2.9 nats about y (2.9 nats above chance, p = 0.01);"
                + " Pearson r = 0.01: correlation misses most of this (U-shaped or other non-monotone dependence):"
                + " the best monotone trend of x carries only 0.4 nats, and the rest is beyond what shuffled data give.");
        String none = Explanations.featureRelevance(feature("z", 0.01, 0.0, 0.4, 0.02,
                dev.surprisal.selection.DependenceVerdict.NO_EVIDENCE), "y", Base.NATS, 0.05).get(0);
        assertThat(none).contains("no evidence of dependence").contains("p = 0.4");
        String mono = Explanations.featureRelevance(feature("w", Math.log(2), 0.9 * Math.log(2), 0.01, 0.8,
                dev.surprisal.selection.DependenceVerdict.MONOTONE), "y", Base.BITS, 0.05).get(0);
        assertThat(mono).startsWith("w tells you 1 bit about y (1 bit above chance, p = 0.01)")
                .contains("correlation sees most of this");
        String untested = Explanations.featureRelevance(feature("v", 0.3, 0.1, Double.NaN, 0.1,
                dev.surprisal.selection.DependenceVerdict.NOT_TESTED), "y", Base.NATS, 0.05).get(0);
        assertThat(untested).contains("not tested").doesNotContain("correlation");
    }

    @Test
    void aboveChanceOnASubsampleSaysSo() {
        // 40,000 rows, tested on a 20,000-row subsample where the MI is 0.011 nats and the null mean 0; every row: -0.0016
        dev.surprisal.inference.SequentialPermutationTest.Result test =
                new dev.surprisal.inference.SequentialPermutationTest.Result(0.011, 99, 0, 0.01, false, 0.0, 0.003, 0.005, 99, 42);
        dev.surprisal.selection.RankedFeature f = new dev.surprisal.selection.RankedFeature("signal", "continuous", 40_000,
                "KSG1", -0.0016, Double.NaN, Double.NaN, test, 20_000, 0.011, 0.05, Double.NaN,
                dev.surprisal.selection.DependenceVerdict.MONOTONE, java.util.List.of(), null, 20_000, 0.011);
        assertThat(Explanations.featureRelevance(f, "y", Base.NATS, 0.05).get(0))
                .startsWith("signal's MI estimate about y is -0.0016 nats, below 0, which a kNN estimate gives when the"
                        + " true MI is 0 or small (true MI is never negative) (-0.0016 nats above chance, p = 0.01 from a"
                        + " test on a seeded 20000-row subsample): the test on the subsample finds dependence, but the MI"
                        + " of all 40000 rows is not above chance, so any dependence is weak");
    }

    @Test
    void anAdjustedValueIsNamedAndDecidesTheVerdict() {
        // p = 0.03 alone would pass 0.05; adjusted for the other features tested, q = 0.12 does not
        dev.surprisal.selection.RankedFeature f = feature("z", 0.02, 0.0, 0.03, 0.02,
                dev.surprisal.selection.DependenceVerdict.MONOTONE).withQValue(0.12, 0.05);
        assertThat(f.verdict()).isEqualTo(dev.surprisal.selection.DependenceVerdict.NO_EVIDENCE);
        assertThat(f.significant(0.05)).isFalse();
        assertThat(Explanations.featureRelevance(f, "y", Base.NATS, 0.05).get(0))
                .contains("p = 0.03, q = 0.12 adjusted for the other columns tested")
                .endsWith("no evidence of dependence, shuffled data give as much (q > 0.05).");
    }
}
