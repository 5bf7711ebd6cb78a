// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.Counts;
import dev.surprisal.estimators.EntropyEstimators;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Coverage of {@link EntropyInterval} over 200 seeds, each a fresh sample from a law of known entropy, judged by a
 * Clopper–Pearson 99% bound: the library's interval must be able to reach 95% − 2%, the percentile interval (the
 * wrong choice for these estimators) must not.
 */
class EntropyIntervalCoverageTest {
    private static final int SEEDS = 200;
    private static final int B = 200;

    /** A 50-value Zipf law, p(k) ∝ 1/k: the plug-in entropy of 200 draws is biased low by about 0.1 nats. */
    private static final double[] ZIPF = zipf(50);

    private static double[] zipf(int k) {
        double z = java.util.stream.IntStream.rangeClosed(1, k).mapToDouble(i -> 1.0 / i).sum();
        return java.util.stream.IntStream.rangeClosed(1, k).mapToDouble(i -> 1.0 / i / z).toArray();
    }

    private static Counts draw(double[] p, int n, SplittableRandom random) {
        long[] c = new long[p.length];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < p.length - 1 && (u -= p[k]) >= 0) {
                k++;
            }
            c[k]++;
        }
        return Counts.of(c);
    }

    /** Seeds whose interval was shown, and of those the ones that held the truth. */
    private record Coverage(int shown, int covered) {
        /** Clopper–Pearson 99% upper bound of the coverage of the intervals shown. */
        double upperBound() {
            return covered == shown ? 1.0
                    : BetaDistribution.of(covered + 1, shown - covered).inverseCumulativeProbability(0.995);
        }
    }

    private static Coverage coverage(IntFunction<EntropyInterval> interval, double truth) {
        int shown = 0;
        int covered = 0;
        for (int s = 0; s < SEEDS; s++) {
            EntropyInterval iv = interval.apply(s);
            shown += iv.shown() ? 1 : 0;
            covered += iv.shown() && iv.interval().contains(truth) ? 1 : 0;
        }
        // a withheld interval is honest, but nearly all of these samples must get one
        assertThat(shown).isGreaterThanOrEqualTo(SEEDS - 10);
        return new Coverage(shown, covered);
    }

    @Test
    void plugInEntropyOfAZipfLawIsCoveredByTheBasicIntervalNotThePercentile() {
        double truth = dev.surprisal.measures.Entropy.of(ZIPF, Base.NATS);
        Coverage basic = coverage(s -> EntropyInterval.ofCounts(draw(ZIPF, 200, new SplittableRandom(s)), null,
                Base.NATS, B, s), truth);
        Coverage percentile = coverage(s -> EntropyInterval.ofCounts(draw(ZIPF, 200, new SplittableRandom(s)), null,
                Base.NATS, B, s, Bootstrap.Method.PERCENTILE), truth);
        assertThat(basic.upperBound()).as("basic: %s", basic).isGreaterThanOrEqualTo(0.93);
        assertThat(percentile.upperBound()).as("percentile: %s", percentile).isLessThan(0.93);
    }

    @Test
    void vasicekEntropyOfAnExponentialLawIsCoveredByTheBasicIntervalNotThePercentile() {
        // h(Exp(1)) = 1 nat; 200 values, Vasicek window 14
        IntFunction<double[]> sample = s -> new SplittableRandom(1000 + s).doubles(200).map(u -> -Math.log1p(-u))
                .toArray();
        Coverage basic = coverage(s -> EntropyInterval.ofSpacings(sample.apply(s), Base.NATS, B, s), 1.0);
        Coverage percentile = coverage(s -> EntropyInterval.ofSpacings(sample.apply(s), Base.NATS, B, s,
                Bootstrap.Method.PERCENTILE), 1.0);
        assertThat(basic.upperBound()).as("basic: %s", basic).isGreaterThanOrEqualTo(0.93);
        assertThat(percentile.upperBound()).as("percentile: %s", percentile).isLessThan(0.93);
    }

    @Test
    void manyValuesSeenOnceGetNoIntervalButAFewCommonValuesDo() {
        int withheld = 0;
        for (int s = 0; s < 50; s++) {
            EntropyInterval iv = EntropyInterval.ofCounts(draw(ZIPF, 50, new SplittableRandom(s)), null, Base.BITS, B, s);
            withheld += iv.shown() ? 0 : 1;
            if (!iv.shown()) {
                assertThat(iv.withheld()).contains("seen only once").contains("Good-Turing");
            }
        }
        assertThat(withheld).isGreaterThanOrEqualTo(45);
        EntropyInterval flags = EntropyInterval.ofCounts(Counts.of(30, 20), null, Base.BITS, B, 1);
        assertThat(flags.shown()).isTrue();
        assertThat(flags.method()).isEqualTo("basic");
        assertThat(flags.interval().lower()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void fewValuesOrTiedValuesGiveNoSpacingInterval() {
        double[] fifty = new SplittableRandom(3).doubles(50).toArray();
        assertThat(EntropyInterval.ofSpacings(fifty, Base.NATS, B, 1).withheld()).contains("below 200 values");
        // 300 values on 12 levels: the sample's own spacings are not zero, a resample's are
        double[] tied = new double[300];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < tied.length; i++) {
            tied[i] = i < 12 ? i : r.nextInt(12);
        }
        EntropyInterval iv = EntropyInterval.ofSpacings(tied, Base.NATS, B, 1);
        assertThat(iv.shown()).isFalse();
        assertThat(iv.withheld()).contains("zero spacings");
    }

    @Test
    void aboveTheRowCapTheIntervalIsWithheldAndBelowItShown() {
        // 10,000,001 rows of a 0/1 flag: over the memory bound, withheld before any int[n] is built
        EntropyInterval flags = EntropyInterval.ofCounts(Counts.of(6_000_001, 4_000_000), null, Base.BITS, B, 1);
        assertThat(flags.shown()).isFalse();
        assertThat(flags.withheld()).contains("above 10,000,000 rows").contains("10,000,001 rows here");
        // an explicit --bootstrap is never cut at mi's default 20,000 rows (entfix15 withheld it there)
        assertThat(EntropyInterval.ofCounts(Counts.of(12_001, 8_000), null, Base.BITS, B, 1).shown()).isTrue();
        double[] amounts = new SplittableRandom(5).doubles(20_001).toArray();
        assertThat(EntropyInterval.ofSpacings(amounts, Base.NATS, B, 1).shown()).isTrue();
    }

    @Test
    void millerMadowGetsTheNormalIntervalAndOtherEstimatorsAreRefused() {
        EntropyInterval mm = EntropyInterval.ofCounts(Counts.of(40, 30, 20, 10), EntropyEstimators.byName("miller-madow"),
                Base.BITS, B, 7);
        assertThat(mm.method()).isEqualTo("normal");
        assertThat(mm.interval().estimate()).isEqualTo(EntropyEstimators.byName("miller-madow")
                .entropy(Counts.of(40, 30, 20, 10), Base.BITS));
        assertThatThrownBy(() -> EntropyInterval.ofCounts(Counts.of(4, 3), EntropyEstimators.byName("chao-shen"),
                Base.BITS, B, 7)).isInstanceOf(ValidationException.class).hasMessageContaining("chao-shen");
    }
}
