// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.NotifierConfig;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.store.ServerTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts against a real local HTTP receiver (the JDK's server on 127.0.0.1, a free port): the
 * webhook answers 500 twice before 200, so the firing alert is retried; a second drifted check of
 * the same incident sends nothing; a clean check sends "resolved"; Slack and Alertmanager get their
 * shapes; every delivery is recorded in the store.
 */
class AlertsTest {
    record Received(String path, String body) {
    }

    @Test
    void retriesDeDuplicationAndResolved(@TempDir Path dir) throws Exception {
        List<Received> got = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger hookCalls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            got.add(new Received(path, body));
            int code = path.equals("/hook") && hookCalls.incrementAndGet() <= 2 ? 500 : 200;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        List<NotifierConfig> notifiers = List.of(
                new NotifierConfig("hook", "webhook", base + "/hook", 3, Duration.ofMillis(20), Duration.ofSeconds(5), true),
                new NotifierConfig("chat", "slack", base + "/slack", 0, Duration.ofMillis(20), Duration.ofSeconds(5), true),
                new NotifierConfig("am", "alertmanager", base + "/am", 0, Duration.ofMillis(20), Duration.ofSeconds(5),
                        true));
        ServerConfig.Adjust withAlerts = c -> {
            MonitorConfig m = c.monitors().get(0);
            MonitorConfig alerting = new MonitorConfig(m.name(), m.file(), m.line(), m.source(), m.reference(),
                    m.settings(), m.columns(), m.exclude(), m.schedule(), m.zone(), List.of("hook", "chat", "am"),
                    false, m.paused());
            return c.withMonitors(List.of(alerting)).withNotifiers(notifiers);
        };
        try (TestServer t = new TestServer(dir, 1500, 4, withAlerts, Clock.system(ZoneOffset.UTC))) {
            Monitors ms = t.server.monitors();
            ms.check("orders", Window.parse("2024-05-01", ZoneOffset.UTC), "test");
            t.server.alerts().drain(Duration.ofSeconds(30));
            assertThat(got).isEmpty();

            CheckResult drift = ms.check("orders", Window.parse("2024-05-04", ZoneOffset.UTC), "test");
            assertThat(drift.status()).isEqualTo("DRIFT");
            t.server.alerts().drain(Duration.ofSeconds(30));
            assertThat(got).extracting(Received::path).containsExactly("/hook", "/hook", "/hook", "/slack", "/am");
            JsonNode hook = ReportJson.MAPPER.readTree(got.get(2).body());
            assertThat(hook.get("kind").asText()).isEqualTo("firing");
            assertThat(hook.get("monitor").asText()).isEqualTo("orders");
            assertThat(hook.get("columns").get(0).get("name").asText()).isEqualTo("country");
            assertThat(hook.get("columns").get(0).get("unit").asText()).isEqualTo("unitless");
            JsonNode slack = ReportJson.MAPPER.readTree(got.get(3).body());
            assertThat(slack.get("text").asText()).contains("Drift DRIFT: monitor orders");
            assertThat(slack.get("blocks").get(1).get("text").get("text").asText()).contains("country").contains("full report");
            JsonNode am = ReportJson.MAPPER.readTree(got.get(4).body());
            assertThat(am.get("version").asText()).isEqualTo("4");
            assertThat(am.get("status").asText()).isEqualTo("firing");
            assertThat(am.get("alerts").get(0).get("labels").get("alertname").asText()).isEqualTo("SurprisalDrift");
            assertThat(am.get("alerts").get(0).get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
            String fingerprint = am.get("alerts").get(0).get("fingerprint").asText();

            // the same incident again (the day rechecked): nothing is sent
            ms.check("orders", Window.parse("2024-05-04", ZoneOffset.UTC), "test", true);
            t.server.alerts().drain(Duration.ofSeconds(30));
            assertThat(got).hasSize(5);

            // a clean day resolves it, once per notifier
            ms.check("orders", Window.parse("2024-05-02", ZoneOffset.UTC), "test");
            t.server.alerts().drain(Duration.ofSeconds(30));
            assertThat(got).hasSize(8);
            JsonNode resolved = ReportJson.MAPPER.readTree(got.get(5).body());
            assertThat(resolved.get("kind").asText()).isEqualTo("resolved");
            JsonNode amResolved = ReportJson.MAPPER.readTree(got.get(7).body());
            assertThat(amResolved.get("status").asText()).isEqualTo("resolved");
            assertThat(amResolved.get("alerts").get(0).get("fingerprint").asText()).isEqualTo(fingerprint);

            List<ServerTables.Delivery> deliveries = t.server.monitors().gate().with(s ->
                    ServerTables.deliveries(s.connection(), "orders", 20));
            assertThat(deliveries).hasSize(6);
            ServerTables.Delivery firstHook = deliveries.stream().filter(d -> d.notifier().equals("hook")
                    && d.kind().equals("firing")).findFirst().orElseThrow();
            assertThat(firstHook.attempts()).isEqualTo(3);
            assertThat(firstHook.statusCode()).isEqualTo(200);
            assertThat(firstHook.outcome()).isEqualTo("sent");
            assertThat(t.server.metrics().scrape()).contains(
                    "surprisal_alert_deliveries_total{kind=\"firing\",notifier=\"hook\",outcome=\"sent\"} 1")
                    .contains("surprisal_alert_deliveries_total{kind=\"firing\",notifier=\"hook\",outcome=\"suppressed\"} 1");
        } finally {
            receiver.stop(0);
        }
    }
}
