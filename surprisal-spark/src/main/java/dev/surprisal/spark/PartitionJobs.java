// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.PartialProfiles;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.DateLayout;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions Spark runs on each partition. Each is a static class holding only serializable
 * settings (no driver state), and each returns one small result per partition, tagged with the
 * partition's index, so the driver merges them in a fixed order whatever the scheduling.
 */
final class PartitionJobs {
    /** Rows held in memory at once in a task: one in-memory table of this many rows is counted at a time. */
    static final int CHUNK = 65_536;

    private PartitionJobs() {
    }

    /**
     * Fails when a partition holds another number of rows than its offsets say: the rows would be
     * numbered wrongly (sample keys, invalid cells' lines). A bug, never the data's fault.
     */
    static void checkSize(long[] offsets, int partition, long rows) {
        long expected = offsets[partition + 1] - offsets[partition];
        if (rows != expected) {
            throw new IllegalStateException("partition " + partition + " has " + rows + " rows, its offsets say "
                    + expected + ": Spark planned the row-count job and this one differently");
        }
    }

    /**
     * Rows per partition (the offsets that give every row its position in the source). Generic, so it
     * counts Spark's internal rows too, which are not converted to {@link Row}s (nothing is read from them).
     */
    static final class Sizes<T> implements Function2<Integer, Iterator<T>, Iterator<long[]>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<long[]> call(Integer partition, Iterator<T> rows) {
            long n = 0;
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            List<long[]> out = new ArrayList<>();
            out.add(new long[] {partition, n});
            return out.iterator();
        }
    }

    /**
     * One partition's role statistics per column, counted {@value #CHUNK} rows at a time by the local
     * engine's {@link ColumnStats#of} (the distinct counts, which do not add up, come from {@link DistinctCells}).
     */
    static final class RolePart implements Serializable {
        /** Where a column's {@link DateLayout.Counts} start in {@link #counts}. */
        static final int LAYOUTS_AT = 5;
        private static final long serialVersionUID = 1L;
        final int partition;
        final long rows;
        // per column: present, numbers, finite whole numbers, ISO dates, ISO date-times, then from LAYOUTS_AT the
        // non-ISO dates by layout (DateLayout.Counts)
        final long[][] counts;
        /** Per column, its cells by comma kind with an example of each ({@link ColumnStats.Commas}: they add up). */
        final ColumnStats.Commas[] commas;
        final double[] min;
        final double[] max;
        final double[][] firstNumbers; // per column: its first numbers in row order (for the monotone rule)
        /** Per typed number column when sampled (else null): its finite values, their range and bottom-k sample. */
        final FiniteSample[] samples;

        RolePart(int partition, long rows, long[][] counts, ColumnStats.Commas[] commas, double[] min, double[] max,
                 double[][] firstNumbers, FiniteSample[] samples) {
            this.partition = partition;
            this.rows = rows;
            this.counts = counts;
            this.commas = commas;
            this.min = min;
            this.max = max;
            this.firstNumbers = firstNumbers;
            this.samples = samples;
        }
    }

    /**
     * A column's finite values in a partition: how many, their exact range, and the bottom-{@code size}
     * of them by {@link RowSample#key} of the row's 1-based position in the source (every one when
     * there are at most that many). Bottom-k samples merge: the bottom k of the union of the parts'.
     * Memory: at most 2·size values while gathering.
     */
    static final class FiniteSample implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int size;
        long finite;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long[] keys = new long[1024];
        double[] values = new double[1024];
        private int m;
        /** Once {@code size} entries are kept, the largest kept key: an entry above it can never be kept. */
        private long cut = Long.MAX_VALUE;

        FiniteSample(int size) {
            this.size = size;
        }

        /** Adds the finite value x of a row whose key is {@code key} ({@link RowSample#key} of its 1-based position). */
        void add(long key, double x) {
            finite++;
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (key > cut) {
                return;
            }
            if (m == keys.length) {
                if (m >= 2L * size) { // keep memory bounded: only the bottom `size` can survive (2L: size may be MAX_VALUE)
                    prune();
                } else {
                    keys = Arrays.copyOf(keys, 2 * m);
                    values = Arrays.copyOf(values, 2 * m);
                }
            }
            keys[m] = key;
            values[m++] = x;
        }

        /** Keeps only the bottom {@code size}, trimmed to length: call once the partition is read. */
        FiniteSample finish() {
            prune();
            keys = Arrays.copyOf(keys, m);
            values = Arrays.copyOf(values, m);
            return this;
        }

        /** The parts merged (in the order given): counts add, ranges combine, the bottom {@code size} of the union kept. */
        static FiniteSample merge(List<FiniteSample> parts, int size) {
            FiniteSample out = new FiniteSample(size);
            out.keys = parts.stream().flatMapToLong(p -> Arrays.stream(p.keys, 0, p.m)).toArray();
            out.values = parts.stream().flatMapToDouble(p -> Arrays.stream(p.values, 0, p.m)).toArray();
            out.m = out.keys.length;
            for (FiniteSample p : parts) {
                out.finite += p.finite;
                out.min = Math.min(out.min, p.min);
                out.max = Math.max(out.max, p.max);
            }
            return out.finish();
        }

        private void prune() {
            RowSample s = RowSample.of(Arrays.copyOf(keys, m), Arrays.copyOf(values, m), size);
            m = s.size();
            System.arraycopy(s.keys(), 0, keys, 0, m);
            System.arraycopy(s.values(), 0, values, 0, m);
            if (m == size) { // the keys come sorted: ties at the cut stay candidates (the order is by key, then value)
                cut = keys[m - 1];
            }
        }
    }

    /** Counts {@link RolePart}s. */
    static final class Roles implements Function2<Integer, Iterator<InternalRow>, Iterator<RolePart>> {
        private static final long serialVersionUID = 1L;
        /** Numbers kept in row order per column: the monotone rule only looks at columns of fewer present cells. */
        static final int FIRST = dev.surprisal.data.roles.RoleRules.ID_MIN_ROWS;
        private final SparkCells cells;
        private final long[] offsets;
        private final int sample;

        /** Role statistics only. */
        Roles(SparkCells cells) {
            this(cells, null, 0);
        }

        /**
         * Role statistics, and the bottom-{@code sample} {@link FiniteSample} of every typed number
         * column, rows numbered from {@code offsets} ({@link dev.surprisal.data.profile.SampledDistinct}).
         */
        Roles(SparkCells cells, long[] offsets, int sample) {
            this.cells = cells;
            this.offsets = offsets;
            this.sample = sample;
        }

        @Override
        public Iterator<RolePart> call(Integer partition, Iterator<InternalRow> rows) {
            int c = cells.size();
            FiniteSample[] samples = null;
            if (offsets != null) {
                samples = new FiniteSample[c];
                for (int j = 0; j < c; j++) {
                    samples[j] = cells.numeric(j) ? new FiniteSample(sample) : null;
                }
            }
            long row = offsets == null ? 0 : offsets[partition];
            long[][] counts = new long[c][RolePart.LAYOUTS_AT + DateLayout.Counts.NONE.counts().size()];
            ColumnStats.Commas[] commas = new ColumnStats.Commas[c];
            Arrays.fill(commas, ColumnStats.Commas.NONE);
            double[] min = new double[c];
            double[] max = new double[c];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            double[][] first = new double[c][FIRST];
            int[] kept = new int[c];
            long n = 0;
            SparkCells.Chunk chunk = cells.chunk(CHUNK);
            while (rows.hasNext()) {
                chunk.add(rows.next());
                n++;
                if (chunk.size() == CHUNK || !rows.hasNext()) {
                    for (int i = 0; i < chunk.size(); i++) {
                        long key = samples == null ? 0 : RowSample.key(++row, RowSample.SEED);
                        for (int j = 0; j < c; j++) {
                            double x;
                            if (kept[j] < FIRST && !chunk.missing(i, j) && !Double.isNaN(x = chunk.value(i, j))) {
                                first[j][kept[j]++] = x;
                            }
                            if (samples != null && samples[j] != null && Double.isFinite(x = chunk.number(i, j))) {
                                samples[j].add(key, x);
                            }
                        }
                    }
                    // the local engine's own rules on an in-memory part ({@code ColumnStats.of}); parts add up
                    dev.surprisal.data.Table t = chunk.table();
                    for (int j = 0; j < c; j++) {
                        // read in the whole column's convention, not in what this chunk's commas alone say
                        ColumnStats s = ColumnStats.of(t.column(cells.name(j)), cells.convention(j));
                        long[] k = counts[j];
                        k[0] += s.present();
                        k[1] += s.numbers();
                        k[2] += s.integers();
                        k[3] += s.dates();
                        k[4] += s.timestamps();
                        for (int e = 0; e < s.layouts().counts().size(); e++) {
                            k[RolePart.LAYOUTS_AT + e] += s.layouts().counts().get(e); // dates in a non-ISO layout
                        }
                        commas[j] = commas[j].plus(s.commas());
                        min[j] = Math.min(min[j], s.min());
                        max[j] = Math.max(max[j], s.max());
                    }
                    chunk.clear();
                }
            }
            if (offsets != null) {
                checkSize(offsets, partition, n);
            }
            for (int j = 0; j < c; j++) {
                first[j] = Arrays.copyOf(first[j], kept[j]);
                if (samples != null && samples[j] != null) {
                    samples[j].finish();
                }
            }
            List<RolePart> out = new ArrayList<>();
            out.add(new RolePart(partition, n, counts, commas, min, max, first, samples));
            return out.iterator();
        }
    }

    /**
     * The distinct cells of each column as (slot, number bits, text) rows (a number's text null, a text's
     * bits 0: no number is printed), for exact distinct counts by Spark's
     * {@code distinct()} (a map-side combine, then one shuffle of the partitions' distinct values):
     * slot 2j holds column j's numbers (−0 as 0, by their bits), slot 2j + 1 its non-missing cells as
     * text (labels, or numbers as the profile writes them). A typed number column has only its numbers
     * slot (its text count is its number count). With {@code textOnly}, only the text slots. Columns
     * not {@code counted} are left out.
     */
    static final class DistinctCells implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] counted;
        private final boolean textOnly;

        DistinctCells(SparkCells cells, boolean[] counted, boolean textOnly) {
            this.cells = cells;
            this.counted = counted;
            this.textOnly = textOnly;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            // lazily, one source row at a time: Spark's partial aggregation then drops repeats (and spills)
            return new Iterator<>() {
                private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (pending.isEmpty() && rows.hasNext()) {
                        expand(rows.next());
                    }
                    return !pending.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return pending.poll();
                }

                private void expand(Row r) {
                    for (int j = 0; j < cells.size(); j++) {
                        if (!counted[j] || cells.missing(r, j)) {
                            continue;
                        }
                        if (textOnly || !cells.numeric(j)) {
                            pending.add(RowFactory.create(2 * j + 1, 0L, cells.label(r, j)));
                        }
                        if (textOnly) {
                            continue;
                        }
                        double x = cells.value(r, j);
                        if (!Double.isNaN(x)) {
                            pending.add(RowFactory.create(2 * j, Double.doubleToLongBits(x == 0 ? 0.0 : x), null));
                        }
                    }
                }
            };
        }
    }

    /**
     * The present text cells of the chosen columns as (column, key, text, label) rows, for
     * {@link SparkLabels#find}: the key is {@link dev.surprisal.data.roles.LabelVariants#key} of the label (null
     * when the label is one {@link dev.surprisal.data.roles.LabelVariants#find} ignores: a blank one), and text is
     * 1 when the cell is not a finite number (a column with such a cell is text to the local engine, whose label
     * variants it checks; a column of numbers is not checked). Missing cells are left out, as both rules leave
     * them out. Lazily, one row at a time, so that Spark's partial aggregation drops the repeats.
     */
    static final class LabelCells implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] chosen;

        LabelCells(SparkCells cells, boolean[] chosen) {
            this.cells = cells;
            this.chosen = chosen;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (pending.isEmpty() && rows.hasNext()) {
                        Row r = rows.next();
                        for (int j = 0; j < cells.size(); j++) {
                            if (!chosen[j]) {
                                continue;
                            }
                            String v = cells.text(r, j);
                            if (v == null || dev.surprisal.data.roles.Cells.isMissing(v)) {
                                continue;
                            }
                            String key = dev.surprisal.data.roles.LabelVariants.key(v);
                            int text = Double.isFinite(dev.surprisal.data.roles.Cells.number(v)) ? 0 : 1;
                            pending.add(RowFactory.create(j, key.isEmpty() ? null : key, text, v));
                        }
                    }
                    return !pending.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return pending.poll();
                }
            };
        }
    }

    /**
     * A text cell with its label variants folded: each spelling of a group as the group's most frequent one
     * ({@link dev.surprisal.data.roles.LabelVariants#kept}), any other cell (null included) as it is.
     */
    static final class Fold implements org.apache.spark.sql.api.java.UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, String> kept;

        Fold(Map<String, String> kept) {
            this.kept = new HashMap<>(kept);
        }

        @Override
        public String call(String cell) {
            return cell == null ? null : kept.getOrDefault(cell, cell);
        }
    }

    /** What one partition contributes to fitting the bins of each column (one slot per column). */
    static final class FitPart implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final FiniteSample[] samples; // per continuous column, else null
        final List<Set<Double>> distinct;
        final List<Map<String, Long>> categories;

        FitPart(int partition, int columns) {
            this.partition = partition;
            samples = new FiniteSample[columns];
            distinct = new ArrayList<>();
            categories = new ArrayList<>();
            for (int j = 0; j < columns; j++) {
                distinct.add(new HashSet<>());
                categories.add(new HashMap<>());
            }
        }
    }

    /**
     * Gathers in one pass what {@code ProfileBuilder.fit} gathers to fit bins: for a continuous
     * column the finite count, exact min and max and the bottom-{@code sample} rows by
     * {@link RowSample#key} of the row's position in the source (every finite value when there are
     * at most that many); the distinct values of a binary or discrete one; every category's count.
     * A column whose role is null is skipped (its bins come from elsewhere).
     */
    static final class Fit implements Function2<Integer, Iterator<Row>, Iterator<FitPart>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final ColumnRole[] roles;
        private final long[] offsets;
        private final int sample;

        Fit(SparkCells cells, ColumnRole[] roles, long[] offsets, int sample) {
            this.cells = cells;
            this.roles = roles;
            this.offsets = offsets;
            this.sample = sample;
        }

        @Override
        public Iterator<FitPart> call(Integer partition, Iterator<Row> rows) {
            int c = cells.size();
            FitPart out = new FitPart(partition, c);
            long row = offsets[partition];
            for (int j = 0; j < c; j++) {
                if (roles[j] == ColumnRole.CONTINUOUS) {
                    out.samples[j] = new FiniteSample(sample);
                }
            }
            while (rows.hasNext()) {
                Row r = rows.next();
                long key = RowSample.key(++row, RowSample.SEED);
                for (int j = 0; j < c; j++) {
                    ColumnRole role = roles[j];
                    if (role == null || !role.isScored() || cells.missing(r, j)) {
                        continue;
                    }
                    if (role == ColumnRole.CATEGORICAL) {
                        out.categories.get(j).merge(cells.label(r, j), 1L, Long::sum);
                        continue;
                    }
                    double x = cells.value(r, j);
                    if (!Double.isFinite(x)) {
                        continue;
                    }
                    if (role != ColumnRole.CONTINUOUS) {
                        out.distinct.get(j).add(x == 0 ? 0.0 : x);
                        continue;
                    }
                    out.samples[j].add(key, x);
                }
            }
            for (FiniteSample f : out.samples) {
                if (f != null) {
                    f.finish();
                }
            }
            List<FitPart> result = new ArrayList<>();
            result.add(out);
            return result.iterator();
        }
    }

    /**
     * Counts a partition on the reference's frozen bins with {@code surprisal-data}'s own counting
     * ({@link PartialProfiles#count}), {@value #CHUNK} rows at a time, each row numbered by its
     * position in the source; returns the partition's merged part as profile JSON.
     */
    static final class Count implements Function2<Integer, Iterator<InternalRow>, Iterator<String[]>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final String reference;
        private final long[] offsets;
        private final boolean lines;

        Count(SparkCells cells, String reference, long[] offsets, boolean lines) {
            this.cells = cells;
            this.reference = reference;
            this.offsets = offsets;
            this.lines = lines;
        }

        @Override
        public Iterator<String[]> call(Integer partition, Iterator<InternalRow> rows) {
            Profile ref = ProfileJson.read(reference);
            List<Profile> parts = new ArrayList<>();
            long first = offsets[partition];
            SparkCells.Chunk chunk = cells.chunk(CHUNK);
            while (rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == CHUNK || !rows.hasNext()) {
                    parts.add(PartialProfiles.count(ref, chunk.table(), first, lines));
                    first += chunk.size();
                    chunk.clear();
                    if (parts.size() == 2) { // merged as we go: a partition holds one part, whatever its size
                        Profile merged = PartialProfiles.merge(parts);
                        parts.clear();
                        parts.add(merged);
                    }
                }
            }
            checkSize(offsets, partition, first - offsets[partition]);
            if (parts.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            List<String[]> out = new ArrayList<>();
            out.add(new String[] {Integer.toString(partition), ProfileJson.write(parts.get(0))});
            return out.iterator();
        }
    }

    /** One partition's cells of the wanted columns, in row order: double[] for a numeric column, String[] for text. */
    static final class ColumnsPart implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final Object[] columns;

        ColumnsPart(int partition, Object[] columns) {
            this.partition = partition;
            this.columns = columns;
        }
    }

    /** Gathers {@link ColumnsPart}s (what mutual information holds on the driver). */
    static final class Columns implements Function2<Integer, Iterator<Row>, Iterator<ColumnsPart>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] wanted;

        Columns(SparkCells cells, boolean[] wanted) {
            this.cells = cells;
            this.wanted = wanted;
        }

        @Override
        public Iterator<ColumnsPart> call(Integer partition, Iterator<Row> rows) {
            int c = cells.size();
            double[][] numbers = new double[c][];
            String[][] texts = new String[c][];
            for (int j = 0; j < c; j++) {
                if (wanted[j] && cells.numeric(j)) {
                    numbers[j] = new double[1024];
                } else if (wanted[j]) {
                    texts[j] = new String[1024];
                }
            }
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int j = 0; j < c; j++) {
                    if (numbers[j] != null) {
                        if (n == numbers[j].length) {
                            numbers[j] = Arrays.copyOf(numbers[j], 2 * n);
                        }
                        numbers[j][n] = cells.number(r, j);
                    } else if (texts[j] != null) {
                        if (n == texts[j].length) {
                            texts[j] = Arrays.copyOf(texts[j], 2 * n);
                        }
                        texts[j][n] = cells.text(r, j);
                    }
                }
                n++;
            }
            Object[] out = new Object[c];
            for (int j = 0; j < c; j++) {
                out[j] = numbers[j] != null ? Arrays.copyOf(numbers[j], n) : texts[j] != null ? Arrays.copyOf(texts[j], n) : null;
            }
            List<ColumnsPart> result = new ArrayList<>();
            result.add(new ColumnsPart(partition, out));
            return result.iterator();
        }
    }

    /**
     * One partition's counts of column j's distinct cells, as the local engine's {@code GROUP BY} of a column gives
     * them: a text cell by its text as written (missing spellings included: {@code ColumnCells.fold} sorts them out),
     * a typed number by its value as a Double (NaN kept: a typed NaN is a missing cell to the fold, as DuckDB's),
     * null cells under {@link #NULL}.
     */
    static final class ValueCounts implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<Row>, Map<Object, Long>> {
        private static final long serialVersionUID = 1L;
        /** The key of null cells (a HashMap key that no cell's text or number is). */
        static final String NULL = "\u0000surprisal:null";
        private final SparkCells cells;
        private final int column;
        private final boolean asText;

        /**
         * @param cells  the Dataset's cells
         * @param column the column counted
         * @param asText whether a typed integer is counted by its exact text (a text role's codes beyond 2^53, as
         *               {@code ColumnCells.read} counts them locally), not by its value as a double
         */
        ValueCounts(SparkCells cells, int column, boolean asText) {
            this.cells = cells;
            this.column = column;
            this.asText = asText;
        }

        @Override
        public Iterator<Map<Object, Long>> call(Iterator<Row> rows) {
            Map<Object, Long> counts = new HashMap<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                Object v = r.isNullAt(column) ? null : r.get(column);
                Object key = v == null ? NULL : asText && (v instanceof Long || v instanceof Integer
                        || v instanceof Short || v instanceof Byte) ? v.toString()
                        : cells.numeric(column) ? (Object) (cells.number(r, column) + 0.0) : cells.text(r, column);
                counts.merge(key, 1L, Long::sum);
            }
            List<Map<Object, Long>> out = new ArrayList<>();
            out.add(counts);
            return out.iterator();
        }
    }

    /**
     * One partition's first row (from 0, over the whole Dataset: {@code offsets}) of each of some cells of column j:
     * a text column's cells by their text, a typed number's by the label {@code ColumnCells} notes it under.
     */
    static final class FirstRows implements Function2<Integer, Iterator<Row>, Iterator<Map<String, Long>>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final int column;
        private final Set<String> wanted;
        private final long[] offsets;

        FirstRows(SparkCells cells, int column, Set<String> wanted, long[] offsets) {
            this.cells = cells;
            this.column = column;
            this.wanted = wanted;
            this.offsets = offsets;
        }

        @Override
        public Iterator<Map<String, Long>> call(Integer partition, Iterator<Row> rows) {
            Map<String, Long> first = new HashMap<>();
            long row = offsets[partition];
            while (rows.hasNext() && first.size() < wanted.size()) {
                Row r = rows.next();
                if (!r.isNullAt(column)) {
                    String cell = cells.numeric(column) ? Double.toString(cells.number(r, column)) : cells.text(r, column);
                    if (wanted.contains(cell)) {
                        first.putIfAbsent(cell, row);
                    }
                }
                row++;
            }
            List<Map<String, Long>> out = new ArrayList<>();
            out.add(first);
            return out.iterator();
        }
    }

    /** One partition's joint counts of each counted pair of columns, their labels and its cell notes. */
    static final class JointPart implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final long rows;
        /** Per column of {@link Joint#columns}: its labels (a Double for a typed number, else the text), by first appearance. */
        final Object[][] labels;
        /** Per pair of {@link Joint#pairs}: the non-empty cells' codes (row label code × 2³² + column label code) and counts. */
        final long[][] pairs;
        final long[][] pairCounts;
        /** Per column: cells left out as not numbers (text) or infinite (typed), and the first one's row (0-based here) and text. */
        final long[] bad;
        final long[] firstBad;
        final String[] firstBadText;
        /** Per local code of the first column: the rows it labels (where that column has a value). */
        final long[] firstRows;
        /** Per gap column of {@link Joint}: its empty cells on all rows. */
        final long[] gapsAll;
        /** Per gap column, per local code of the first column: its empty cells on the rows of that code. */
        final long[][] gapsByFirst;

        JointPart(int partition, long rows, Object[][] labels, long[][] pairs, long[][] pairCounts, long[] bad,
                  long[] firstBad, String[] firstBadText, long[] firstRows, long[] gapsAll, long[][] gapsByFirst) {
            this.partition = partition;
            this.rows = rows;
            this.labels = labels;
            this.pairs = pairs;
            this.pairCounts = pairCounts;
            this.bad = bad;
            this.firstBad = firstBad;
            this.firstBadText = firstBadText;
            this.firstRows = firstRows;
            this.gapsAll = gapsAll;
            this.gapsByFirst = gapsByFirst;
        }
    }

    /**
     * Counts, in one pass, the contingency table of every pair of labelled columns asked for (the ranking:
     * each discrete feature with the target; the matrix: every discrete pair), each a {@link PairTable}
     * (memory per partition: the labels and each table's non-empty cells, never the rows), and for every
     * numeric-role column the cells mutual information leaves out (text that is not a finite number; a
     * typed ±inf). A label is a typed cell's number (−0 as 0) or a text cell's text; the driver turns text
     * into numbers where the local engine would ({@link SparkMi}).
     */
    static final class Joint implements Function2<Integer, Iterator<Row>, Iterator<JointPart>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final int[] columns; // cells' indices of the labelled columns
        private final int[][] pairs; // per table: {its rows' column, its columns' column}, positions in columns
        private final int[] noted;   // cells' indices of the numeric-role columns whose bad cells are counted
        private final int[] gaps;    // cells' indices of the columns whose empty cells are counted against the first
        private final boolean[] gapNumbers; // per gap column: a cell is empty unless a finite number (a numeric role)

        /** Each labelled column after the first (a feature) against the first (the target): table k − 1 is column k's. */
        Joint(SparkCells cells, int[] columns, int[] noted) {
            this(cells, columns, againstFirst(columns.length), noted, new int[0], new boolean[0]);
        }

        /**
         * The tables of {@code pairs} ({row column, column column}, positions in {@code columns}), and the empty cells
         * of each of {@code gaps} (cells' indices) against the first column's labels, as the local engine finds them:
         * where {@code gapNumbers} is set (a numeric role) a cell that is not a finite number in the column's
         * convention, else a missing cell ({@link dev.surprisal.data.roles.Cells#isMissing}, a null).
         */
        Joint(SparkCells cells, int[] columns, int[][] pairs, int[] noted, int[] gaps, boolean[] gapNumbers) {
            this.cells = cells;
            this.columns = columns;
            this.pairs = pairs;
            this.noted = noted;
            this.gaps = gaps;
            this.gapNumbers = gapNumbers;
        }

        /** Whether cell j of {@code r} is empty, as the local engine reads it (see the constructor). */
        private boolean empty(Row r, int j, boolean number) {
            if (cells.numeric(j)) {
                double x = cells.number(r, j);
                return Double.isNaN(x) || number && Double.isInfinite(x);
            }
            String t = cells.text(r, j);
            if (t == null || dev.surprisal.data.roles.Cells.isMissing(t)) {
                return true;
            }
            return number && !Double.isFinite(dev.surprisal.data.roles.Cells.number(t, cells.convention(j)));
        }

        /** The pairs {k, 0} of k = 1 … c − 1. */
        static int[][] againstFirst(int c) {
            int[][] out = new int[Math.max(0, c - 1)][];
            for (int k = 1; k < c; k++) {
                out[k - 1] = new int[] {k, 0};
            }
            return out;
        }

        @Override
        public Iterator<JointPart> call(Integer partition, Iterator<Row> rows) {
            int c = columns.length;
            List<Map<Object, Integer>> dict = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                dict.add(new java.util.LinkedHashMap<>());
            }
            PairTable[] joint = new PairTable[pairs.length];
            int[] rowsOf = new int[pairs.length];
            int[] colsOf = new int[pairs.length];
            for (int q = 0; q < pairs.length; q++) {
                joint[q] = new PairTable();
                rowsOf[q] = pairs[q][0];
                colsOf[q] = pairs[q][1];
            }
            long[] bad = new long[noted.length];
            long[] firstBad = new long[noted.length];
            String[] firstText = new String[noted.length];
            int[] code = new int[c];
            long n = 0;
            long[] gapsAll = new long[gaps.length];
            long[][] gapsByFirst = new long[gaps.length][gaps.length == 0 ? 0 : 4];
            long[] firstRows = new long[gaps.length == 0 ? 0 : 4];
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int j = 0; j < c; j++) {
                    Object label = label(r, columns[j]);
                    if (label == null) {
                        code[j] = -1;
                        continue;
                    }
                    Map<Object, Integer> d = dict.get(j);
                    Integer got = d.get(label);
                    if (got == null) {
                        got = d.size();
                        d.put(label, got);
                    }
                    code[j] = got;
                }
                for (int q = 0; q < joint.length; q++) {
                    int a = code[rowsOf[q]];
                    int b = code[colsOf[q]];
                    if (a >= 0 && b >= 0) { // a row missing either cell is left out of the pair, as locally
                        joint[q].add(a, b);
                    }
                }
                if (gaps.length > 0 && code[0] >= 0 && code[0] >= firstRows.length) {
                    int grown = Math.max(code[0] + 1, 2 * firstRows.length);
                    firstRows = Arrays.copyOf(firstRows, grown);
                    for (int g = 0; g < gaps.length; g++) {
                        gapsByFirst[g] = Arrays.copyOf(gapsByFirst[g], grown);
                    }
                }
                if (gaps.length > 0 && code[0] >= 0) {
                    firstRows[code[0]]++;
                }
                for (int g = 0; g < gaps.length; g++) {
                    if (empty(r, gaps[g], gapNumbers[g])) {
                        gapsAll[g]++;
                        if (code[0] >= 0) {
                            gapsByFirst[g][code[0]]++;
                        }
                    }
                }
                for (int m = 0; m < noted.length; m++) {
                    String why = bad(r, noted[m]);
                    if (why != null && bad[m]++ == 0) {
                        firstBad[m] = n;
                        firstText[m] = why;
                    }
                }
                n++;
            }
            Object[][] labels = new Object[c][];
            for (int j = 0; j < c; j++) {
                labels[j] = dict.get(j).keySet().toArray();
            }
            long[][] keys = new long[joint.length][];
            long[][] counts = new long[joint.length][];
            for (int q = 0; q < joint.length; q++) {
                keys[q] = joint[q].keys();
                counts[q] = joint[q].counts();
            }
            List<JointPart> out = new ArrayList<>();
            out.add(new JointPart(partition, n, labels, keys, counts, bad, firstBad, firstText, firstRows, gapsAll,
                    gapsByFirst));
            return out.iterator();
        }

        /** The label of a non-missing cell (a Double for a typed number, −0 as 0; else the text); null when missing. */
        private Object label(Row r, int j) {
            if (cells.numeric(j)) {
                double x = cells.number(r, j);
                return Double.isNaN(x) || Double.isInfinite(x) ? null : (Object) (x + 0.0);
            }
            String t = cells.text(r, j);
            return t == null || dev.surprisal.data.roles.Cells.isMissing(t) ? null : t;
        }

        /** How a numeric-role cell is shown when it is left out ({@code inf}, {@code abc}), or null when it is not. */
        private String bad(Row r, int j) {
            if (cells.numeric(j)) {
                double x = cells.number(r, j);
                return Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : null;
            }
            String t = cells.text(r, j);
            if (t == null || dev.surprisal.data.roles.Cells.isMissing(t)) {
                return null;
            }
            // in the column's convention: a time of day (08:15:32) is a number there, not a cell left out
            return Double.isFinite(dev.surprisal.data.roles.Cells.number(t, cells.convention(j))) ? null : t;
        }
    }

    /**
     * One partition's contingency table of two columns' label codes (codes from 0 by first appearance):
     * a dense grid of at most {@value #DENSE_CELLS} cells while both columns' codes fit in it (the usual
     * flags, counts and short category lists: one array increment per row), else a {@link PairCounts} hash
     * of its non-empty cells (memory: the distinct pairs seen, at most the partition's rows).
     */
    static final class PairTable {
        /** The largest dense grid, in cells (8 bytes each). */
        static final int DENSE_CELLS = 1 << 12;
        private long[] dense = new long[4];
        private int rowBits = 1;
        private int colBits = 1;
        private PairCounts hashed;

        void add(int a, int b) {
            if (hashed == null) {
                if ((a >>> rowBits) == 0 && (b >>> colBits) == 0) {
                    dense[(a << colBits) | b]++;
                    return;
                }
                grow(a, b);
                if (hashed == null) {
                    dense[(a << colBits) | b]++;
                    return;
                }
            }
            hashed.add(((long) a << 32) | b, 1);
        }

        /** A grid wide enough for (a, b), or the hash once it would pass {@link #DENSE_CELLS}. */
        private void grow(int a, int b) {
            int rb = Math.max(rowBits, 32 - Integer.numberOfLeadingZeros(a));
            int cb = Math.max(colBits, 32 - Integer.numberOfLeadingZeros(b));
            if (rb + cb > Integer.numberOfTrailingZeros(DENSE_CELLS)) {
                hashed = new PairCounts();
                for (int i = 0; i < dense.length; i++) {
                    if (dense[i] > 0) {
                        hashed.add(((long) (i >>> colBits) << 32) | (i & ((1 << colBits) - 1)), dense[i]);
                    }
                }
                dense = null;
                return;
            }
            long[] d = new long[1 << (rb + cb)];
            for (int i = 0; i < dense.length; i++) {
                d[((i >>> colBits) << cb) | (i & ((1 << colBits) - 1))] = dense[i];
            }
            dense = d;
            rowBits = rb;
            colBits = cb;
        }

        /** The non-empty cells' keys (row code × 2³² + column code), in the order of {@link #counts}. */
        long[] keys() {
            if (hashed != null) {
                return hashed.keys();
            }
            return java.util.stream.IntStream.range(0, dense.length).filter(i -> dense[i] > 0)
                    .mapToLong(i -> ((long) (i >>> colBits) << 32) | (i & ((1 << colBits) - 1))).toArray();
        }

        /** The non-empty cells' counts. */
        long[] counts() {
            if (hashed != null) {
                return hashed.counts();
            }
            return Arrays.stream(dense).filter(v -> v > 0).toArray();
        }
    }

    /** Counts of long keys: open addressing, linear probing, at most half full. */
    static final class PairCounts {
        private long[] keys = new long[64];
        private long[] counts = new long[64];
        private boolean[] used = new boolean[64];
        private int size;

        void add(long key, long count) {
            int mask = keys.length - 1;
            int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (used[i] && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                used[i] = true;
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    counts[i] = count;
                    grow();
                    return;
                }
            }
            counts[i] += count;
        }

        private void grow() {
            long[] k = keys;
            long[] v = counts;
            boolean[] u = used;
            keys = new long[k.length * 2];
            counts = new long[k.length * 2];
            used = new boolean[k.length * 2];
            int mask = keys.length - 1;
            for (int s = 0; s < k.length; s++) {
                if (u[s]) {
                    int i = (int) ((k[s] * 0x9E3779B97F4A7C15L) >>> 32) & mask;
                    while (used[i]) {
                        i = (i + 1) & mask;
                    }
                    used[i] = true;
                    keys[i] = k[s];
                    counts[i] = v[s];
                }
            }
        }

        long[] keys() {
            long[] out = new long[size];
            for (int s = 0, m = 0; s < keys.length; s++) {
                if (used[s]) {
                    out[m++] = keys[s];
                }
            }
            return out;
        }

        long[] counts() {
            long[] out = new long[size];
            for (int s = 0, m = 0; s < keys.length; s++) {
                if (used[s]) {
                    out[m++] = counts[s];
                }
            }
            return out;
        }
    }

    /** One partition's bottom-k rows by {@link RowSample#key}: their keys, 1-based positions and wanted cells. */
    static final class SamplePart implements Serializable {
        private static final long serialVersionUID = 1L;
        final long[] keys;
        final long[] positions;
        final Object[][] cells; // per kept row: a Double (numeric column) or a String per wanted column, else null

        SamplePart(long[] keys, long[] positions, Object[][] cells) {
            this.keys = keys;
            this.positions = positions;
            this.cells = cells;
        }
    }

    /**
     * Keeps, on the executor, the {@code size} rows of the partition with the smallest
     * {@link RowSample#key} of their 1-based position in the source (positions from {@code offsets}),
     * with the cells of the wanted columns: a seeded sample that does not depend on the partitioning
     * (bottom-k samples merge: the driver keeps the bottom k of the union). Memory: at most 2·size rows.
     */
    static final class Sample implements Function2<Integer, Iterator<Row>, Iterator<SamplePart>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] wanted;
        private final long[] offsets;
        private final int size;
        private final long seed;

        Sample(SparkCells cells, boolean[] wanted, long[] offsets, int size, long seed) {
            this.cells = cells;
            this.wanted = wanted;
            this.offsets = offsets;
            this.size = size;
            this.seed = seed;
        }

        @Override
        public Iterator<SamplePart> call(Integer partition, Iterator<Row> rows) {
            List<long[]> kept = new ArrayList<>(); // {key, position, index into values}
            List<Object[]> values = new ArrayList<>();
            long position = offsets[partition];
            while (rows.hasNext()) {
                Row r = rows.next();
                position++;
                Object[] v = new Object[cells.size()];
                for (int j = 0; j < v.length; j++) {
                    if (wanted[j]) {
                        v[j] = cells.numeric(j) ? (Object) cells.number(r, j) : cells.text(r, j);
                    }
                }
                kept.add(new long[] {RowSample.key(position, seed), position, values.size()});
                values.add(v);
                if (kept.size() >= 2 * size) {
                    prune(kept, values);
                }
            }
            prune(kept, values);
            long[] k = new long[kept.size()];
            long[] p = new long[kept.size()];
            Object[][] c = new Object[kept.size()][];
            for (int i = 0; i < k.length; i++) {
                k[i] = kept.get(i)[0];
                p[i] = kept.get(i)[1];
                c[i] = values.get((int) kept.get(i)[2]);
            }
            List<SamplePart> out = new ArrayList<>();
            out.add(new SamplePart(k, p, c));
            return out.iterator();
        }

        /** Keeps the {@code size} smallest keys (and their cells only). */
        private void prune(List<long[]> kept, List<Object[]> values) {
            kept.sort(java.util.Comparator.comparingLong(e -> e[0]));
            List<long[]> k = new ArrayList<>();
            List<Object[]> v = new ArrayList<>();
            for (int i = 0; i < Math.min(size, kept.size()); i++) {
                long[] e = kept.get(i);
                k.add(new long[] {e[0], e[1], v.size()});
                v.add(values.get((int) e[2]));
            }
            kept.clear();
            kept.addAll(k);
            values.clear();
            values.addAll(v);
        }
    }
}
