// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.Counts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EntropyEstimatorsTest {

    @Test
    void byNameAcceptsEveryNameAndAlias() {
        assertThat(EntropyEstimators.byName("plug-in")).isSameAs(PlugInEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("plugin")).isSameAs(PlugInEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName(" ML ")).isSameAs(PlugInEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("Miller-Madow")).isSameAs(MillerMadowEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("chao-shen")).isSameAs(ChaoShenEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("grassberger")).isSameAs(GrassbergerEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("james-stein")).isSameAs(JamesSteinEntropy.INSTANCE);
        assertThat(EntropyEstimators.byName("NSB")).isSameAs(NsbEntropy.INSTANCE);
        for (String name : EntropyEstimators.names()) {
            assertThat(EntropyEstimators.byName(name).name()).isEqualTo(name);
        }
        assertThat(EntropyEstimators.all()).extracting(EntropyEstimator::name)
                .containsExactlyElementsOf(EntropyEstimators.names());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> EntropyEstimators.byName("jackknife"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("estimator")
                .hasMessageContaining("'jackknife'")
                .hasMessageContaining("miller-madow")
                .hasMessageContaining("nsb");
        assertThatThrownBy(() -> EntropyEstimators.byName(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("estimator");
    }

    @Test
    void badCountsAreRejectedNamingTheArgument() {
        assertThatThrownBy(() -> Counts.of(0L, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts: total count is zero");
        assertThatThrownBy(() -> Counts.of(3L, -1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts[1]: is negative (-1)");
        for (EntropyEstimator e : EntropyEstimators.all()) {
            assertThatThrownBy(() -> e.entropy(null, Base.NATS))
                    .as(e.name()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts");
            assertThatThrownBy(() -> e.entropy(Counts.of(1, 2), null))
                    .as(e.name()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
            assertThatThrownBy(() -> e.mutualInformation(null, Base.NATS))
                    .as(e.name()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
        }
    }

    @Test
    void hardCasesByHand() {
        // Miller–Madow: 4 observed categories, N = 12, plug-in of (6,3,2,1) plus 3/24
        Counts c = Counts.of(6, 3, 2, 1, 0);
        double plugIn = Math.log(12) - (6 * Math.log(6) + 3 * Math.log(3) + 2 * Math.log(2)) / 12;
        assertThat(PlugInEntropy.INSTANCE.entropy(c, Base.NATS)).isCloseTo(plugIn, within(1e-15));
        assertThat(MillerMadowEntropy.INSTANCE.entropy(c, Base.NATS)).isCloseTo(plugIn + 3.0 / 24, within(1e-15));
        // Grassberger on one category seen twice: ln 2 − G(2), G(2) = ψ(2) + ½(ψ(3/2) − ψ(1)) = 1 − γ + ½(2 − 2 ln 2)
        double gamma = 0.5772156649015329;
        double g2 = 1 - gamma + 0.5 * (2 - 2 * Math.log(2));
        assertThat(GrassbergerEntropy.INSTANCE.entropy(Counts.of(2), Base.NATS))
                .isCloseTo(Math.log(2) - g2, within(1e-14)).isNegative();
        // James–Stein on already uniform counts shrinks fully to uniform over all slots, zeros included
        assertThat(JamesSteinEntropy.INSTANCE.entropy(Counts.of(5, 5, 5, 5), Base.NATS))
                .isCloseTo(Math.log(4), within(1e-15));
        assertThat(JamesSteinEntropy.INSTANCE.entropy(Counts.of(1), Base.NATS)).isZero();
        // Chao–Shen when every observation is a singleton uses f1 = N − 1 and stays finite
        assertThat(ChaoShenEntropy.INSTANCE.entropy(Counts.of(1, 1, 1), Base.NATS)).isFinite().isGreaterThan(Math.log(3));
    }

    @Test
    void mutualInformationIsRawAndClippingIsExplicit() {
        // independent by construction: plug-in MI is exactly 0, corrected estimators go slightly negative
        ContingencyTable t = ContingencyTable.of(new long[][] {{2, 4, 6}, {1, 2, 3}});
        assertThat(PlugInEntropy.INSTANCE.mutualInformation(t, Base.NATS)).isCloseTo(0.0, within(1e-15));
        double mm = MillerMadowEntropy.INSTANCE.mutualInformation(t, Base.NATS);
        // (2−1 + 3−1 − (6−1)) / (2N) = −2/36
        assertThat(mm).isCloseTo(-2.0 / 36, within(1e-14));
        assertThat(MillerMadowEntropy.INSTANCE.mutualInformationClipped(t, Base.NATS)).isZero();
        assertThat(MillerMadowEntropy.INSTANCE.mutualInformation(t, Base.BITS)).isCloseTo(mm / Math.log(2), within(1e-15));
    }
}
