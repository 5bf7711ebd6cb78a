// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.drift.store.HistoryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit15 D7: a continuous column that crept a quarter of a standard deviation is WARN on its own
 * yardstick (W1/std about 0.25 over its 0.1 band) while PSI, the deciding measure, stays near 0.06, under
 * its 0.1 band. The history showed only PSI, in its table and sparkline, so a WARN day read under its
 * band. Each score now keeps its yardstick (store schema 5); the table, the JSON and the chart show it.
 */
class DriftHistoryYardstickTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    /** An order id, a price in dollars and cents (normal, mean 50, sd 10) moved by {@code shift} sd, a 0/1 flag. */
    private Path day(String name, int rows, double shift, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("order_id,price,returned\n");
        for (int i = 0; i < rows; i++) {
            s.append(seed * 100_000 + i).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 50 + 10 * (r.nextGaussian() + shift))).append(',')
                    .append(r.nextDouble() < 0.1 ? 1 : 0).append('\n');
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private void creep() throws Exception {
        Cli b = Cli.run("drift", "baseline", "--monitor", "creep", "--data", day("ref.csv", 20_000, 0, 1).toString(),
                "--store", store());
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        for (int d = 2; d <= 4; d++) {
            Cli c = Cli.run("drift", "check", "--monitor", "creep", "--data",
                    day("day" + d + ".csv", 4_000, 0.25, d).toString(), "--store", store(), "--at", "2026-01-1" + d);
            assertThat(c.code()).as(c.out() + c.err()).isIn(ExitCode.OK, ExitCode.ALARM);
        }
    }

    private JsonNode history() throws Exception {
        Cli h = Cli.run("drift", "history", "--monitor", "creep", "--column", "price", "--store", store(), "--json");
        assertThat(h.code()).as(h.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(h.out());
    }

    @Test
    void aWarnDayDecidedByW1StdShowsW1StdNotPsiUnderItsBand() throws Exception {
        creep();
        JsonNode j = history();
        assertThat(j.get("history")).hasSize(3);
        for (JsonNode row : j.get("history")) {
            // the situation of the audit: WARN, PSI under its 0.1 band, W1/std over its own
            assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("WARN");
            assertThat(row.get("measure").asText()).isEqualTo("PSI");
            assertThat(row.get("decision").asDouble()).isLessThan(0.1);
            assertThat(row.get("yardstick").asText()).isEqualTo("W1/std");
            assertThat(row.get("yardstick_unit").asText()).isEqualTo("unitless");
            assertThat(row.get("yardstick_value").asDouble()).isBetween(0.2, 0.3); // the creep, 0.25 sd
            assertThat(row.get("yardstick_chance").asDouble()).isZero();
            assertThat(row.get("yardstick_warn").asDouble()).isEqualTo(0.1);
            assertThat(row.get("yardstick_decided").asBoolean()).isTrue();
        }
        Cli text = Cli.run("drift", "history", "--monitor", "creep", "--column", "price", "--store", store());
        // the table's yardstick column, and the sparkline drawn in W1/std with its band, said on its line
        assertThat(text.out()).containsPattern("(?m)^2026-01-12\\s+\\d+\\s+price\\s+\\S+\\s+PSI\\s+\\S+\\s+\\S+\\s+"
                + "W1/std 0\\.2\\d* decided\\s")
                .containsPattern("(?m)^  price\\s+\\S+\\s+W1/std \\(it decided; warn band 0\\.1\\d*\\) last 0\\.2");
    }

    @Test
    void aScoreRecordedBeforeTheStoreKeptItsYardstickSaysSo() throws Exception {
        creep();
        // a score recorded by schema 4 has no yardstick: the columns the migration adds are empty
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store());
             Statement st = c.createStatement()) {
            st.execute("UPDATE scores SET yardstick = NULL, yardstick_value = NULL, yardstick_chance = NULL, "
                    + "yardstick_warn = NULL, yardstick_drift = NULL, yardstick_decided = NULL");
        }
        for (JsonNode row : history().get("history")) {
            assertThat(row.get("yardstick").isNull()).as(row.toString()).isTrue();
            assertThat(row.get("yardstick_note").asText()).startsWith(HistoryPoint.YARDSTICK_NOT_STORED);
        }
        // with no yardstick stored the chart is the deciding measure, as before schema 5
        Cli text = Cli.run("drift", "history", "--monitor", "creep", "--column", "price", "--store", store());
        assertThat(text.out()).doesNotContain("it decided");
    }
}
