package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    record Result(double entropy, Double windowed, double kl, double negative) {
    }

    @Test
    void nonFiniteDoublesInRecordsBecomeNullOrInfinityStrings() throws Exception {
        String s = Json.MAPPER.writeValueAsString(new Result(1.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY));
        JsonNode j = Json.MAPPER.readTree(s);
        assertThat(j.get("entropy").asDouble()).isEqualTo(1.5);
        assertThat(j.get("windowed").isNull()).as(s).isTrue();
        assertThat(j.get("kl").asText()).isEqualTo("Infinity");
        assertThat(j.get("negative").asText()).isEqualTo("-Infinity");
        assertThat(s).doesNotContain("NaN");
    }

    @Test
    void reportTreesFollowTheSameRule() throws Exception {
        var node = Report.objectNode();
        Report.putNumber(node, "r", Double.NaN);
        Report.putNumber(node, "kl", Double.POSITIVE_INFINITY);
        JsonNode j = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(node));
        assertThat(j.get("r").isNull()).isTrue();
        assertThat(j.get("kl").asText()).isEqualTo("Infinity");
    }
}
