// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-checkable values, limits and numerical stability of the single measures. */
class MeasuresTest {
    @Test
    void klInfiniteIsExplained() {
        double[] p = {0.2, 0.3, 0.5};
        double[] q = {0.5, 0.5, 0.0};
        KullbackLeibler.Result r = KullbackLeibler.explain(p, q, Smoothing.none(), Base.BITS);
        assertThat(r.value()).isInfinite();
        assertThat(r.infiniteAt()).isEqualTo(2);
        assertThat(r.explanation()).contains("q[2] = 0", "p[2] = 0.5");
        KullbackLeibler.Result s = KullbackLeibler.explain(p, q, Smoothing.epsilon(1e-6), Base.BITS);
        assertThat(s.isInfinite()).isFalse();
        assertThat(s.value()).isFinite().isGreaterThan(5);
        assertThat(s.smoothing().toString()).isEqualTo("epsilon=1.0E-6");
        assertThat(KullbackLeibler.contributions(p, q)[2]).isInfinite();
    }

    @Test
    void smoothingIsAppliedToBothSidesAndNamed() {
        Counts a = Counts.of(3, 0, 1);
        Counts b = Counts.of(0, 2, 2);
        double[] pa = {4 / 7.0, 1 / 7.0, 2 / 7.0};
        double[] pb = {1 / 7.0, 3 / 7.0, 3 / 7.0};
        assertThat(KullbackLeibler.divergence(a, b, Smoothing.laplace(), Base.NATS))
                .isCloseTo(KullbackLeibler.divergence(pa, pb, Base.NATS), within(1e-15));
        assertThat(KullbackLeibler.divergence(a, b, Smoothing.none(), Base.NATS)).isInfinite();
        assertThat(Smoothing.jeffreys().apply(a)).containsExactly(3.5 / 5.5, 0.5 / 5.5, 1.5 / 5.5);
        assertThat(Smoothing.parse("jeffreys")).isEqualTo(Smoothing.jeffreys());
        assertThat(Smoothing.parse("additive=0.25").toString()).isEqualTo("additive=0.25");
        assertThat(Smoothing.laplace().toString()).isEqualTo("laplace");
        assertThat(Smoothing.none().toString()).isEqualTo("none");
    }

    @Test
    void distancesByHand() {
        double[] p = {1, 0};
        double[] q = {0, 1};
        assertThat(JensenShannon.distance(p, q, Base.BITS)).isEqualTo(1.0);
        assertThat(JensenShannon.divergence(p, q, Base.NATS)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Hellinger.distance(p, q)).isEqualTo(1.0);
        assertThat(TotalVariation.distance(p, q)).isEqualTo(1.0);
        double[] r = {0.36, 0.64};
        double[] s = {0.64, 0.36};
        assertThat(Hellinger.distance(r, s)).isCloseTo(Math.sqrt(1 - 2 * 0.6 * 0.8), within(1e-15));
        assertThat(TotalVariation.distance(r, s)).isCloseTo(0.28, within(1e-15));
    }

    @Test
    void renyiSpecialOrders() {
        double[] p = {0.5, 0.25, 0.25, 0.0};
        assertThat(Renyi.entropy(p, 0, Base.BITS)).isCloseTo(Math.log(3) / Math.log(2), within(1e-15));
        assertThat(Renyi.entropy(p, 2, Base.BITS)).isCloseTo(-Math.log(0.375) / Math.log(2), within(1e-15));
        assertThat(Renyi.entropy(p, Double.POSITIVE_INFINITY, Base.BITS)).isEqualTo(1.0);
        assertThat(Renyi.entropy(p, 1e6, Base.BITS)).isCloseTo(1.0, within(1e-5));
        double[] q = {0.25, 0.25, 0.25, 0.25};
        assertThat(Renyi.divergence(p, q, 1, Base.NATS)).isEqualTo(KullbackLeibler.divergence(p, q, Base.NATS));
        assertThat(Renyi.divergence(p, q, Double.POSITIVE_INFINITY, Base.NATS)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Renyi.divergence(p, q, 0, Base.NATS)).isCloseTo(-Math.log(0.75), within(1e-15));
        assertThat(Renyi.divergence(q, p, 2, Base.NATS)).isInfinite();
        assertThat(Renyi.divergence(q, p, 0.5, Base.NATS)).isFinite();
    }

