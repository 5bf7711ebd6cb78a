// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.data.mi.DuplicateRecords;
import dev.surprisal.data.roles.Cells;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Duplicated records on Spark, by the local engine's rule ({@link DuplicateRecords}): a row is a repeat when it
 * equals an earlier row in <em>every column read</em> (the columns {@code --columns}/{@code --exclude} select, the
 * ID and timestamp columns that MI leaves out included), and the repeats are copies only when their share is far
 * beyond the natural ties of a column with fractions. MI on Spark gathers only the columns it scores, so deciding
 * on those alone would cut rows that differ in an ID (two orders of the same amount and country) that the local
 * engine keeps; this class decides over every column read, so both engines estimate on the same rows.
 *
 * <p>Cost, in the order tried (each step only when the one before cannot rule copies out):
 * <ol>
 *   <li>none: the role statistics rule copies out ({@link DuplicateRecords#possible}): a column read is a key
 *       (a distinct value on every row: the usual case with an ID column), or no column read has a number that
 *       is not whole, so none can mark copies;</li>
 *   <li>one scan returning a flag per column and partition: no column read has a finite number with a fraction
 *       (the statistics count ±inf with them), so none can mark copies;</li>
 *   <li>one scan and a shuffle of 8 bytes per row: the distinct row hashes are as many as the rows, so no row
 *       repeats;</li>
 *   <li>one scan gathering 8 bytes per row and column read (16 for text) to the driver, the keys the local rule reads
 *       ({@link DuplicateRecords#find(double[][])}); on the {@link SparkMi#SAMPLE_ROWS} sample, the sampled rows'
 *       cells of every column read, and the rule applied to the sample.</li>
 * </ol>
 */
final class SparkCopies {
    private SparkCopies() {
    }

    /**
     * The distinct rows of the Dataset (or of its row sample) when its repeats are copies.
     *
     * @param g      the Dataset, its columns and roles
     * @param sample the row sample's size (0: every row), as {@link SparkMi#gather(SparkMi.Gathered, boolean[], int, long)}
     * @param seed   the sample's seed
     * @return the distinct rows, indexed as the gathered rows (every row, or the sample's rows in row order), or null
     *         when every row is kept
     */
    static DistinctRows find(SparkMi.Gathered g, int sample, long seed) {
        if (!DuplicateRecords.possible(g.roles())) {
            return null;
        }
        boolean[] read = new boolean[g.cells().size()];
        for (int j = 0; j < read.length; j++) {
            read[j] = g.roles().columns().contains(g.cells().name(j));
        }
        if (sample > 0 && g.rows() > sample) {
            return DuplicateRecords.find(SparkMi.sampled(g, read, sample, seed), g.roles());
        }
        boolean fraction = false;
        for (boolean f : g.data().javaRDD().mapPartitions(new Fractions(g.cells(), read)).reduce(Fractions::or)) {
            fraction |= f;
        }
        if (!fraction) {
            return null;
        }
        long hashes = g.data().javaRDD().map(new RowHashes(g.cells(), read)).distinct().count();
        if (hashes == g.rows()) {
            return null;
        }
        List<KeysPart> parts = new ArrayList<>(g.data().javaRDD()
                .mapPartitionsWithIndex(new Keys(g.cells(), read), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        return DuplicateRecords.find(keys(parts, read));
    }

    /** Per column read, its keys over every row in partition order: numbers, or a text column's labels. */
    private static double[][] keys(List<KeysPart> parts, boolean[] read) {
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < read.length; j++) {
            if (!read[j]) {
                continue;
            }
            final int col = j;
            // a text column every cell of which is missing or a finite number is read as numbers (SparkMi.text)
            boolean numbers = parts.stream().allMatch(p -> p.labels[col] == null || p.allNumbers[col]);
            int n = parts.stream().mapToInt(p -> p.numbers[col].length).sum();
            double[] k = new double[n];
            int at = 0;
            for (KeysPart p : parts) {
                int m = p.numbers[col].length;
                for (int i = 0; i < m; i++) {
                    k[at + i] = numbers ? p.numbers[col][i] : (double) (p.labels[col][i] >>> 11);
                }
                at += m;
            }
            out.add(k);
        }
        return out.toArray(new double[0][]);
    }

    /** A text cell's label: a 64-bit hash of its text (null: its own label); equal texts, equal labels. */
    static long label(String text) {
        if (text == null) {
            return 0x5DEECE66DL;
        }
        long h = 0xcbf29ce484222325L; // FNV-1a, then a finalizer, so the top 53 bits are well mixed
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    /**
     * A cell as the numeric reading sees it, NaN when missing; {@code null} when it is text that is no finite
     * number (the column is then read as labels).
     */
    static Double number(SparkCells cells, Row r, int j) {
        if (cells.numeric(j)) {
            return cells.number(r, j);
        }
        String c = cells.text(r, j);
        if (c == null || Cells.isMissing(c)) {
            return Double.NaN;
        }
        double x = Cells.number(c, cells.convention(j));
        return Double.isFinite(x) ? x : null;
    }

    /** Per column read, whether a partition holds a finite number with a fraction (read as {@link #number} reads it). */
    static final class Fractions implements FlatMapFunction<Iterator<Row>, boolean[]> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] read;

        Fractions(SparkCells cells, boolean[] read) {
            this.cells = cells;
            this.read = read;
        }

        @Override
        public Iterator<boolean[]> call(Iterator<Row> rows) {
            boolean[] fraction = new boolean[read.length];
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int j = 0; j < read.length; j++) {
                    if (read[j] && !fraction[j]) {
                        Double x = number(cells, r, j);
                        fraction[j] = x != null && Double.isFinite(x) && x != Math.rint(x);
                    }
                }
            }
            return List.of(fraction).iterator();
        }

        static boolean[] or(boolean[] a, boolean[] b) {
            boolean[] out = a.clone();
            for (int j = 0; j < out.length; j++) {
                out[j] |= b[j];
            }
            return out;
        }
    }

    /** One partition's keys of the columns read: numbers per row, and for a text column its labels and whether every cell was a number. */
    static final class KeysPart implements Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final double[][] numbers;
        final long[][] labels;
        final boolean[] allNumbers;

        KeysPart(int partition, double[][] numbers, long[][] labels, boolean[] allNumbers) {
            this.partition = partition;
            this.numbers = numbers;
            this.labels = labels;
            this.allNumbers = allNumbers;
        }
    }

    /** Gathers {@link KeysPart}s: 8 bytes per row and column read, 16 for a text column. */
    static final class Keys implements Function2<Integer, Iterator<Row>, Iterator<KeysPart>> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] read;

        Keys(SparkCells cells, boolean[] read) {
            this.cells = cells;
            this.read = read;
        }

        @Override
        public Iterator<KeysPart> call(Integer partition, Iterator<Row> rows) {
            int c = cells.size();
            double[][] numbers = new double[c][];
            long[][] labels = new long[c][];
            boolean[] allNumbers = new boolean[c];
            for (int j = 0; j < c; j++) {
                if (read[j]) {
                    numbers[j] = new double[1024];
                    labels[j] = cells.numeric(j) ? null : new long[1024];
                    allNumbers[j] = true;
                }
            }
            int n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int j = 0; j < c; j++) {
                    if (numbers[j] == null) {
                        continue;
                    }
                    if (n == numbers[j].length) {
                        numbers[j] = Arrays.copyOf(numbers[j], 2 * n);
                        labels[j] = labels[j] == null ? null : Arrays.copyOf(labels[j], 2 * n);
                    }
                    Double x = number(cells, r, j);
                    numbers[j][n] = x == null ? Double.NaN : x;
                    allNumbers[j] &= x != null;
                    if (labels[j] != null) {
                        labels[j][n] = label(cells.text(r, j));
                    }
                }
                n++;
            }
            for (int j = 0; j < c; j++) {
                if (numbers[j] != null) {
                    numbers[j] = Arrays.copyOf(numbers[j], n);
                    labels[j] = labels[j] == null ? null : Arrays.copyOf(labels[j], n);
                }
            }
            List<KeysPart> out = new ArrayList<>();
            out.add(new KeysPart(partition, numbers, labels, allNumbers));
            return out.iterator();
        }
    }

    /**
     * Each row's hash over the columns read, equal for rows the local rule finds equal: a cell by its number when
     * it is missing (one NaN) or a finite number, else by its text. Rows equal as text are equal here, so distinct
     * hashes as many as the rows prove that no row repeats.
     */
    static final class RowHashes implements org.apache.spark.api.java.function.Function<Row, Long> {
        private static final long serialVersionUID = 1L;
        private final SparkCells cells;
        private final boolean[] read;

        RowHashes(SparkCells cells, boolean[] read) {
            this.cells = cells;
            this.read = read;
        }

        @Override
        public Long call(Row r) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = 0; j < read.length; j++) {
                if (!read[j]) {
                    continue;
                }
                Double x = number(cells, r, j);
                long bits = x == null ? label(cells.text(r, j))
                        : x == 0.0 ? 0L : Double.doubleToLongBits(x); // −0.0 as 0.0, one NaN
                h = (h ^ bits) * 0xBF58476D1CE4E5B9L;
                h ^= h >>> 31;
            }
            return h;
        }
    }
}
