// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.ContingencyTable3;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.CrossEntropy;
import dev.surprisal.measures.Entropy;
import dev.surprisal.measures.KullbackLeibler;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Textbook identities of information theory, each to 1e-12. */
class IdentitiesTest {
    private static final double TOL = 1e-12;
    private final SplittableRandom rnd = new SplittableRandom(42);

    private double[] randomProbabilities(int k) {
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            p[i] = rnd.nextDouble() * (rnd.nextInt(5) == 0 ? 0 : 1);
            s += p[i];
        }
        p[0] += s == 0 ? 1 : 0;
        s = Math.max(s, p[0]);
        for (int i = 0; i < k; i++) {
            p[i] /= s;
        }
        return p;
    }

    private int[] labels(int n, int k) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(k);
        }
        return a;
    }

    @Test
    void crossEntropyIsEntropyPlusKl() {
        for (int trial = 0; trial < 20; trial++) {
            double[] p = randomProbabilities(12);
            double[] q = randomProbabilities(12);
            for (int i = 0; i < q.length; i++) {
                q[i] = (q[i] + 0.01) / (1 + 0.12); // keep q > 0 so both sides are finite
            }
            assertThat(CrossEntropy.of(p, q, Base.BITS))
                    .isCloseTo(Entropy.of(p, Base.BITS) + KullbackLeibler.divergence(p, q, Base.BITS), within(TOL));
        }
    }

    @Test
    void klToUniformIsLogNMinusEntropy() {
        double[] p = randomProbabilities(37);
        double[] u = new double[37];
        java.util.Arrays.fill(u, 1.0 / 37);
        assertThat(KullbackLeibler.divergence(p, u, Base.NATS)).isCloseTo(Math.log(37) - Entropy.of(p, Base.NATS), within(TOL));
    }

    @Test
    void mutualInformationIdentities() {
        int[] x = labels(5000, 6);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (x[i] + rnd.nextInt(3)) % 7;
        }
        ContingencyTable t = LabelCounts.table(x, y);
        double mi = MutualInformation.of(t, Base.NATS);
        double hx = Entropy.of(t.rowCounts(), Base.NATS);
        double hy = Entropy.of(t.colCounts(), Base.NATS);
        double hxGivenY = Entropy.conditional(t.transpose(), Base.NATS);
        assertThat(mi).isGreaterThan(0.1);
        assertThat(mi).isCloseTo(hx - hxGivenY, within(TOL));
        // KL(p(x,y) || p(x)p(y))
        double n = t.total();
        double[] joint = new double[t.rows() * t.cols()];
        double[] product = new double[joint.length];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                joint[r * t.cols() + c] = t.get(r, c) / n;
                product[r * t.cols() + c] = (t.rowTotal(r) / n) * (t.colTotal(c) / n);
            }
        }
        assertThat(KullbackLeibler.divergence(joint, product, Base.NATS)).isCloseTo(mi, within(TOL));
        // chain rule H(X,Y) = H(X) + H(Y|X)
        assertThat(Entropy.joint(t, Base.NATS)).isCloseTo(hx + Entropy.conditional(t, Base.NATS), within(TOL));
        // VI = H(X|Y) + H(Y|X); total correlation of two = MI
        assertThat(VariationOfInformation.of(t, Base.NATS))
                .isCloseTo(hxGivenY + Entropy.conditional(t, Base.NATS), within(TOL));
        assertThat(TotalCorrelation.of(Base.NATS, x, y)).isCloseTo(mi, within(TOL));
        assertThat(hx + hy - Entropy.joint(t, Base.NATS)).isCloseTo(mi, within(TOL));
    }

    @Test
    void chainRuleOfMutualInformation() {
        int[] x = labels(20_000, 5);
        int[] z = labels(20_000, 4);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (x[i] + z[i] + rnd.nextInt(2)) % 6;
        }
        ContingencyTable3 t = LabelCounts.table(x, y, z);
        double iXyz = MutualInformation.of(t.xByYz(), Base.NATS); // I(X; Y,Z)
        double iXz = MutualInformation.of(t.xz(), Base.NATS);
        double iXyGivenZ = MutualInformation.conditional(t, Base.NATS);
        assertThat(iXyGivenZ).isGreaterThan(0.05);
        assertThat(iXyz).isCloseTo(iXz + iXyGivenZ, within(TOL));
        assertThat(MutualInformation.conditional(x, y, z, Base.NATS)).isCloseTo(iXyGivenZ, within(TOL));
        // total correlation of three, from the table and from the label arrays
        double tc = TotalCorrelation.of(t, Base.NATS);
        assertThat(TotalCorrelation.of(Base.NATS, x, y, z)).isCloseTo(tc, within(TOL));
        ContingencyTable xy = t.xy();
        assertThat(tc).isCloseTo(MutualInformation.of(xy, Base.NATS)
                + MutualInformation.of(LabelCounts.table(LabelCounts.joint(x, y), LabelCounts.codes(z)), Base.NATS), within(TOL));
    }

    @Test
    void unitsConvert() {
        double[] p = {0.5, 0.25, 0.25};
        assertThat(Entropy.of(p, Base.BITS)).isCloseTo(1.5, within(TOL));
        assertThat(Entropy.of(p, Base.NATS)).isCloseTo(1.5 * Math.log(2), within(TOL));
    }
}
