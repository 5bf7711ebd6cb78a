// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.DataException;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.selection.TargetRanking;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimators;
import dev.surprisal.measures.Entropy;
import dev.surprisal.selection.DependenceVerdict;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual information and column entropy on Spark equal the local engine's on the same files: the demo
 * orders table as CSV (split into several partitions; an id column, ISO timestamps, amounts with empty,
 * {@code n/a} and {@code abc} cells, a categorical country, a discrete count, a U-shaped 0/1 churn flag)
 * and as typed Parquet (a timestamp column, doubles with nulls, integers). The ranking records are
 * compared whole (every value, order, flag, verdict and note), so any difference in a cell rule, a role,
 * a row's order or a seed fails them.
 */
@Tag("spark")
class SparkMiTest {
    private static final int ROWS = 6_000;
    private static final MiOptions OPTIONS = MiOptions.defaults().withPermutations(19);
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;
    private static Path parquet;

    @BeforeAll
    static void files() throws IOException {
        spark = TestSpark.session();
        OrdersFiles files = OrdersFiles.write(spark, dir, ROWS, 23);
        csv = files.csv();
        parquet = files.parquet();
    }

    private static Dataset<Row> read(Path file) {
        return OrdersFiles.read(TestSpark.session(), file);
    }

    private static RankingResult assertSameRanking(Path file, String target, RoleOverrides o) {
        return assertSameRanking(file, target, o, OPTIONS);
    }

    /** Also for {@link SparkMiScansTest}: its own file, on the one test session. */
    static RankingResult assertSameRanking(Path file, String target, RoleOverrides o, MiOptions options) {
        RankingResult local = MiTable.read(file, o, options.seed()).ranking(target, options, null);
        RankingResult onSpark = SparkMi.ranked(read(file), target, o, options, file).result(); // the file: cells located by line, as locally
        assertThat(onSpark.features()).as(file + " " + target).isNotEmpty();
        onSpark = withLocalCorrelations(onSpark, local, file + " " + target);
        // records: every double compared bit for bit (stricter than 1e-12), the order, the flags, the verdicts, the notes
        assertThat(onSpark.features()).as(file + " " + target).isEqualTo(local.features());
        assertThat(onSpark.notes()).as(file + " " + target + ": notes").isEqualTo(local.notes());
        assertThat(onSpark).isEqualTo(local);
        return onSpark;
    }

    /**
     * A pair scored from its counts has Pearson r and Spearman ρ summed cell by cell instead of row by row:
     * they agree to 1e-12 and are then taken from the local result, so that every other field is compared
     * bit for bit.
     */
    private static RankingResult withLocalCorrelations(RankingResult onSpark, RankingResult local, String what) {
        assertThat(onSpark.features()).extracting(RankedFeature::feature)
                .containsExactlyElementsOf(local.features().stream().map(RankedFeature::feature).toList());
        List<RankedFeature> features = new java.util.ArrayList<>();
        for (int i = 0; i < local.features().size(); i++) {
            RankedFeature s = onSpark.features().get(i);
            RankedFeature l = local.features().get(i);
            for (double[] pair : List.of(new double[] {s.pearson(), l.pearson()}, new double[] {s.spearman(), l.spearman()})) {
                if (Double.isNaN(pair[1])) {
                    assertThat(pair[0]).as(what + " " + s.feature()).isNaN();
                } else {
                    assertThat(pair[0]).as(what + " " + s.feature()).isCloseTo(pair[1], org.assertj.core.api.Assertions.within(1e-12));
                }
            }
            features.add(new RankedFeature(s.feature(), s.kind(), s.n(), s.estimator(), s.mi(), s.lower(), s.upper(),
                    s.test(), s.testRows(), s.miMonotone(), l.pearson(), l.spearman(), s.verdict(), s.warnings(),
                    s.skipped(), s.shapeRows(), s.shapeMi(), s.qValue(), s.targetShare(), s.biasedLowBound()));
        }
        return new RankingResult(onSpark.target(), onSpark.targetKind(), onSpark.targetRole(), onSpark.rows(),
                onSpark.options(), features, onSpark.notes());
    }

