// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one JSON form of a check, on known truth: x shifted by half a standard deviation, a new city
 * (Atlantis) in 10% of today's rows, y unchanged with 2% missing values.
 */
class DriftJsonTest {
    private static final Profile REF = ProfileBuilder.fit(DriftScorerTest.day(1, 5000, 0, 1, 0.02, 0),
            ProfileOptions.defaults());

    private static DriftReport report(DriftOptions options) {
        return DriftScorer.compare(REF, ProfileBuilder.count(REF, DriftScorerTest.day(2, 2000, 0.5, 1, 0.02, 0.1)),
                options);
    }

    private static JsonNode column(JsonNode check, String name) {
        for (JsonNode c : check.get("columns")) {
            if (c.get("column").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + check);
    }

    @Test
    void klAndJsAreInTheChosenUnitAndTheDecidingMeasureFollows() {
        DriftReport r = report(DriftOptions.defaults().withMeasure(Measure.KL));
        ColumnDrift x = r.columns().get(0);
        JsonNode nats = DriftJson.of(r, REF.roles()).withBase(Base.NATS).toTree();
        JsonNode bits = DriftJson.of(r, REF.roles()).toTree();
        assertThat(nats.get("unit").asText()).isEqualTo("nats");
        assertThat(bits.get("units").get("kl").asText()).isEqualTo("bits");
        assertThat(column(nats, "x").get("kl_pq").asDouble()).isEqualTo(x.klNats());
        assertThat(column(bits, "x").get("kl_pq").asDouble()).isCloseTo(x.klNats() / Math.log(2), within(1e-15));
        assertThat(column(bits, "x").get("js").asDouble()).isCloseTo(x.jsBits(), within(1e-15));
        // KL decides: its value and its noise level are shown in the chosen unit too
        assertThat(column(nats, "x").get("decision").asDouble()).isEqualTo(x.decisionValue());
        assertThat(column(bits, "x").get("critical").asDouble()).isCloseTo(x.critical() / Math.log(2), within(1e-15));
        // PSI has no unit: the same number in both
        assertThat(column(bits, "x").get("psi").asDouble()).isEqualTo(column(nats, "x").get("psi").asDouble());
    }

    @Test
    void newValuesNoValueAndTheVerdicts() {
        DriftReport r = report(DriftOptions.defaults());
        JsonNode j = DriftJson.of(r, REF.roles()).toTree();
        JsonNode city = column(j, "city");
        assertThat(city.get("status").asText()).isEqualTo("DRIFT");
        assertThat(city.get("new_values").get(0).get("value").asText()).isEqualTo("Atlantis");
        long atlantis = r.columns().stream().filter(c -> c.name().equals("city")).findFirst().orElseThrow()
                .newValues().get("Atlantis");
        assertThat(city.get("new_values").get(0).get("rows").asLong()).isEqualTo(atlantis).isBetween(150L, 250L);
        // a categorical column has no KS: null, with the reason beside it
        assertThat(city.get("ks").isNull()).isTrue();
        assertThat(city.get("ks_reason").asText()).isEqualTo(DriftJson.NOT_COMPUTABLE);
        assertThat(column(j, "y").get("status").asText()).isEqualTo("OK");
        // no alarm given: alarm false, yet the scores alone fail the check
        assertThat(j.get("alarm").asBoolean()).isFalse();
        assertThat(j.get("fails").asBoolean()).isEqualTo(MonitoredCheck.fails(r, List.of())).isTrue();
        assertThat(j.get("verdict").asText()).isEqualTo("DRIFT");
        assertThat(j.has("explanation")).isFalse();
        assertThat(DriftJson.of(r, REF.roles()).withExplanation(true).toTree().get("explanation").asText())
                .isEqualTo(DriftExplanation.paragraph(r, Base.BITS)).contains("extra bits per value");
    }

    @Test
    void eachAlarmCarriesItsLevel() {
        // drift bands out of reach: x's half-sd shift only crosses the warn bands, a WARN level alarm
        DriftReport warned = report(DriftOptions.defaults().withBands(0.1, 1e9).withTvBands(0.1, 1e9)
                .withW1Bands(0.1, 1e9));
        ColumnDrift x = warned.columns().get(0);
        assertThat(x.status()).as(x.reason()).isEqualTo(Status.WARN);
        List<Alarm> raised = List.of(new Alarm("x", Alarm.Kind.LEVEL, "x: " + x.reason()),
                new Alarm("y", Alarm.Kind.TREND, "y: spikes"), new Alarm(null, Alarm.Kind.DATASET, "dataset"));
        JsonNode a = DriftJson.of(warned, REF.roles()).withAlarms(raised).toTree().get("alarms");
        assertThat(a).extracting(n -> n.get("level").asText()).containsExactly("WARN", "WARN", "DRIFT");
        // the default bands: the same shift is DRIFT, and so is its level alarm
        DriftReport drifted = report(DriftOptions.defaults());
        assertThat(drifted.columns().get(0).status()).isEqualTo(Status.DRIFT);
        JsonNode d = DriftJson.of(drifted, REF.roles()).withAlarms(raised.subList(0, 1)).toTree().get("alarms");
        assertThat(d.get(0).get("level").asText()).isEqualTo("DRIFT");
    }

    @Test
    void theCallersFieldsFollowTheSettingsAndBinsAddUpToKl() {
        DriftReport r = report(DriftOptions.defaults());
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("monitor", "orders");
        JsonNode j = DriftJson.of(r, REF.roles()).withHeader(header).withBins(true).toTree();
        header.put("changed", true);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.indexOf("monitor")).isEqualTo(keys.indexOf("thresholds") + 1)
                .isEqualTo(keys.indexOf("reference_rows") - 1);
        assertThat(keys).doesNotContain("changed");
        for (JsonNode c : j.get("columns")) {
            double sum = 0;
            for (JsonNode b : c.get("bins")) {
                sum += b.get("kl_term").asDouble();
            }
            assertThat(sum).as(c.get("column").asText()).isCloseTo(c.get("kl_pq").asDouble(), within(1e-12));
        }
        assertThat(DriftJson.of(r, REF.roles()).toTree().get("columns").get(0).has("bins")).isFalse();
    }
}
