// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LinearGaussianModelTest {
    private static final LinearGaussianModel MODEL = LinearGaussianModel.of(
            new double[][] {{1.0, 0.5}, {-0.3, 2.0}, {0.7, -1.1}, {0.2, 0.4}},
            new double[] {0.5, -1, 0, 2}, 0.3);
    private static final double[] X = {1.2, 0.4, -0.9, 2.5};

    static MultivariateGaussian randomQ(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double a = 0.1 + r.nextDouble(), c = 0.1 + r.nextDouble(), b = r.nextDouble(-0.5, 0.5);
        // L Lᵀ with L = [[a,0],[b,c]] is positive definite
        double[][] cov = {{a * a, a * b}, {a * b, b * b + c * c}};
        return MultivariateGaussian.of(new double[] {r.nextDouble(-3, 3), r.nextDouble(-3, 3)}, cov);
    }

    @Property(tries = 200)
    void evidenceIsElboPlusKlToPosterior(@ForAll long seed) {
        MultivariateGaussian q = randomQ(seed);
        double logPx = MODEL.logEvidence(X);
        double elbo = MODEL.elbo(X, q).elbo();
        assertThat(logPx - elbo).isCloseTo(MODEL.klToPosterior(X, q), within(1e-9));
        assertThat(elbo).isLessThan(logPx);
    }

    @Test
    void elboEqualsEvidenceAtTheTruePosterior() {
        MultivariateGaussian post = MODEL.posterior(X);
        assertThat(MODEL.elbo(X, post).elbo()).isCloseTo(MODEL.logEvidence(X), within(1e-9));
        assertThat(MODEL.klToPosterior(X, post)).isCloseTo(0, within(1e-12));
    }

    /** The closed-form ELBO against its definition E_q[log p(x,z) − log q(z)], sampled. */
    @Test
    void closedFormElboAgreesWithMonteCarlo() {
        MultivariateGaussian q = randomQ(3);
        double[][] l = q.cholesky().lower();
        double[] m = q.mean();
        SplittableRandom rng = new SplittableRandom(5);
        MultivariateGaussian prior = MODEL.prior();
        int n = 100_000;
        double s = 0, s2 = 0;
        for (int t = 0; t < n; t++) {
            double e0 = GaussianKlTest.gaussian(rng), e1 = GaussianKlTest.gaussian(rng);
            double[] z = {m[0] + l[0][0] * e0, m[1] + l[1][0] * e0 + l[1][1] * e1};
            double ll = 0;
            double[][] w = {{1.0, 0.5}, {-0.3, 2.0}, {0.7, -1.1}, {0.2, 0.4}};
            double[] b = {0.5, -1, 0, 2};
            for (int i = 0; i < 4; i++) {
                double r = X[i] - b[i] - w[i][0] * z[0] - w[i][1] * z[1];
                ll += -0.5 * Math.log(2 * Math.PI * 0.3) - r * r / (2 * 0.3);
            }
            double v = ll + prior.logDensity(z) - q.logDensity(z);
            s += v;
            s2 += v * v;
        }
        double mean = s / n;
        double se = Math.sqrt((s2 / n - mean * mean) / n);
        assertThat(MODEL.elbo(X, q).elbo()).isCloseTo(mean, within(4 * se));
    }
}
