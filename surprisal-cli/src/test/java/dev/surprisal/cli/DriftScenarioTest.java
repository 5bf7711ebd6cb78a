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
 * {@code surprisal drift} end to end on the orders table, whose days carry known changes: which
 * columns alarm, which are not scored and why, named new values, invalid cells with their lines,
 * and no alarm on resamples.
 */
class DriftScenarioTest {
    private static final int ROWS = 5_000;

    @TempDir
    static Path dir;

    private static Map<Change, Path> days;
    private static Path reference;

    @BeforeAll
    static void write() {
        days = OrdersTable.writeScenario(dir, ROWS, 7);
        reference = dir.resolve("reference.csv");
    }

    private static Cli compare(Path day, String... more) {
        List<String> args = new ArrayList<>(List.of("drift", "compare", reference.toString(), day.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The names of the rows of the table whose verdict is the given one. */
    private static List<String> columnsWith(Cli r, String verdict) {
        List<String> out = new ArrayList<>();
        r.out().lines().filter(l -> l.endsWith(" " + verdict) && !l.startsWith(" ")).forEach(l -> out.add(l.split(" +")[0]));
        return out;
    }

    @Test
    void eachChangedDayAlarmsOnItsColumnOnly() {
        Map<Change, String> truth = Map.of(Change.CHURN_RATE, "churned", Change.AMOUNT_SHIFT, "amount",
                Change.NEW_COUNTRY, "country", Change.MISSING_SURGE, "amount", Change.INVALID_SURGE, "amount",
                Change.EMPTY_COLUMN, "device");
        for (Map.Entry<Change, String> e : truth.entrySet()) {
            Cli r = compare(days.get(e.getKey()));
            assertThat(r.code()).as(e.getKey() + "\n" + r.out() + r.err()).isEqualTo(ExitCode.ALARM);
            assertThat(columnsWith(r, "DRIFT")).as(e.getKey() + "\n" + r.out()).containsExactly(e.getValue());
            assertThat(columnsWith(r, "WARN")).as(e.getKey() + "\n" + r.out()).isEmpty();
        }
    }

    @Test
    void resamplesDoNotAlarm() throws IOException {
        for (long seed = 50; seed < 53; seed++) {
            Path f = OrdersTable.day(Change.NONE, ROWS, seed).writeCsv(dir.resolve("resample-" + seed + ".csv"));
            Cli r = compare(f, "--fail-on", "warn");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("no alarm: 0 of 6 scored columns changed (2 more checked, not scored)");
        }
    }

    @Test
    void idAndTimestampColumnsAreNotScoredAndSayWhy() {
        Cli r = compare(days.get(Change.NONE));
        assertThat(r.out()).containsPattern("(?m)^  order_id +id-like +5,000 distinct of 5,000 integers: id-like \\(not "
                + "scored; checked for missing share and duplicate keys\\)$")
                .containsPattern("(?m)^  ts +timestamp +100% of values are ISO date-times: timestamp \\(not scored")
                .containsPattern("(?m)^  churned +binary +2 distinct values \\(0, 1\\): binary$")
                .containsPattern("(?m)^  n_items +discrete +6 distinct values \\(1 to 6\\): discrete$")
                .containsPattern("(?m)^order_id +id-like\\* .* OK$")
                .contains("PSI critical");
    }

    @Test
    void aNewCountryIsNamedAndInvalidCellsAreShownWithTheirLines() throws IOException {
        Cli se = compare(days.get(Change.NEW_COUNTRY));
        assertThat(se.out()).containsPattern("new values in country \\(share of today's values\\): \"SE\" [45]\\.\\d\\d%");
        Cli abc = compare(days.get(Change.INVALID_SURGE));
        List<String> lines = Files.readAllLines(days.get(Change.INVALID_SURGE));
        int first = -1;
        long count = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).split(",", -1)[2].equals("abc")) {
                first = first < 0 ? i + 1 : first;
                count++;
            }
        }
        assertThat(abc.out()).contains("invalid cells in amount: ").contains("values: \"abc\" ×"
                + String.format(java.util.Locale.ROOT, "%,d", count) + " (first: line " + first + ")");
        JsonNode j = new ObjectMapper().readTree(compare(days.get(Change.NEW_COUNTRY), "--json").out());
        JsonNode country = null;
        for (JsonNode c : j.get("columns")) {
            if (c.get("column").asText().equals("country")) {
                country = c;
            }
        }
        assertThat(country.get("new_values").get(0).get("value").asText()).isEqualTo("SE");
        assertThat(country.get("status").asText()).isEqualTo("DRIFT");
        assertThat(j.get("units").get("psi").asText()).isEqualTo("unitless");
        assertThat(j.get("roles").get(0).get("role").asText()).isEqualTo("id-like");
    }

