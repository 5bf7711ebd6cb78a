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

class NsbEntropyTest {

    /**
     * The adaptive quadrature against a plain trapezoid rule on 100 000 points spanning
     * ln β ∈ [−ln K − 45, ln N + 45], with log-sum-exp scaling done separately.
     */
    private static double[] bruteForce(Counts counts, long k) {
        NsbIntegrand f = new NsbIntegrand(CountProfile.of(counts), k);
        double lo = -Math.log(k) - 45;
        double hi = Math.log(counts.total()) + 45;
        int points = 100_000;
        double h = (hi - lo) / (points - 1);
        double[] logW = new double[points];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            logW[i] = f.logWeight(lo + i * h);
            max = Math.max(max, logW[i]);
        }
        double z = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < points; i++) {
            double w = Math.exp(logW[i] - max) * (i == 0 || i == points - 1 ? 0.5 : 1.0);
            if (w < 1e-30) {
                continue;
            }
            double[] m = f.moments(lo + i * h);
            z += w;
            m1 += w * m[0];
            m2 += w * m[1];
        }
        return new double[] {m1 / z, Math.sqrt(m2 / z - (m1 / z) * (m1 / z))};
    }

    private static void assertMatchesBruteForce(Counts counts, long k) {
        double[] expected = bruteForce(counts, k);
        NsbEntropy.Posterior p = NsbEntropy.withAlphabetSize(k).posterior(counts, Base.NATS);
        assertThat(p.mean()).as("mean " + counts + " K=" + k).isCloseTo(expected[0], within(1e-7));
        assertThat(p.standardDeviation()).as("sd " + counts).isCloseTo(expected[1], within(1e-6));
    }

    @Test
    void adaptiveQuadratureAgreesWithBruteForce() {
        assertMatchesBruteForce(Counts.of(5, 3, 2, 1, 1, 0, 0, 1), 8);
        // all singletons: the posterior leans toward large β and has a heavy right tail
        assertMatchesBruteForce(Counts.of(1, 1, 1, 1, 1, 1, 1), 1000);
        // large N with few categories: a narrow posterior
        assertMatchesBruteForce(Counts.of(123456, 654321, 1, 99999), 4);
        // huge alphabet, few observations
        assertMatchesBruteForce(Counts.of(3, 2, 1, 1, 1), 1_000_000_000L);
    }

    @Test
    void posteriorConcentratesOnTheTruthWithManySamples() {
        // 10 000 draws spread evenly on 10 symbols: H = ln 10, and the posterior sd shrinks like 1/√N
        long[] c = new long[10];
        java.util.Arrays.fill(c, 1000);
        NsbEntropy.Posterior p = NsbEntropy.INSTANCE.posterior(Counts.of(c), Base.NATS);
        assertThat(p.mean()).isCloseTo(Math.log(10), within(1e-3));
        assertThat(p.standardDeviation()).isBetween(0.0, 1e-2);
    }

    @Test
    void defaultAlphabetIsTheHistogramLength() {
        Counts counts = Counts.of(4, 2, 1, 0, 0, 0);
        assertThat(NsbEntropy.INSTANCE.entropy(counts, Base.NATS))
                .isEqualTo(NsbEntropy.withAlphabetSize(6).entropy(counts, Base.NATS));
        // more possible categories means more unseen mass, so a larger estimate
        assertThat(NsbEntropy.withAlphabetSize(60).entropy(counts, Base.NATS))
                .isGreaterThan(NsbEntropy.INSTANCE.entropy(counts, Base.NATS));
        assertThat(NsbEntropy.INSTANCE.alphabetSize()).isEmpty();
        assertThat(NsbEntropy.withAlphabetSize(60).alphabetSize()).hasValue(60);
    }

    @Test
    void singleCategoryAlphabetHasZeroEntropy() {
        NsbEntropy.Posterior p = NsbEntropy.INSTANCE.posterior(Counts.of(9), Base.BITS);
        assertThat(p.mean()).isZero();
        assertThat(p.standardDeviation()).isZero();
    }

    @Test
    void posteriorIsInTheRequestedUnit() {
        Counts counts = Counts.of(5, 3, 2, 1);
        NsbEntropy.Posterior nats = NsbEntropy.INSTANCE.posterior(counts, Base.NATS);
        NsbEntropy.Posterior bits = NsbEntropy.INSTANCE.posterior(counts, Base.BITS);
        assertThat(bits.mean()).isCloseTo(nats.mean() / Math.log(2), within(1e-12));
        assertThat(bits.standardDeviation()).isCloseTo(nats.standardDeviation() / Math.log(2), within(1e-12));
        assertThat(bits.base()).isEqualTo(Base.BITS);
    }

    @Test
    void alphabetSmallerThanObservedIsRejected() {
        assertThatThrownBy(() -> NsbEntropy.withAlphabetSize(2).entropy(Counts.of(1, 1, 1), Base.NATS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alphabetSize")
                .hasMessageContaining("3 categories observed");
        assertThatThrownBy(() -> NsbEntropy.withAlphabetSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alphabetSize");
        // zero-count slots do not count as observed: K = 2 fits a length-4 histogram with 2 non-zero
        assertThat(NsbEntropy.withAlphabetSize(2).entropy(Counts.of(3, 0, 0, 5), Base.NATS))
                .isEqualTo(NsbEntropy.INSTANCE.entropy(Counts.of(3, 5), Base.NATS));
    }

    @Test
    void mutualInformationUsesTheTableShapeEvenWithAnExplicitAlphabet() {
        ContingencyTable t = ContingencyTable.of(new long[][] {{8, 1, 0}, {2, 6, 3}});
        double expected = NsbEntropy.INSTANCE.entropy(t.rowCounts(), Base.NATS)
                + NsbEntropy.INSTANCE.entropy(t.colCounts(), Base.NATS)
                - NsbEntropy.INSTANCE.entropy(t.jointCounts(), Base.NATS);
        assertThat(NsbEntropy.withAlphabetSize(2).mutualInformation(t, Base.NATS)).isEqualTo(expected);
    }
}
