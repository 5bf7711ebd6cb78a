// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.server.SurprisalServer;
import dev.surprisal.server.auth.Role;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One monitor config file, two deciders: {@code surprisal drift baseline|check --config} and the
 * server's check API decide the same status for every column, with the file's roles and a per-column
 * band that changes a verdict (known truth: the amounts moved 0.2 standard deviations, WARN on the
 * default W1/std bands 0.1/0.3, DRIFT on the monitor's own 0.05/0.15 for that column).
 */
class MonitorConfigParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Orders: an id, a 0/1 fraud flag, a zip code written as a number, an amount in euros. */
    static void orders(Path file, long seed, int n, double shift) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        int[] zips = {75001, 69002, 13003, 31004, 59005, 67006};
        StringBuilder b = new StringBuilder("order_id,is_fraud,zip,amount\n");
        for (int i = 0; i < n; i++) {
            b.append(seed * 1_000_000 + i).append(',').append(r.nextDouble() < 0.03 ? 1 : 0).append(',')
                    .append(zips[r.nextInt(zips.length)]).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 50 + 10 * (r.nextGaussian() + shift))).append('\n');
        }
        Files.writeString(file, b);
    }

    @Test
    void cliAndServerDecideAlikeFromOneMonitorFile(@TempDir Path dir) throws Exception {
        orders(dir.resolve("ref.csv"), 1, 4000, 0);
        orders(dir.resolve("day-2024-05-02.csv"), 2, 4000, 0.2);
        Path config = Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: orders
                    source: { path: "day-{date}.csv" }
                    reference: { path: ref.csv }
                    alpha: 0.01
                    exclude: [order_id]
                    role: { zip: categorical }
                    thresholds: { amount: { w1-warn: 0.05, w1-drift: 0.15 } }
                """);
        Path day = dir.resolve("day-2024-05-02.csv");

        // without the file's roles and bands: zip is a number, amount only WARN
        Cli plain = Cli.run("drift", "compare", dir.resolve("ref.csv").toString(), day.toString(), "--exclude",
                "order_id", "--json");
        Map<String, List<String>> plainCols = columns(JSON.readTree(plain.out()).path("columns"), "column");
        assertThat(plainCols.get("amount").get(0)).isEqualTo("WARN");
        assertThat(plainCols.get("zip").get(1)).isNotEqualTo("categorical");

        String store = dir.resolve("cli.duckdb").toString();
        Cli base = Cli.run("drift", "baseline", "--monitor", "orders", "--data", dir.resolve("ref.csv").toString(),
                "--config", config.toString(), "--store", store);
        assertThat(base.code()).as(base.err()).isZero();
        Cli check = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--at", "2024-05-02",
                "--config", config.toString(), "--store", store, "--json");
        assertThat(check.code()).as(check.err()).isEqualTo(1);
        Map<String, List<String>> cli = columns(JSON.readTree(check.out()).path("columns"), "column");
        Cli compare = Cli.run("drift", "compare", dir.resolve("ref.csv").toString(), day.toString(), "--config",
                config.toString(), "--json");
        assertThat(columns(JSON.readTree(compare.out()).path("columns"), "column")).isEqualTo(cli);

        ServerConfig sc = new ConfigLoader(Secrets.of(Map.of())).load(config).withPort(0);
        try (SurprisalServer server = SurprisalServer.start(sc, dir.resolve("server.duckdb").toString(),
                Clock.systemUTC(), null)) {
            String token = server.tokens().create("ci", Role.WRITE);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/v1/monitors/orders/checks"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"window\":\"2024-05-02\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("alarm").asBoolean()).isTrue();
            Map<String, List<String>> api = columns(answer.path("columns"), "column");
            assertThat(api).isEqualTo(cli);
        }
        assertThat(cli.get("amount").get(0)).isEqualTo("DRIFT");
        assertThat(cli.get("zip").get(1)).isEqualTo("categorical");
        assertThat(cli.get("is_fraud").get(1)).isEqualTo("binary");
        assertThat(cli).doesNotContainKey("order_id");
    }

    /** Column name to {status, role label}, in name order. */
    private static Map<String, List<String>> columns(JsonNode cols, String nameKey) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode c : cols) {
            out.put(c.path(nameKey).asText(), List.of(c.path("status").asText(),
                    c.path("role").asText().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return out;
    }
}