    @Test
    void warnOnlyFailsWithFailOnWarn() {
        Cli dup = compare(days.get(Change.DUPLICATE_IDS));
        assertThat(dup.code()).as(dup.out()).isZero();
        assertThat(columnsWith(dup, "WARN")).containsExactly("order_id");
        assertThat(dup.out()).contains("duplicate keys: 50.0% of today's values repeat")
                // a WARN that exits 0 is printed as WARN, not as an alarm that pages
                .containsPattern("(?m)^WARN: order_id: duplicate keys").doesNotContain("ALARM");
        assertThat(compare(days.get(Change.DUPLICATE_IDS), "--fail-on", "warn").code()).isEqualTo(ExitCode.ALARM);
        Cli stale = compare(days.get(Change.STALE_TIMESTAMPS), "--fail-on", "warn");
        assertThat(stale.code()).isEqualTo(ExitCode.ALARM);
        assertThat(stale.out()).contains("stale data: today's newest value 2024-03-01");
    }

    @Test
    void badOptionsAndEmptyDaysHaveTheirExitCodes() throws IOException {
        Cli unknown = compare(days.get(Change.NONE), "--exclude", "nope");
        assertThat(unknown.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(unknown.err()).contains("--exclude: no column 'nope'; available: order_id, ts, amount");
        assertThat(compare(days.get(Change.NONE), "--role", "churned=number").code()).isEqualTo(ExitCode.USAGE);
        assertThat(compare(days.get(Change.NONE), "--warn", "abc").code()).isEqualTo(ExitCode.USAGE);
        assertThat(compare(days.get(Change.NONE), "--fail-on", "never").code()).isEqualTo(ExitCode.USAGE);
        Path header = Files.writeString(dir.resolve("header.csv"), String.join(",", OrdersTable.COLUMNS) + "\n");
        Cli empty = compare(header);
        assertThat(empty.code()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(empty.err()).contains("no rows");
        Cli excluded = compare(days.get(Change.CHURN_RATE), "--exclude", "churned");
        assertThat(excluded.code()).as(excluded.out()).isZero();
        assertThat(excluded.out()).contains("excluded by --exclude: churned");
        Cli asContinuous = compare(days.get(Change.NONE), "--continuous", "n_items", "--role", "ts=categorical");
        assertThat(asContinuous.out()).contains("continuous, set by --continuous (detected: 6 distinct values");
    }

    @Test
    void aMonitorChecksWithTheRuleOfItsBaseline() {
        String store = dir.resolve("store/drift.duckdb").toString();
        Cli b = Cli.run("drift", "baseline", "--monitor", "orders", "--data", reference.toString(), "--store", store,
                "--fail-on", "warn");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("rule stored with the baseline: {fail-on=warn}");
        Cli dup = Cli.run("drift", "check", "--monitor", "orders", "--data", days.get(Change.DUPLICATE_IDS).toString(),
                "--store", store, "--at", "2024-05-09");
        assertThat(dup.code()).as(dup.out() + dup.err()).isEqualTo(ExitCode.ALARM);
        Cli lenient = Cli.run("drift", "check", "--monitor", "orders", "--data", days.get(Change.DUPLICATE_IDS).toString(),
                "--store", store, "--at", "2024-05-10", "--fail-on", "drift", "--exclude", "ts");
        assertThat(lenient.code()).as(lenient.out() + lenient.err()).isZero();
        assertThat(lenient.out()).doesNotContainPattern("(?m)^ts ");
        Cli frozen = Cli.run("drift", "check", "--monitor", "orders", "--data", days.get(Change.NONE).toString(),
                "--store", store, "--discrete", "amount");
        assertThat(frozen.code()).isEqualTo(ExitCode.USAGE);
        assertThat(frozen.err()).contains("roles are frozen in the baseline");
    }

    @Test
    void identicalInputsGiveIdenticalOutputsInFreshJvms() throws Exception {
        Path day = days.get(Change.AMOUNT_SHIFT);
        String first = freshJvm(day);
        String second = freshJvm(day);
        assertThat(first).contains("\"ks\"").isEqualTo(second);
    }

    private static String freshJvm(Path day) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.surprisal.cli.SurprisalCommand", "drift", "compare", reference.toString(), day.toString(), "--json")
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor()).isEqualTo(ExitCode.ALARM);
        return out;
    }

