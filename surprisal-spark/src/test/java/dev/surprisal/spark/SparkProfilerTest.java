// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Moments;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Spark engine gives the local engine's profiles and drift verdicts on the same CSV files:
 * the demo orders table (an id column, timestamps, lognormal amounts with missing and invalid
 * cells, countries, a discrete count, a 0/1 flag) and one day per known change (new country,
 * invalid and missing surges, duplicate ids, an empty column, ...). The files are split into
 * several Spark partitions, so the per-partition counting and the ordered merge are exercised.
 */
@Tag("spark")
class SparkProfilerTest {
    private static final int ROWS = 20_000;
    @TempDir
    static Path dir;
    private static Map<Change, Path> days;
    private static SparkSession spark;

    @BeforeAll
    static void files() {
        days = OrdersTable.writeScenario(dir, ROWS, 11);
        spark = TestSpark.session();
        // about 1.4 MB per file: splits of 256 KB give several partitions, in file order
        spark.conf().set("spark.sql.files.maxPartitionBytes", "262144");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
    }

    private static Dataset<Row> csv(Path file) {
        return spark.read().option("header", "true").csv(file.toString());
    }

    private static Profile localFit(Path file, ProfileOptions o) {
        return ProfileBuilder.fit(TableReader.open(file), o);
    }

