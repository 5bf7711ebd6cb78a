// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import dev.surprisal.measures.Entropy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The argument a validation message names, and the lenient probability check (issue 11). */
class ValidationExceptionTest {
    @Test
    void theArgumentIsReadFromTheMessageConvention() {
        assertThat(new ValidationException("learningRate: must be > 0, got -1.0").argument()).isEqualTo("learningRate");
        assertThat(new ValidationException("p[3]: is negative (-0.5)").argument()).isEqualTo("p");
        assertThat(new ValidationException("samples[2][1]: is NaN").argument()).isEqualTo("samples");
        assertThat(new ValidationException("x and y: lengths differ (3 vs 4)").argument()).isNull();
        assertThat(new ValidationException("/tmp/a.csv: line 3: bad").argument()).isNull();
        assertThat(new ValidationException(null).argument()).isNull();
    }

    @Test
    void theMessageCanNameTheOptionInstead() {
        assertThat(new ValidationException("learningRate: must be > 0, got -1.0").messageFor("--lr"))
                .isEqualTo("--lr: must be > 0, got -1.0");
        assertThat(new ValidationException("p[0]: is NaN").messageFor("--p")).isEqualTo("--p[0]: is NaN");
        assertThat(new ValidationException("no argument here").messageFor("--x")).isEqualTo("no argument here");
    }

    @Test
    void nearProbabilitiesRenormaliseOnlyWithinTheTolerance() {
        double[] exact = {0.5, 0.5};
        assertThat(Validate.nearProbabilities("p", exact)).isSameAs(exact);
        double[] typed = {0.333333, 0.333333, 0.333333};
        double[] q = Validate.nearProbabilities("p", typed);
        assertThat(q).isNotSameAs(typed);
        assertThat(q[0] + q[1] + q[2]).isCloseTo(1.0, within(1e-15));
        assertThat(q[0]).isCloseTo(1.0 / 3, within(1e-15));
        double[] four = {0.3333, 0.3333, 0.3333}; // audit18: thirds as people type them, sum 0.9999
        assertThat(Validate.nearProbabilities("p", four)[0]).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(Validate.nearProbabilities("p", new double[] {0.5, 0.5009})[1]).isCloseTo(0.5009 / 1.0009,
                within(1e-15));
        assertThatThrownBy(() -> Validate.nearProbabilities("p", new double[] {0.5, 0.4985}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("got sum 0.998");
        assertThatThrownBy(() -> Validate.nearProbabilities("p", new double[] {0.33, 0.33, 0.33}))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("p: probabilities must sum to 1");
        assertThatThrownBy(() -> Validate.probabilities("p", typed)).isInstanceOf(ValidationException.class);
    }

    @Test
    void weightsWhosePlainSumOverflowsStillNormalise() {
        assertThat(Entropy.ofUnnormalized(new double[] {1e308, 1e308}, Base.BITS)).isEqualTo(1.0);
        assertThat(Entropy.ofUnnormalized(new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, 0}, Base.of(3)))
                .isCloseTo(1.0, within(1e-15));
        assertThatThrownBy(() -> Entropy.ofUnnormalized(new double[] {0, 0}, Base.BITS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("total is zero");
    }
}
