// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.measures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** W₁ against {@code scipy.stats.wasserstein_distance} (tools/reference/measures.py) and its metric axioms. */
class WassersteinTest {

    private static double[] doubles(JsonNode a) {
        if (a == null) {
            return null;
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    @Test
    void matchesScipyWeightedAndUnweighted() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/measures.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        JsonNode cases = golden.get("wasserstein");
        assertThat(cases.size()).isGreaterThanOrEqualTo(7);
        int weighted = 0;
        for (JsonNode c : cases) {
            double[] uw = doubles(c.get("u_weights"));
            double[] vw = doubles(c.get("v_weights"));
            weighted += uw == null ? 0 : 1;
            double actual = Wasserstein.distance(doubles(c.get("u")), doubles(c.get("v")), uw, vw);
            double expected = c.get("value").asDouble();
            assertThat(actual).as(c.get("u").size() + " vs " + c.get("v").size() + " values")
                    .isCloseTo(expected, within(1e-12 * Math.max(1.0, expected)));
        }
        assertThat(weighted).isGreaterThanOrEqualTo(4);
    }

    @Test
    void pointMassesAreTheirDistanceApartInTheValuesUnit() {
        assertThat(Wasserstein.distance(new double[] {2.0}, new double[] {5.5})).isEqualTo(3.5);
        // moving a quarter of the mass by 4 costs 1
        assertThat(Wasserstein.distance(new double[] {0, 4}, new double[] {0, 0}, new double[] {3, 1}, null))
                .isCloseTo(1.0, within(1e-15));
    }

    @Test
    void zeroWeightRemovesAValue() {
        double[] u = {0.0, 1.0, 100.0};
        assertThat(Wasserstein.distance(u, new double[] {0.0, 1.0}, new double[] {1, 1, 0}, null)).isEqualTo(0.0);
    }

    @Test
    void badInputNamesTheArgument() {
        assertThatThrownBy(() -> Wasserstein.distance(new double[0], new double[] {1}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("u: is empty");
        assertThatThrownBy(() -> Wasserstein.distance(new double[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("v[0]");
        assertThatThrownBy(() -> Wasserstein.distance(new double[] {1, 2}, new double[] {1}, new double[] {1}, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("uWeights");
        assertThatThrownBy(() -> Wasserstein.distance(new double[] {1}, new double[] {1}, null, new double[] {-1}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("vWeights[0]: is negative");
        assertThatThrownBy(() -> Wasserstein.distance(new double[] {1}, new double[] {1}, new double[] {0}, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("uWeights: weights sum to 0");
    }

    @Provide
    Arbitrary<double[]> sample() {
        return Arbitraries.doubles().between(-1e3, 1e3).ofScale(3).array(double[].class).ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void isAMetric(@ForAll("sample") double[] a, @ForAll("sample") double[] b, @ForAll("sample") double[] c) {
        double ab = Wasserstein.distance(a, b);
        double tol = 1e-9 * (1 + ab);
        assertThat(ab).isGreaterThanOrEqualTo(0.0);
        assertThat(Wasserstein.distance(a, a)).isEqualTo(0.0);
        assertThat(Wasserstein.distance(b, a)).isCloseTo(ab, within(tol));
        assertThat(ab).isLessThanOrEqualTo(Wasserstein.distance(a, c) + Wasserstein.distance(c, b) + tol);
    }

    @Property(tries = 200)
    void shiftingEveryValueMovesTheDistributionByTheShift(@ForAll("sample") double[] a,
            @ForAll("shift") double shift) {
        double[] moved = a.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += shift;
        }
        assertThat(Wasserstein.distance(a, moved)).isCloseTo(Math.abs(shift), within(1e-9 * (1 + Math.abs(shift))));
    }

    @Provide
    Arbitrary<Double> shift() {
        return Arbitraries.doubles().between(-50, 50);
    }
}