    @Test
    void referenceIsTheLocalOneOnSeveralPartitions() {
        Path ref = dir.resolve("reference.csv");
        Dataset<Row> data = csv(ref);
        assertThat(data.javaRDD().getNumPartitions()).isGreaterThan(2);
        Profile local = localFit(ref, ProfileOptions.defaults());
        Profile onSpark = SparkProfiler.fit(data, ProfileOptions.defaults(), true);
        assertSameProfile(onSpark, local);
        assertThat(onSpark.column("order_id").role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(onSpark.column("amount").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(onSpark.column("churned").role()).isEqualTo(ColumnRole.BINARY);
        assertThat(onSpark.column("country").role()).isEqualTo(ColumnRole.CATEGORICAL);
        assertThat(onSpark.column("amount").invalid()).isPositive();
        assertThat(onSpark.column("amount").missing()).isPositive();
        assertThat(onSpark.column("order_id").keys().distinct()).isEqualTo(ROWS);
    }

    @Test
    void commaColumnsAreReadAsLocally() throws java.io.IOException {
        // whole amounts "1,234" beside "987" are numbers; weights "2,5" (one in ten) beside "1,234" (a decimal comma
        // with trailing zeros dropped) are the decimal-comma convention, 1,234 read as 1.234 on every partition
        // (cells13: before, the column was text; 50 of 20,000 "2,5" are in doubt and stay text: StrayDecimalCommaTest)
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        StringBuilder b = new StringBuilder("amount,weight\n");
        for (int i = 0; i < ROWS; i++) {
            b.append(String.format(java.util.Locale.US, "\"%,d\"", Math.round(Math.exp(7 + 0.8 * r.nextGaussian()))))
                    .append(',').append(i % 10 != 0 ? "\"1," + (100 + r.nextInt(900)) + "\"" : "\"2,5\"").append('\n');
        }
        Path f = java.nio.file.Files.writeString(dir.resolve("commas.csv"), b.toString());
        Dataset<Row> data = csv(f);
        assertThat(data.javaRDD().getNumPartitions()).isGreaterThan(1);
        Profile onSpark = SparkProfiler.fit(data, ProfileOptions.defaults(), true);
        assertSameProfile(onSpark, localFit(f, ProfileOptions.defaults()));
        assertThat(onSpark.column("amount").role()).isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(onSpark.column("weight").role()).as(onSpark.column("weight").reason())
                .isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(onSpark.column("weight").convention())
                .isEqualTo(dev.surprisal.data.roles.NumberConvention.DECIMAL_COMMA);
        assertThat(onSpark.column("weight").reason()).contains("read as numbers with a decimal comma (1.234,56)");
        assertThat(onSpark.column("weight").moments().min()).isGreaterThanOrEqualTo(1.1);
        assertThat(onSpark.column("weight").moments().max()).isEqualTo(2.5);

        // a day of 1,xyz weights only: read in the reference's frozen convention, 1.xyz kg, not 1xyz
        StringBuilder day = new StringBuilder("amount,weight\n");
        for (int i = 0; i < 3000; i++) {
            day.append("\"1,234\",\"1,").append(100 + i % 900).append("\"\n");
        }
        Path g = java.nio.file.Files.writeString(dir.resolve("day.csv"), day.toString());
        Profile counted = SparkProfiler.count(csv(g), onSpark);
        assertThat(counted.column("weight").invalid()).isZero();
        assertThat(counted.column("weight").moments().max()).isEqualTo(1.999);
    }

    /**
     * A column of login times ({@code 08:15:32}, {@code 8:15 PM}) is read as seconds since midnight on every partition,
     * as the local engines (Java and DuckDB) read it, and a day of night-time logins counted against it has its values
     * in the reference's bins, as times, not invalid cells (time19: the column was id-like and never scored).
     */
    @Test
    void timeOfDayColumnsAreReadAsLocally() throws java.io.IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(19);
        StringBuilder b = new StringBuilder("user_id,login_time\n");
        for (int i = 0; i < ROWS; i++) {
            int t = 8 * 3600 + r.nextInt(10 * 3600);
            b.append("u").append(i).append(',').append(i % 2 == 0
                    ? String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                    : String.format(java.util.Locale.ROOT, "%d:%02d %s", (t / 3600) % 12 == 0 ? 12 : (t / 3600) % 12,
                    t / 60 % 60, t / 3600 >= 12 ? "PM" : "AM")).append(i == 7 ? "x" : "").append('\n');
        }
        Path f = java.nio.file.Files.writeString(dir.resolve("logins.csv"), b.toString());
        Dataset<Row> data = csv(f);
        assertThat(data.javaRDD().getNumPartitions()).isGreaterThan(1);
        Profile onSpark = SparkProfiler.fit(data, ProfileOptions.defaults(), true);
        assertSameProfile(onSpark, localFit(f, ProfileOptions.defaults()));
        System.setProperty("surprisal.csvInJava", "false");
        try {
            assertSameProfile(onSpark, localFit(f, ProfileOptions.defaults()));
        } finally {
            System.clearProperty("surprisal.csvInJava");
        }
        assertThat(onSpark.column("login_time").role()).as(onSpark.column("login_time").reason())
                .isEqualTo(ColumnRole.CONTINUOUS);
        assertThat(onSpark.column("login_time").convention())
                .isEqualTo(dev.surprisal.data.roles.NumberConvention.TIME_OF_DAY);
        assertThat(onSpark.column("login_time").invalid()).isEqualTo(1);
        assertThat(onSpark.column("login_time").binLabel(1)).matches("\\[0[89]:[0-9:]+, [0-9:]+\\)");

        StringBuilder day = new StringBuilder("user_id,login_time\n");
        for (int i = 0; i < 3000; i++) {
            day.append("d").append(i).append(",0").append(i % 6).append(":").append(10 + i % 50).append("\n");
        }
        Path g = java.nio.file.Files.writeString(dir.resolve("night.csv"), day.toString());
        Profile counted = SparkProfiler.count(csv(g), onSpark);
        assertThat(counted.column("login_time").invalid()).isZero();
        assertThat(counted.column("login_time").moments().max()).isEqualTo(5 * 3600 + 59 * 60);
    }

    @Test
    void edgesFromTheSeededSampleAreTheLocalOnes() {
        // 1,000 sampled rows of 20,000 place the edges: the bottom-k by the hash of the row's position
        ProfileOptions o = ProfileOptions.defaults().withEdgeSample(1000);
        Path ref = dir.resolve("reference.csv");
        Profile local = localFit(ref, o);
        Profile onSpark = SparkProfiler.fit(csv(ref), o, true);
        assertThat(onSpark.column("amount").numericBins().edges())
                .isNotEqualTo(localFit(ref, ProfileOptions.defaults()).column("amount").numericBins().edges());
        assertSameProfile(onSpark, local);
    }

    @Test
    void theResultDoesNotDependOnThePartitioning() {
        Path ref = dir.resolve("reference.csv");
        Profile many = SparkProfiler.fit(csv(ref), ProfileOptions.defaults(), true);
        Profile one = SparkProfiler.fit(csv(ref).coalesce(1), ProfileOptions.defaults(), true);
        assertSameProfile(one, many);
    }

    @Test
    void everyDayCountsAndScoresAsLocally() {
        Profile ref = localFit(dir.resolve("reference.csv"), ProfileOptions.defaults());
        Profile sparkRef = SparkProfiler.fit(csv(dir.resolve("reference.csv")), ProfileOptions.defaults(), true);
        for (Map.Entry<Change, Path> day : days.entrySet()) {
            Profile local = ProfileBuilder.count(ref, TableReader.open(day.getValue()));
            Profile onSpark = SparkProfiler.count(csv(day.getValue()), ref, true);
            assertSameProfile(onSpark, local);
            DriftReport expected = DriftScorer.compare(ref, local, DriftOptions.defaults());
            assertSameReport(DriftScorer.compare(ref, onSpark, DriftOptions.defaults()), expected, day.getKey());
            // a reference fitted on Spark, the day counted locally: the same verdicts again
            Profile localOnSparkRef = ProfileBuilder.count(sparkRef, TableReader.open(day.getValue()));
            assertSameReport(DriftScorer.compare(sparkRef, localOnSparkRef, DriftOptions.defaults()), expected,
                    day.getKey());
        }
    }

    @Test
    void theKnownChangesAreSeenOnSpark() {
        Profile ref = SparkProfiler.fit(csv(dir.resolve("reference.csv")), ProfileOptions.defaults(), true);
        Profile newCountry = SparkProfiler.count(csv(days.get(Change.NEW_COUNTRY)), ref, true);
        assertThat(newCountry.column("country").unseen()).containsKey("SE");
        Profile dup = SparkProfiler.count(csv(days.get(Change.DUPLICATE_IDS)), ref, true);
        assertThat(dup.column("order_id").keys().duplicateShare()).isGreaterThan(0.4);
        Profile invalid = SparkProfiler.count(csv(days.get(Change.INVALID_SURGE)), ref, true);
        assertThat(invalid.column("amount").invalidCells()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.where()).startsWith("line ").isNotEqualTo("line 1"));
        // the most frequent invalid values with their counts, as the local engine counts them (partitions keep
        // every value until their parts are merged)
        assertThat(invalid.column("amount").invalidCells()).allMatch(dev.surprisal.data.profile.InvalidCell::counted)
                .isEqualTo(ProfileBuilder.count(ref, TableReader.open(days.get(Change.INVALID_SURGE))).column("amount")
                        .invalidCells());
        assertThat(invalid.column("amount").otherInvalid()).isEqualTo(ProfileBuilder.count(ref,
                TableReader.open(days.get(Change.INVALID_SURGE))).column("amount").otherInvalid());
        DriftReport r = DriftScorer.compare(ref, SparkProfiler.count(csv(days.get(Change.AMOUNT_SHIFT)), ref, true),
                DriftOptions.defaults());
        assertThat(r.columns().stream().filter(c -> c.name().equals("amount")).findFirst().orElseThrow().status())
                .isEqualTo(Status.DRIFT);
    }

