// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.server.CheckResult;
import dev.surprisal.server.Demo;
import dev.surprisal.server.Monitors;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.Window;
import dev.surprisal.server.store.StoreGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One JSON form of a drift check: {@code surprisal drift check --json} and the server's check answer
 * for the same data and monitor (the demo's orders; the checked day has a new country, SE, in 5% of
 * the orders) carry the same per-column values under the same keys, the same settings, units and
 * roles; the server only adds its envelope and the per-bin detail.
 */
class DriftJsonParityTest {
    private static final String DAY = "2024-05-04";

    @Test
    void theCliAndTheServerSayTheSameAboutOneCheck(@TempDir Path dir) throws Exception {
        Demo.Prepared demo = Demo.prepare(dir, 600, 4, 0);
        Path file = demo.dir().resolve("data").resolve("orders-" + DAY + ".csv");
        Cli cli = Cli.run("drift", "check", "--monitor", "orders", "--store", demo.store(), "--data", file.toString(),
                "--at", DAY, "--json");
        assertThat(cli.code()).as(cli.err()).isEqualTo(1);
        JsonNode fromCli = new ObjectMapper().readTree(cli.out());

        JsonNode fromServer;
        try (StoreGate gate = new StoreGate(demo.store())) {
            CheckResult r = new Monitors(demo.config(), gate, Clock.system(ZoneOffset.UTC))
                    .check("orders", Window.parse(DAY, ZoneOffset.UTC), "test");
            fromServer = ReportJson.MAPPER.readTree(ReportJson.of(r));
        }

        assertThat(fromServer.get("columns").get(0).get("column").asText()).isEqualTo("country");
        assertThat(fromServer.get("columns").get(0).get("status").asText()).isEqualTo("DRIFT");
        Map<String, JsonNode> cliColumns = byName(fromCli);
        Map<String, JsonNode> serverColumns = byName(fromServer);
        assertThat(serverColumns.keySet()).isEqualTo(cliColumns.keySet()).contains("country", "device");
        serverColumns.forEach((name, s) -> {
            ObjectNode withoutBins = s.deepCopy();
            assertThat(withoutBins.remove("bins")).as("the server adds the per-bin detail").isNotNull();
            assertThat(withoutBins).as(name).isEqualTo(cliColumns.get(name));
        });
        for (String shared : new String[] {"measure", "unit", "base", "direction", "smoothing", "null", "thresholds",
                "reference_rows", "current_rows", "units", "ks_wasserstein_sample", "roles", "excluded", "verdict",
                "fails", "dataset_drift"}) {
            assertThat(fromServer.get(shared)).as(shared).isEqualTo(fromCli.get(shared));
        }
        // every key the command line prints, the server answers too (it adds its envelope); "recorded" and
        // "checks_against_baseline" say what the command line's store did (a read-only store records nothing)
        assertThat(fieldNames(fromServer)).containsAll(fieldNames(fromCli).stream()
                .filter(k -> !k.equals("monitor") && !k.equals("at") && !k.equals("store") && !k.equals("file")
                        && !k.equals("reference_version") && !k.equals("replaced_run_id") && !k.equals("recorded")
                        && !k.equals("checks_against_baseline")).toList());
    }

    private static Map<String, JsonNode> byName(JsonNode check) {
        Map<String, JsonNode> out = new TreeMap<>();
        check.get("columns").forEach(c -> out.put(c.get("column").asText(), c));
        return out;
    }

    private static java.util.Set<String> fieldNames(JsonNode n) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
