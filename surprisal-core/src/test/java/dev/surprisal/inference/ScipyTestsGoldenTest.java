// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Correlation p-values and the χ² / G tests with Yates' correction against scipy 1.10
 * ({@code tools/reference/inference.py}).
 */
class ScipyTestsGoldenTest {
    static JsonNode golden;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ScipyTestsGoldenTest.class.getResourceAsStream("/golden/inference.json")) {
            golden = new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    /** A contingency table written as a JSON array of rows of counts. */
    static ContingencyTable table(JsonNode rows) {
        long[][] cells = new long[rows.size()][];
        for (int r = 0; r < cells.length; r++) {
            cells[r] = new long[rows.get(r).size()];
            for (int j = 0; j < cells[r].length; j++) {
                cells[r][j] = rows.get(r).get(j).asLong();
            }
        }
        return ContingencyTable.of(cells);
    }

    /** |a − e| ≤ rel·|e| + abs: p-values down to 1e-100 are checked relatively. */
    static void close(double actual, double expected, double rel, double abs, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(rel * Math.abs(expected) + abs);
    }

    @Test
    void pearsonAndSpearmanPValuesMatchScipy() {
        int checked = 0;
        for (JsonNode c : golden.get("correlation")) {
            double[] x = doubles(c.get("x"));
            double[] y = doubles(c.get("y"));
            for (Alternative alt : Alternative.values()) {
                String what = c.get("name").asText() + " " + alt.scipyName();
                JsonNode p = c.get("pearson").get(alt.scipyName());
                CorrelationTestResult r = CorrelationTest.pearson(x, y, alt);
                close(r.coefficient(), p.get("statistic").asDouble(), 1e-12, 1e-15, what + " r");
                close(r.pValue(), p.get("pvalue").asDouble(), 1e-10, 1e-15, what + " pearson p");
                assertThat(r.n()).isEqualTo(x.length);
                assertThat(r.alternative()).isEqualTo(alt);
                JsonNode s = c.get("spearman").get(alt.scipyName());
                if (x.length < 3) {
                    // scipy returns NaN (zero degrees of freedom); the library says why instead
                    assertThat(s.get("pvalue").isNull()).isTrue();
                    assertThatThrownBy(() -> CorrelationTest.spearman(x, y, alt))
                            .isInstanceOf(ValidationException.class).hasMessageContaining("at least 3 pairs");
                    continue;
                }
                CorrelationTestResult rho = CorrelationTest.spearman(x, y, alt);
                close(rho.coefficient(), s.get("statistic").asDouble(), 1e-12, 1e-15, what + " rho");
                close(rho.pValue(), s.get("pvalue").asDouble(), 1e-10, 1e-15, what + " spearman p");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    @Test
    void expectedFrequenciesAndYatesCorrectionMatchChi2Contingency() {
        int corrected = 0;
        for (JsonNode c : golden.get("contingency")) {
            ContingencyTable t = table(c.get("table"));
            double[][] e = ExpectedFrequencies.of(t);
            for (int r = 0; r < t.rows(); r++) {
                double[] expected = doubles(c.get("expected").get(r));
                for (int j = 0; j < expected.length; j++) {
                    close(e[r][j], expected[j], 1e-15, 0, t + " E[" + r + "][" + j + "]");
                }
            }
            for (boolean yates : new boolean[] {false, true}) {
                String suffix = yates ? "_yates" : "_plain";
                check(PearsonChiSquaredTest.independence(t, yates), c.get("pearson" + suffix), t + " X2" + suffix);
                check(GTest.independence(t, yates), c.get("g" + suffix), t + " G" + suffix);
            }
            double plain = PearsonChiSquaredTest.independence(t, false).statistic();
            double withYates = PearsonChiSquaredTest.independence(t, true).statistic();
            if (c.get("pearson_yates").get("dof").asInt() == 1) {
                assertThat(withYates).as("the correction shrinks X² on 1 dof").isLessThanOrEqualTo(plain);
                corrected += withYates < plain ? 1 : 0;
            } else {
                assertThat(withYates).as("no correction beyond 1 dof").isEqualTo(plain);
            }
        }
        assertThat(corrected).isGreaterThanOrEqualTo(5);
    }

    private static void check(IndependenceTestResult actual, JsonNode expected, String what) {
        close(actual.statistic(), expected.get("statistic").asDouble(), 1e-12, 1e-14, what + " statistic");
        close(actual.pValue(), expected.get("pvalue").asDouble(), 1e-9, 1e-15, what + " p");
        assertThat(actual.degreesOfFreedom()).as(what + " dof").isEqualTo(expected.get("dof").asInt());
    }

    @Test
    void alternativeParsesScipyNamesAndRejectsOthers() {
        assertThat(Alternative.parse("two-sided")).isEqualTo(Alternative.TWO_SIDED);
        assertThat(Alternative.parse("Two_Sided")).isEqualTo(Alternative.TWO_SIDED);
        assertThat(Alternative.parse(" greater")).isEqualTo(Alternative.GREATER);
        assertThatThrownBy(() -> Alternative.parse("bigger")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("two-sided, less or greater").hasMessageContaining("'bigger'");
    }

    @Test
    void aConstantSampleHasNoCorrelationTest() {
        assertThatThrownBy(() -> CorrelationTest.pearson(new double[] {1, 2, 3}, new double[] {7, 7, 7}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("y: is constant");
        assertThatThrownBy(() -> CorrelationTest.spearman(new double[] {1, 2, 3}, new double[] {1, 2, 3}, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alternative");
    }
}