    // Verdicts where a table's shape or cleanliness changes (a column gone, a column added, fewer invalid or
    // missing cells), and every line of a check saying the same numbers in the same unit as its table.

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

    private static Cli compareWith(Path ref, Path day, String... more) {
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
        assertThat(r.out()).contains("missing share rose 0.0% -> 100.0%")
                .contains("the first check of monitor 'm' against baseline version 1, at 2024-05-01");
        assertThat(r.err()).contains("surprisal: note: column 'device' is not in today's file: scored as all missing");
        Cli h = Cli.run("drift", "history", "--monitor", "m", "--store", store);
        assertThat(h.out()).contains("device");
        Cli again = Cli.run("drift", "baseline", "--monitor", "m", "--data", reference.toString(), "--store", store);
        assertThat(again.out()).contains("replaced the baseline (1 earlier check; it stays in the store");
    }

    @Test
    void aColumnTheReferenceNeverHadIsNamed() throws IOException {
        Path flagged = reshaped(days.get(Change.NONE), null, "flag", "flagged.csv");
        Cli r = compareWith(reference, flagged);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("column 'flag' is in today's file but not in the reference: not checked");
        JsonNode j = new ObjectMapper().readTree(compareWith(reference, flagged, "--json").out());
        assertThat(j.get("schema").get("new_columns").get(0).asText()).isEqualTo("flag");
    }

    @Test
    void cleanerDataIsAWarningNotDrift() {
        // the reference has 5% 'abc' in amount, today 0.2%: the invalid share fell
        Cli r = compareWith(days.get(Change.INVALID_SURGE), days.get(Change.NONE));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(row(r, "amount")).endsWith(" WARN");
        assertThat(r.out()).containsPattern("invalid share fell [45]\\.\\d% -> 0\\.\\d% \\(beyond noise\\): cleaner "
                + "data or a changed upstream parser")
                .doesNotContain("invalid share rose");
        // the other way round the invalid share rises: DRIFT
        Cli worse = compareWith(days.get(Change.NONE), days.get(Change.INVALID_SURGE));
        assertThat(row(worse, "amount")).endsWith(" DRIFT");
        assertThat(worse.out()).contains("invalid share rose 0.");
    }

