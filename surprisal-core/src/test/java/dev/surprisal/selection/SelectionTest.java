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

    static double[] gaussian(SplittableRandom r, int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> r.nextGaussian());
        return x;
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

        // ranked by relevance alone, the copy would come second: its MI with y is nearly a's
        assertThat(GAUSSIAN.estimate(dup, y)).isGreaterThan(GAUSSIAN.estimate(b, y));
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
        assertThat(FeatureSelection.mrmr(names, new double[][] {constant, x}, y, 2, GAUSSIAN))
                .extracting(SelectedFeature::name).containsExactly("x", "const");
        assertThat(FeatureSelection.jmi(names, new double[][] {constant, x}, y, 2, GAUSSIAN, GAUSSIAN_JOINT))
                .extracting(SelectedFeature::name).containsExactly("x", "const");

        double[] bad = x.clone();
        bad[7] = Double.NaN;
        assertThatThrownBy(() -> FeatureSelection.mrmr(names, new double[][] {constant, bad}, y, 1, GAUSSIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns[1] (x)[7]: is NaN");
        assertThatThrownBy(() -> FeatureSelection.mrmr(names, new double[][] {x, x}, constant, 1, GAUSSIAN))
                .hasMessageContaining("target: is constant");
        assertThatThrownBy(() -> FeatureSelection.mrmr(names, new double[][] {constant, x}, y, 3, GAUSSIAN))
                .hasMessageContaining("k: must lie in [1, 2], got 3");
    }
}
