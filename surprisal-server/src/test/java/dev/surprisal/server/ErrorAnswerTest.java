// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one shape of an error answer, over real HTTP: {@code {"error", "status", "request_id"}} and
 * nothing else, the id also in {@code X-Request-Id}. A 500 is made by a real fault, a stored check
 * whose JSON no longer reads: its answer names no exception and carries no stack trace, and the
 * server log has the stack trace under the same request id.
 */
class ErrorAnswerTest {
    private static final String HEX16 = "[0-9a-f]{16}";

    @Test
    void everyErrorHasOneShapeAndA500KeepsItsStackTraceInTheLog(@TempDir Path dir) throws Exception {
        try (LogCapture log = LogCapture.root(); TestServer t = new TestServer(dir)) {
            String m = t.demo.config().monitors().get(0).name();
            HttpResponse<String> ok = t.post("/api/v1/monitors/" + m + "/checks", t.writeToken, "{\"window\":\"2024-05-02\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            long run = ReportJson.MAPPER.readTree(ok.body()).path("run_id").asLong();

            // a usage error, an unknown route, no token, a read token on a write route, an unknown run
            assertShape(t.get("/api/v1/monitors/" + m + "/checks?limit=0", t.readToken), 400);
            assertShape(t.get("/api/v1/nothing-here", t.readToken), 404);
            assertShape(t.get("/api/v1/monitors", null), 401);
            assertShape(t.post("/api/v1/monitors/" + m + "/checks", t.readToken, "{\"window\":\"2024-05-02\"}"), 403);
            assertShape(t.get("/api/v1/monitors/" + m + "/checks/" + (run + 1000), t.readToken), 404);

            // a bug: the stored check no longer reads as JSON
            t.server.monitors().gate().with(s -> {
                try (Statement st = s.connection().createStatement()) {
                    st.execute("UPDATE surprisal_server_checks SET report_json = '{\"format\": \"surprisal-check\", "
                            + "\"version\": 2, \"columns\": [' WHERE run_id = " + run);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            HttpResponse<String> bug = t.get("/api/v1/monitors/" + m + "/checks/" + run, t.readToken);
            JsonNode body = assertShape(bug, 500);
            String id = body.get("request_id").asText();
            assertThat(body.get("error").asText()).startsWith("internal error (a bug;").contains(id)
                    .doesNotContain("Exception", "\tat ", "dev.surprisal", "JsonParse");

            List<LogRecord> severe = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
            assertThat(severe).as("the 500's log line").hasSize(1);
            assertThat(severe.get(0).getMessage()).contains("request_id " + id).contains("/checks/" + run);
            assertThat(severe.get(0).getThrown()).as("the stack trace, in the log only").isNotNull();

            // the other answers carry the id too, and health is plain JSON
            HttpResponse<String> health = t.get("/healthz", null);
            assertThat(health.headers().firstValue("X-Request-Id")).hasValueSatisfying(v -> assertThat(v).matches(HEX16));
            assertThat(ReportJson.MAPPER.readTree(health.body()).path("status").asText()).isEqualTo("ok");
            assertThat(ReportJson.MAPPER.readTree(t.get("/readyz", null).body()).path("status").asText())
                    .isEqualTo("ready");
            assertThat(t.server.monitors().checks(m, Long.MAX_VALUE, 10)).extracting(ServerTables.CheckRow::runId)
                    .containsExactly(run);
        }
    }

    /** The answer has the status, exactly the three keys, and the id of its X-Request-Id header. */
    private static JsonNode assertShape(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "application/json"));
        JsonNode body = ReportJson.MAPPER.readTree(r.body());
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(r.body()).containsExactly("error", "status", "request_id");
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("request_id").asText()).matches(HEX16);
        assertThat(r.headers().firstValue("X-Request-Id")).contains(body.get("request_id").asText());
        return body;
    }
}
