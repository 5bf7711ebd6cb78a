// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP on a free loopback port, against a DuckDB store with the demo's
 * generated orders (known truth: the first days are resamples of the reference, the last day has
 * a new country, SE, in 5% of the orders).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    TestServer t;

    @BeforeAll
    void start(@TempDir Path dir) {
        t = new TestServer(dir);
    }

    @AfterAll
    void stop() {
        t.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return ReportJson.MAPPER.readTree(r.body());
    }

    @Test
    void healthNeedsNoTokenButEverythingElseDoes() throws Exception {
        assertThat(t.get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(t.get("/readyz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> r = t.get("/api/v1/monitors", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).contains("token");
        assertThat(t.get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(t.get("/", null).statusCode()).isEqualTo(302);
        assertThat(t.get("/api/v1/monitors", "sps_not-a-real-token").statusCode()).isEqualTo(401);
    }

    @Test
    void readTokenReadsButCannotWrite() throws Exception {
        HttpResponse<String> list = t.get("/api/v1/monitors", t.readToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("monitors").get(0).get("name").asText()).isEqualTo("orders");
        HttpResponse<String> post = t.post("/api/v1/monitors/orders/checks", t.readToken, "{\"window\":\"2024-05-01\"}");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(json(post).get("error").asText()).contains("write");
    }

    @Test
    void theMonitorListShowsTheLatestCheckAndPauseAtOnceAfterEachWrite() throws Exception {
        t.get("/api/v1/monitors", t.readToken); // kept in memory now: each write below must make it forget that
        HttpResponse<String> check = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-03\"}");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        long run = json(check).get("run_id").asLong();
        JsonNode orders = json(t.get("/api/v1/monitors", t.readToken)).get("monitors").get(0);
        assertThat(orders.get("last").get("run_id").asLong()).isEqualTo(run);
        assertThat(orders.get("last").get("window").asText()).isEqualTo("2024-05-03");
        assertThat(orders.get("paused").asBoolean()).isFalse();
        try {
            assertThat(t.post("/api/v1/monitors/orders/pause", t.writeToken, "{\"paused\": true}").statusCode()).isEqualTo(200);
            assertThat(json(t.get("/api/v1/monitors", t.readToken)).get("monitors").get(0).get("paused").asBoolean())
                    .isTrue();
            assertThat(json(t.get("/api/v1/monitors/orders", t.readToken)).get("last").get("run_id").asLong())
                    .as("one monitor's answer agrees with the list's").isEqualTo(run);
        } finally {
            t.post("/api/v1/monitors/orders/pause", t.writeToken, "{\"paused\": false}");
        }
    }

    @Test
    void aResampledDayIsOkAndTheShiftedDayIsAnAlarm() throws Exception {
        HttpResponse<String> ok = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-02\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode okJson = json(ok);
        assertThat(okJson.get("status").asText()).as(ok.body()).isEqualTo("OK");
        assertThat(okJson.get("alarm").asBoolean()).isFalse();
        assertThat(okJson.get("rows").asLong()).isEqualTo(1500);

        HttpResponse<String> bad = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-04\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(200);
        JsonNode badJson = json(bad);
        assertThat(badJson.get("status").asText()).isEqualTo("DRIFT");
        assertThat(badJson.get("alarm").asBoolean()).isTrue();
        assertThat(badJson.get("fails").asBoolean()).isTrue();
        assertThat(badJson.get("columns").get(0).get("column").asText()).isEqualTo("country");
        // the excluded key and timestamp are not scored
        assertThat(badJson.get("columns").findValuesAsText("column")).doesNotContain("order_id", "ts", "amount");
        assertThat(badJson.get("format").asText()).isEqualTo("surprisal-check");
        assertThat(badJson.get("explanation").asText()).startsWith("Top column 'country' (DRIFT)");

        long run = badJson.get("run_id").asLong();
        HttpResponse<String> get = t.get("/api/v1/monitors/orders/checks/" + run, t.readToken);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(json(get).get("status").asText()).isEqualTo("DRIFT");
        HttpResponse<String> html = t.get("/api/v1/monitors/orders/checks/" + run + "/report.html", t.readToken);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(html.body()).contains("country").doesNotContain("<script");

        HttpResponse<String> list = t.get("/api/v1/monitors/orders/checks", t.readToken);
        assertThat(json(list).get("checks").findValuesAsText("window")).contains("2024-05-02", "2024-05-04");

        // one key style in every answer, as in the CLI's --json (Alertmanager's and Slack's payloads aside)
        for (String path : java.util.List.of("/api/v1/monitors", "/api/v1/monitors/orders", "/api/v1/monitors/orders/checks",
                "/api/v1/monitors/orders/checks/" + run, "/api/v1/monitors/orders/baselines",
                "/api/v1/monitors/orders/history?column=country")) {
            assertThat(camelCaseKeys(json(t.get(path, t.readToken)))).as(path).isEmpty();
        }
        assertThat(camelCaseKeys(badJson)).as("a check").isEmpty();
        // the history says why the day alarmed, in the check's own words, as `drift history` does
        String why = badJson.get("alarms").get(0).get("message").asText().substring("country: ".length());
        JsonNode day = null;
        for (JsonNode p : json(t.get("/api/v1/monitors/orders/history?column=country", t.readToken)).get("points")) {
            day = p.get("run_id").asLong() == run ? p : day;
        }
        assertThat(day).isNotNull();
        assertThat(day.get("reason").asText()).isEqualTo(why).contains("band");

        HttpResponse<String> metrics = t.get("/metrics", t.readToken);
        assertThat(metrics.body()).contains("surprisal_check_runs_total{monitor=\"orders\",outcome=\"drift\"}")
                .contains("surprisal_column_psi{column=\"country\",monitor=\"orders\"}");
    }

    @Test
    void baselinesListEveryVersionAndANewOneReplacesTheCurrent() throws Exception {
        JsonNode before = json(t.get("/api/v1/monitors/orders/baselines", t.readToken)).get("baselines");
        JsonNode current = before.get(before.size() - 1);
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("rows").asLong()).isPositive();
        HttpResponse<String> made = t.post("/api/v1/monitors/orders/baselines", t.writeToken, "{}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode after = json(t.get("/api/v1/monitors/orders/baselines", t.readToken)).get("baselines");
        assertThat(after.size()).isEqualTo(before.size() + 1);
        JsonNode replaced = after.get(after.size() - 2);
        assertThat(replaced.get("version").asInt()).isEqualTo(current.get("version").asInt());
        assertThat(replaced.get("current").asBoolean()).isFalse();
        assertThat(replaced.get("replaced_at").isNull()).isFalse();
        assertThat(after.get(after.size() - 1).get("version").asInt()).isEqualTo(current.get("version").asInt() + 1);
    }

    @Test
    void excludingARunKeepsItButMarksIt() throws Exception {
        HttpResponse<String> r = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2024-05-03\"}");
        long run = json(r).get("run_id").asLong();
        assertThat(t.post("/api/v1/monitors/orders/checks/" + run + "/exclude", t.writeToken, "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> ex = t.post("/api/v1/monitors/orders/checks/" + run + "/exclude", t.writeToken,
                "{\"reason\":\"partial load\"}");
        assertThat(ex.statusCode()).isEqualTo(200);
        JsonNode got = json(t.get("/api/v1/monitors/orders/checks/" + run, t.readToken));
        assertThat(got.get("excluded").asBoolean()).isTrue();
        assertThat(got.get("exclude_reason").asText()).isEqualTo("partial load");
        JsonNode history = json(t.get("/api/v1/monitors/orders/history?column=country", t.readToken));
        assertThat(history.get("points").findValuesAsText("run_id")).doesNotContain(Long.toString(run));
    }

    @Test
    void usageErrorsAre400AndMissingDataIs422() throws Exception {
        assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"yesterday\"}").statusCode())
                .isEqualTo(400);
        assertThat(t.post("/api/v1/monitors/orders/checks", t.writeToken, "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> none = t.post("/api/v1/monitors/orders/checks", t.writeToken, "{\"window\":\"2030-01-01\"}");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(json(none).get("error").asText()).contains("no data for window 2030-01-01");
        assertThat(t.get("/api/v1/monitors/nope", t.readToken).statusCode()).isEqualTo(404);
        assertThat(t.get("/api/v1/monitors/orders/checks/abc", t.readToken).statusCode()).isEqualTo(400);
    }

    @Test
    void pathTraversalFindsNothing() throws Exception {
        for (String p : new String[] {"/api/v1/monitors/..%2F..%2Fetc%2Fpasswd/checks/1/report.html",
                "/api/v1/monitors/orders/checks/..%2F..%2Fetc%2Fpasswd/report.html", "/monitors/..%2Fmonitors.yaml",
                "/static/..%2Fmonitors.yaml", "/../../etc/passwd"}) {
            HttpResponse<String> r = t.get(p, t.readToken);
            assertThat(r.statusCode()).as(p).isIn(400, 404);
            assertThat(r.body()).as(p).doesNotContain("root:").doesNotContain("reference.csv");
        }
    }

    /** Every key of the JSON, at any depth, that has an upper-case letter (new_values' keys are data). */
    static java.util.List<String> camelCaseKeys(JsonNode node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    out.add(e.getKey());
                }
                if (!e.getKey().equals("new_values")) {
                    out.addAll(camelCaseKeys(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(v -> out.addAll(camelCaseKeys(v)));
        }
        return out;
    }
}
