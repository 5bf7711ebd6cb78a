// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.demo.EventTable;
import dev.surprisal.drift.store.HistoryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review13a's first finding: {@code drift history --json} said {@code "measure": "PSI"} whatever
 * measure the checks decided on. Each row now carries the measure its check used, as the store recorded
 * it, with its unit; a run recorded before the store kept it says so instead of a guess.
 */
class DriftHistoryMeasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("drift.duckdb").toString();
    }

    private void baselineAndTwoChecks(String... checkRule) {
        Path ref = EventTable.days(1, 1, 300, 5).writeCsv(dir.resolve("day1.csv"));
        Cli b = Cli.run("drift", "baseline", "--monitor", "events", "--data", ref.toString(), "--store", store());
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(ExitCode.OK);
        for (int day = 2; day <= 3; day++) {
            Path f = EventTable.days(day, day, 300, 5).writeCsv(dir.resolve("day" + day + ".csv"));
            String[] args = {"drift", "check", "--monitor", "events", "--data", f.toString(), "--store", store(),
                    "--at", "2024-01-0" + day};
            String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.Arrays.stream(checkRule)).toArray(String[]::new);
            Cli c = Cli.run(all);
            assertThat(c.code()).as(c.out() + c.err()).isIn(ExitCode.OK, ExitCode.ALARM);
        }
    }

    private JsonNode history() throws Exception {
        Cli h = Cli.run("drift", "history", "--monitor", "events", "--store", store(), "--json");
        assertThat(h.code()).as(h.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(h.out());
    }

    @Test
    void eachRowCarriesTheMeasureItsCheckDecidedOnWithItsUnit() throws Exception {
        baselineAndTwoChecks("--measure", "js"); // the baseline's rule is PSI's: the checks' own is JS
        JsonNode j = history();
        assertThat(j.get("measure").asText()).isEqualTo("JS"); // was "PSI", hard-coded
        assertThat(j.get("history")).isNotEmpty();
        for (JsonNode row : j.get("history")) {
            assertThat(row.get("measure").asText()).as(row.toString()).isEqualTo("JS");
            assertThat(row.get("decision_unit").asText()).isEqualTo("bits");
            // the stored decision is the JS value in bits, not PSI
            assertThat(row.get("decision").asDouble()).isCloseTo(row.get("js").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        Cli text = Cli.run("drift", "history", "--monitor", "events", "--store", store());
        assertThat(text.out()).containsPattern("(?m)^2024-01-02\\s+\\d+\\s+\\S+\\s+\\S+\\s+JS\\s");
    }

    @Test
    void hellingerIsUnitlessAndADefaultCheckIsPsi() throws Exception {
        baselineAndTwoChecks("--measure", "hellinger");
        for (JsonNode row : history().get("history")) {
            assertThat(row.get("measure").asText()).isEqualTo("Hellinger");
            assertThat(row.get("decision_unit").asText()).isEqualTo("unitless");
        }
    }

    @Test
    void aRunRecordedBeforeTheStoreKeptItsMeasureSaysSoRatherThanGuess() throws Exception {
        baselineAndTwoChecks("--measure", "kl");
        // a run recorded by schema 3 has no measure: the column the migration adds is empty
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store());
             Statement st = c.createStatement()) {
            st.execute("UPDATE runs SET measure = NULL WHERE run_at = '2024-01-02'");
        }
        JsonNode j = history();
        JsonNode old = null;
        JsonNode recent = null;
        for (JsonNode row : j.get("history")) {
            if (row.get("at").asText().equals("2024-01-02")) {
                old = row;
            } else {
                recent = row;
            }
        }
        assertThat(old.get("measure").isNull()).as(old.toString()).isTrue();
        assertThat(old.get("decision_unit").isNull()).isTrue();
        assertThat(old.get("measure_note").asText()).isEqualTo(HistoryPoint.MEASURE_NOT_STORED);
        assertThat(recent.get("measure").asText()).isEqualTo("KL");
        assertThat(recent.get("decision_unit").asText()).isEqualTo("nats");
        // the checks did not all store one measure: the history names what they did store
        assertThat(j.get("measures").toString()).contains(HistoryPoint.MEASURE_NOT_STORED).contains("KL");
        Cli text = Cli.run("drift", "history", "--monitor", "events", "--store", store(), "--explain");
        assertThat(text.out()).containsPattern("(?m)^2024-01-02\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\?\\s")
                .contains("'?' = " + HistoryPoint.MEASURE_NOT_STORED);
    }
}
