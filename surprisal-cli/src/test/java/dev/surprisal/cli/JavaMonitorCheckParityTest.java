// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.TableReader;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Java program does what {@code surprisal drift check --config monitors.yaml} does with one library
 * call ({@link MonitorCheck}) and reaches the same verdicts on the same files: every column's status
 * and role, the alarms, the exit code's "fails", and the schema change of a renamed column. Known
 * truth: the amounts moved 0.2 standard deviations, DRIFT only on the monitor's own W1/std bands
 * (0.05/0.15), and today's file calls {@code zip} {@code zip_code}.
 */
class JavaMonitorCheckParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link MonitorConfigParityTest#orders}, with the zip column named {@code zipHeader}. */
    private static Path orders(Path file, String zipHeader, long seed, int n, double shift) throws Exception {
        MonitorConfigParityTest.orders(file, seed, n, shift);
        String text = Files.readString(file);
        return Files.writeString(file, text.replaceFirst("^order_id,is_fraud,zip,", "order_id,is_fraud," + zipHeader
                + ","));
    }

    @Test
    void aJavaCheckWithTheMonitorFileDecidesAsDriftCheckConfig(@TempDir Path dir) throws Exception {
        Path ref = orders(dir.resolve("ref.csv"), "zip", 1, 4000, 0);
        Path day = orders(dir.resolve("day.csv"), "zip_code", 2, 4000, 0.2);
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
        String cliStore = dir.resolve("cli.duckdb").toString();
        String javaStore = dir.resolve("java.duckdb").toString();
        for (String store : List.of(cliStore, javaStore)) {
            Cli base = Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--config",
                    config.toString(), "--store", store);
            assertThat(base.code()).as(base.err()).isZero();
        }
        Cli cli = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--at", "2024-05-02",
                "--config", config.toString(), "--store", cliStore, "--json");
        assertThat(cli.code()).as(cli.err()).isEqualTo(1);
        JsonNode answer = JSON.readTree(cli.out());

        MonitoredCheck.Outcome java = MonitorCheck.fromFile(config, "orders")
                .run(StoreUrl.parse(javaStore), "2024-05-02", TableReader.open(day));

        Map<String, List<String>> javaColumns = new TreeMap<>();
        for (ColumnDrift c : java.report().columns()) {
            javaColumns.put(c.name(), List.of(c.status().name(), c.role().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-')));
        }
        assertThat(javaColumns).isEqualTo(columns(answer.path("columns")));
        assertThat(javaColumns.get("amount").get(0)).as("the monitor's own band for amount").isEqualTo("DRIFT");
        assertThat(javaColumns.get("zip")).as("the file's role; gone today").containsExactly("DRIFT", "categorical");
        assertThat(MonitoredCheck.fails(java.report(), java.alarms())).as("exit code 1").isTrue();
        List<String> cliAlarms = new ArrayList<>();
        answer.path("alarms").forEach(a -> cliAlarms.add(a.path("column").asText() + ":" + a.path("kind").asText()));
        assertThat(java.alarms().stream().map(a -> (a.column() == null ? "null" : a.column()) + ":"
                + a.kind().name()).toList()).isEqualTo(cliAlarms).contains("amount:LEVEL");
        assertThat(java.alarms()).extracting(Alarm::kind).contains(Alarm.Kind.LEVEL);

        // the renamed column is said, not only scored as all missing
        assertThat(java.schema().absent()).containsExactly("zip");
        assertThat(java.schema().added()).containsExactly("zip_code");
        assertThat(answer.path("schema").path("absent_columns").get(0).asText()).isEqualTo("zip");
        assertThat(answer.path("schema").path("new_columns").get(0).asText()).isEqualTo("zip_code");
        assertThat(java.schema().notes()).hasSize(2).first().asString().contains("'zip' is not in today's file");
    }

    @Test
    void withoutAMonitorFileTheCheckIsTheStoredRuleAsPlainDriftCheck(@TempDir Path dir) throws Exception {
        Path ref = orders(dir.resolve("ref.csv"), "zip", 1, 4000, 0);
        Path day = orders(dir.resolve("day.csv"), "zip", 2, 4000, 0.2);
        String cliStore = dir.resolve("cli.duckdb").toString();
        String javaStore = dir.resolve("java.duckdb").toString();
        for (String store : List.of(cliStore, javaStore)) {
            assertThat(Cli.run("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--exclude",
                    "order_id", "--store", store).code()).isZero();
        }
        Cli cli = Cli.run("drift", "check", "--monitor", "orders", "--data", day.toString(), "--at", "2024-05-02",
                "--store", cliStore, "--json");
        JsonNode answer = JSON.readTree(cli.out());
        MonitoredCheck.Outcome java = MonitorCheck.of("orders").run(StoreUrl.parse(javaStore), "2024-05-02",
                TableReader.open(day));
        Map<String, List<String>> javaColumns = new TreeMap<>();
        java.report().columns().forEach(c -> javaColumns.put(c.name(), List.of(c.status().name(),
                c.role().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        assertThat(javaColumns).isEqualTo(columns(answer.path("columns")));
        assertThat(javaColumns.get("amount").get(0)).as("default W1/std bands: 0.2 sd is a WARN").isEqualTo("WARN");
        assertThat(MonitoredCheck.fails(java.report(), java.alarms())).isEqualTo(cli.code() == 1).isFalse();
        assertThat(java.schema().isEmpty()).isTrue();
        assertThat(answer.has("schema")).isFalse();
    }

    @Test
    void aMonitorFileErrorNamesTheFileAndKeyAndNoSecret(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("monitors.yaml"), """
                monitors:
                  - name: orders
                    source: { jdbc: "jdbc:postgresql://db/shop", query: "select 1", password: "hunter2-literal" }
                  - name: refunds
                    source: { path: refunds.csv }
                """);
        assertThatThrownBy(() -> MonitorCheck.fromFile(config, "orders")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(config + ":3: monitors[0].source.password: a secret must come from the "
                        + "environment").hasMessageNotContaining("hunter2");
        Path two = Files.writeString(dir.resolve("two.yaml"), """
                monitors:
                  - { name: orders, source: { path: a.csv } }
                  - { name: refunds, source: { path: b.csv } }
                """);
        assertThatThrownBy(() -> MonitorCheck.fromFile(two, null)).isInstanceOf(ConfigException.class)
                .hasMessage(two + ": monitors: defines 2 monitors; name the one to check: orders, refunds");
        assertThatThrownBy(() -> MonitorCheck.fromFile(two, "order")).hasMessage(two
                + ": monitors: no monitor 'order'; monitors: orders, refunds");
        assertThat(MonitorCheck.fromFile(two, "refunds").monitor()).isEqualTo("refunds");
    }

    /** Column name to {status, role label}, in name order. */
    private static Map<String, List<String>> columns(JsonNode cols) {
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode c : cols) {
            out.put(c.path("column").asText(), List.of(c.path("status").asText(),
                    c.path("role").asText().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return out;
    }
}
