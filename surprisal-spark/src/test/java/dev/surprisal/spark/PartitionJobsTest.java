// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.Binning;
import dev.surprisal.data.profile.PartialProfiles;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.RoleDecision;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The partition functions called directly, without a Spark session: rows numbered past 2³¹ (a
 * synthetic offset, not 2³¹ real rows), the bounded bottom-k sample, and the partition-size check.
 */
@Tag("spark")
class PartitionJobsTest {
    private static final long PAST_INT = 3_000_000_000L; // rows before the partition: more than 2³¹

    private static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("amount", DataTypes.StringType, true)});

    /** One-column rows as Spark's internal rows, which the counting jobs read (text as UTF8String). */
    private static List<org.apache.spark.sql.catalyst.InternalRow> rows(String... cells) {
        List<org.apache.spark.sql.catalyst.InternalRow> out = new ArrayList<>();
        for (String c : cells) {
            out.add(new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(
                    new Object[] {org.apache.spark.unsafe.types.UTF8String.fromString(c)}));
        }
        return out;
    }

    private static Profile reference() {
        return PartialProfiles.reference(List.of(new RoleDecision("amount", ColumnRole.CONTINUOUS, "test", false)),
                Map.of("amount", Binning.continuous(new double[] {1, 2, 3, 4}, 4, 1, 4, ProfileOptions.defaults())),
                List.of());
    }

    @Test
    void aPartitionPastTwoToThe31RowsNumbersItsRowsAsLongs() throws Exception {
        SparkCells cells = SparkCells.of(SCHEMA, List.of("amount"));
        long[] offsets = {0, PAST_INT, PAST_INT + 4};
        PartitionJobs.Count count = new PartitionJobs.Count(cells, ProfileJson.write(reference()), offsets, false);
        Iterator<String[]> out = count.call(1, rows("1.5", "abc", "2.5", "3.5").iterator());
        Profile part = ProfileJson.read(out.next()[1]);
        // the invalid cell is the partition's second row: row 3,000,000,002 of the source
        assertThat(part.column("amount").invalidCells()).singleElement()
                .satisfies(c -> assertThat(c.where()).isEqualTo("row 3000000002"));
        // the sample is keyed by the source's positions, not by the partition's
        assertThat(part.column("amount").sample().keys()).containsExactlyInAnyOrder(
                RowSample.key(PAST_INT + 1, RowSample.SEED), RowSample.key(PAST_INT + 3, RowSample.SEED),
                RowSample.key(PAST_INT + 4, RowSample.SEED));
    }

    @Test
    void aPartitionGivesEachCellTheCommaKindJavaGives() throws Exception {
        // '.' groups (1.234: two readings) beside decimals that group nothing (1.2345, 0.123) and a decimal comma
        // after '.' groups (12.345,6): the partition's counts are Cells.comma's, also after Java serialization
        // (how Spark brings a partition's part back); CommaKindsAgreeTest holds Java to DuckDB on more cells
        List<String> cells = List.of("1.234", "1.2345", "0.123", "12.345,6", "1.234.567", "1,234", "1,234,567",
                "1,5", "1.299 €", "1234.567", "abc");
        List<StructField> fields = new ArrayList<>();
        Object[] row = new Object[cells.size()];
        for (int j = 0; j < cells.size(); j++) {
            fields.add(DataTypes.createStructField("c" + j, DataTypes.StringType, true));
            row[j] = org.apache.spark.unsafe.types.UTF8String.fromString(cells.get(j));
        }
        StructType schema = new StructType(fields.toArray(StructField[]::new));
        SparkCells sc = SparkCells.of(schema, java.util.Arrays.asList(schema.fieldNames()));
        PartitionJobs.RolePart part = new PartitionJobs.Roles(sc, null, 0).call(0, List.<org.apache.spark.sql.catalyst
                .InternalRow>of(new org.apache.spark.sql.catalyst.expressions.GenericInternalRow(row)).iterator()).next();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(part);
        }
        PartitionJobs.RolePart back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (PartitionJobs.RolePart) in.readObject();
        }
        for (int j = 0; j < cells.size(); j++) {
            Cells.Comma java = Cells.comma(cells.get(j));
            for (Cells.Comma kind : ColumnStats.Commas.KINDS) {
                assertThat(back.commas[j].count(kind)).as("'%s' as %s", cells.get(j), kind)
                        .isEqualTo(kind == java ? 1 : 0);
            }
            assertThat(back.commas[j]).isEqualTo(part.commas[j]);
        }
        assertThat(back.commas[0].example(Cells.Comma.DOT_GROUP)).isEqualTo("1.234");
    }

    @Test
    void offsetsAddPartitionSizesPastTwoToThe31() {
        long[] offsets = SparkProfiler.offsets(List.of(new long[] {1, PAST_INT}, new long[] {0, PAST_INT},
                new long[] {2, 7}), 3);
        assertThat(offsets).containsExactly(0, PAST_INT, 2 * PAST_INT, 2 * PAST_INT + 7);
    }

    @Test
    void aPartitionOfAnotherSizeThanItsOffsetsIsABug() {
        SparkCells cells = SparkCells.of(SCHEMA, List.of("amount"));
        long[] offsets = {0, PAST_INT, PAST_INT + 5};
        PartitionJobs.Count count = new PartitionJobs.Count(cells, ProfileJson.write(reference()), offsets, false);
        assertThatThrownBy(() -> count.call(1, rows("1", "2").iterator()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("partition 1 has 2 rows");
    }

    @Test
    void theBoundedSampleIsTheBottomKOfEveryValue() {
        // the running sample prunes at 2k and skips keys above its cut: the result must be the bottom k of all
        Random random = new Random(7);
        for (int size : new int[] {1, 5, 100, 700}) {
            int n = 20_000;
            long[] keys = new long[n];
            double[] values = new double[n];
            PartitionJobs.FiniteSample running = new PartitionJobs.FiniteSample(size);
            for (int i = 0; i < n; i++) {
                keys[i] = RowSample.key(PAST_INT + i + 1, RowSample.SEED);
                values[i] = random.nextInt(50); // ties in value; keys are distinct
                running.add(keys[i], values[i]);
            }
            running.finish();
            RowSample all = RowSample.of(keys, values, size);
            assertThat(running.keys).as("size %d", size).containsExactly(all.keys());
            assertThat(running.values).as("size %d", size).containsExactly(all.values());
            assertThat(running.finite).isEqualTo(n);
        }
    }

    @Test
    void anUnboundedSampleKeepsEveryValue() {
        // exact edges ask for every value (size Integer.MAX_VALUE): 2 × size overflowed an int before
        PartitionJobs.FiniteSample all = new PartitionJobs.FiniteSample(Integer.MAX_VALUE);
        for (int i = 0; i < 5_000; i++) {
            all.add(RowSample.key(i + 1, RowSample.SEED), i);
        }
        assertThat(all.finish().values).hasSize(5_000);
    }

    @Test
    void aPairTableCountsEveryCellWhetherDenseOrHashed() {
        Random random = new Random(7);
        // small codes stay on the dense grid; a code past it moves the table to the hash; a flag next to an id-like column
        for (int[] range : new int[][] {{2, 3}, {60, 60}, {5, 40_000}, {70_000, 2}}) {
            PartitionJobs.PairTable table = new PartitionJobs.PairTable();
            Map<Long, Long> expected = new java.util.HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                int a = random.nextInt(range[0]);
                int b = random.nextInt(range[1]);
                table.add(a, b);
                expected.merge(((long) a << 32) | b, 1L, Long::sum);
            }
            long[] keys = table.keys();
            long[] counts = table.counts();
            Map<Long, Long> got = new java.util.HashMap<>();
            for (int i = 0; i < keys.length; i++) {
                assertThat(got.put(keys[i], counts[i])).as("a cell listed twice").isNull();
            }
            assertThat(got).as(range[0] + " x " + range[1]).isEqualTo(expected);
        }
    }
}
