// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.core.Base;
import dev.surprisal.dependence.Correlation;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The tour's y = x² stop against scipy / scikit-learn on the same points (tools/reference/tour_quadratic.py). */
class QuadraticSectionTest {
    private static JsonNode golden() throws Exception {
        try (InputStream in = QuadraticSectionTest.class.getResourceAsStream("/golden/tour_quadratic.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void pointsAreThoseThePythonGeneratorRegenerates() throws Exception {
        JsonNode g = golden();
        double[][] s = QuadraticSection.sample();
        assertThat(s[0]).hasSize(g.get("n").asInt());
        for (int i = 0; i < 3; i++) {
            assertThat(s[0][i]).isCloseTo(g.get("first_points").get(i).get(0).asDouble(), within(1e-12));
            assertThat(s[1][i]).isCloseTo(g.get("first_points").get(i).get(1).asDouble(), within(1e-12));
        }
    }

    @Test
    void correlationMissesAndKsgMatchesScikitLearnAndTheTruth() throws Exception {
        JsonNode g = golden();
        double[][] s = QuadraticSection.sample();
        assertThat(Correlation.pearson(s[0], s[1])).isCloseTo(g.get("pearson_r").asDouble(), within(1e-9));
        double mi = KraskovMutualInformation.estimate(s[0], s[1], 3, KraskovMutualInformation.Algorithm.KSG1,
                Base.NATS).nats();
        double sklearn = g.get("sklearn_mutual_info_regression_nats").get("0").asDouble();
        assertThat(mi).isCloseTo(sklearn, within(0.02)); // sklearn scales and jitters; ours is the bare estimator
        assertThat(mi).isCloseTo(g.get("true_mi_nats").asDouble(), within(0.15));
        assertThat(QuadraticSection.SKLEARN_MI_NATS).isCloseTo(sklearn, within(5e-4));
        assertThat(QuadraticSection.TRUE_MI_NATS).isCloseTo(g.get("true_mi_nats").asDouble(), within(5e-4));
    }

    @Test
    void printsTheNumbersAndCorrectsTheSeed() throws Exception {
        StringWriter w = new StringWriter();
        new QuadraticSection().print(new TourStop(w));
        assertThat(w.toString()).contains("true value is 2.91 nats").contains("gives about 2.92 nats").contains("'MI ~ 1.5'");
        // a U-shape: the best monotone trend carries a part, and the verdict says correlation misses most of it
        assertThat(w.toString()).contains("marks this feature 'non-monotone'")
                .contains("correlation misses most of this (U-shaped or other non-monotone dependence)");
    }
}