    @Test
    void csvOnSeveralPartitionsRanksAsLocallyWithTheKnownTruth() {
        assertThat(read(csv).javaRDD().getNumPartitions()).isGreaterThan(2);
        RankingResult r = assertSameRanking(csv, "churned", RoleOverrides.none());
        // the generator's truth: churn is U-shaped in days_since_last, independent of everything else
        RankedFeature top = r.features().get(0);
        assertThat(top.feature()).isEqualTo("days_since_last");
        assertThat(top.verdict()).isEqualTo(DependenceVerdict.NON_MONOTONE);
        assertThat(r.features().subList(1, r.features().size()))
                .allSatisfy(f -> assertThat(f.verdict()).as(f.feature()).isEqualTo(DependenceVerdict.NO_EVIDENCE));
        // the id and the timestamps are left out with their reasons, as locally; the invalid amounts are noted
        assertThat(r.features()).extracting(RankedFeature::feature).doesNotContain("order_id", "ts");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("column order_id: ") && n.contains("left out"))
                .anyMatch(n -> n.startsWith("column ts: ")).anyMatch(n -> n.startsWith("amount: ") && n.contains("'abc'"));
    }

    /**
     * A login time written {@code 08:15:32} or {@code 8:15 PM} ranks as it does locally, as seconds since midnight, on
     * a day/night label that depends on the hour (not Yes/No, which the local reader types as BOOLEAN and
     * Spark's CSV reader does not), above a noise column (time19: it was id-like and left out; on Spark a
     * valid time was also counted as a cell left out, read without the column's convention).
     */
    @Test
    void aTimeOfDayRanksAsLocallyAboveNoise() throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(19);
        StringBuilder b = new StringBuilder("login_time,noise,night_shift\n");
        for (int i = 0; i < ROWS; i++) {
            int t = r.nextInt(86_400);
            int h = t / 3600;
            b.append(i % 2 == 0 ? String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", h, t / 60 % 60, t % 60)
                    : String.format(java.util.Locale.ROOT, "%d:%02d:%02d %s", h % 12 == 0 ? 12 : h % 12, t / 60 % 60,
                    t % 60, h >= 12 ? "PM" : "AM")).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", r.nextGaussian())).append(',')
                    .append(r.nextDouble() < (h < 12 ? 0.8 : 0.2) ? "night" : "day").append('\n');
        }
        Path f = java.nio.file.Files.writeString(dir.resolve("logins.csv"), b.toString());
        RankingResult ranked = assertSameRanking(f, "night_shift", RoleOverrides.none());
        assertThat(ranked.features().get(0).feature()).isEqualTo("login_time");
        assertThat(ranked.features().get(0).pValue()).isLessThan(0.1);
        assertThat(ranked.notes()).noneMatch(n -> n.contains("login_time") && n.contains("08:"));
    }

    @Test
    void categoricalAndContinuousTargetsAndRoleOptionsRankAsLocally() {
        assertSameRanking(csv, "country", RoleOverrides.none().withExclude(List.of("device")));
        assertSameRanking(csv, "amount", RoleOverrides.none().withRole("n_items", ColumnRole.CONTINUOUS)
                .withRole("order_id", ColumnRole.CONTINUOUS));
    }

    @Test
    void discretePairsAreRankedFromMergedTablesWithoutGatheringTheirRows() {
        // no bootstrap: every discrete pair is scored from its merged contingency table (n > cells)
        MiOptions noInterval = OPTIONS.withBootstrap(0, false);
        RankingResult r = assertSameRanking(csv, "churned", RoleOverrides.none(), noInterval);
        // only the continuous features (KSG/Ross need rows) and the target came to the driver
        assertThat(SparkMi.lastGathered).containsExactlyInAnyOrder("churned", "amount", "days_since_last");
        assertThat(r.features()).extracting(RankedFeature::feature).contains("country", "device", "n_items");
        // a discrete target with discrete features only: nothing gathered, on CSV (text) and typed Parquet
        RoleOverrides discrete = RoleOverrides.none().withColumns(List.of("country", "device", "n_items", "churned"));
        assertSameRanking(csv, "churned", discrete, noInterval);
        assertThat(SparkMi.lastGathered).isEmpty();
        assertSameRanking(parquet, "country", discrete, noInterval);
        assertThat(SparkMi.lastGathered).isEmpty();
        // default options: a pair of at most 20,000 rows gets a bootstrap interval, which the rows give exactly
        // and cheaply, so such pairs are gathered, and the ranking is still the local one
        assertSameRanking(csv, "device", discrete, MiOptions.defaults());
        assertThat(SparkMi.lastGathered).containsExactlyInAnyOrder("country", "device", "n_items", "churned");
    }

    @Test
    void continuousPairsRunOnTheSeededRowSampleTakenOnTheExecutors() {
        MiOptions o = OPTIONS.withBootstrap(0, false);
        int sample = 2_000;
        spark.conf().set(SparkMi.SAMPLE_ROWS, Integer.toString(sample));
        RankingResult r;
        RankingResult onePartition;
        try {
            r = SparkMi.ranking(read(csv), "churned", RoleOverrides.none(), o);
            onePartition = SparkMi.ranking(read(csv).coalesce(1), "churned", RoleOverrides.none(), o);
        } finally {
            spark.conf().unset(SparkMi.SAMPLE_ROWS);
        }
        // the sample does not depend on the partitioning
        assertThat(onePartition).isEqualTo(r);
        // the local engine on the same rows: the 2,000 rows with the smallest RowSample key of their position
        Table full = TableReader.open(csv).readCells();
        int[] rows = java.util.stream.LongStream.rangeClosed(1, full.rowCount())
                .boxed().sorted(java.util.Comparator.comparingLong(p -> RowSample.key(p, o.seed())))
                .limit(sample).mapToInt(p -> (int) (p - 1)).sorted().toArray();
        ColumnRoles roles = ColumnRoles.detect(full, RoleOverrides.none());
        MiTable local = MiTable.of(full, roles, o.seed(), csv);
        MiTable onSample = MiTable.of(rowsOf(full, rows), roles, o.seed(), csv);
        int cap = TargetRanking.permutationCap(o.permutations(), r.features().size(), o.alpha());
        for (RankedFeature f : r.features()) {
            boolean continuous = f.kind().equals("continuous");
            MiTable t = continuous ? onSample : local;
            RankedFeature expected = TargetRanking.score(t.variable(f.feature(), "--x"), t.variable("churned", "--target"), o, cap);
            // the discrete pairs are counted on every row, the continuous ones estimated on the sample
            assertThat(f.n()).as(f.feature()).isEqualTo(expected.n()).isLessThanOrEqualTo(continuous ? sample : ROWS);
            // bit for bit, NaN (no monotone MI of a text column) equal to NaN
            assertThat(Double.compare(f.mi(), expected.mi())).as(f.feature()).isZero();
            assertThat(f.test()).as(f.feature()).isEqualTo(expected.test());
            assertThat(Double.compare(f.miMonotone(), expected.miMonotone())).as(f.feature() + " monotone").isZero();
        }
        assertThat(r.features()).filteredOn(f -> f.kind().equals("continuous")).extracting(RankedFeature::feature)
                .containsExactlyInAnyOrder("amount", "days_since_last");
        // stated in the output: method and n; rows left out counted against the sample
        assertThat(r.notes()).anyMatch(n -> n.contains("on a seeded row sample of 2000 of 6000 rows")
                && n.contains("RowSample key") && n.contains("seed " + o.seed()));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("amount: ") && n.contains("of the 2000 sampled rows left out"));
        // the U-shaped truth still comes out on the sample
        assertThat(r.features().get(0).feature()).isEqualTo("days_since_last");
    }

    /** The rows {@code rows} (0-based, increasing) of a table, each column as it was read. */
    static Table rowsOf(Table t, int[] rows) {
        List<dev.surprisal.data.Column> cols = new java.util.ArrayList<>();
        for (dev.surprisal.data.Column c : t.columns()) {
            if (c instanceof NumericColumn n) {
                double[] v = n.values();
                cols.add(NumericColumn.of(c.name(), java.util.Arrays.stream(rows).mapToDouble(i -> v[i]).toArray()));
            } else {
                CategoricalColumn cat = (CategoricalColumn) c;
                cols.add(CategoricalColumn.of(c.name(), java.util.Arrays.stream(rows)
                        .mapToObj(i -> cat.isMissing(i) ? null : cat.labelAt(i)).toArray(String[]::new)));
            }
        }
        return Table.of(cols);
    }

    @Test
    void typedParquetRanksAsLocally() {
        assertSameRanking(parquet, "churned", RoleOverrides.none());
        assertSameRanking(parquet, "device", RoleOverrides.none().withColumns(List.of("device", "amount", "n_items", "ts")));
    }

    @Test
    void aLeftOutTargetIsRefusedWithTheLocalMessage() {
        String local = messageOf(() -> MiTable.read(csv, RoleOverrides.none(), 42).ranking("order_id", OPTIONS, null));
        // the same refusal and reason; the library names its parameter (target), Spark's ranking, which only the
        // command line calls, its option (--target) and the --role hint (fields12)
        assertThat(local).contains("target order_id: is id-like");
        String reason = local.substring(local.indexOf("is id-like"), local.indexOf("), which") + 1);
        assertThatThrownBy(() -> SparkMi.ranking(read(csv), "order_id", RoleOverrides.none(), OPTIONS))
                .isInstanceOf(DataException.class).hasMessageContaining("--target order_id: " + reason);
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (DataException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void entropyOfEveryColumnIsTheLocalOne() {
        for (Path file : List.of(csv, parquet)) {
            // the CSV's id, timestamps, amounts, text, counts and flag; the typed Parquet's timestamp and doubles with nulls
            for (String c : file == csv ? List.of("order_id", "ts", "amount", "country", "n_items", "churned")
                    : List.of("ts", "amount")) {
                RoleOverrides o = RoleOverrides.none().withColumns(List.of(c));
                ColumnEntropy.Result local = ColumnEntropy.of(TableReader.open(file), c, o, null, null, Base.BITS);
                ColumnEntropy.Result onSpark = SparkMi.entropy(read(file), c, o, null, null, Base.BITS, file);
                assertSameEntropy(onSpark, local, file + " " + c);
            }
            RoleOverrides o = RoleOverrides.none().withColumns(List.of("amount"));
            assertThat(SparkMi.entropy(read(file), "amount", o, 20, EntropyEstimators.byName("miller-madow"), Base.NATS, file))
                    .isEqualTo(ColumnEntropy.of(TableReader.open(file), "amount", o, 20,
                            EntropyEstimators.byName("miller-madow"), Base.NATS));
        }
        assertThat(SparkMi.entropy(read(csv), "amount", RoleOverrides.none(), null, null, Base.BITS, csv))
                .isInstanceOf(ColumnEntropy.Differential.class);
        assertThatThrownBy(() -> SparkMi.entropy(read(csv), "country", RoleOverrides.none(), 10, null, Base.BITS, csv))
                .isInstanceOf(DataException.class).hasMessageContaining("bins: country is categorical").hasMessageNotContaining("--");
    }

    @Test
    void entropyIntervalIsTheLocalOneForTheSameSeed() {
        // ent16: the interval resamples the counts (a discrete column, a continuous one's bins) or the values (a
        // continuous column), which Spark gathers as the local engine does; before, --bootstrap was refused on Spark
        for (Path file : List.of(csv, parquet)) {
            for (Object[] c : new Object[][] {{"country", null, null}, {"churned", null, "miller-madow"},
                {"amount", null, null}, {"amount", 20, "miller-madow"}}) {
                String column = (String) c[0];
                String what = file + " " + column + " " + c[1] + " " + c[2];
                RoleOverrides o = RoleOverrides.none().withColumns(List.of(column));
                dev.surprisal.estimators.EntropyEstimator e = c[2] == null ? null : EntropyEstimators.byName((String) c[2]);
                ColumnEntropy.Result local = ColumnEntropy.of(TableReader.open(file), column, o, (Integer) c[1], e,
                        Base.BITS, 300, 7);
                ColumnEntropy.Result onSpark = SparkMi.entropy(read(file), column, o, (Integer) c[1], e, Base.BITS,
                        file, 300, 7);
                assertThat(local.interval().shown()).as(what).isTrue();
                assertThat(onSpark.interval()).as(what).isEqualTo(local.interval());
                assertSameEntropy(onSpark, local, what);
            }
        }
        // the settings are checked before Spark reads anything, as locally
        assertThatThrownBy(() -> SparkMi.entropy(read(csv), "country", RoleOverrides.none(), null, null, Base.BITS,
                csv, 5, 7)).isNotInstanceOf(DataException.class).hasMessageStartingWith("bootstrap: must be 0");
    }

    private static void assertSameEntropy(ColumnEntropy.Result onSpark, ColumnEntropy.Result local, String what) {
        assertThat(onSpark.role()).as(what).isEqualTo(local.role());
        assertThat(onSpark.notes()).as(what).isEqualTo(local.notes());
        if (local instanceof ColumnEntropy.Counted l) {
            ColumnEntropy.Counted s = (ColumnEntropy.Counted) onSpark;
            assertThat(s.counts().size()).as(what).isEqualTo(l.counts().size());
            assertThat(s.counts().total()).as(what).isEqualTo(l.counts().total());
            assertThat(Entropy.of(s.counts(), Base.BITS)).as(what)
                    .isCloseTo(Entropy.of(l.counts(), Base.BITS), org.assertj.core.api.Assertions.within(1e-12));
        } else {
            assertThat(onSpark).as(what).isEqualTo(local);
        }
    }
}
