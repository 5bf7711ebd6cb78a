// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.knn.PointSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationTestTest {

    @Test
    void pValuesUnderIndependenceAreNotTooSmall() {
        int below = 0;
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom r = new SplittableRandom(1000 + seed);
            double[] x = new double[300];
            double[] y = new double[300];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
                y[i] = r.nextDouble();
            }
            PermutationResult res = PermutationTest.mutualInformation(PointSet.ofValues("x", x), PointSet.ofValues("y", y),
                    3, KraskovMutualInformation.Algorithm.KSG1, 99, seed);
            assertThat(res.pValue()).isBetween(0.01, 1.0);
            if (res.pValue() < 0.1) {
                below++;
            }
        }
        assertThat(below).isLessThan(5);
    }

    @Test
    void dependenceIsDetectedAndReported() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[300];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
            y[i] = x[i] * x[i] + 0.3 * r.nextGaussian();
        }
        PermutationResult res = PermutationTest.mutualInformation(x, y);
        assertThat(res.pValue()).isEqualTo(1.0 / 200);
        assertThat(res.permutations()).isEqualTo(199);
        assertThat(res.seed()).isEqualTo(42L);
        assertThat(res.aboveChance()).isCloseTo(res.observed() - res.nullMean(), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(Math.abs(res.nullMean())).isLessThan(0.05);
        assertThat(PermutationTest.mutualInformation(x, y).pValue()).isEqualTo(res.pValue());
    }

    @Test
    void conditionalTestSeparatesCommonCauseFromDirectLink() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 400;
        double[] z = new double[n];
        double[] x = new double[n];
        double[] yIndep = new double[n];
        double[] yLinked = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
            x[i] = z[i] + 0.5 * r.nextGaussian();
            yIndep[i] = z[i] + 0.5 * r.nextGaussian();
            yLinked[i] = yIndep[i] + 0.8 * x[i];
        }
        PermutationResult indep = PermutationTest.conditionalMutualInformation(PointSet.ofValues("x", x),
                PointSet.ofValues("y", yIndep), PointSet.ofValues("z", z), 3, 5, 49, 42);
        PermutationResult linked = PermutationTest.conditionalMutualInformation(PointSet.ofValues("x", x),
                PointSet.ofValues("y", yLinked), PointSet.ofValues("z", z), 3, 5, 49, 42);
        assertThat(indep.pValue()).isGreaterThan(0.05);
        assertThat(linked.pValue()).isEqualTo(1.0 / 50);
        assertThat(linked.scheme()).contains("Runge");
    }
}
