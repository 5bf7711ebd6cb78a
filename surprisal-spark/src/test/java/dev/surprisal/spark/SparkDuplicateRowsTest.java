// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark decides duplicated records by the local rule, over every column read (issue 9, review of spark10): the
 * local engine reads the whole row, so two orders with the same amount, country, device and churn flag but
 * different order IDs are two records; Spark gathered only the scored columns and cut such rows as copies, and
 * counted the discrete pairs of a table loaded twice on every row, without the note. Known truth, 800 orders
 * (order_id, ts, amount in cents, country, device, a 0/1 churn flag that depends on the country) and 400 more rows:
 * <ul>
 *   <li>{@code reordered.csv}: the 400 repeat earlier orders' scored values under new IDs and times: no copies,
 *       1,200 rows on both engines;</li>
 *   <li>{@code twice.csv}: the 400 are exact copies of earlier rows (a partial reload): both engines estimate on
 *       the 800 distinct rows and say so, in the notes and in JSON {@code duplicate_rows}.</li>
 * </ul>
 */
@Tag("spark")
class SparkDuplicateRowsTest {
    private static final MiOptions OPTIONS = MiOptions.defaults().withPermutations(19).withBootstrap(0, false);
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String partitionBytes;
    private static Path reordered;
    private static Path twice;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        // small partitions, so the rows and their copies are read by several tasks
        partitionBytes = spark.conf().get("spark.sql.files.maxPartitionBytes", null);
        spark.conf().set("spark.sql.files.maxPartitionBytes", "16384");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        reordered = orders("reordered.csv", false);
        twice = orders("twice.csv", true);
    }

    @AfterAll
    static void restore() {
        if (partitionBytes == null) {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        } else {
            spark.conf().set("spark.sql.files.maxPartitionBytes", partitionBytes);
        }
    }

    /** 800 orders and 400 rows repeating earlier ones: exact copies, or their scored values under a new ID and time. */
    private static Path orders(String name, boolean exact) throws IOException {
        SplittableRandom r = new SplittableRandom(2024);
        String[] countries = {"SE", "DE", "FR", "NO", "FI"};
        String[] devices = {"ios", "android", "web"};
        LocalDateTime start = LocalDateTime.of(2024, 5, 3, 0, 0);
        String[] lines = new String[1200];
        String[] scored = new String[800];
        for (int i = 0; i < 800; i++) {
            String country = countries[r.nextInt(countries.length)];
            int churned = r.nextDouble() < (country.equals("SE") ? 0.45 : 0.12) ? 1 : 0;
            scored[i] = String.format(Locale.ROOT, "%.2f", Math.exp(5 + 0.8 * r.nextGaussian())) + ',' + country + ','
                    + devices[r.nextInt(devices.length)] + ',' + churned;
            lines[i] = (500_000 + i) + "," + start.plusSeconds(37L * i) + ',' + scored[i];
        }
        for (int j = 0; j < 400; j++) {
            int k = r.nextInt(800);
            lines[800 + j] = exact ? lines[k] : (600_000 + j) + "," + start.plusSeconds(37L * (800 + j)) + ',' + scored[k];
        }
        return Files.writeString(dir.resolve(name), "order_id,ts,amount,country,device,churned\n"
                + String.join("\n", lines) + "\n");
    }

    @Test
    void rowsThatDifferOnlyInAnUnscoredColumnAreKeptAsLocally() {
        MiTable local = MiTable.read(reordered, RoleOverrides.none(), 42);
        // the truth: the order IDs and times make every row distinct, so the local engine keeps all 1,200
        assertThat(local.duplicateRows()).isZero();
        assertThat(local.rows()).isEqualTo(1200);
        MiTable onSpark = SparkMi.table(SparkMiModesTest.read(reordered), RoleOverrides.none(), 42, reordered);
        assertThat(onSpark.rows()).isEqualTo(1200);
        assertThat(onSpark.duplicateRows()).isZero();
        assertThat(onSpark.notes()).isEqualTo(local.notes());
        // a discrete target (the continuous amount gathered with it) and a continuous one: the local numbers
        SparkMiTest.assertSameRanking(reordered, "churned", RoleOverrides.none(), OPTIONS);
        SparkMiTest.assertSameRanking(reordered, "amount", RoleOverrides.none(), OPTIONS);
        assertSamePair(reordered, "amount", "churned", 0);
        SparkMiModesTest.assertSameMatrix(reordered, RoleOverrides.none(),
                List.of("amount", "country", "device", "churned"));
    }

    @Test
    void exactCopiesAreLeftOutOnSparkWithTheLocalNote() {
        MiTable local = MiTable.read(twice, RoleOverrides.none(), 42);
        // the truth: 400 rows repeat an earlier row in every column, the amounts in cents rarely tie: copies
        assertThat(local.duplicateRows()).isEqualTo(400);
        assertThat(local.notes().get(0)).startsWith("400 of 1,200 rows repeat an earlier row exactly");
        MiTable onSpark = SparkMi.table(SparkMiModesTest.read(twice), RoleOverrides.none(), 42, twice);
        assertThat(onSpark.rows()).isEqualTo(local.rows());
        assertThat(onSpark.duplicateRows()).isEqualTo(local.duplicateRows());
        assertThat(onSpark.notes()).isEqualTo(local.notes());
        // the discrete pairs were counted on every row (n = 1,200, the copies tested as records) and the note was lost
        SparkMiTest.assertSameRanking(twice, "churned", RoleOverrides.none(), OPTIONS);
        ProfileEngine.Ranking ranked = SparkMi.ranked(SparkMiModesTest.read(twice), "churned", RoleOverrides.none(),
                OPTIONS, twice);
        assertThat(ranked.columns().duplicateRows()).isEqualTo(local.duplicateRows());
        assertThat(ranked.result().features()).allSatisfy(f -> assertThat(f.n()).isEqualTo(local.rows()));
        SparkMiTest.assertSameRanking(twice, "amount", RoleOverrides.none(), OPTIONS);
        assertSamePair(twice, "country", "churned", local.duplicateRows());
        assertSamePair(twice, "amount", "churned", local.duplicateRows());
        // 800 distinct IDs in 1,200 rows: order_id is no longer id-like (distinct ratio 0.67) and is scored, on both
        SparkMiModesTest.assertSameMatrix(twice, RoleOverrides.none(),
                List.of("order_id", "amount", "country", "device", "churned"));
        ProfileEngine.Matrix m = SparkMi.matrix(SparkMiModesTest.read(twice), RoleOverrides.none(), 3, 42, twice, null);
        assertThat(m.columns().duplicateRows()).isEqualTo(local.duplicateRows());
    }

    @Test
    void aColumnSelectionDecidesOverTheColumnsItReads() {
        // without the IDs and times the reordered rows are copies of earlier ones, on both engines
        RoleOverrides scoredOnly = RoleOverrides.none().withExclude(List.of("order_id", "ts"));
        MiTable local = MiTable.read(reordered, scoredOnly, 42);
        assertThat(local.duplicateRows()).isPositive();
        MiTable onSpark = SparkMi.table(SparkMiModesTest.read(reordered), scoredOnly, 42, reordered);
        assertThat(onSpark.duplicateRows()).isEqualTo(local.duplicateRows());
        assertThat(onSpark.notes()).isEqualTo(local.notes());
        SparkMiTest.assertSameRanking(reordered, "churned", scoredOnly, OPTIONS);
    }

    @Test
    void theSampledTableLeavesOutTheCopiesAmongItsRowsWithTheNote() {
        int sample = 600;
        spark.conf().set(SparkMi.SAMPLE_ROWS, Integer.toString(sample));
        MiTable onSpark;
        try {
            onSpark = SparkMi.table(SparkMiModesTest.read(twice), RoleOverrides.none(), 42, twice);
        } finally {
            spark.conf().unset(SparkMi.SAMPLE_ROWS);
        }
        // the local engine's table of the same 600 rows, its copies decided over every column read
        Table full = TableReader.open(twice).readCells();
        int[] rows = java.util.stream.LongStream.rangeClosed(1, full.rowCount()).boxed()
                .sorted(java.util.Comparator.comparingLong(p -> RowSample.key(p, 42)))
                .limit(sample).mapToInt(p -> (int) (p - 1)).sorted().toArray();
        MiTable local = MiTable.of(SparkMiTest.rowsOf(full, rows), ColumnRoles.detect(full, full.columnNames(),
                RoleOverrides.none(), twice), 42, twice);
        assertThat(local.duplicateRows()).isPositive();
        assertThat(onSpark.duplicateRows()).isEqualTo(local.duplicateRows());
        assertThat(onSpark.rows()).isEqualTo(local.rows());
        assertThat(onSpark.notes()).contains(local.notes().get(0))
                .anyMatch(n -> n.startsWith("every column on a seeded row sample of 600 of 1200 rows"));
    }

    @Test
    void theCliPrintsTheLocalOutputAndDuplicateRows() throws IOException {
        for (Path file : List.of(reordered, twice)) {
            for (String[] args : List.of(
                    new String[] {"mi", "--data", file.toString(), "--target", "churned", "--permutations", "19", "--json"},
                    new String[] {"mi", "--data", file.toString(), "--x", "country", "--y", "churned", "--permutations",
                            "19", "--json"},
                    new String[] {"mi", "--data", file.toString(), "--target", "churned", "--permutations", "19"})) {
                CliRun onSpark = CliRun.spark(args);
                CliRun onLocal = CliRun.local(args);
                assertThat(onSpark.code()).as(String.join(" ", args) + ": " + onSpark.err()).isEqualTo(onLocal.code());
                assertThat(onSpark.out()).as(String.join(" ", args)).isEqualTo(onLocal.out());
            }
        }
        JsonNode r = JSON.readTree(CliRun.spark("mi", "--data", twice.toString(), "--target", "churned",
                "--permutations", "19", "--json").out());
        assertThat(r.path("duplicate_rows").asLong()).isEqualTo(MiTable.read(twice, RoleOverrides.none(), 42).duplicateRows());
    }

    private static void assertSamePair(Path file, String x, String y, int copies) {
        MiTable localTable = MiTable.read(file, RoleOverrides.none(), OPTIONS.seed());
        PairResult local = localTable.pair(x, y, OPTIONS);
        ProfileEngine.Pair onSpark = SparkMi.pair(SparkMiModesTest.read(file), x, y, RoleOverrides.none(), OPTIONS, file);
        PairResult s = onSpark.result();
        assertThat(s.feature().mi()).as(x + " " + y).isEqualTo(local.feature().mi());
        assertThat(s.feature().n()).as(x + " " + y).isEqualTo(local.feature().n());
        assertThat(s.feature().test()).as(x + " " + y).isEqualTo(local.feature().test());
        assertThat(s.feature().verdict()).as(x + " " + y).isEqualTo(local.feature().verdict());
        assertThat(onSpark.columns().notes()).isEqualTo(localTable.notes());
        assertThat(onSpark.columns().rows()).isEqualTo(localTable.rows());
        assertThat(onSpark.columns().duplicateRows()).isEqualTo(copies);
    }
}
