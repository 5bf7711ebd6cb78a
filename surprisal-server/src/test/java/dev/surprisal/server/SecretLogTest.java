// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the server logs (java.util.logging, the one logger it writes to) while tokens are made,
 * used and refused, an alert to a secret webhook URL fails, and a database source with a password
 * cannot be reached, holds none of those secrets.
 */
class SecretLogTest {
    @Test
    void noTokenWebhookUrlOrPasswordIsLogged(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens here once closed: deliveries and logins fail
        }
        String hookSecret = "T0-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        Path yaml = Files.writeString(dir.resolve("secrets.yaml"), """
                notifiers:
                  - { name: hook, type: slack, url: "${env:HOOK}", retries: 1, backoff: 10ms, timeout: 2s }
                monitors:
                  - name: pg
                    source: { jdbc: "jdbc:postgresql://127.0.0.1:%d/db", user: u, password: "${env:PGPW}",
                              query: "select 1 as x where :date is not null" }
                    reference: { jdbc: "jdbc:postgresql://127.0.0.1:%d/db", user: u, password: "${env:PGPW}",
                                 query: "select 1 as x" }
                    schedule: { cron: "0 6 * * *" }
                """.formatted(closed, closed));
        ServerConfig loaded = new ConfigLoader(Secrets.of(Map.of("HOOK", "http://127.0.0.1:" + closed
                + "/services/" + hookSecret, "PGPW", password))).load(yaml);
        ServerConfig.Adjust adjust = c -> {
            MonitorConfig m = c.monitors().get(0);
            MonitorConfig alerting = new MonitorConfig(m.name(), m.file(), m.line(), m.source(), m.reference(),
                    m.settings(), m.columns(), m.exclude(), m.schedule(), m.zone(), List.of("hook"), false, m.paused());
            return c.withMonitors(List.of(alerting, loaded.monitor("pg").orElseThrow()))
                    .withNotifiers(loaded.notifiers());
        };

        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter trace = new StringWriter();
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage() + " " + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("dev.surprisal");
        Level before = ours.getLevel();
        ours.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> tokens = new ArrayList<>();
        MutableClock clock = new MutableClock(Instant.parse("2024-05-02T07:00:00Z"));
        try (TestServer t = new TestServer(dir, 600, 4, adjust, clock)) {
            tokens.addAll(List.of(t.writeToken, t.readToken, t.adminToken));
            assertThat(t.get("/api/v1/monitors", t.readToken).statusCode()).isEqualTo(200);
            String wrong = t.writeToken.substring(0, t.writeToken.length() - 4) + "0000";
            tokens.add(wrong);
            assertThat(t.get("/api/v1/monitors", wrong).statusCode()).isEqualTo(401);
            assertThat(t.post("/api/v1/monitors/orders/checks", t.readToken, "{\"window\":\"2024-05-01\"}")
                    .statusCode()).isEqualTo(403);
            // a drifted day: the alert goes to a URL nobody listens on, and fails
            HttpResponse<String> drift = t.post("/api/v1/monitors/orders/checks", t.writeToken,
                    "{\"window\":\"2024-05-04\"}");
            assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
            t.server.alerts().drain(Duration.ofSeconds(30));
            // the database cannot be reached, through the API and on the schedule
            HttpResponse<String> pg = t.post("/api/v1/monitors/pg/checks", t.writeToken, "{\"window\":\"2024-05-01\"}");
            assertThat(pg.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(pg.body()).doesNotContain(password);
            t.server.scheduler().tick();
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        String all = String.join("\n", logged);
        // the failures were logged (so the test looks at real lines), without their secrets; an unreachable database
        // is a failure of the scheduled check (WARNING "could not check"), not a window whose data has not arrived
        assertThat(all).contains("alert to hook failed").contains("could not check pg window 2024-05-01: ");
        assertThat(all).doesNotContain(hookSecret).doesNotContain(password);
        for (String token : tokens) {
            assertThat(all).doesNotContain(token).doesNotContain(token.substring(4, 16));
        }
    }
}