    @Test
    void aLargeFallOfTheMissingShareIsStillAWarning() throws IOException {
        // the reference: a day with every 5th amount empty (about 21% missing); today the same day (about 1%)
        Path day = days.get(Change.NONE);
        List<String> lines = Files.readAllLines(day);
        int amount = List.of(lines.get(0).split(",", -1)).indexOf("amount");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (i % 5 == 0) {
                cells[amount] = "";
            }
            out.add(String.join(",", cells));
        }
        Path dirty = Files.write(dir.resolve("dirty.csv"), out);
        Cli r = compareWith(dirty, day);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        // the fall is the share check's WARN, not a divergence DRIFT (PSI 0.5 before): the valid amounts are the same
        assertThat(row(r, "amount")).endsWith(" WARN");
        assertThat(r.out()).containsPattern("missing share fell 2\\d\\.\\d% -> [01]\\.\\d% \\(beyond noise\\): cleaner");
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
        Cli kl = compareWith(reference, churn, "--measure", "kl");
        String line = kl.out().lines().filter(l -> l.startsWith("DRIFT: churned:")).findFirst().orElseThrow();
        assertThat(line).containsPattern("KL [0-9.]+ bits, beyond noise \\(critical [0-9.e-]+ bits\\)");
        String[] cells = row(kl, "churned").trim().split(" +");
        // column, role, KL(P||Q) bits, ..., KL critical is the 9th cell
        assertThat(after(line, "KL ")).isCloseTo(Double.parseDouble(cells[2]), within(0.001));
        assertThat(after(line, "critical ")).isCloseTo(Double.parseDouble(cells[8]), within(0.0001));
        // the rule line states the bands in the same unit (before: "KL (nats) ... DRIFT from 0.2500")
        assertThat(kl.out()).contains("Rule: KL (bits) WARN from 0.1443, DRIFT from 0.3607 (given as 0.1000 and "
                + "0.2500 nats)");
        // TV is the share of probability mass that would have to move, not of rows that changed value
        assertThat(compareWith(reference, churn).out())
                .containsPattern("TV [0-9.]+ \\([0-9.]+% of the probability mass would have to move");
        Cli js = compareWith(reference, churn, "--measure", "js", "--base", "e");
        assertThat(js.out()).contains("JS nats").containsPattern("DRIFT: churned: JS [0-9.]+ nats")
                .contains("Rule: JS (nats) WARN from 0.0693, DRIFT from 0.1733 (given as 0.1000 and 0.2500 bits)");
        assertThat(compareWith(reference, churn).out()).contains("Rule: PSI (unitless) WARN from 0.1000, DRIFT from "
                + "0.2500; ");
        Cli h = compareWith(reference, churn, "--measure", "hellinger");
        assertThat(h.out()).contains("Hellinger critical").doesNotContain("HELLINGER");
    }

    @Test
    void explainShowsTheObservedSharesOfTheTable() {
        Cli r = compareWith(reference, days.get(Change.EMPTY_COLUMN), "--explain");
        assertThat(row(r, "device")).contains("+100.00%");
        assertThat(r.out()).contains("The bin whose share moved most is (missing): 0.0% → 100.0% of rows (reference → today, +100.0 percentage points).");
    }

    @Test
    void alphaIsSplitOverTheTestsRunAndUnscoredColumnsSaySo() throws IOException {
        Cli r = compareWith(reference, days.get(Change.NEW_COUNTRY));
        // order_id 2 (missing, duplicates), ts 2 (missing, invalid dates), amount, days_since_last, churned,
        // n_items 4 each, country, device 3
        assertThat(r.out()).contains("split over 26 tests").doesNotContain("p = 0.0;");
        JsonNode j = new ObjectMapper().readTree(compareWith(reference, days.get(Change.NEW_COUNTRY), "--json").out());
        assertThat(j.get("thresholds").get("tests").asInt()).isEqualTo(26);
        assertThat(j.get("thresholds").get("alpha_per_test").asDouble()).isEqualTo(0.01 / 26);
        for (JsonNode c : j.get("columns")) {
            if (c.get("column").asText().equals("order_id")) {
                assertThat(c.get("kl_pq_reason").asText()).isEqualTo("not scored");
            }
            if (c.get("column").asText().equals("country")) {
                JsonNode se = c.get("new_values").get(0);
                assertThat(se.get("value").asText()).isEqualTo("SE");
                assertThat(se.get("share").asDouble()).isBetween(0.04, 0.06);
                assertThat(c.get("reason").asText()).contains("\"SE\" " + String.format(java.util.Locale.ROOT, "%.1f%%",
                        100 * se.get("share").asDouble()));
            }
        }
    }
}
