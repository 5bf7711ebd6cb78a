// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.http.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's controls over real HTTP: pause and resume, a profile pushed from elsewhere, deliveries,
 * the request size limit (413), CSRF on a cookie session, a read token on every write route, and the
 * {@code reads-public} / {@code metrics-public} switches.
 */
class ApiControlsTest {
    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return ReportJson.MAPPER.readTree(r.body());
    }

    @Test
    void pauseResumeProfilePushDeliveriesAndTheSizeLimit(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 800, 4, c -> c.withMaxRequestBytes(200_000), Clock.systemUTC())) {
            HttpResponse<String> paused = t.post("/api/v1/monitors/orders/pause", t.writeToken, "{\"paused\":true}");
            assertThat(paused.statusCode()).isEqualTo(200);
            assertThat(json(t.get("/api/v1/monitors/orders", t.readToken)).get("paused").asBoolean()).isTrue();
            assertThat(t.server.monitors().paused("orders")).isTrue();
            t.post("/api/v1/monitors/orders/pause", t.writeToken, "{\"paused\":false}");
            assertThat(t.server.monitors().paused("orders")).isFalse();

            // a profile counted elsewhere on the baseline's bins: the drifted day is checked as if read here
            assertThat(t.post("/api/v1/monitors/orders/baselines", t.writeToken, "{}").statusCode()).isEqualTo(201);
            Profile baseline = t.server.monitors().gate().fresh(s -> s.baseline("orders")).orElseThrow();
            String day = t.server.monitors().monitor("orders").source().path().replace("{date}", "2024-05-04");
            String pushed = ProfileJson.write(ProfileBuilder.count(baseline, TableReader.open(Path.of(day))));
            HttpResponse<String> push = t.post("/api/v1/monitors/orders/profiles?window=2024-05-04", t.writeToken,
                    pushed);
            assertThat(push.statusCode()).as(push.body()).isEqualTo(200);
            assertThat(json(push).get("status").asText()).isEqualTo("DRIFT");
            assertThat(json(t.get("/api/v1/monitors/orders/checks", t.readToken)).get("checks").get(0)
                    .get("trigger").asText()).isEqualTo("push");
            HttpResponse<String> notAProfile = t.post("/api/v1/monitors/orders/profiles?window=2024-05-04",
                    t.writeToken, "{\"columns\": 3}");
            assertThat(notAProfile.statusCode()).isEqualTo(400);
            assertThat(json(notAProfile).get("error").asText()).contains("body: expected a profile");

            HttpResponse<String> deliveries = t.get("/api/v1/monitors/orders/deliveries", t.readToken);
            assertThat(deliveries.statusCode()).isEqualTo(200);
            assertThat(json(deliveries).toString()).contains("orders");
            assertThat(t.get("/api/v1/monitors/nope/deliveries", t.readToken).statusCode()).isEqualTo(404);

            String big = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
            HttpResponse<String> tooBig = t.post("/api/v1/monitors/orders/profiles?window=2024-05-04", t.writeToken, big);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(json(tooBig).get("error").asText()).contains("request too large").contains("200000");
        }
    }

    @Test
    void aReadTokenIsRefusedOnEveryWriteRouteAndACookieSessionNeedsItsCsrfToken(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 300, 2, c -> c, Clock.systemUTC())) {
            int writes = 0;
            for (Route r : t.server.http().routes()) {
                if (r.role() != Role.WRITE && r.role() != Role.ADMIN) {
                    continue;
                }
                writes++;
                String path = r.path().replace("{monitor}", "orders").replace("{run}", "1");
                HttpResponse<String> resp = r.method().equals("PUT") ? t.put(path, t.readToken, "{}")
                        : t.post(path, t.readToken, "{}");
                assertThat(resp.statusCode()).as(r.method() + " " + path).isEqualTo(403);
            }
            assertThat(writes).isGreaterThanOrEqualTo(6);

            HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(t.base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + t.writeToken)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String page = browser.send(HttpRequest.newBuilder(URI.create(t.base() + "/")).header("Cookie", cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as("the page's forms carry the session's CSRF token").isTrue();
            HttpRequest.Builder pause = HttpRequest.newBuilder(URI.create(t.base() + "/api/v1/monitors/orders/pause"))
                    .header("Cookie", cookie).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"paused\":true}")).timeout(Duration.ofSeconds(30));
            HttpResponse<String> forged = browser.send(pause.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(json(forged).get("error").asText()).contains("CSRF");
            assertThat(t.server.monitors().paused("orders")).isFalse();
            HttpResponse<String> own = browser.send(pause.header("X-Surprisal-CSRF", m.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(t.server.monitors().paused("orders")).isTrue();
        }
    }

    @Test
    void readsAndMetricsArePublicOnlyWhenConfigured(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, 300, 2, c -> c.withPublic(false, true), Clock.systemUTC())) {
            assertThat(t.get("/metrics", null).statusCode()).isEqualTo(200);
            assertThat(t.get("/api/v1/monitors", null).statusCode()).isEqualTo(401);
        }
        try (TestServer t = new TestServer(dir.resolve("b"), 300, 2, c -> c.withPublic(true, false), Clock.systemUTC())) {
            assertThat(t.get("/api/v1/monitors", null).statusCode()).isEqualTo(200);
            assertThat(t.get("/api/v1/monitors/orders/checks", null).statusCode()).isEqualTo(200);
            assertThat(t.post("/api/v1/monitors/orders/checks", null, "{\"window\":\"2024-05-01\"}").statusCode())
                    .isEqualTo(401);
        }
    }
}
