// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.surprisal.spark.CliRun.local;
import static dev.surprisal.spark.CliRun.spark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code spark-submit} entry point ({@link DriftJob}) run in-process on the test's
 * {@code local[2]} session, next to the same commands on the local engine: the same exit codes
 * (0 calm, 1 alarm), the same JSON verdicts and the same baseline in the store.
 */
@Tag("spark")
class DriftJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Map<Change, Path> days;

    @BeforeAll
    static void files() {
        TestSpark.session();
        days = OrdersTable.writeScenario(dir, 10_000, 5);
    }

    @Test
    void baselineAndChecksGiveTheLocalVerdictsExitCodesAndStore() throws Exception {
        String ref = dir.resolve("reference.csv").toString();
        String sparkStore = dir.resolve("spark.duckdb").toString();
        String localStore = dir.resolve("local.duckdb").toString();
        CliRun b = spark("drift", "baseline", "--monitor", "orders", "--data", ref, "--store", sparkStore, "--quiet");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(local("drift", "baseline", "--monitor", "orders", "--data", ref, "--store", localStore, "--quiet")
                .code()).isZero();
        try (DriftStore s = DriftStore.open(StoreUrl.parse(sparkStore), false, 10_000);
             DriftStore l = DriftStore.open(StoreUrl.parse(localStore), false, 10_000)) {
            SparkProfilerTest.assertSameProfile(s.baseline("orders").orElseThrow(), l.baseline("orders").orElseThrow());
        }
        for (Change c : new Change[] {Change.NONE, Change.AMOUNT_SHIFT, Change.NEW_COUNTRY}) {
            String day = days.get(c).toString();
            CliRun onSpark = spark("drift", "check", "--monitor", "orders", "--data", day, "--store", sparkStore,
                    "--at", "2024-05-0" + (c.ordinal() + 1), "--json");
            CliRun onLocal = local("drift", "check", "--monitor", "orders", "--data", day, "--store", localStore,
                    "--at", "2024-05-0" + (c.ordinal() + 1), "--json");
            assertThat(onSpark.code()).as(c + ": " + onSpark.err()).isEqualTo(onLocal.code());
            assertThat(onSpark.code()).as(c.label()).isEqualTo(c == Change.NONE ? 0 : 1);
            JsonNode a = JSON.readTree(onSpark.out());
            JsonNode e = JSON.readTree(onLocal.out());
            assertThat(a.path("columns")).as(c.label()).isEqualTo(e.path("columns"));
        }
    }

    @Test
    void compareRunsOnSparkWithItsExitCodeAndAnUnknownEngineIsAUsageError() {
        String ref = dir.resolve("reference.csv").toString();
        CliRun shift = spark("drift", "compare", ref, days.get(Change.CHURN_RATE).toString(), "--quiet");
        assertThat(shift.code()).as(shift.err()).isEqualTo(1);
        assertThat(shift.out()).contains("churned");
        assertThat(spark("drift", "compare", ref, ref, "--engine", "flink").code()).isEqualTo(2);
    }

    @Test
    void miAndEntropyRunOnSparkWithTheLocalOutputAndExitCodes() {
        String ref = dir.resolve("reference.csv").toString();
        for (String[] args : List.of(
                new String[] {"mi", "--data", ref, "--target", "churned", "--permutations", "19", "--json"},
                new String[] {"mi", "--data", ref, "--x", "days_since_last", "--y", "churned", "--permutations", "19"},
                new String[] {"entropy", "--data", ref, "--column", "amount", "--json"},
                new String[] {"entropy", "--data", ref, "--column", "country"},
                // the interval too (ent16: refused on Spark before), the same numbers for the same seed
                new String[] {"entropy", "--data", ref, "--column", "country", "--bootstrap", "200", "--explain"},
                new String[] {"entropy", "--data", ref, "--column", "amount", "--bootstrap", "200", "--seed", "3",
                        "--json"},
                new String[] {"entropy", "--data", ref, "--column", "amount", "--bins", "12", "--estimator",
                        "miller-madow", "--bootstrap", "200", "--json"})) {
            CliRun onSpark = spark(args);
            CliRun onLocal = local(args);
            assertThat(onSpark.code()).as(String.join(" ", args) + ": " + onSpark.err()).isZero();
            assertThat(onSpark.out()).as(String.join(" ", args)).isEqualTo(onLocal.out());
        }
        // what does not apply is refused by the library's rule, with the local exit code and words
        String[] estimator = {"entropy", "--data", ref, "--column", "amount", "--estimator", "miller-madow"};
        CliRun notApplied = spark(estimator);
        assertThat(notApplied.code()).isEqualTo(local(estimator).code()).isEqualTo(3);
        assertThat(notApplied.err()).contains("--estimator miller-madow: amount is continuous");
        String[] idTarget = {"mi", "--data", ref, "--target", "order_id"};
        CliRun refused = spark(idTarget);
        assertThat(refused.code()).isEqualTo(local(idTarget).code()).isEqualTo(3);
        assertThat(refused.err()).contains("--target order_id: is id-like");
    }

    /**
     * A CSV whose text fields hold quoted line ends and doubled quotes (RFC 4180, as spreadsheets write them):
     * Spark once read each physical line as a record (6,038 "rows" of a 5,000-row file), so the id column
     * lost its role and drifted. The same rows, roles and verdicts as the local engine.
     */
    @Test
    void quotedLineEndsAndDoubledQuotesAreReadAsTheLocalEngineReadsThem() throws Exception {
        Path a = dir.resolve("notes_a.csv");
        Path b = dir.resolve("notes_b.csv");
        for (Path p : List.of(a, b)) {
            StringBuilder csv = new StringBuilder("order_id,amount,comment\n");
            java.util.Random rnd = new java.util.Random(p.equals(a) ? 1 : 2);
            for (int i = 0; i < 600; i++) {
                String comment = switch (i % 4) {
                    case 0 -> "\"broken\nbox\"";
                    case 1 -> "\"said \"\"fine\"\", thanks\"";
                    case 2 -> "ok";
                    default -> "\"late,\r\nagain\"";
                };
                csv.append(100_000 + i).append(',').append(String.format(java.util.Locale.ROOT, "%.2f",
                        20 + 5 * rnd.nextGaussian())).append(',').append(comment).append('\n');
            }
            Files.writeString(p, csv.toString());
        }
        String[] args = {"drift", "compare", a.toString(), b.toString(), "--json"};
        CliRun onSpark = spark(args);
        CliRun onLocal = local(args);
        assertThat(onLocal.code()).as(onLocal.err()).isZero();
        assertThat(onSpark.code()).as(onSpark.err()).isEqualTo(onLocal.code());
        JsonNode s = JSON.readTree(onSpark.out());
        JsonNode l = JSON.readTree(onLocal.out());
        assertThat(s.path("current_rows").asLong()).isEqualTo(600);
        assertThat(s.path("roles")).isEqualTo(l.path("roles"));
        assertThat(s.path("columns")).isEqualTo(l.path("columns"));
    }
}
