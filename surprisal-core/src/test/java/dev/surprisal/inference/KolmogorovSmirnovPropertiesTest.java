// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the two-sample KS test must satisfy on any samples (jqwik), and its behaviour on clear cases. */
class KolmogorovSmirnovPropertiesTest {

    @Provide
    Arbitrary<double[]> sample() {
        // rounded values, so that ties across and within the samples occur
        return Arbitraries.doubles().between(-100, 100).ofScale(1).array(double[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<KolmogorovSmirnovTest.Method> method() {
        return Arbitraries.of(KolmogorovSmirnovTest.Method.EXACT, KolmogorovSmirnovTest.Method.AUTO);
    }

    @Property(tries = 300)
    void statisticAndPValueAreProbabilities(@ForAll("sample") double[] x, @ForAll("sample") double[] y,
            @ForAll Alternative alternative, @ForAll("method") KolmogorovSmirnovTest.Method method) {
        KolmogorovSmirnovResult r = KolmogorovSmirnovTest.twoSample().withAlternative(alternative).withMethod(method).test(x, y);
        assertThat(r.statistic()).isBetween(0.0, 1.0);
        assertThat(r.pValue()).isBetween(0.0, 1.0);
        assertThat(r.statisticSign()).isIn(-1, 1);
    }

    @Property(tries = 300)
    void twoSidedIsSymmetricUnderSwapping(@ForAll("sample") double[] x, @ForAll("sample") double[] y,
            @ForAll("method") KolmogorovSmirnovTest.Method method) {
        KolmogorovSmirnovTest test = KolmogorovSmirnovTest.twoSample().withMethod(method);
        KolmogorovSmirnovResult xy = test.test(x, y);
        KolmogorovSmirnovResult yx = test.test(y, x);
        assertThat(yx.statistic()).isEqualTo(xy.statistic());
        assertThat(yx.pValue()).isCloseTo(xy.pValue(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Property(tries = 200)
    void lessOfXYIsGreaterOfYX(@ForAll("sample") double[] x, @ForAll("sample") double[] y) {
        KolmogorovSmirnovTest test = KolmogorovSmirnovTest.twoSample().withMethod(KolmogorovSmirnovTest.Method.EXACT);
        KolmogorovSmirnovResult less = test.withAlternative(Alternative.LESS).test(x, y);
        KolmogorovSmirnovResult greater = test.withAlternative(Alternative.GREATER).test(y, x);
        assertThat(greater.statistic()).isEqualTo(less.statistic());
        assertThat(greater.pValue()).isCloseTo(less.pValue(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aShiftIsFoundInTheRightDirection() {
        SplittableRandom random = new SplittableRandom(7);
        double[] reference = new double[400];
        double[] shifted = new double[300];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = random.nextDouble();
        }
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = random.nextDouble() + 0.2; // larger values: its distribution function is lower
        }
        KolmogorovSmirnovTest test = KolmogorovSmirnovTest.twoSample();
        assertThat(test.test(reference, shifted).pValue()).isLessThan(1e-6);
        // x = shifted tends to larger values, so F_x < F_y: "less" detects it, "greater" does not
        assertThat(test.withAlternative(Alternative.LESS).test(shifted, reference).pValue()).isLessThan(1e-6);
        assertThat(test.withAlternative(Alternative.GREATER).test(shifted, reference).pValue()).isGreaterThan(0.5);
        assertThat(test.test(shifted, reference).statisticSign()).isEqualTo(-1);
    }

    @Test
    void autoSwitchesToAsymptoticAboveTenThousandValues() {
        double[] big = new double[KolmogorovSmirnovTest.MAX_AUTO_N + 1];
        for (int i = 0; i < big.length; i++) {
            big[i] = i;
        }
        double[] small = {5.5, 100.5, 7000.5};
        assertThat(KolmogorovSmirnovTest.twoSample().test(big, small).method()).isEqualTo(KolmogorovSmirnovTest.Method.ASYMP);
        assertThat(KolmogorovSmirnovTest.twoSample().test(small, small).method()).isEqualTo(KolmogorovSmirnovTest.Method.EXACT);
    }

    @Test
    void badInputNamesTheSampleAndIndex() {
        KolmogorovSmirnovTest test = KolmogorovSmirnovTest.twoSample();
        assertThatThrownBy(() -> test.test(new double[0], new double[] {1})).isInstanceOf(ValidationException.class)
                .hasMessageContaining("x: is empty");
        assertThatThrownBy(() -> test.test(new double[] {1}, new double[] {2, Double.NaN}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("y[1]");
        assertThatThrownBy(() -> KolmogorovSmirnovTest.Method.parse("fast")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("auto, exact or asymp");
    }
}
