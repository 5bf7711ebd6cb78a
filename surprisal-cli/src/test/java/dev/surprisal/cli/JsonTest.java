// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    record Result(double entropy, Double windowed, double kl, double negative) {
    }

    @Test
    void nonFiniteDoublesInRecordsBecomeNullOrInfinityStrings() throws Exception {
        String s = Json.mapper().writeValueAsString(new Result(1.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        JsonNode j = Json.mapper().readTree(s);
        assertThat(j.get("entropy").asDouble()).isEqualTo(1.5);
        assertThat(j.get("windowed").isNull()).as(s).isTrue();
        assertThat(j.get("windowed_reason").asText()).isEqualTo(Json.NOT_DEFINED);
        assertThat(j.has("entropy_reason")).isFalse();
        assertThat(j.get("kl").asText()).isEqualTo("Infinity");
        assertThat(j.get("negative").asText()).isEqualTo("-Infinity");
        assertThat(s).doesNotContain("NaN");
    }

    @Test
    void reportTreesFollowTheSameRule() throws Exception {
        var node = Report.objectNode();
        Report.putNumber(node, "r", Double.NaN, "x is categorical");
        Report.putNumber(node, "kl", Double.POSITIVE_INFINITY);
        JsonNode j = Json.mapper().readTree(Json.mapper().writeValueAsString(node));
        assertThat(j.get("r").isNull()).isTrue();
        assertThat(j.get("r_reason").asText()).isEqualTo("x is categorical");
        assertThat(j.get("kl").asText()).isEqualTo("Infinity");
    }

    @Test
    void doublesPutStraightIntoTreesFollowTheRuleToo() throws Exception {
        var node = Report.objectNode();
        node.put("nan", Double.NaN);
        node.put("inf", Double.NEGATIVE_INFINITY);
        node.put("f", 0.1f);
        String s = Json.mapper().writeValueAsString(node);
        JsonNode j = Json.mapper().readTree(s);
        assertThat(j.get("nan").isNull()).as(s).isTrue();
        assertThat(j.get("inf").asText()).isEqualTo("-Infinity");
        assertThat(s).contains("0.1").doesNotContain("0.10000000149");
    }
}
