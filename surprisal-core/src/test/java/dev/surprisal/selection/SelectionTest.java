// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import dev.surprisal.continuous.gaussian.GaussianMutualInformation;
import dev.surprisal.core.Base;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SelectionTest {
    /** The linear (Gaussian) estimator: sees only correlation. */
    static final DependenceMeasure GAUSSIAN = (a, b) -> GaussianMutualInformation.fromSamples(a, b, Base.NATS);

    static final JointDependenceMeasure GAUSSIAN_JOINT = (a, b) -> {
        double[][] x = new double[b.length][a.length];
        double[][] y = new double[b.length][1];
        for (int i = 0; i < b.length; i++) {
            for (int k = 0; k < a.length; k++) {
                x[i][k] = a[k][i];
            }
            y[i][0] = b[i];
        }
        return GaussianMutualInformation.fromSamples(x, y, Base.NATS);
    };

    /**
     * A test-only nonlinear estimator: plug-in MI of equal-frequency histograms with {@code bins} bins per axis.
     * Crude (biased), but it sees any kind of dependence, which is all these tests need.
     */
    static DependenceMeasure histogram(int bins) {
        return (a, b) -> {
            int[] ba = quantileBins(a, bins);
            int[] bb = quantileBins(b, bins);
            double n = a.length;
            double[][] joint = new double[bins][bins];
            double[] pa = new double[bins];
            double[] pb = new double[bins];
            for (int i = 0; i < a.length; i++) {
                joint[ba[i]][bb[i]] += 1 / n;
                pa[ba[i]] += 1 / n;
                pb[bb[i]] += 1 / n;
            }
            double mi = 0;
            for (int i = 0; i < bins; i++) {
                for (int j = 0; j < bins; j++) {
                    if (joint[i][j] > 0) {
                        mi += joint[i][j] * Math.log(joint[i][j] / (pa[i] * pb[j]));
                    }
                }
            }
            return mi;
        };
    }

    static int[] quantileBins(double[] v, int bins) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        int[] bin = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            bin[order[r]] = (int) ((long) r * bins / v.length);
        }
        return bin;
    }

    static double[] gaussian(SplittableRandom r, int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> r.nextGaussian());
        return x;
    }

    @Test
    void ranksFeaturesByMutualInformation() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 2000;
        double[] x1 = gaussian(r, n);
        double[] x2 = gaussian(r, n);
        double[] x3 = gaussian(r, n);
        double[] noise = gaussian(r, n);
        double[] y = new double[n];
        Arrays.setAll(y, i -> 0.5 * x3[i] + 3 * x1[i] + 1.5 * x2[i] + noise[i]);
        List<FeatureScore> rows = FeatureRanking.rank(new String[] {"x3", "noise", "x1", "x2"},
                new double[][] {x3, gaussian(r, n), x1, x2}, y, GAUSSIAN);
        assertThat(rows).extracting(FeatureScore::name).containsExactly("x1", "x2", "x3", "noise");
        assertThat(rows).extracting(FeatureScore::index).containsExactly(2, 3, 0, 1);
        for (FeatureScore s : rows) {
            // the Gaussian estimator is exactly I_gauss(r): never any excess, never a flag
            assertThat(s.excessMi()).isCloseTo(0.0, within(1e-12));
            assertThat(s.nonlinear()).isFalse();
        }
        // y's linear part: var = 9 + 2.25 + 0.25 + 1 = 12.5, so r(x1) = 3/√12.5
        assertThat(rows.get(0).pearson()).isCloseTo(3 / Math.sqrt(12.5), within(0.03));
    }

    @Test
    void flagsNonlinearDependenceThatCorrelationMisses() {
        SplittableRandom r = new SplittableRandom(12);
        int n = 4000;
        double[] x = gaussian(r, n);
        double[] z = gaussian(r, n);
        double[] square = new double[n];
        double[] linear = new double[n];
        Arrays.setAll(square, i -> x[i] * x[i]);
        Arrays.setAll(linear, i -> x[i] + 0.7 * z[i]);
        DependenceMeasure hist = histogram(10);

        FeatureScore xs = FeatureRanking.rank(new String[] {"x"}, new double[][] {x}, square, hist).get(0);
        assertThat(Math.abs(xs.pearson())).isLessThan(0.1);
        assertThat(xs.mutualInformation()).isGreaterThan(1.0);
        assertThat(xs.nonlinear()).isTrue();
        // with the linear estimator the same data look independent: that is what the flag warns about
        assertThat(FeatureRanking.rank(new String[] {"x"}, new double[][] {x}, square, GAUSSIAN).get(0)
                .mutualInformation()).isLessThan(0.01);

        FeatureScore xl = FeatureRanking.rank(new String[] {"x"}, new double[][] {x}, linear, hist).get(0);
        assertThat(xl.pearson()).isGreaterThan(0.75);
        assertThat(xl.nonlinear()).isFalse();
    }

    @Test
    void mrmrAndJmiAvoidANearDuplicateThatPlainRankingPicksTwice() {
        SplittableRandom r = new SplittableRandom(13);
        int n = 2000;
        double[] a = gaussian(r, n);
        double[] b = gaussian(r, n);
        double[] dup = new double[n];
        double[] y = new double[n];
        Arrays.setAll(dup, i -> a[i] + 0.05 * r.nextGaussian());
        Arrays.setAll(y, i -> a[i] + 0.6 * b[i] + 0.5 * r.nextGaussian());
        String[] names = {"b", "a", "a-copy", "noise"};
        double[][] columns = {b, a, dup, gaussian(r, n)};

        assertThat(FeatureRanking.rank(names, columns, y, GAUSSIAN)).extracting(FeatureScore::name)
                .startsWith("a", "a-copy");
        AtomicInteger calls = new AtomicInteger();
        DependenceMeasure counted = (p, q) -> {
            calls.incrementAndGet();
            return GAUSSIAN.estimate(p, q);
        };
        List<SelectedFeature> mrmr = FeatureSelection.mrmr(names, columns, y, 3, counted);
        assertThat(mrmr).extracting(SelectedFeature::name).containsExactly("a", "b", "noise");
        // the copy's redundancy with a (≈ 3 nats) outweighs its relevance: even pure noise beats it
        assertThat(calls.get()).isEqualTo(4 + 3 + 2); // relevances, then one new redundancy per candidate per step
        assertThat(mrmr.get(1).score()).isLessThan(mrmr.get(1).relevance());

        List<SelectedFeature> jmi = FeatureSelection.jmi(names, columns, y, 2, GAUSSIAN, GAUSSIAN_JOINT);
        assertThat(jmi).extracting(SelectedFeature::name).containsExactly("a", "b");
        assertThat(jmi.get(1).score()).isGreaterThan(jmi.get(0).score()); // I(a,b;y) > I(a;y)
    }

    @Test
    void constantFeaturesCarryNothingAndBadInputIsNamed() {
        SplittableRandom r = new SplittableRandom(14);
        double[] x = gaussian(r, 100);
        double[] y = new double[100];
        Arrays.setAll(y, i -> x[i] + r.nextGaussian());
        double[] constant = new double[100];
        Arrays.fill(constant, 4.0);
        String[] names = {"const", "x"};
        List<FeatureScore> rows = FeatureRanking.rank(names, new double[][] {constant, x}, y, GAUSSIAN);
        assertThat(rows.get(1).name()).isEqualTo("const");
        assertThat(rows.get(1).mutualInformation()).isZero();
        assertThat(FeatureSelection.mrmr(names, new double[][] {constant, x}, y, 2, GAUSSIAN))
                .extracting(SelectedFeature::name).containsExactly("x", "const");
        assertThat(FeatureSelection.jmi(names, new double[][] {constant, x}, y, 2, GAUSSIAN, GAUSSIAN_JOINT))
                .extracting(SelectedFeature::name).containsExactly("x", "const");

        double[] bad = x.clone();
        bad[7] = Double.NaN;
        assertThatThrownBy(() -> FeatureRanking.rank(names, new double[][] {constant, bad}, y, GAUSSIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns[1] (x)[7]: is NaN");
        assertThatThrownBy(() -> FeatureRanking.rank(names, new double[][] {x, x}, constant, GAUSSIAN))
                .hasMessageContaining("target: is constant");
        assertThatThrownBy(() -> FeatureSelection.mrmr(names, new double[][] {constant, x}, y, 3, GAUSSIAN))
                .hasMessageContaining("k: must lie in [1, 2], got 3");
        assertThatThrownBy(() -> new NonlinearityRule(0.1, 0.5, 0.3)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new NonlinearityRule(0.1, 2, 0)).hasMessageContaining("maxAbsR");
    }

    @Test
    void flagNeedsLowCorrelationNotJustExcessInformation() {
        // y = x1 + x2²: x1 has r ≈ 0.3 and MI ≈ 4·I_gauss(r) because the rest of y is not Gaussian;
        // a correlation screen already sees x1, so it must not be flagged, while r ≈ 0 with large MI is.
        NonlinearityRule rule = NonlinearityRule.DEFAULT;
        double r = 0.31;
        double excessMi = 4 * NonlinearityRule.gaussianMi(r);
        assertThat(excessMi - NonlinearityRule.gaussianMi(r)).isGreaterThan(rule.marginNats());
        assertThat(rule.test(excessMi, r)).isFalse();
        assertThat(rule.test(excessMi, -r)).isFalse();
        assertThat(rule.test(2.9, 0.02)).isTrue();
        assertThat(rule.test(2.9, -0.29)).isTrue();
        assertThat(rule.test(0.05, 0.0)).isFalse();
    }
}
