// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BaseTest {
    @Test
    void parsesNamedBasesAndNumbers() {
        assertThat(Base.parse("2")).isSameAs(Base.BITS);
        assertThat(Base.parse("bits")).isSameAs(Base.BITS);
        assertThat(Base.parse("e")).isSameAs(Base.NATS);
        assertThat(Base.parse("10")).isSameAs(Base.BANS);
        assertThat(Base.parse("3").base()).isEqualTo(3.0);
        assertThat(Base.parse("3").unit()).isEqualTo("log3 units");
    }

    @Test
    void rejectsBasesNotAboveOne() {
        assertThatThrownBy(() -> Base.parse("1")).hasMessageContaining("base").hasMessageContaining("1.0");
        assertThatThrownBy(() -> Base.of(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Base.parse("coin")).hasMessageContaining("'coin'");
    }

    @Test
    void convertsNatsToBits() {
        assertThat(Base.BITS.fromNats(Math.log(2))).isCloseTo(1.0, within(1e-15));
        assertThat(Base.BANS.fromNats(Math.log(1000))).isCloseTo(3.0, within(1e-15));
        assertThat(Base.BITS.fromNats(Double.POSITIVE_INFINITY)).isInfinite();
    }

    @Property
    void roundTripsThroughNats(@ForAll @DoubleRange(min = 1.01, max = 1e6) double b,
                               @ForAll @DoubleRange(min = 0, max = 1e3) double v) {
        Base base = Base.of(b);
        assertThat(base.fromNats(base.toNats(v))).isCloseTo(v, within(1e-12 * Math.max(1, v)));
    }
}
