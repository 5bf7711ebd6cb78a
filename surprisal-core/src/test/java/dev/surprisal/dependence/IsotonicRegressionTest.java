// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Golden values from tools/reference/isotonic.py (scikit-learn's IsotonicRegression), and the fit's defining properties. */
class IsotonicRegressionTest {

    @Test
    void equalsSklearnIsotonicRegression() throws IOException {
        JsonNode golden;
        try (InputStream in = IsotonicRegressionTest.class.getResourceAsStream("/golden/isotonic.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        assertThat(golden.get("cases").size()).isGreaterThanOrEqualTo(12);
        for (JsonNode c : golden.get("cases")) {
            IsotonicRegression.Fit fit = IsotonicRegression.fit(doubles(c.get("x")), doubles(c.get("y")),
                    c.get("increasing").asBoolean());
            double[] expected = doubles(c.get("fitted"));
            for (int i = 0; i < expected.length; i++) {
                assertThat(fit.fitted()[i]).as(c.get("name").asText() + " row " + i).isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    @Property(tries = 200)
    void fitIsMonotoneAndItsBlocksHaveDistinctValues(@ForAll @IntRange(min = 1, max = 300) int n,
                                                     @ForAll long seed, @ForAll boolean increasing) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(rng.nextDouble() * 40); // ties on purpose
            y[i] = rng.nextGaussian() + (rng.nextBoolean() ? x[i] * 0.1 : -x[i] * 0.05);
        }
        IsotonicRegression.Fit fit = IsotonicRegression.fit(x, y, increasing);
        double[] valueOfBlock = new double[fit.blocks()];
        double[] minX = new double[fit.blocks()];
        java.util.Arrays.fill(minX, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            valueOfBlock[fit.block()[i]] = fit.fitted()[i];
            minX[fit.block()[i]] = Math.min(minX[fit.block()[i]], x[i]);
            for (int j = 0; j < n; j++) {
                if (x[i] < x[j]) {
                    assertThat(increasing ? fit.fitted()[i] <= fit.fitted()[j] : fit.fitted()[i] >= fit.fitted()[j]).isTrue();
                    assertThat(fit.block()[i]).isLessThanOrEqualTo(fit.block()[j]);
                }
            }
        }
        for (int b = 1; b < fit.blocks(); b++) {
            assertThat(valueOfBlock[b]).isNotEqualTo(valueOfBlock[b - 1]);
            assertThat(minX[b]).isGreaterThan(minX[b - 1]);
        }
        // least squares keeps the mean: Σ fitted = Σ y
        double sy = 0.0;
        double sf = 0.0;
        for (int i = 0; i < n; i++) {
            sy += y[i];
            sf += fit.fitted()[i];
        }
        assertThat(sf).isCloseTo(sy, within(1e-9 * Math.max(1.0, Math.abs(sy)) + 1e-9 * n));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> IsotonicRegression.fit(new double[] {1, Double.NaN}, new double[] {1, 2}, true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> IsotonicRegression.fit(new double[0], new double[0], true))
                .isInstanceOf(ValidationException.class);
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