    @Test
    void temperatureTunesEntropy() {
        double[] logits = {2.0, 1.0, 0.5, -1.0};
        double previous = -1;
        for (double t : new double[] {1e-9, 0.1, 0.5, 1, 2, 10, 1e9}) {
            double h = Softmax.entropy(logits, t, Base.BITS);
            assertThat(h).isGreaterThan(previous);
            previous = h;
            double[] p = Softmax.of(logits, t);
            assertThat(Softmax.entropy(logits, t, Base.BITS)).isCloseTo(Entropy.of(p, Base.BITS), within(1e-12));
        }
        assertThat(Softmax.entropy(logits, 1e-9, Base.BITS)).isEqualTo(0.0);
        assertThat(Softmax.of(logits, 1e-9)).containsExactly(1, 0, 0, 0);
        assertThat(Softmax.entropy(logits, 1e9, Base.BITS)).isCloseTo(2.0, within(1e-8));
        assertThat(Softmax.of(new double[] {1e308, -1e308}, 1.0)).containsExactly(1, 0); // no overflow
    }

    @Test
    void tinyProbabilitiesStayAccurate() {
        double[] p = {1 - 2e-300, 1e-300, 1e-300};
        double expected = -2e-300 * Math.log(1e-300); // the (1-2e-300) term is 2e-300 up to rounding
        assertThat(Entropy.of(p, Base.NATS)).isCloseTo(expected, within(1e-310));
        double[] q = {1 - 2e-300, 2e-300, 0};
        double kl = KullbackLeibler.divergence(new double[] {0.5, 0.5}, new double[] {1 - 1e-310, 1e-310}, Base.NATS);
        assertThat(kl).isFinite().isCloseTo(0.5 * (Math.log(0.5) - Math.log(1e-310)) + 0.5 * Math.log(0.5), within(1e-9)); // 0.5/1e-310 overflows
        assertThat(KullbackLeibler.divergence(p, q, Base.NATS)).isInfinite();
    }

    @Test
    void hugeCountsDoNotOverflow() {
        long big = Long.MAX_VALUE / 4;
        Counts c = Counts.of(big, big, big, 1);
        assertThat(Entropy.of(c, Base.NATS)).isCloseTo(Math.log(3), within(1e-12));
        assertThat(KullbackLeibler.divergence(c, Counts.of(1, 1, 1, 1), Smoothing.none(), Base.NATS))
                .isCloseTo(Math.log(4) - Math.log(3), within(1e-12));
        var t = dev.surprisal.counts.ContingencyTable.of(new long[][] {{big, 0}, {0, big}});
        assertThat(dev.surprisal.dependence.MutualInformation.of(t, Base.BITS)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void tenMillionEntryVectorsGiveTheKnownEntropy() {
        int n = 10_000_000;
        double[] p = new double[n];
        double[] q = new double[n];
        SplittableRandom r = new SplittableRandom(7);
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            q[i] = r.nextDouble() + 1e-3;
            sp += p[i];
            sq += q[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sp;
            q[i] /= sq;
        }
        double h = Entropy.of(p, Base.NATS);
        double kl = KullbackLeibler.divergence(p, q, Base.NATS);
        double js = JensenShannon.divergence(p, q, Base.NATS);
        assertThat(h).isCloseTo(Math.log(n) - 0.5 + 1 - Math.log(2), within(1e-3)); // uniform(0,1) weights: log n − (1/2 − ... )
        assertThat(kl).isGreaterThan(0);
        assertThat(js).isBetween(0.0, Math.log(2));
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
    }
}