    /** The reference as Parquet with typed columns (a long id, doubles with missing cells, ints, text), one file. */
    private static Path typedParquet() throws Exception {
        Path out = dir.resolve("typed");
        if (!java.nio.file.Files.exists(out)) {
            csv(dir.resolve("reference.csv")).selectExpr("try_cast(order_id as long) as order_id", "ts",
                            "try_cast(amount as double) as amount", "country", "try_cast(n_items as int) as n_items",
                            "try_cast(churned as int) as churned")
                    .coalesce(1).write().parquet(out.toString());
        }
        try (var files = java.nio.file.Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    @Test
    void typedParquetIsProfiledAsLocally() throws Exception {
        Path file = typedParquet();
        Profile local = localFit(file, ProfileOptions.defaults());
        Profile onSpark = SparkProfiler.fit(spark.read().parquet(file.toString()), ProfileOptions.defaults());
        assertSameProfile(onSpark, local);
        assertThat(onSpark.column("amount").missing()).isPositive();
        Profile day = SparkProfiler.count(spark.read().parquet(file.toString()), local);
        assertSameProfile(day, ProfileBuilder.count(local, TableReader.open(file)));
    }

    /**
     * A Parquet TIMESTAMP column (without time zone) with whole and fractional seconds: the range kept for
     * it is the local engine's text ({@code …:30}, {@code …:30.5}, {@code …:30.123456}); Spark once wrote
     * {@code …:30.000000}, which sorts after {@code …:30}, so a re-sent day checked on Spark against a
     * reference made locally looked newer than it was.
     */
    @Test
    void parquetTimestampsKeepTheLocalEnginesText() throws Exception {
        Path file = oneParquetFile("timestamps", "select id, cast(ts as timestamp_ntz) as ts, amount from values "
                + "(1, '2024-04-30 23:57:30', 1.5), (2, '2024-04-30 08:00:00.5', 2.5), "
                + "(3, '2024-04-29 06:00:00.123456', 3.5), (4, '2024-04-29 07:00:00.120', 4.5), "
                + "(5, null, 5.5) as t(id, ts, amount)");
        Profile local = localFit(file, ProfileOptions.defaults());
        Profile onSpark = SparkProfiler.fit(spark.read().parquet(file.toString()), ProfileOptions.defaults());
        assertThat(local.column("ts").keys().max()).isEqualTo("2024-04-30 23:57:30");
        assertThat(local.column("ts").keys().min()).isEqualTo("2024-04-29 06:00:00.123456");
        assertThat(onSpark.column("ts").keys().max()).isEqualTo("2024-04-30 23:57:30");
        assertSameProfile(onSpark, local);
        assertThat(SparkCells.timestampText(java.time.LocalDateTime.of(2024, 4, 29, 7, 0, 0, 120_000_000)))
                .isEqualTo("2024-04-29 07:00:00.12");
    }

    /**
     * Spark's default {@code timestamp} (an instant), written by Spark as INT96: DuckDB reads the UTC time
     * it holds, so Spark must show the instant in UTC, not in the JVM's zone, for the kept ranges to agree
     * on a machine in any time zone.
     */
    @Test
    void sparksOwnParquetTimestampsKeepTheLocalEnginesText() throws Exception {
        Path file = oneParquetFile("timestamps-ltz", "select id, cast(ts as timestamp) as ts from values "
                + "(1, '2024-04-30 23:57:30'), (2, '2024-04-30 08:00:00.5'), (3, null) as t(id, ts)");
        Profile local = localFit(file, ProfileOptions.defaults());
        Profile onSpark = SparkProfiler.fit(spark.read().parquet(file.toString()), ProfileOptions.defaults());
        assertThat(onSpark.column("ts").keys().max()).isEqualTo(local.column("ts").keys().max());
        assertThat(onSpark.column("ts").keys().min()).isEqualTo(local.column("ts").keys().min());
        assertSameProfile(onSpark, local);
        assertThat(SparkCells.instantText(java.time.Instant.parse("2024-04-30T23:57:30.500Z")))
                .isEqualTo("2024-04-30 23:57:30.5");
    }

    /** The rows of a Spark SQL query written by Spark as one Parquet file under the test's folder. */
    private static Path oneParquetFile(String name, String query) throws Exception {
        Path out = dir.resolve(name);
        spark.sql(query).coalesce(1).write().parquet(out.toString());
        try (var files = java.nio.file.Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    @Test
    void typedColumnsBeyondTheEdgeSampleTakeTheirDistinctCountsFromItAsLocally() throws Exception {
        // 1,000 sampled rows of 20,000: the continuous doubles get "at least N distinct" from the sample
        // (no exact count, no shuffle), the long id, the counts and the flag an exact count, as locally.
        // Locally that is a Parquet file of more than 10⁶ rows; the switch gives 20,000 rows that path.
        Path file = typedParquet();
        ProfileOptions o = ProfileOptions.defaults().withEdgeSample(1000);
        Profile local;
        Profile onSpark;
        System.setProperty("surprisal.csvInJava", "false");
        try {
            local = localFit(file, o);
            onSpark = SparkEngine.on(spark).fit(dev.surprisal.data.TableLocation.of(file), null, o);
        } finally {
            System.clearProperty("surprisal.csvInJava");
        }
        assertSameProfile(onSpark, local);
        // below 10⁶ rows, both count exactly (the local engine reads the file into memory)
        assertSameProfile(SparkEngine.on(spark).fit(dev.surprisal.data.TableLocation.of(file), null, o), localFit(file, o));
        assertThat(onSpark.column("amount").reason()).startsWith("at least ").contains("distinct numbers");
        assertThat(onSpark.column("order_id").role()).isEqualTo(ColumnRole.ID_LIKE);
        assertThat(onSpark.column("order_id").reason()).startsWith("20,000 distinct of 20,000");
        assertThat(onSpark.column("n_items").role()).isEqualTo(ColumnRole.DISCRETE);
        assertThat(onSpark.column("churned").role()).isEqualTo(ColumnRole.BINARY);
    }

    @Test
    void exactEdgesAreTheLocalOnes() {
        // every finite value places the edges: more than 1,024 per partition, the buffer must grow, never prune
        ProfileOptions o = ProfileOptions.defaults().withExactEdges(true);
        Path ref = dir.resolve("reference.csv");
        assertSameProfile(SparkProfiler.fit(csv(ref), o, true), localFit(ref, o));
    }

    /**
     * An 80%-zero amount with exact edges gets its "= 0" bin on Spark as on both local paths (Java, and DuckDB's
     * quantile_disc, which had none before edges15), so a baseline does not depend on the engine.
     */
    @Test
    void exactEdgesOfAZeroInflatedAmountAreTheLocalOnes() throws java.io.IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        StringBuilder b = new StringBuilder("amount\n");
        for (int i = 0; i < ROWS; i++) {
            b.append(String.format(java.util.Locale.ROOT, "%.2f%n", r.nextDouble() < 0.8 ? 0 : Math.exp(3.5 + r.nextGaussian())));
        }
        Path f = java.nio.file.Files.writeString(dir.resolve("zeros.csv"), b.toString());
        ProfileOptions o = ProfileOptions.defaults().withExactEdges(true);
        Profile onSpark = SparkProfiler.fit(csv(f), o, true);
        assertThat(onSpark.column("amount").numericBins().atoms()).containsExactly(0);
        assertSameProfile(onSpark, localFit(f, o));
        System.setProperty("surprisal.csvInJava", "false");
        try {
            assertSameProfile(onSpark, localFit(f, o));
        } finally {
            System.clearProperty("surprisal.csvInJava");
        }
    }

    @Test
    void aCsvFileWithAnotherDelimiterIsRefusedWithTheOption() throws Exception {
        Path semi = java.nio.file.Files.writeString(dir.resolve("semi.csv"), "a;b\n1;2\n3;4\n");
        SparkEngine engine = SparkEngine.on(spark);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.fit(dev.surprisal.data.TableLocation.of(semi), null, ProfileOptions.defaults()))
                .isInstanceOf(dev.surprisal.data.DataException.class).hasMessageContaining("--delimiter ';'");
        Profile withIt = engine.fit(dev.surprisal.data.TableLocation.of(semi), ';', ProfileOptions.defaults());
        assertThat(withIt.columnNames()).containsExactly("a", "b");
    }

    /** Same JSON but for the moments, whose floating-point sums depend on the merge order (1e-12 relative). */
    static void assertSameProfile(Profile actual, Profile expected) {
        JsonNode a = ProfileJson.toTree(actual);
        JsonNode e = ProfileJson.toTree(expected);
        for (JsonNode c : a.path("columns")) {
            ((ObjectNode) c).remove("moments");
        }
        for (JsonNode c : e.path("columns")) {
            ((ObjectNode) c).remove("moments");
        }
        assertThat(a).isEqualTo(e);
        for (ColumnProfile c : expected.columns()) {
            Moments m = c.moments();
            Moments s = actual.column(c.name()).moments();
            if (m == null) {
                assertThat(s).isNull();
                continue;
            }
            assertThat(s.count()).isEqualTo(m.count());
            assertThat(s.min()).isEqualTo(m.min());
            assertThat(s.max()).isEqualTo(m.max());
            assertThat(s.mean()).isCloseTo(m.mean(), within(1e-12 * Math.abs(m.mean())));
            assertThat(s.m2()).isCloseTo(m.m2(), within(1e-12 * Math.abs(m.m2())));
        }
    }

    /** Equal to 1e-12, or both NaN (a measure an unscored column does not have). */
    static void assertClose(double actual, double expected, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertThat(Double.valueOf(actual)).as(what).isEqualTo(Double.valueOf(expected)); // boxed: NaN equals NaN
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-12));
        }
    }

    static void assertSameReport(DriftReport actual, DriftReport expected, Object what) {
        assertThat(actual.columns()).as("columns of %s", what).hasSameSizeAs(expected.columns());
        for (int i = 0; i < expected.columns().size(); i++) {
            ColumnDrift a = actual.columns().get(i);
            ColumnDrift e = expected.columns().get(i);
            String as = what + " " + e.name();
            assertThat(a.status()).as(as).isEqualTo(e.status());
            assertThat(a.reason()).as(as).isEqualTo(e.reason());
            assertClose(a.klNats(), e.klNats(), as + " KL");
            assertClose(a.reverseKlNats(), e.reverseKlNats(), as + " reverse KL");
            assertClose(a.psi(), e.psi(), as + " PSI");
            assertClose(a.jsBits(), e.jsBits(), as + " JS");
            assertClose(a.gTestPValue(), e.gTestPValue(), as + " G p");
            assertClose(a.ks(), e.ks(), as + " KS");
            assertClose(a.wasserstein(), e.wasserstein(), as + " W1");
            assertClose(a.decisionValue(), e.decisionValue(), as + " decision value");
            assertThat(a.newValues()).as(as).isEqualTo(e.newValues());
            assertThat(a.invalidCells()).as(as).isEqualTo(e.invalidCells());
        }
        assertThat(actual.alarm()).as("alarm of %s", what).isEqualTo(expected.alarm());
    }
}
