// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.data.DataException;
import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;
import dev.surprisal.selection.TargetShare;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * {@link SparkMi#pair} and {@link SparkMi#matrix}: what {@code mi --x/--y} and {@code mi --matrix} show, with
 * the ranking's division of labour: a pair of two discrete columns is scored from its contingency table
 * merged over the partitions ({@link SparkMi#joint}), the same table the local engine counts from the rows,
 * so the same numbers; a pair with a continuous column needs rows (KSG, Ross) and runs on the columns
 * gathered to the driver, on the {@link SparkMi#SAMPLE_ROWS} sample when that is set (a note states it).
 * The notes about cells left out are counted on every row, as locally.
 */
final class SparkPairs {
    private SparkPairs() {
    }

    static ProfileEngine.Pair pair(Dataset<Row> data, String x, String y, RoleOverrides overrides, MiOptions options,
                                   Path file, SparkMi.Variants variants) {
        MiTable.requireTwoColumns(x, y);
        SparkMi.Gathered g = SparkMi.roles(data, overrides, file, variants);
        SparkMi.Scored s = SparkMi.scored(g);
        RoleDecision dx = s.decision(x, "--x", g, file);
        RoleDecision dy = s.decision(y, "--y", g, file);
        int sample = SparkMi.sampleRows(data);
        boolean sampled = sample > 0 && g.rows() > sample;
        // copies are decided over every column read, as locally; with copies the pair runs on the distinct rows
        DistinctRows copies = SparkCopies.find(g, sampled ? sample : 0, options.seed());
        boolean discrete = dx.role() != ColumnRole.CONTINUOUS && dy.role() != ColumnRole.CONTINUOUS && copies == null;
        // target (y) first, as the ranking counts a feature against its target; no columns: the notes only
        int[] columns = discrete ? new int[] {index(g, y), index(g, x)} : new int[0];
        SparkMi.Counted c = SparkMi.joint(g, columns, s.scored(), file);
        List<String> notes = new ArrayList<>(c.notes());
        if (discrete) {
            SparkMi.Labels[] labels = c.labels(g, List.of(dy, dx));
            CountedPair counted = labels[1].pair(x, labels[0], c.parts(), 0);
            if (SparkMi.asTable(counted, labels[1], options)) {
                return new ProfileEngine.Pair(SparkMi.withVariants(s.ofRoles(g, notes, file), g),
                        counted(counted, g.shown(dx), g.shown(dy), options, (int) g.rows(), file));
            }
        }
        List<RoleDecision> both = s.scored().stream().filter(d -> d == dx || d == dy).toList();
        MiTable rows = MiTable.of(SparkMi.gather(g, SparkMi.wanted(g, both), sampled ? sample : 0, options.seed()),
                ColumnRoles.frozen(both, List.of()), options.seed(), file, copies);
        if (sampled) {
            notes.add(SparkMi.sampleNote(sample, g.rows(), options.seed(), "the pair " + x + ", " + y));
        }
        return new ProfileEngine.Pair(SparkMi.withVariants(s.ofRoles(g, notes, file).withCopies(copies), g),
                rows.pair(x, y, options));
    }

    /** What {@link MiTable#pair} gives for two discrete columns, from their table (x by rows, y by columns). */
    private static PairResult counted(CountedPair pair, RoleDecision dx, RoleDecision dy, MiOptions options, int rows,
                                      Path file) {
        RankedFeature f = TargetRanking.score(pair, dy.column(), options, options.permutations());
        if (f.skipped() != null) {
            throw new DataException(file, f.skipped());
        }
        PairResult.Discrete d = PairResult.Discrete.of(pair.table());
        return new PairResult(dx.column(), dy.column(), dx, dy, f,
                dev.surprisal.continuous.MiEstimator.forKinds(true, true).reason(), rows, d);
    }

    static ProfileEngine.Matrix matrix(Dataset<Row> data, RoleOverrides overrides, int k, long seed, Path file,
                                       IntFunction<IntConsumer> start, SparkMi.Variants variants) {
        SparkMi.Gathered g = SparkMi.roles(data, overrides, file, variants);
        SparkMi.Scored s = SparkMi.scored(g);
        List<RoleDecision> scored = s.scored();
        int c = scored.size();
        IntConsumer progress = start == null ? null : start.apply(c);
        int sample = SparkMi.sampleRows(data);
        boolean sampled = sample > 0 && g.rows() > sample;
        // copies are decided over every column read, as locally; with copies every pair runs on the distinct rows
        DistinctRows copies = SparkCopies.find(g, sampled ? sample : 0, seed);
        // a categorical column with gaps counts them as a value locally: every pair then runs on the gathered rows
        boolean allRows = copies != null || SparkMi.textGaps(g, scored);
        int[] discrete = allRows ? new int[0] : java.util.stream.IntStream.range(0, c)
                .filter(i -> scored.get(i).role() != ColumnRole.CONTINUOUS).toArray();
        boolean[] fromCounts = new boolean[c];
        for (int i : discrete) {
            fromCounts[i] = true;
        }
        double[][] mi = new double[c][c];
        // chance parts, p-values and their tests, as the local matrix gives them (NaN and null where there is none)
        double[][] chance = new double[c][c];
        double[][] pv = new double[c][c];
        String[][] pm = new String[c][c];
        for (int i = 0; i < c; i++) {
            java.util.Arrays.fill(chance[i], Double.NaN);
            java.util.Arrays.fill(pv[i], Double.NaN);
        }
        boolean[] constant = new boolean[c];
        List<String> notes = new ArrayList<>();
        // per pair "first\0second" (file order), its notes: a discrete pair's from its table here, the others' below
        java.util.Map<String, List<MatrixResult.PairNote>> byPair = new java.util.HashMap<>();
        // every discrete pair's table in one scan (PartitionJobs.Joint), split only past the memory cap; the
        // first scan also counts the cells left out (with no discrete column, it counts only those)
        List<RoleDecision> labelled = java.util.Arrays.stream(discrete).mapToObj(scored::get).toList();
        int[] at = labelled.stream().mapToInt(d -> index(g, d.column())).toArray();
        List<int[][]> scans = scans(at, g, SparkMi.pairCells(data));
        for (int scan = 0; scan < scans.size(); scan++) {
            int[][] pairs = scans.get(scan);
            SparkMi.Counted counted = SparkMi.joint(g, at, pairs, scan == 0 ? scored : List.of(), file);
            SparkMi.Labels[] labels = counted.labels(g, labelled);
            if (scan == 0) {
                notes.addAll(counted.notes());
                for (int b = 0; b < at.length; b++) {
                    constant[discrete[b]] = labels[b].distinct() < 2;
                }
            }
            for (int q = 0; q < pairs.length; q++) {
                int later = pairs[q][0];
                int earlier = pairs[q][1];
                CountedPair laterByRows = labels[later].pair(labelled.get(later).column(), labels[earlier],
                        counted.parts(), q);
                double v = plugIn(laterByRows);
                String a = labelled.get(earlier).column();
                String b = labelled.get(later).column();
                // the local matrix's note (MiTable.withShareNote) from the same counts: the rows of a pair with
                // both values, earlier column first
                String note = TargetShare.pairNote(a, b, v, laterByRows.table().colCounts(),
                        laterByRows.table().rowCounts());
                if (note != null) {
                    byPair.put(a + '\0' + b, List.of(new MatrixResult.PairNote(a, b, note)));
                }
                mi[discrete[earlier]][discrete[later]] = v;
                mi[discrete[later]][discrete[earlier]] = v;
                ContingencyTable tab = laterByRows.table();
                double ch = laterByRows.isConstant() ? 0.0 // as the local MiPair.chanceNats of a constant pair
                        : TargetShare.plugInChance(tab.colCounts(), tab.rowCounts()); // the earlier column first, as locally
                // the local matrix's rule (MiPair.gTestPValue) on its table, the earlier column by rows, same seed
                CountedPair.Independence ind = laterByRows.isConstant() ? CountedPair.Independence.constant()
                        : (long) tab.rows() * tab.cols() > SparseContingencyTable.DENSE_LIMIT
                        ? new CountedPair.Independence(Double.NaN, dev.surprisal.selection.MissingLeak.Test.PERMUTATION)
                        : CountedPair.independenceP(earlierByRows(tab), v, seed, a + '\0' + b);
                double p = ind.pValue();
                pm[discrete[earlier]][discrete[later]] = ind.method();
                pm[discrete[later]][discrete[earlier]] = ind.method();
                chance[discrete[earlier]][discrete[later]] = ch;
                chance[discrete[later]][discrete[earlier]] = ch;
                pv[discrete[earlier]][discrete[later]] = p;
                pv[discrete[later]][discrete[earlier]] = p;
                if (progress != null) {
                    progress.accept(1);
                }
            }
        }
        List<MatrixResult.Column> columns = new ArrayList<>();
        if (discrete.length < c) {
            // the pairs with a continuous column: on the gathered columns (every row, or the seeded sample)
            MiTable rows = MiTable.of(SparkMi.gather(g, SparkMi.wanted(g, scored), sampled ? sample : 0, seed),
                    ColumnRoles.frozen(scored, List.of()), seed, file, copies);
            MatrixResult m = rows.matrix(k, progress, allRows ? (x, y) -> true
                    : (x, y) -> !(x.isDiscrete() && y.isDiscrete()));
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    if (!(fromCounts[i] && fromCounts[j])) {
                        mi[i][j] = m.nats()[i][j];
                        chance[i][j] = m.chance()[i][j];
                        pv[i][j] = m.pValues()[i][j];
                        pm[i][j] = m.pMethod(i, j);
                    }
                }
                MatrixResult.Column col = m.columns().get(i);
                columns.add(!fromCounts[i] ? col : new MatrixResult.Column(col.name(), col.kind(), constant[i]));
            }
            for (MatrixResult.PairNote n : m.notes()) {
                byPair.computeIfAbsent(n.first() + '\0' + n.second(), key -> new ArrayList<>()).add(n);
            }
            if (sampled) {
                notes.add(SparkMi.sampleNote(sample, g.rows(), seed, "the pairs with a continuous column"));
            }
        } else {
            for (int i = 0; i < c; i++) {
                columns.add(new MatrixResult.Column(scored.get(i).column(), "discrete", constant[i]));
            }
        }
        List<MatrixResult.PairNote> pairNotes = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            mi[i][i] = Double.NaN;
            for (int j = i + 1; j < c; j++) { // in the local matrix's order: by pair, i < j
                pairNotes.addAll(byPair.getOrDefault(scored.get(i).column() + '\0' + scored.get(j).column(), List.of()));
            }
        }
        return new ProfileEngine.Matrix(SparkMi.withVariants(s.ofRoles(g, notes, file).withCopies(copies), g),
                new MatrixResult(columns, mi, pairNotes, chance, pv, pm));
    }

    /**
     * The plug-in MI of a counted pair as {@link dev.surprisal.selection.MiPair} computes it from the rows: 0 when
     * a column is constant, else the MI of the table with the earlier column by rows (the summation order of the
     * local matrix, which counts I(column i; column j) for i &lt; j). Above
     * {@link SparseContingencyTable#DENSE_LIMIT} cells the local engine sums a sparse table instead: the same
     * value to rounding.
     */
    private static double plugIn(CountedPair laterByRows) {
        if (laterByRows.isConstant()) {
            return 0.0;
        }
        return MutualInformation.of(earlierByRows(laterByRows.table()), Base.NATS);
    }

    /** The transposed table: the earlier column by rows, as the local matrix counts a pair. */
    private static ContingencyTable earlierByRows(ContingencyTable t) {
        long[][] earlierByRows = new long[t.cols()][t.rows()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                earlierByRows[j][i] = t.get(i, j);
            }
        }
        return ContingencyTable.of(earlierByRows);
    }

    /**
     * The discrete pairs {later, earlier} (positions in {@code at}, later by rows as {@link #plugIn} takes them),
     * grouped into as few scans as keep each scan's bound at most {@code cap} cells ({@link SparkMi#PAIR_CELLS}):
     * a pair's bound is the product of its columns' distinct-label counts, at most the rows. One scan, without
     * pairs, when there are none (the cells' notes are still counted).
     */
    static List<int[][]> scans(int[] at, SparkMi.Gathered g, long cap) {
        List<int[][]> scans = new ArrayList<>();
        List<int[]> scan = new ArrayList<>();
        long cells = 0;
        for (int later = 1; later < at.length; later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                long la = Math.max(1, g.labels()[at[later]]);
                long lb = Math.max(1, g.labels()[at[earlier]]);
                long bound = Math.min(g.rows(), la > Long.MAX_VALUE / lb ? Long.MAX_VALUE : la * lb);
                if (!scan.isEmpty() && cells + bound > cap) {
                    scans.add(scan.toArray(int[][]::new));
                    scan.clear();
                    cells = 0;
                }
                scan.add(new int[] {later, earlier});
                cells += bound;
            }
        }
        scans.add(scan.toArray(int[][]::new));
        return scans;
    }

    private static int index(SparkMi.Gathered g, String column) {
        return g.cells().names().indexOf(column);
    }
}
