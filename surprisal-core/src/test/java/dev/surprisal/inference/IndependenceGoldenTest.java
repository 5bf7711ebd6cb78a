// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.counts.ContingencyTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** G-test and Pearson χ² against {@code scipy.stats.chi2_contingency(correction=False)}. */
class IndependenceGoldenTest {

    @TestFactory
    List<DynamicTest> matchesScipy() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/estimators.json")) {
            assertThat(in).isNotNull();
            golden = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : golden.get("independence")) {
            ContingencyTable t = ScipyTestsGoldenTest.table(c.get("table"));
            tests.add(DynamicTest.dynamicTest("G " + t, () -> {
                IndependenceTestResult g = GTest.independence(t);
                double expected = c.get("g").asDouble();
                assertThat(g.statistic()).isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
                assertThat(g.degreesOfFreedom()).isEqualTo(c.get("dof").asInt());
                assertPValue(g.pValue(), c.get("g_p").asDouble());
                assertThat(g.n()).isEqualTo(t.total());
            }));
            tests.add(DynamicTest.dynamicTest("X2 " + t, () -> {
                IndependenceTestResult x = PearsonChiSquaredTest.independence(t);
                double expected = c.get("chi2").asDouble();
                assertThat(x.statistic()).isCloseTo(expected, within(1e-10 * Math.max(1, expected)));
                assertThat(x.degreesOfFreedom()).isEqualTo(c.get("dof").asInt());
                assertPValue(x.pValue(), c.get("chi2_p").asDouble());
            }));
        }
        return tests;
    }

    /** Relative agreement, so that p-values of 1e-48 are checked too. */
    private static void assertPValue(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-8 * expected + 1e-14));
    }
}
