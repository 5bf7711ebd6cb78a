// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.DataException;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.RankedFeature;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code mi --x/--y}, {@code mi --matrix} and {@code mi --select} on Spark equal the local engine's on the
 * same files (the demo orders table as CSV over several partitions, and as typed Parquet): the pairs of two
 * discrete columns counted from merged per-partition tables without gathering their rows, the pairs with a
 * continuous column on the gathered columns, or on the {@link SparkMi#SAMPLE_ROWS} sample when set, which
 * is then the local engine's table of the same sampled rows and is stated in a note.
 */
@Tag("spark")
class SparkMiModesTest {
    private static final int ROWS = 6_000;
    private static final int SAMPLE = 2_000;
    private static final MiOptions OPTIONS = MiOptions.defaults().withPermutations(19).withBootstrap(0, false);
    private static final List<String> DISCRETE = List.of("country", "device", "n_items", "churned");
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;
    private static Path parquet;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        OrdersFiles files = OrdersFiles.write(spark, dir, ROWS, 31);
        csv = files.csv();
        parquet = files.parquet();
    }

    /** The file on the test session (also for {@link SparkMiScansTest}, whose files this class does not write). */
    static Dataset<Row> read(Path file) {
        return OrdersFiles.read(TestSpark.session(), file);
    }

    private static <T> T sampled(Supplier<T> run) {
        spark.conf().set(SparkMi.SAMPLE_ROWS, Integer.toString(SAMPLE));
        try {
            return run.get();
        } finally {
            spark.conf().unset(SparkMi.SAMPLE_ROWS);
        }
    }

    /** The local engine's table of the rows the Spark sample takes: the SAMPLE smallest RowSample keys. */
    private static MiTable localOnSample(Path file, RoleOverrides o, long seed) {
        Table full = TableReader.open(file).readCells();
        int[] rows = java.util.stream.LongStream.rangeClosed(1, full.rowCount()).boxed()
                .sorted(java.util.Comparator.comparingLong(p -> RowSample.key(p, seed)))
                .limit(SAMPLE).mapToInt(p -> (int) (p - 1)).sorted().toArray();
        return MiTable.of(SparkMiTest.rowsOf(full, rows), ColumnRoles.detect(full, full.columnNames(), o, file), seed, file);
    }

    /** The pair's record with Pearson r and Spearman ρ (summed cell by cell from counts) checked to 1e-12, then taken from local. */
    private static RankedFeature sameCorrelations(RankedFeature s, RankedFeature l) {
        for (double[] v : List.of(new double[] {s.pearson(), l.pearson()}, new double[] {s.spearman(), l.spearman()})) {
            if (Double.isNaN(v[1])) {
                assertThat(v[0]).as(s.feature()).isNaN();
            } else {
                assertThat(v[0]).as(s.feature()).isCloseTo(v[1], within(1e-12));
            }
        }
        return new RankedFeature(s.feature(), s.kind(), s.n(), s.estimator(), s.mi(), s.lower(), s.upper(), s.test(),
                s.testRows(), s.miMonotone(), l.pearson(), l.spearman(), s.verdict(), s.warnings(), s.skipped(),
                s.shapeRows(), s.shapeMi(), s.qValue(), s.targetShare(), s.biasedLowBound());
    }

    private static void assertSamePair(Path file, String x, String y, MiOptions options, List<String> gathered) {
        RoleOverrides o = RoleOverrides.none().withColumns(List.of(x, y)); // as the CLI selects a pair's columns
        MiTable localTable = MiTable.read(file, o, options.seed());
        PairResult local = localTable.pair(x, y, options);
        ProfileEngine.Pair onSpark = SparkMi.pair(read(file), x, y, o, options, file);
        assertThat(SparkMi.lastGathered).as(file + " " + x + " " + y).containsExactlyInAnyOrderElementsOf(gathered);
        PairResult s = onSpark.result();
        PairResult same = new PairResult(s.x(), s.y(), s.xRole(), s.yRole(), sameCorrelations(s.feature(), local.feature()),
                s.reason(), s.tableRows(), s.discrete());
        // every double bit for bit (records), the roles, the G-test, the entropies
        assertThat(same).as(file + " " + x + " " + y).isEqualTo(local);
        assertThat(onSpark.columns().notes()).isEqualTo(localTable.notes());
        assertThat(onSpark.columns().decisions()).isEqualTo(localTable.decisions());
        assertThat(onSpark.columns().rows()).isEqualTo(localTable.rows());
    }

    @Test
    void aPairOfTwoDiscreteColumnsIsCountedWithoutGatheringItsRows() {
        assertSamePair(csv, "country", "churned", OPTIONS, List.of());
        assertSamePair(csv, "n_items", "churned", OPTIONS, List.of());
        assertSamePair(parquet, "device", "n_items", OPTIONS, List.of());
        // a 0/1 flag against a discrete count: the G-test and the entropies come from the merged table
        PairResult p = SparkMi.pair(read(csv), "n_items", "churned", RoleOverrides.none(), OPTIONS, csv).result();
        assertThat(p.discrete().gTest()).isNotNull();
        assertThat(p.discrete().entropyY()).isPositive();
    }

    @Test
    void aPairWithAContinuousColumnOrABootstrapIntervalIsGatheredAsLocally() {
        assertSamePair(csv, "days_since_last", "churned", OPTIONS, List.of("days_since_last", "churned"));
        assertSamePair(csv, "amount", "days_since_last", OPTIONS, List.of("amount", "days_since_last"));
        // the default bootstrap interval on at most 20,000 rows is exact on the rows: the discrete pair is gathered
        assertSamePair(parquet, "country", "churned", MiOptions.defaults().withPermutations(19), List.of("country", "churned"));
    }

    @Test
    void aContinuousPairRunsOnTheSeededSampleAndSaysSo() {
        RoleOverrides o = RoleOverrides.none().withColumns(List.of("days_since_last", "churned"));
        ProfileEngine.Pair onSpark = sampled(() -> SparkMi.pair(read(csv), "days_since_last", "churned", o, OPTIONS, csv));
        ProfileEngine.Pair onePartition = sampled(() -> SparkMi.pair(read(csv).coalesce(1), "days_since_last", "churned",
                o, OPTIONS, csv));
        assertThat(onePartition.result()).isEqualTo(onSpark.result()); // the sample does not depend on the partitioning
        PairResult local = localOnSample(csv, o, OPTIONS.seed()).pair("days_since_last", "churned", OPTIONS);
        assertThat(onSpark.result()).isEqualTo(local);
        assertThat(onSpark.result().feature().n()).isLessThanOrEqualTo(SAMPLE);
        assertThat(onSpark.columns().notes()).anyMatch(n -> n.startsWith("the pair days_since_last, churned on a seeded"
                + " row sample of 2000 of 6000 rows"));
        // the truth of the generator: churn is U-shaped in days_since_last; the sample still sees it
        assertThat(onSpark.result().feature().pValue()).isLessThanOrEqualTo(0.05);
        // a discrete pair is counted on every row, sample or not
        ProfileEngine.Pair counted = sampled(() -> SparkMi.pair(read(csv), "country", "churned", RoleOverrides.none(),
                OPTIONS, csv));
        assertThat(counted.result().feature().n()).isGreaterThan(SAMPLE);
        assertThat(counted.columns().notes()).noneMatch(n -> n.contains("row sample"));
    }

    @Test
    void aPairNamesAColumnItCannotUseAsTheLocalEngineDoes() {
        assertThatThrownBy(() -> SparkMi.pair(read(csv), "order_id", "churned", RoleOverrides.none(), OPTIONS, csv))
                .isInstanceOf(DataException.class).hasMessageContaining("--x order_id: is id-like");
        assertThatThrownBy(() -> SparkMi.pair(read(csv), "churned", "nope", RoleOverrides.none(), OPTIONS, csv))
                .isInstanceOf(DataException.class).hasMessageContaining("--y nope: no such column");
    }

    static void assertSameMatrix(Path file, RoleOverrides o, List<String> gathered) {
        MiTable localTable = MiTable.read(file, o, 42);
        MatrixResult local = localTable.matrix(3, null);
        int[] columns = new int[1];
        ProfileEngine.Matrix onSpark = SparkMi.matrix(read(file), o, 3, 42, file, c -> {
            columns[0] = c;
            return null;
        });
        assertThat(SparkMi.lastGathered).as(file.toString()).containsExactlyInAnyOrderElementsOf(gathered);
        assertThat(columns[0]).isEqualTo(local.columns().size());
        assertThat(onSpark.result().columns()).isEqualTo(local.columns());
        assertSameBits(onSpark.result().nats(), local.nats(), file.toString());
        assertThat(onSpark.result().notes()).isEqualTo(local.notes());
        assertThat(onSpark.columns().notes()).isEqualTo(localTable.notes());
        assertThat(onSpark.columns().leftOutNotes()).isEqualTo(localTable.leftOutNotes());
        assertThat(onSpark.columns().rows()).isEqualTo(localTable.rows());
    }

    /** Bit for bit, NaN (the diagonal) equal to NaN. */
    private static void assertSameBits(double[][] actual, double[][] expected, String what) {
        assertThat(actual.length).as(what).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual.length; j++) {
                assertThat(Double.compare(actual[i][j], expected[i][j])).as(what + " [" + i + "][" + j + "]").isZero();
            }
        }
    }

    @Test
    void theMatrixCountsItsDiscretePairsAndEstimatesTheOthersAsLocally() {
        // a typed Parquet with only discrete columns: nothing gathered
        assertSameMatrix(parquet, RoleOverrides.none().withColumns(DISCRETE), List.of());
        assertSameMatrix(csv, RoleOverrides.none().withColumns(DISCRETE), List.of());
        // the whole CSV: id and timestamp left out with their advice, the invalid amounts noted, the scored columns gathered
        assertSameMatrix(csv, RoleOverrides.none(), List.of("amount", "country", "device", "days_since_last", "n_items",
                "churned"));
    }

    @Test
    void theMatrixRunsItsContinuousPairsOnTheSeededSampleAndItsDiscretePairsOnEveryRow() {
        RoleOverrides o = RoleOverrides.none();
        ProfileEngine.Matrix m = sampled(() -> SparkMi.matrix(read(csv), o, 3, 42, csv, null));
        ProfileEngine.Matrix onePartition = sampled(() -> SparkMi.matrix(read(csv).coalesce(1), o, 3, 42, csv, null));
        assertSameBits(onePartition.result().nats(), m.result().nats(), "one partition");
        MatrixResult everyRow = MiTable.read(csv, o, 42).matrix(3, null);
        MatrixResult onSample = localOnSample(csv, o, 42).matrix(3, null);
        List<String> names = everyRow.columns().stream().map(MatrixResult.Column::name).toList();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                boolean discrete = DISCRETE.contains(names.get(i)) && DISCRETE.contains(names.get(j));
                double expected = (discrete ? everyRow : onSample).nats()[i][j];
                assertThat(Double.compare(m.result().nats()[i][j], expected)).as(names.get(i) + " " + names.get(j)).isZero();
            }
        }
        assertThat(m.columns().notes()).anyMatch(n -> n.startsWith("the pairs with a continuous column on a seeded row"
                + " sample of 2000 of 6000 rows"));
        // the cells left out are counted on every row, as locally
        assertThat(m.columns().notes()).containsAll(MiTable.read(csv, o, 42).notes());
        // the truth: churn depends on days_since_last, not on the country
        int days = names.indexOf("days_since_last");
        int churned = names.indexOf("churned");
        int country = names.indexOf("country");
        assertThat(m.result().nats()[days][churned]).isGreaterThan(10 * Math.abs(m.result().nats()[country][churned]));
    }

    @Test
    void selectionRunsOnTheSampledTableWhoseNotesCountEveryRow() {
        RoleOverrides o = RoleOverrides.none();
        MiTable onSpark = sampled(() -> SparkMi.table(read(csv), o, 42, csv));
        MiTable local = localOnSample(csv, o, 42);
        assertThat(onSpark.rows()).isEqualTo(SAMPLE);
        MiSelection.Result s = onSpark.select("churned", 2, MiSelection.Method.MRMR, 3, null);
        assertThat(s).isEqualTo(local.select("churned", 2, MiSelection.Method.MRMR, 3, null));
        assertThat(s.selected().get(0).name()).isEqualTo("days_since_last");
        List<String> notes = MiTable.read(csv, o, 42).notes();
        assertThat(onSpark.notes()).containsAll(notes)
                .anyMatch(n -> n.startsWith("every column on a seeded row sample of 2000 of 6000 rows"));
        // without the setting: every row, the local table
        assertThat(SparkMi.table(read(csv), o, 42, csv).select("churned", 2, MiSelection.Method.JMI, 3, null))
                .isEqualTo(MiTable.read(csv, o, 42).select("churned", 2, MiSelection.Method.JMI, 3, null));
    }

    private static String run(boolean onSpark, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = onSpark ? DriftJob.run(new PrintWriter(out, true), new PrintWriter(err, true), args)
                : dev.surprisal.cli.SurprisalCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    @Test
    void theCliPrintsTheLocalOutputForEveryMode() {
        String file = csv.toString();
        for (String[] args : List.of(
                new String[] {"mi", "--data", file, "--x", "country", "--y", "churned", "--permutations", "19",
                        "--bootstrap", "0", "--json"},
                new String[] {"mi", "--data", file, "--x", "n_items", "--y", "device", "--bootstrap", "0"},
                new String[] {"mi", "--data", file, "--matrix", "--json"},
                new String[] {"mi", "--data", file, "--matrix", "--columns", String.join(",", DISCRETE)},
                new String[] {"mi", "--data", file, "--target", "churned", "--select", "2", "--json"},
                // a file: URI names the local file, for Spark as locally
                new String[] {"mi", "--data", csv.toUri().toString(), "--x", "days_since_last", "--y", "churned",
                        "--permutations", "19"})) {
            // the pairs here have a text column (no Pearson r), so even the JSON's full-precision numbers agree
            assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(run(false, args));
        }
    }
}
