// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.CrossEntropy;
import dev.surprisal.measures.Entropy;
import dev.surprisal.measures.JensenShannon;
import dev.surprisal.measures.KullbackLeibler;
import dev.surprisal.measures.Renyi;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Inequalities and invariances that hold for every distribution (jqwik). */
class InformationPropertiesTest {
    private static final double TOL = 1e-12;

    @Provide
    Arbitrary<double[]> distribution() {
        return Arbitraries.doubles().between(0, 10).array(double[].class).ofMinSize(1).ofMaxSize(30)
                .filter(w -> sum(w) > 1e-6).map(InformationPropertiesTest::normalise);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<double[], double[]>> pair() {
        return Arbitraries.integers().between(1, 30).flatMap(k -> {
            Arbitrary<double[]> v = Arbitraries.doubles().between(0, 10).array(double[].class).ofSize(k)
                    .filter(w -> sum(w) > 1e-6).map(InformationPropertiesTest::normalise);
            return Combinators.combine(v, v).as(Tuple::of);
        });
    }

    @Provide
    Arbitrary<Tuple.Tuple2<int[], int[]>> labels() {
        return Combinators.combine(Arbitraries.integers().between(1, 400), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 12), Arbitraries.longs()).as((n, kx, ky, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int[] x = new int[n];
                    int[] y = new int[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = r.nextInt(kx);
                        y[i] = r.nextInt(4) == 0 ? r.nextInt(ky) : (x[i] * 7) % ky; // partly dependent
                    }
                    return Tuple.of(x, y);
                });
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double[] normalise(double[] w) {
        double s = sum(w);
        double[] p = new double[w.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = w[i] / s;
        }
        return p;
    }

    @Property(tries = 300)
    void gibbsInequality(@ForAll("pair") Tuple.Tuple2<double[], double[]> pq) {
        double[] p = pq.get1();
        double[] q = pq.get2();
        assertThat(KullbackLeibler.divergence(p, q, Base.NATS)).isGreaterThanOrEqualTo(0.0);
        assertThat(CrossEntropy.of(p, q, Base.NATS)).isGreaterThanOrEqualTo(Entropy.of(p, Base.NATS) - TOL);
        assertThat(KullbackLeibler.divergence(p, p, Base.NATS)).isLessThanOrEqualTo(TOL);
        if (!java.util.Arrays.equals(p, q) && maxDiff(p, q) > 1e-3) {
            assertThat(KullbackLeibler.divergence(p, q, Base.NATS)).isGreaterThan(0.0);
        }
        assertThat(JensenShannon.divergence(p, q, Base.BITS)).isBetween(0.0, 1.0 + TOL);
    }

    private static double maxDiff(double[] p, double[] q) {
        double m = 0;
        for (int i = 0; i < p.length; i++) {
            m = Math.max(m, Math.abs(p[i] - q[i]));
        }
        return m;
    }

    @Property(tries = 300)
    void entropyIsAtMostLogN(@ForAll("distribution") double[] p) {
        assertThat(Entropy.of(p, Base.NATS)).isBetween(0.0, Math.log(p.length) + TOL);
    }

    @Property(tries = 200)
    void renyiTendsToShannonAsAlphaTendsToOne(@ForAll("distribution") double[] p) {
        double h = Entropy.of(p, Base.NATS);
        assertThat(Renyi.entropy(p, 1.0, Base.NATS)).isEqualTo(h);
        assertThat(Renyi.entropy(p, 1 - 1e-7, Base.NATS)).isCloseTo(h, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(Renyi.entropy(p, 1 + 1e-7, Base.NATS)).isCloseTo(h, org.assertj.core.api.Assertions.within(1e-5));
        // Rényi entropy is non-increasing in α
        assertThat(Renyi.entropy(p, 0.0, Base.NATS)).isGreaterThanOrEqualTo(Renyi.entropy(p, 2.0, Base.NATS) - TOL);
        assertThat(Renyi.entropy(p, 2.0, Base.NATS))
                .isGreaterThanOrEqualTo(Renyi.entropy(p, Double.POSITIVE_INFINITY, Base.NATS) - TOL);
    }

    @Property(tries = 200)
    void mutualInformationBounds(@ForAll("labels") Tuple.Tuple2<int[], int[]> xy) {
        ContingencyTable t = LabelCounts.table(xy.get1(), xy.get2());
        double mi = MutualInformation.of(t, Base.NATS);
        assertThat(MutualInformation.of(t.transpose(), Base.NATS)).isCloseTo(mi, org.assertj.core.api.Assertions.within(TOL));
        double hx = Entropy.of(t.rowCounts(), Base.NATS);
        double hy = Entropy.of(t.colCounts(), Base.NATS);
        assertThat(mi).isBetween(0.0, Math.min(hx, hy) + TOL);
        double nmi = NormalizedMutualInformation.of(t, AverageMethod.ARITHMETIC);
        assertThat(nmi).isBetween(0.0, 1.0 + TOL);
        assertThat(AdjustedMutualInformation.of(t, AverageMethod.ARITHMETIC)).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Property(tries = 200)
    void invariantUnderRelabelling(@ForAll("labels") Tuple.Tuple2<int[], int[]> xy) {
        int[] x = xy.get1();
        int[] y = xy.get2();
        int[] x2 = new int[x.length];
        String[] y2 = new String[y.length];
        for (int i = 0; i < x.length; i++) {
            x2[i] = 1000 - 37 * x[i]; // a bijection that also reverses the order
            y2[i] = "c" + (y[i] * 13 % 17);
        }
        ContingencyTable t = LabelCounts.table(x, y);
        ContingencyTable t2 = LabelCounts.table(LabelCounts.codes(x2), LabelCounts.codes(y2));
        assertThat(MutualInformation.of(t2, Base.NATS))
                .isCloseTo(MutualInformation.of(t, Base.NATS), org.assertj.core.api.Assertions.within(TOL));
        assertThat(AdjustedMutualInformation.of(t2, AverageMethod.MAX))
                .isCloseTo(AdjustedMutualInformation.of(t, AverageMethod.MAX), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Entropy.ofLabels(x2, Base.BITS)).isCloseTo(Entropy.ofLabels(x, Base.BITS), org.assertj.core.api.Assertions.within(TOL));
    }

    @Property(tries = 200)
    void dataProcessingInequality(@ForAll("labels") Tuple.Tuple2<int[], int[]> xy) {
        int[] x = xy.get1();
        int[] y = xy.get2();
        int[] fy = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            fy[i] = y[i] / 3; // merges categories: a deterministic function of Y
        }
        assertThat(MutualInformation.of(x, fy, Base.NATS)).isLessThanOrEqualTo(MutualInformation.of(x, y, Base.NATS) + TOL);
    }
}
