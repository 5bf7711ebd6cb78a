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
}
