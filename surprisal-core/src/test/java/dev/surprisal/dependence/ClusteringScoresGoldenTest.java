// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V-measure and the degenerate AMI cases against scikit-learn 1.2.1
 * ({@code tools/reference/measures.py}, keys {@code v_measure} and {@code ami_degenerate}).
 */
class ClusteringScoresGoldenTest {
    private static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ClusteringScoresGoldenTest.class.getResourceAsStream("/golden/measures.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    private static void close(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(1e-12 * Math.max(1.0, Math.abs(expected)));
    }

    @Test
    void homogeneityCompletenessAndVMeasureMatchSklearn() {
        assertThat(golden.get("v_measure").size()).isGreaterThan(20);
        for (JsonNode c : golden.get("v_measure")) {
            String name = c.get("name").asText() + " beta=" + c.get("beta").asDouble();
            VMeasure v = VMeasure.of(ints(c.get("x")), ints(c.get("y")), c.get("beta").asDouble());
            close(v.homogeneity(), c.get("homogeneity").asDouble(), name + " homogeneity");
            close(v.completeness(), c.get("completeness").asDouble(), name + " completeness");
            close(v.vMeasure(), c.get("v_measure").asDouble(), name + " v_measure");
            assertThat(v.beta()).isEqualTo(c.get("beta").asDouble());
        }
    }

    /**
     * One labelling all singletons: every permutation gives the same table up to relabelling, so
     * E[I] = I exactly and AMI's numerator is 0. scikit-learn's E[I] is a few ulps above I; with the
     * arithmetic, geometric and max averages that only moves AMI by ~1e-13, with "min" the
     * denominator is a few ulps too and scikit-learn returns rounding noise (e.g. 2.0).
     */
    @Test
    void amiIsZeroWhenOneLabellingIsAllSingletons() {
        assertThat(golden.get("ami_degenerate").size()).isEqualTo(4);
        boolean sklearnAboveOne = false;
        for (JsonNode c : golden.get("ami_degenerate")) {
            String name = c.get("name").asText();
            ContingencyTable t = LabelCounts.table(ints(c.get("x")), ints(c.get("y")));
            // E[I] is computed directly as H of the other labelling: equal to I and to the 60-digit sum
            close(AdjustedMutualInformation.expected(t), c.get("emi_exact").asDouble(), name + " E[I]");
            close(AdjustedMutualInformation.expected(t), c.get("mi").asDouble(), name + " E[I] = I");
            for (AverageMethod m : AverageMethod.values()) {
                String key = m.name().toLowerCase(Locale.ROOT);
                double ami = AdjustedMutualInformation.of(t, m);
                assertThat(ami).as(name + " " + key).isEqualTo(0.0);
                double sklearn = c.get("ami_sklearn").get(key).asDouble();
                if (m != AverageMethod.MIN) {
                    assertThat(Math.abs(sklearn)).as(name + " sklearn " + key).isLessThan(1e-12);
                } else {
                    sklearnAboveOne |= sklearn > 1.0;
                }
            }
        }
        assertThat(sklearnAboveOne).as("the generator still shows scikit-learn's AMI above 1").isTrue();
    }

    @Test
    void vMeasureRejectsBadBetaNamingIt() {
        ContingencyTable t = ContingencyTable.of(new long[][] {{3, 1}, {0, 4}});
        assertThatThrownBy(() -> VMeasure.of(t, 0.0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("beta").hasMessageContaining("0.0");
        assertThatThrownBy(() -> VMeasure.of(t, Double.NaN)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> VMeasure.of(null, 1.0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("table");
    }

    @Test
    void vMeasureWithBetaOneIsArithmeticNmi() {
        int[] x = {0, 0, 1, 1, 2, 2, 2, 0, 1, 2};
        int[] y = {5, 5, 6, 7, 7, 7, 8, 5, 6, 8};
        double v = VMeasure.of(x, y, 1.0).vMeasure();
        assertThat(v).isCloseTo(NormalizedMutualInformation.of(x, y, AverageMethod.ARITHMETIC),
                org.assertj.core.api.Assertions.within(1e-15));
    }
}
