// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import org.apache.spark.sql.SparkSession;
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
 * Tables where they live: the same files reached through Hadoop's {@code FileSystem} of a made-up scheme
 * ({@link LakeFileSystem}, {@code lake://bucket/…}, as an {@code s3a://} or {@code hdfs://} location is) give the
 * same baseline, the same drift verdicts and exit codes and the same MI ranking as the local files on the local
 * engine, through the {@code spark-submit} entry point ({@link DriftJob}) on {@code local[2]}; a directory of
 * Parquet part files without an extension is read as Spark's default source and counts as the same rows in one file. The locations are never opened as
 * local paths ({@code lake://bucket/tmp/…} is no local file). A location that does not exist, or a scheme with no
 * {@code FileSystem}, is bad data (exit 3) naming it.
 */
@Tag("spark")
class RemoteLocationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Map<Change, Path> days;
    private static OrdersFiles orders;
    /** The rows of {@code orders.parquet} as a directory of three part files, named as a lake names a day. */
    private static Path partitioned;

    @BeforeAll
    static void files() throws Exception {
        SparkSession spark = TestSpark.session();
        LakeFileSystem.register(spark);
        days = OrdersTable.writeScenario(dir, 10_000, 5);
        orders = OrdersFiles.write(spark, Files.createDirectories(dir.resolve("orders")), 10_000, 11);
        partitioned = dir.resolve("orders").resolve("day=2024-05-01");
        spark.read().parquet(orders.parquet().toString()).repartition(3).write().parquet(partitioned.toString());
    }

    /** The lake location of a local file, after checking that no local file has that name. */
    private static String lake(Path local) {
        String uri = LakeFileSystem.of(local);
        assertThat(Files.exists(Path.of(uri))).as(uri + " is no local path").isFalse();
        return uri;
    }

    @Test
    void driftBaselineAndChecksOnLakeUrisGiveTheLocalBaselineVerdictsAndExitCodes() throws Exception {
        Path ref = dir.resolve("reference.csv");
        String sparkStore = dir.resolve("lake.duckdb").toString();
        String localStore = dir.resolve("local.duckdb").toString();
        CliRun b = spark("drift", "baseline", "--monitor", "orders", "--data", lake(ref), "--store", sparkStore, "--quiet");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(local("drift", "baseline", "--monitor", "orders", "--data", ref.toString(), "--store", localStore,
                "--quiet").code()).isZero();
        try (DriftStore s = DriftStore.open(StoreUrl.parse(sparkStore), false, 10_000);
             DriftStore l = DriftStore.open(StoreUrl.parse(localStore), false, 10_000)) {
            SparkProfilerTest.assertSameProfile(s.baseline("orders").orElseThrow(), l.baseline("orders").orElseThrow());
        }
        for (Change c : new Change[] {Change.NONE, Change.AMOUNT_SHIFT, Change.NEW_COUNTRY}) {
            Path day = days.get(c);
            String at = "2024-05-0" + (c.ordinal() + 1);
            CliRun onLake = spark("drift", "check", "--monitor", "orders", "--data", lake(day), "--store", sparkStore,
                    "--at", at, "--json");
            CliRun onLocal = local("drift", "check", "--monitor", "orders", "--data", day.toString(), "--store", localStore,
                    "--at", at, "--json");
            assertThat(onLake.code()).as(c + ": " + onLake.err()).isEqualTo(onLocal.code())
                    .isEqualTo(c == Change.NONE ? 0 : 1);
            JsonNode a = JSON.readTree(onLake.out());
            JsonNode e = JSON.readTree(onLocal.out());
            assertThat(a.path("columns")).as(c.label()).isEqualTo(e.path("columns"));
            assertThat(a.path("file").asText()).isEqualTo(lake(day));
        }
        CliRun compare = spark("drift", "compare", lake(ref), lake(days.get(Change.CHURN_RATE)), "--quiet");
        assertThat(compare.code()).as(compare.err()).isEqualTo(1)
                .isEqualTo(local("drift", "compare", ref.toString(), days.get(Change.CHURN_RATE).toString(), "--quiet")
                        .code());
    }

    @Test
    void aParquetFileAndADirectoryOfPartFilesOnTheLakeCountAsTheLocalFile() {
        SparkEngine engine = SparkEngine.on(TestSpark.session());
        ProfileOptions options = ProfileOptions.defaults();
        TableLocation here = TableLocation.of(orders.parquet());
        Profile reference = engine.fit(here, null, options);
        TableLocation file = TableLocation.parse(lake(orders.parquet()));
        assertThat(file.isLocal()).isFalse();
        SparkProfilerTest.assertSameProfile(engine.fit(file, null, options), reference);
        // the part files hold the same rows in another order: the counts on the reference's bins are the same as
        // the local file's, on Spark and on the local engine; the stored row samples are taken by row position, in
        // the order Spark lists the parts, so they are not compared
        TableLocation parts = TableLocation.parse(lake(partitioned));
        assertThat(parts.format()).as("no extension: Spark's default source").isNull();
        assertThat(engine.columnNames(parts, null)).containsExactlyElementsOf(reference.columnNames());
        Profile day = engine.count(reference, parts, null);
        assertThat(day.columns()).extracting(RemoteLocationTest::counted).containsExactlyElementsOf(
                engine.count(reference, here, null).columns().stream().map(RemoteLocationTest::counted).toList());
        Profile locally = ProfileBuilder.count(reference, TableReader.open(orders.parquet()));
        assertThat(day.columns()).extracting(RemoteLocationTest::counted)
                .containsExactlyElementsOf(locally.columns().stream().map(RemoteLocationTest::counted).toList());
        Profile fitted = engine.fit(parts, null, options);
        assertThat(fitted.columns()).extracting(c -> c.name() + ":" + c.role() + ":" + c.missing() + ":" + c.invalid())
                .containsExactlyElementsOf(reference.columns().stream()
                        .map(c -> c.name() + ":" + c.role() + ":" + c.missing() + ":" + c.invalid()).toList());
    }

    /** A column's counts as a day's check scores them: name, rows, missing, invalid, per bin. */
    private static String counted(dev.surprisal.data.profile.ColumnProfile c) {
        return c.name() + ":" + c.rows() + ":" + c.missing() + ":" + c.invalid() + ":" + java.util.Arrays.toString(c.counts());
    }

    @Test
    void miTargetOnALakeUriRanksAsTheLocalFile() throws Exception {
        for (Path file : List.of(orders.csv(), orders.parquet())) {
            String[] onLake = {"mi", "--data", lake(file), "--target", "churned", "--permutations", "19", "--json"};
            String[] onLocal = {"mi", "--data", file.toString(), "--target", "churned", "--permutations", "19", "--json"};
            CliRun a = spark(onLake);
            CliRun e = local(onLocal);
            assertThat(a.code()).as(a.err()).isZero().isEqualTo(e.code());
            ObjectNode ja = (ObjectNode) JSON.readTree(a.out());
            ObjectNode je = (ObjectNode) JSON.readTree(e.out());
            assertThat(ja.remove("file").asText()).isEqualTo(lake(file));
            je.remove("file");
            assertThat(ja).as(file.toString()).isEqualTo(je);
        }
    }

    @Test
    void directoriesOfCsvFilesAreReadWithFormatAndRefusedAsParquetWithout() throws Exception {
        Path refDir = Files.createDirectories(dir.resolve("csv").resolve("reference"));
        Path dayDir = Files.createDirectories(dir.resolve("csv").resolve("day"));
        Path ref = dir.resolve("reference.csv");
        Path day = days.get(Change.AMOUNT_SHIFT);
        Files.copy(ref, refDir.resolve("part-00000.csv"));
        Files.copy(day, dayDir.resolve("part-00000.csv"));
        CliRun onLake = spark("drift", "compare", lake(refDir), lake(dayDir), "--format", "csv", "--json");
        CliRun onLocal = local("drift", "compare", ref.toString(), day.toString(), "--json");
        assertThat(onLake.code()).as(onLake.err()).isEqualTo(onLocal.code()).isEqualTo(1);
        assertThat(JSON.readTree(onLake.out()).path("columns")).isEqualTo(JSON.readTree(onLocal.out()).path("columns"));
        CliRun asParquet = spark("drift", "compare", lake(refDir), lake(dayDir), "--quiet");
        assertThat(asParquet.code()).as(asParquet.err()).isEqualTo(3);
        assertThat(asParquet.err()).contains(lake(refDir) + ": Spark cannot read it as Parquet").contains("--format")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingLocationOrAnUnknownSchemeIsBadDataNamingIt() {
        String store = dir.resolve("missing.duckdb").toString();
        String missing = LakeFileSystem.ROOT + dir.resolve("no-such-day.csv");
        CliRun r = spark("drift", "baseline", "--monitor", "m", "--data", missing, "--store", store, "--quiet");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains(missing + ": no such file or directory").doesNotContain("\tat ");
        CliRun scheme = spark("mi", "--data", "nofs://bucket/day.parquet", "--target", "churned");
        assertThat(scheme.code()).as(scheme.err()).isEqualTo(3);
        assertThat(scheme.err()).contains("nofs://bucket/day.parquet: Spark has no Hadoop FileSystem for 'nofs'")
                .doesNotContain("\tat ");
        assertThat(Files.exists(Path.of(store))).isFalse();
    }

    @Test
    void aDataErrorOnALakeUriNamesTheUriNotALocalPath() {
        CliRun r = spark("mi", "--data", lake(orders.csv()), "--target", "no_such_column");
        assertThat(r.code()).as(r.err()).isEqualTo(local("mi", "--data", orders.csv().toString(), "--target",
                "no_such_column").code());
        assertThat(r.err()).contains(lake(orders.csv()) + ": ").contains("no_such_column");
    }
}
