// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.SurprisalServer;
import dev.surprisal.server.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's check is the library's check: a server check and {@code surprisal drift check --config}
 * of the same monitor file, store history and days reach the same verdict, column statuses, alarms,
 * fail flag (exit code 1 / {@code alarm}) and notes. Known truth: the baseline was made when the file
 * set the W1/std bands to 0.05/0.15 (frozen in the stored rule), the file no longer does; three
 * resampled days (no change) are OK on both paths; 2024-05-04 has no file (a failed day); on
 * 2024-05-05 the amounts moved 0.2 standard deviations (DRIFT under the stored bands, only WARN under
 * the defaults the old server used) and the zip column is called {@code zip_code}.
 */
class ServerCheckParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DAYS = List.of("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-05");

    @Test
    void aServerCheckDecidesAndSaysWhatDriftCheckConfigDoes(@TempDir Path dir) throws Exception {
        MonitorConfigParityTest.orders(dir.resolve("ref.csv"), 1, 4000, 0);
        for (int i = 0; i < 3; i++) { // resampled: the same distribution, other rows
            MonitorConfigParityTest.orders(dir.resolve("day-" + DAYS.get(i) + ".csv"), 2 + i, 4000, 0);
        }
        Path changed = dir.resolve("day-2024-05-05.csv");
        MonitorConfigParityTest.orders(changed, 9, 4000, 0.2);
        Files.writeString(changed, Files.readString(changed).replaceFirst("^order_id,is_fraud,zip,",
                "order_id,is_fraud,zip_code,"));
        String monitor = """
                monitors:
                  - name: orders
                    source: { path: "day-{date}.csv" }
                    reference: { path: ref.csv }
                    alpha: 0.01
                    exclude: [order_id]
                    role: { zip: categorical }
                """;
        Path config = Files.writeString(dir.resolve("monitors.yaml"), monitor + "    w1-warn: 0.05\n"
                + "    w1-drift: 0.15\n");
        String cliStore = dir.resolve("cli.duckdb").toString();
        String serverStore = dir.resolve("server.duckdb").toString();
        for (String store : List.of(cliStore, serverStore)) {
            Cli base = Cli.run("drift", "baseline", "--monitor", "orders", "--data", dir.resolve("ref.csv").toString(),
                    "--config", config.toString(), "--store", store);
            assertThat(base.code()).as(base.err()).isZero();
        }
        // the file is edited after the baseline: its rule keys are gone, the baseline's stored rule stays
        Files.writeString(config, monitor);

        Map<String, JsonNode> cli = new LinkedHashMap<>();
        Map<String, Integer> exit = new LinkedHashMap<>();
        for (String day : DAYS) {
            Cli check = Cli.run("drift", "check", "--monitor", "orders", "--data", dir.resolve("day-" + day + ".csv")
                    .toString(), "--at", day, "--config", config.toString(), "--store", cliStore, "--json");
            assertThat(check.code()).as(check.err()).isIn(0, 1);
            cli.put(day, JSON.readTree(check.out()));
            exit.put(day, check.code());
        }

        Map<String, JsonNode> api = new LinkedHashMap<>();
        ServerConfig sc = new ConfigLoader(Secrets.of(Map.of())).load(config).withPort(0);
        try (SurprisalServer server = SurprisalServer.start(sc, serverStore, Clock.systemUTC(), null)) {
            String token = server.tokens().create("ci", Role.WRITE);
            HttpClient client = HttpClient.newHttpClient();
            for (String day : DAYS) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + server.port() + "/api/v1/monitors/orders/checks"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"window\":\"" + day + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                api.put(day, JSON.readTree(r.body()));
            }
        }

        for (String day : DAYS) {
            JsonNode c = cli.get(day);
            JsonNode s = api.get(day);
            assertThat(columns(s)).as(day + ": column statuses and roles").isEqualTo(columns(c));
            assertThat(alarms(s)).as(day + ": alarms").isEqualTo(alarms(c));
            assertThat(s.path("verdict").asText()).as(day + ": verdict").isEqualTo(c.path("verdict").asText());
            assertThat(s.path("status").asText()).as(day + ": the server's status").isEqualTo(c.path("verdict").asText());
            assertThat(s.path("alarm").asBoolean()).as(day + ": the server's alarm is the CLI's exit 1")
                    .isEqualTo(exit.get(day) == 1).isEqualTo(c.path("fails").asBoolean());
            assertThat(s.path("schema")).as(day + ": schema change").isEqualTo(c.path("schema"));
            assertThat(s.path("missing_days_before")).as(day + ": missing days").isEqualTo(c.path("missing_days_before"));
        }

        // the known truth, on both paths
        for (String day : DAYS.subList(0, 3)) {
            assertThat(api.get(day).path("alarm").asBoolean()).as(day + " is resampled").isFalse();
            assertThat(api.get(day).path("alarms")).as(day).isEmpty();
            assertThat(api.get(day).has("schema")).isFalse();
            assertThat(api.get(day).has("missing_days_before")).isFalse();
        }
        JsonNode last = api.get("2024-05-05");
        assertThat(columns(last).get("amount")).as("0.2 sd under the stored W1/std bands 0.05/0.15")
                .containsExactly("DRIFT", "continuous");
        assertThat(last.path("alarm").asBoolean()).isTrue();
        assertThat(exit.get("2024-05-05")).isEqualTo(1);
        assertThat(alarms(last)).contains("amount:LEVEL", "zip:LEVEL");
        assertThat(last.path("schema").path("absent_columns").get(0).asText()).isEqualTo("zip");
        assertThat(last.path("schema").path("new_columns").get(0).asText()).isEqualTo("zip_code");
        assertThat(last.path("missing_days_before").path("first").asText()).isEqualTo("2024-05-04");
        assertThat(last.path("missing_days_before").path("days").asInt()).isEqualTo(1);
        assertThat(last.path("missing_days_before").path("note").asText()).isEqualTo("no run recorded for 2024-05-04");
    }

    /** Column name to {status, role label}, in name order. */
    private static Map<String, List<String>> columns(JsonNode check) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode c : check.path("columns")) {
            out.put(c.path("column").asText(), List.of(c.path("status").asText(),
                    c.path("role").asText().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return out;
    }

    /** The alarms as column:kind, in order (the dataset alarm's column is null). */
    private static List<String> alarms(JsonNode check) {
        List<String> out = new ArrayList<>();
        check.path("alarms").forEach(a -> out.add(a.path("column").asText() + ":" + a.path("kind").asText()));
        return out;
    }
}
