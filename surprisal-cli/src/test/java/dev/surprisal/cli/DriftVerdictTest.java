// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Drift verdicts end to end where a table's shape or cleanliness changes (a column gone, a column
 * added, fewer invalid cells), and that every line of a check says the same numbers in the same unit
 * as its table.
 */
class DriftVerdictTest {
    private static final int ROWS = 5_000;

    @TempDir
    static Path dir;

    private static Map<Change, Path> days;
    private static Path reference;

    @BeforeAll
    static void write() {
        days = OrdersTable.writeScenario(dir, ROWS, 11);
        reference = dir.resolve("reference.csv");
    }

    /** {@code from} with column {@code drop} left out (null: none) and a column {@code add} = 1 appended (null: none). */
    private static Path reshaped(Path from, String drop, String add, String name) throws IOException {
        List<String> lines = Files.readAllLines(from);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int skip = drop == null ? -1 : header.indexOf(drop);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int j = 0; j < cells.length; j++) {
                if (j != skip) {
                    kept.add(cells[j]);
                }
            }
            if (add != null) {
                kept.add(i == 0 ? add : "1");
            }
            out.add(String.join(",", kept));
        }
        return Files.write(dir.resolve(name), out);
    }

    private static Cli compare(Path ref, Path day, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "compare", ref.toString(), day.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static String row(Cli r, String column) {
        return r.out().lines().filter(l -> l.startsWith(column + " ")).findFirst().orElseThrow();
    }

    @Test
    void aColumnGoneTodayIsAllMissingScoredAndRecordedNotAStop() throws IOException {
        String store = dir.resolve("gone/drift.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "m", "--data", reference.toString(), "--store", store);
        assertThat(b.code()).as(b.err()).isZero();
        Path noDevice = reshaped(days.get(Change.NONE), "device", null, "no-device.csv");
        Cli r = Cli.run("drift", "check", "--monitor", "m", "--data", noDevice.toString(), "--store", store,
                "--at", "2024-05-01");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.ALARM);
        assertThat(row(r, "device")).endsWith(" DRIFT").contains("+100.00%");
        assertThat(r.out()).contains("missing share rose 0.0% -> 100.0%").contains("check 1 of monitor 'm'");
        assertThat(r.err()).contains("surprisal: note: column 'device' is not in today's file: scored as all missing");
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store);
        assertThat(h.out()).contains("device");
    }

    @Test
    void aColumnTheReferenceNeverHadIsNamed() throws IOException {
        Path flagged = reshaped(days.get(Change.NONE), null, "flag", "flagged.csv");
        Cli r = compare(reference, flagged);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("column 'flag' is in today's file but not in the reference: not checked");
        JsonNode j = new ObjectMapper().readTree(compare(reference, flagged, "--json").out());
        assertThat(j.get("schema").get("new_columns").get(0).asText()).isEqualTo("flag");
    }

    @Test
    void cleanerDataIsAWarningNotDrift() {
        // the reference has 5% 'abc' in amount, today 0.2%: the invalid share fell
        Cli r = compare(days.get(Change.INVALID_SURGE), days.get(Change.NONE));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(row(r, "amount")).endsWith(" WARN");
        assertThat(r.out()).containsPattern("invalid share fell [45]\\.\\d% -> 0\\.\\d% \\(beyond noise\\): cleaner "
                + "data or a changed upstream parser")
                .doesNotContain("invalid share rose");
        // the other way round the invalid share rises: DRIFT
        Cli worse = compare(days.get(Change.NONE), days.get(Change.INVALID_SURGE));
        assertThat(row(worse, "amount")).endsWith(" DRIFT");
        assertThat(worse.out()).contains("invalid share rose 0.");
    }

    @Test
    void aLargeFallOfTheInvalidShareIsStillAWarning() throws IOException {
        // the reference: a day with every 10th amount 'abc' (10% invalid); today the same day clean (0.2%)
        Path day = days.get(Change.NONE);
        List<String> lines = Files.readAllLines(day);
        int amount = List.of(lines.get(0).split(",", -1)).indexOf("amount");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (i % 10 == 0) {
                cells[amount] = "abc";
            }
            out.add(String.join(",", cells));
        }
        Path dirty = Files.write(dir.resolve("dirty.csv"), out);
        Cli r = compare(dirty, day);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // the fall is the share check's WARN, not a divergence DRIFT: the valid amounts are the same
        assertThat(row(r, "amount")).endsWith(" WARN");
        assertThat(r.out()).containsPattern("invalid share fell 10\\.\\d% -> 0\\.\\d%");
    }

    /** The first number after {@code prefix} in {@code text}. */
    private static double after(String text, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "([0-9.]+)").matcher(text);
        assertThat(m.find()).as(prefix + " in " + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void alarmLinesSayTheTablesUnit() {
        Path churn = days.get(Change.CHURN_RATE);
        Cli kl = compare(reference, churn, "--measure", "kl");
        String line = kl.out().lines().filter(l -> l.startsWith("ALARM level: churned:")).findFirst().orElseThrow();
        assertThat(line).containsPattern("KL [0-9.]+ bits, beyond noise \\(critical [0-9.e-]+ bits\\)");
        String[] cells = row(kl, "churned").trim().split(" +");
        // column, role, KL(P||Q) bits, ..., KL critical is the 9th cell
        assertThat(after(line, "KL ")).isCloseTo(Double.parseDouble(cells[2]), within(0.001));
        assertThat(after(line, "critical ")).isCloseTo(Double.parseDouble(cells[8]), within(0.0001));
        // TV is the share of probability mass that would have to move, not of rows that changed value
        assertThat(compare(reference, churn).out())
                .containsPattern("TV [0-9.]+ \\([0-9.]+% of the probability mass would have to move");
        Cli js = compare(reference, churn, "--measure", "js", "--base", "e");
        assertThat(js.out()).contains("JS nats").containsPattern("ALARM level: churned: JS [0-9.]+ nats");
        Cli h = compare(reference, churn, "--measure", "hellinger");
        assertThat(h.out()).contains("Hellinger critical").doesNotContain("HELLINGER");
    }

    @Test
    void explainShowsTheObservedSharesOfTheTable() {
        Cli r = compare(reference, days.get(Change.EMPTY_COLUMN), "--explain");
        assertThat(row(r, "device")).contains("+100.00%");
        assertThat(r.out()).contains("The bin that moved most is (missing): reference 0.0%, today 100.0%.");
    }

    @Test
    void alphaIsSplitOverTheTestsRunAndUnscoredColumnsSaySo() throws IOException {
        Cli r = compare(reference, days.get(Change.NEW_COUNTRY));
        // order_id 2 (missing, duplicates), ts 1, amount, days_since_last, churned, n_items 4 each, country, device 3
        assertThat(r.out()).contains("split over 25 tests").doesNotContain("p = 0.0;");
        JsonNode j = new ObjectMapper().readTree(compare(reference, days.get(Change.NEW_COUNTRY), "--json").out());
        assertThat(j.get("thresholds").get("tests").asInt()).isEqualTo(25);
        assertThat(j.get("thresholds").get("alpha_per_test").asDouble()).isEqualTo(0.01 / 25);
        for (JsonNode c : j.get("columns")) {
            if (c.get("column").asText().equals("order_id")) {
                assertThat(c.get("kl_pq_reason").asText()).isEqualTo("not scored");
            }
            if (c.get("column").asText().equals("country")) {
                JsonNode se = c.get("new_values").get(0);
                assertThat(se.get("value").asText()).isEqualTo("SE");
                assertThat(se.get("share").asDouble()).isBetween(0.04, 0.06);
                assertThat(c.get("reason").asText()).contains("SE " + String.format(java.util.Locale.ROOT, "%.1f%%",
                        100 * se.get("share").asDouble()));
            }
        }
    }
}
