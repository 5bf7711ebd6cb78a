// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.continuous;

import dev.surprisal.continuous.gaussian.Covariance;
import dev.surprisal.continuous.gaussian.GaussianEntropy;
import dev.surprisal.continuous.gaussian.GaussianMutualInformation;
import dev.surprisal.core.Base;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GaussianMeasuresTest {

    /** A random SPD matrix A Aᵀ + 0.1 I of size d. */
    static double[][] randomCovariance(long seed, int d) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[d][d];
        for (double[] row : a) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    c[i][j] += a[i][k] * a[j][k];
                }
            }
            c[i][i] += 0.1;
        }
        return c;
    }

    @Property(tries = 200)
    void mutualInformationIsNonNegativeSymmetricAndScaleInvariant(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 6) int d, @ForAll @DoubleRange(min = -3, max = 3) double log10Scale) {
        double scale = Math.pow(10.0, log10Scale);
        double[][] c = randomCovariance(seed, d);
        int[] x = range(0, d / 2);
        int[] y = range(d / 2, d);
        double mi = GaussianMutualInformation.ofCovariance(c, x, y, Base.NATS);
        assertThat(mi).isGreaterThanOrEqualTo(0.0);
        assertThat(GaussianMutualInformation.ofCovariance(c, y, x, Base.NATS)).isCloseTo(mi, within(1e-9 * (1 + mi)));
        // rescale variable 0 by `scale`: Σ → D Σ D with D = diag(scale, 1, ...)
        double[][] s = new double[d][];
        for (int i = 0; i < d; i++) {
            s[i] = c[i].clone();
            for (int j = 0; j < d; j++) {
                s[i][j] *= (i == 0 ? scale : 1.0) * (j == 0 ? scale : 1.0);
            }
        }
        assertThat(GaussianMutualInformation.ofCovariance(s, x, y, Base.NATS)).isCloseTo(mi, within(1e-8 * (1 + mi)));
        // chain rule: I(X; Y,Z) = I(X;Z) + I(X;Y|Z) with Y = {d-1}, Z = the rest of y
        if (y.length >= 2) {
            int[] yLast = {d - 1};
            int[] z = range(d / 2, d - 1);
            double lhs = mi;
            double rhs = GaussianMutualInformation.ofCovariance(c, x, z, Base.NATS)
                    + GaussianMutualInformation.conditional(c, x, yLast, z, Base.NATS);
            assertThat(rhs).isCloseTo(lhs, within(1e-8 * (1 + lhs)));
        }
    }

    @Property(tries = 100)
    void entropyOfCovarianceIsSumOfMarginalsMinusMutualInformation(@ForAll long seed) {
        double[][] c = randomCovariance(seed, 3);
        double joint = GaussianEntropy.ofCovariance(c, Base.NATS);
        double hx = GaussianEntropy.ofVariance(c[0][0], Base.NATS);
        double hyz = GaussianEntropy.ofCovariance(Covariance.block(c, new int[] {1, 2}), Base.NATS);
        double mi = GaussianMutualInformation.ofCovariance(c, new int[] {0}, new int[] {1, 2}, Base.NATS);
        assertThat(hx + hyz - mi).isCloseTo(joint, within(1e-9 * (1 + Math.abs(joint))));
    }

    @Test
    void knownValues() {
        // standard normal: ½ ln(2πe) = 1.4189385332046727 nats
        assertThat(GaussianEntropy.ofVariance(1.0, Base.NATS)).isCloseTo(1.4189385332046727, within(1e-15));
        // JIDT's anchor: bivariate Gaussian with ρ = 0.6 has MI = −½ ln 0.64 = 0.2231 nats
        assertThat(GaussianMutualInformation.ofCorrelation(0.6, Base.NATS)).isCloseTo(0.22314355131420976, within(1e-15));
        assertThat(GaussianMutualInformation.ofCorrelation(0.6, Base.BITS)).isCloseTo(0.22314355131420976 / Math.log(2), within(1e-15));
        assertThat(GaussianMutualInformation.ofCorrelation(1.0, Base.NATS)).isInfinite();
        double[][] corr = {{1, 0.6}, {0.6, 1}};
        assertThat(GaussianMutualInformation.ofCovariance(corr, new int[] {0}, new int[] {1}, Base.NATS))
                .isCloseTo(0.22314355131420976, within(1e-14));
    }

    @Test
    void rejectsMatricesThatAreNotPositiveDefinite() {
        double[][] singular = {{1, 1}, {1, 1}};
        assertThatThrownBy(() -> GaussianEntropy.ofCovariance(singular, Base.NATS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance: not positive definite").hasMessageContaining("pivot 1")
                .hasMessageContaining("linear combination");
        assertThatThrownBy(() -> GaussianEntropy.ofCovariance(new double[][] {{1, 2}, {0, 1}}, Base.NATS))
                .hasMessageContaining("not symmetric at [1][0]");
        assertThatThrownBy(() -> GaussianEntropy.ofCovariance(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, Base.NATS))
                .hasMessageContaining("covariance[0][1]: is NaN");
        assertThatThrownBy(() -> GaussianEntropy.ofVariance(0.0, Base.NATS)).hasMessageContaining("variance");
        assertThatThrownBy(() -> GaussianMutualInformation.ofCovariance(randomCovariance(1, 3), new int[] {0},
                new int[] {0, 2}, Base.NATS)).hasMessageContaining("y[0]: index 0 already used");
        assertThatThrownBy(() -> GaussianMutualInformation.ofCovariance(randomCovariance(1, 3), new int[] {0},
                new int[] {3}, Base.NATS)).hasMessageContaining("y[0]: index 3 out of range");
        assertThatThrownBy(() -> GaussianMutualInformation.ofCorrelation(1.5, Base.NATS)).hasMessageContaining("rho");
    }

    @Test
    void fromSamplesRejectsNaNAndConstantColumns() {
        double[] x = {1, 2, 3, Double.NaN};
        double[] y = {1, 2, 3, 4};
        assertThatThrownBy(() -> GaussianMutualInformation.fromSamples(x, y, Base.NATS))
                .hasMessageContaining("[3]").hasMessageContaining("NaN");
        assertThatThrownBy(() -> GaussianMutualInformation.fromSamples(new double[] {2, 2, 2, 2}, y, Base.NATS))
                .hasMessageContaining("x: is constant");
    }

    @Test
    void fromSamplesConvergesToTheTrueValue() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.6 * x[i] + 0.8 * r.nextGaussian(); // corr 0.6
        }
        assertThat(GaussianMutualInformation.fromSamples(x, y, Base.NATS)).isCloseTo(0.2231, within(0.02));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
