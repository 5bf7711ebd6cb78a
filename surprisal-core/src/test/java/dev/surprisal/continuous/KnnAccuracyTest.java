// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.surprisal.core.Base;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Estimators against known truths, plus input validation and thread-count independence. */
class KnnAccuracyTest {

    @Test
    void ksgRecoversGaussianMutualInformation() {
        for (double rho : new double[] {0.0, 0.3, 0.6, 0.9}) {
            SplittableRandom r = new SplittableRandom(7);
            int n = 10_000;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
                y[i] = rho * x[i] + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            }
            double truth = -0.5 * Math.log(1 - rho * rho);
            assertThat(KraskovMutualInformation.estimate(x, y).nats()).as("rho=" + rho).isCloseTo(truth, within(0.02));
        }
    }

    /** The seed document's example: y = x² + noise has Pearson r ≈ 0 but MI ≈ 2.91 nats (not 1.5). */
    @Test
    void parabolaHasNoCorrelationButHighMutualInformation() {
        SplittableRandom r = new SplittableRandom(2024);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -3 + 6 * r.nextDouble();
            y[i] = x[i] * x[i] + 0.1 * r.nextGaussian();
        }
        assertThat(Math.abs(pearson(x, y))).isLessThan(0.1);
        double truth = parabolaTrueMi(0.1);
        assertThat(truth).isCloseTo(2.914, within(0.005));
        assertThat(KraskovMutualInformation.estimate(x, y).nats()).isCloseTo(truth, within(0.15));
    }

    static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /**
     * I(X;Y) = h(Y) − h(Y|X) for X ~ U(−3,3), Y = X² + N(0, σ²): h(Y|X) = ½ ln(2πeσ²) and h(Y) by
     * numerical integration of f_Y(y) = ∫₀³ (1/3) φ_σ(y − t²) dt (substituting u = t² removes the
     * 1/√u singularity of the density of X²), both integrals by Simpson's rule.
     */
    static double parabolaTrueMi(double sigma) {
        int nt = 6000;
        int ny = 11000;
        double y0 = -1;
        double y1 = 10;
        double ht = 3.0 / nt;
        double hy = (y1 - y0) / ny;
        double hY = 0;
        for (int a = 0; a <= ny; a++) {
            double yv = y0 + a * hy;
            double f = 0;
            for (int b = 0; b <= nt; b++) {
                double t = b * ht;
                double z = (yv - t * t) / sigma;
                double w = b == 0 || b == nt ? 1 : (b % 2 == 1 ? 4 : 2);
                f += w * Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI)) / 3.0;
            }
            f *= ht / 3;
            double wy = a == 0 || a == ny ? 1 : (a % 2 == 1 ? 4 : 2);
            if (f > 0) {
                hY -= wy * f * Math.log(f);
            }
        }
        hY *= hy / 3;
        return hY - 0.5 * Math.log(2 * Math.PI * Math.E * sigma * sigma);
    }

    @Test
    void kozachenkoLeonenkoRecoversGaussianEntropy() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[5000][2];
        for (double[] row : x) {
            row[0] = r.nextGaussian();
            row[1] = 2 * r.nextGaussian();
        }
        double truth = Math.log(2 * Math.PI * Math.E) + Math.log(2);
        assertThat(KozachenkoLeonenkoEntropy.estimate(x, 3, Base.NATS).nats()).isCloseTo(truth, within(0.05));
    }

    @Test
    void divergenceRecoversGaussianKl() {
        SplittableRandom r = new SplittableRandom(4);
        double[] p = new double[5000];
        double[] q = new double[5000];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextGaussian();
            q[i] = 1 + 2 * r.nextGaussian();
        }
        double truth = Math.log(2) + (1 + 1) / (2 * 4.0) - 0.5; // KL(N(0,1) || N(1,4))
        assertThat(KnnDivergence.estimate(p, q).nats()).isCloseTo(truth, within(0.05));
    }

    @Test
    void gaoOnDiscreteDataApproachesPlugIn() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 4000;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4);
            b[i] = r.nextDouble() < 0.6 ? a[i] : r.nextInt(4);
            x[i] = a[i];
            y[i] = b[i];
        }
        double plugIn = dev.surprisal.dependence.MutualInformation.of(a, b, dev.surprisal.core.Base.NATS);
        assertThat(GaoMixedMutualInformation.estimate(x, y).nats()).isCloseTo(plugIn, within(0.02));
        assertThat(KraskovMutualInformation.estimate(x, y).warnings()).isNotEmpty();
    }

    @Test
    void resultsDoNotDependOnThreadCount() throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        int n = 30_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(50) + 0.5 * r.nextGaussian();
            y[i] = Math.sin(x[i]) + r.nextGaussian();
        }
        double parallel = KraskovMutualInformation.estimate(x, y).nats();
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            double one = single.submit(() -> KraskovMutualInformation.estimate(x, y).nats()).get();
            assertThat(one).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void rejectsBadInput() {
        double[] ok = {1, 2, 3, 4, 5};
        assertThatThrownBy(() -> KraskovMutualInformation.estimate(new double[] {1, 2, Double.NaN, 4, 5}, ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[2]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> KraskovMutualInformation.estimate(ok, new double[] {1, 2, 3, Double.POSITIVE_INFINITY, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[3]");
        assertThatThrownBy(() -> KraskovMutualInformation.estimate(ok, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
        assertThatThrownBy(() -> KraskovMutualInformation.estimate(new double[] {1, 2, 3}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = 3");
        double[][] features = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}};
        assertThatThrownBy(() -> SklearnMutualInfo.mutualInfoRegression(features, ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1").hasMessageContaining("constant");
        assertThatThrownBy(() -> KozachenkoLeonenkoEntropy.estimate(new double[] {1, 1, 1, 1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
    }
}
