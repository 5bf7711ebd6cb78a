// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.data.mi.ColumnCells;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.data.mi.DuplicateRecords;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.mi.TwoLabelRule;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.LabelVariants;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MissingLeak;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutual information and column entropy of a Spark {@link Dataset}, identical to the local engine's
 * ({@link MiTable#read}, {@link MiTable#ranking}, {@link ColumnEntropy#of}): Spark does the reading,
 * the role statistics and the counting; the driver then runs {@code surprisal-data}'s own code on
 * what was gathered, so nothing past "gather the columns' data" exists twice.
 * <ul>
 *   <li>Roles: the same Spark role statistics as {@link SparkProfiler} (exact counts, exact distinct
 *       counts), decided by {@link ColumnRoles#of}.</li>
 *   <li>Mutual information: the scored columns (not the id-like, timestamp, date or constant ones) are
 *       gathered to the driver in row order (partition by partition), each cell read by the local rules
 *       ({@link SparkCells}, {@link Cells}), and {@link MiTable#of} prepares them as it prepares a file's
 *       cells: the same values, the same seeded tie-breaking noise (keyed by the column's values), the
 *       same notes. Duplicated records are decided over every column read, the ones not gathered included
 *       ({@code SparkCopies}), as the local engine decides them, and left out of every pair. Every estimator
 *       then sees every (distinct) row, as locally: the KSG/Ross estimates, the seeded
 *       test subsample (at most {@link MiOptions#testRows()} rows) and the bootstrap are those of the local
 *       engine. The driver holds 8 bytes per row and scored numeric column (text columns: one reference
 *       per row), as the local engine holds them.</li>
 *   <li>Entropy of a discrete column: its value counts, one scan, merged on the driver (memory:
 *       distinct values); of a continuous column: that one column gathered, then the local estimator.</li>
 * </ul>
 *
 * <pre>{@code
 * Dataset<Row> orders = spark.read().parquet("s3://lake/orders/2024-05-03");
 * RankingResult r = SparkMi.ranking(orders, "churned", RoleOverrides.none(), MiOptions.defaults());
 * ColumnEntropy.Result h = SparkMi.entropy(orders, "country", RoleOverrides.none(), null, null, Base.BITS);
 * }</pre>
 */
public final class SparkMi {
    private SparkMi() {
    }

    /**
     * Prepares a Dataset for mutual information, as {@link MiTable#read} prepares a file.
     *
     * @param data      the rows
     * @param overrides the user's role options ({@code --role}, {@code --columns}, {@code --exclude})
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @param file      the source, for messages (may be null)
     * @return the table, equal to the local engine's on the same rows; with {@link #SAMPLE_ROWS} N &gt; 0 and
     *         more than N rows, the local engine's table of the N sampled rows (what {@link MiTable#select}
     *         then runs on), its notes counting the cells left out on every row and stating the sample
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static MiTable table(Dataset<Row> data, RoleOverrides overrides, long seed, Path file) {
        return table(data, overrides, seed, file, false);
    }

    /**
     * {@link #table(Dataset, RoleOverrides, long, Path)}, choosing whether text labels that differ only by
     * surrounding spaces or letter case count as one, as {@link MiTable#read(dev.surprisal.data.TableReader,
     * RoleOverrides, long, boolean, boolean)} chooses ({@link LabelVariants}): either way the notes name the measured
     * columns' variants first, as locally.
     *
     * @param data            the rows
     * @param overrides       the user's role options
     * @param seed            seed of the continuous columns' tie-breaking noise
     * @param file            the source, for messages (may be null)
     * @param normalizeLabels true to count each group of variants as its most frequent spelling (folded on the
     *                        executors before the roles are detected)
     * @return the table, equal to the local engine's on the same rows (see {@link #table(Dataset, RoleOverrides,
     *         long, Path)} for a row sample)
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static MiTable table(Dataset<Row> data, RoleOverrides overrides, long seed, Path file,
                                boolean normalizeLabels) {
        Gathered g = roles(data, overrides, file, Variants.of(normalizeLabels));
        Scored s = scored(g);
        boolean[] wanted = wanted(g, s.scored());
        int sample = sampleRows(data);
        boolean sampled = sample > 0 && g.rows > sample;
        // copies decided over every column read, as locally, not over the scored columns gathered
        DistinctRows copies = SparkCopies.find(g, sampled ? sample : 0, seed);
        if (!sampled) {
            return withVariants(MiTable.of(gather(g, wanted, 0, seed), g.roles, seed, file, copies), g);
        }
        // the sample's own notes would count its rows and locate cells by their place in the sample
        List<String> notes = new ArrayList<>(joint(g, new int[0], s.scored(), file).notes());
        if (copies != null) {
            notes.add(0, DuplicateRecords.note(copies.repeats(), copies.rows()));
        }
        notes.addAll(0, g.variantNotes());
        notes.add(sampleNote(sample, g.rows, seed, "every column"));
        return MiTable.of(gather(g, wanted, sample, seed), g.roles, seed, file, copies).withNotes(notes);
    }

    /**
     * The mutual information of two columns, {@code surprisal mi --x A --y B}, equal to the local
     * {@link MiTable#pair} on the same rows: two discrete columns from their contingency table merged over
     * the partitions (no rows held), as {@link #ranking} counts a discrete feature; a continuous one with
     * the other gathered to the driver, on the {@link #SAMPLE_ROWS} sample when set.
     *
     * @param data      the rows
     * @param x         the first column
     * @param y         the second column (the ranking's target, for the test and the verdict)
     * @param overrides the user's role options
     * @param options   the MI options (k, permutations, bootstrap, seed)
     * @param file      the source, for messages (may be null)
     * @return the roles and notes of the columns (a sample stated in a note) and the pair, in nats
     * @throws DataException as {@link MiTable#pair}
     * @throws dev.surprisal.core.ValidationException if {@code x} and {@code y} are the same column
     */
    public static ProfileEngine.Pair pair(Dataset<Row> data, String x, String y, RoleOverrides overrides,
                                          MiOptions options, Path file) {
        return pair(data, x, y, overrides, options, file, false);
    }

    /**
     * {@link #pair(Dataset, String, String, RoleOverrides, MiOptions, Path)}, choosing whether label variants count
     * as one ({@link #table(Dataset, RoleOverrides, long, Path, boolean)}).
     *
     * @param data            the rows
     * @param x               the first column
     * @param y               the second column
     * @param overrides       the user's role options
     * @param options         the MI options
     * @param file            the source, for messages (may be null)
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the roles and notes of the columns and the pair, in nats
     * @throws DataException as {@link MiTable#pair}
     * @throws dev.surprisal.core.ValidationException if {@code x} and {@code y} are the same column
     */
    public static ProfileEngine.Pair pair(Dataset<Row> data, String x, String y, RoleOverrides overrides,
                                          MiOptions options, Path file, boolean normalizeLabels) {
        return SparkPairs.pair(data, x, y, overrides, options, file, Variants.of(normalizeLabels));
    }

    /**
     * The mutual information of every pair of scored columns, {@code surprisal mi --matrix}, equal to the
     * local {@link MiTable#matrix} on the same rows: the pairs of two discrete columns from their
     * contingency tables merged over the partitions (every discrete pair in one scan, split only past
     * {@link #PAIR_CELLS}; no rows held), the
     * pairs with a continuous column on the scored columns gathered to the driver, on the
     * {@link #SAMPLE_ROWS} sample when set.
     *
     * @param data      the rows
     * @param overrides the user's role options
     * @param k         neighbours of the kNN estimators, at least 1
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @param file      the source, for messages (may be null)
     * @param start     called with the number of scored columns before any pair is estimated; returns what
     *                  receives 1 per pair (may be null, and may return null)
     * @return the roles and notes of the columns (a sample stated in a note) and the matrix, in nats
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static ProfileEngine.Matrix matrix(Dataset<Row> data, RoleOverrides overrides, int k, long seed, Path file,
                                              java.util.function.IntFunction<java.util.function.IntConsumer> start) {
        return matrix(data, overrides, k, seed, file, start, false);
    }

    /**
     * {@link #matrix(Dataset, RoleOverrides, int, long, Path, java.util.function.IntFunction)}, choosing whether
     * label variants count as one ({@link #table(Dataset, RoleOverrides, long, Path, boolean)}).
     *
     * @param data            the rows
     * @param overrides       the user's role options
     * @param k               neighbours of the kNN estimators, at least 1
     * @param seed            seed of the continuous columns' tie-breaking noise
     * @param file            the source, for messages (may be null)
     * @param start           called with the number of scored columns; returns what receives 1 per pair (may be null)
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the roles and notes of the columns and the matrix, in nats
     * @throws DataException when the Dataset has no rows or an option names a column it lacks
     */
    public static ProfileEngine.Matrix matrix(Dataset<Row> data, RoleOverrides overrides, int k, long seed, Path file,
                                              java.util.function.IntFunction<java.util.function.IntConsumer> start,
                                              boolean normalizeLabels) {
        return SparkPairs.matrix(data, overrides, k, seed, file, start, Variants.of(normalizeLabels));
    }

    /**
     * What {@code surprisal mi --target} shows ({@link MiTable#ranking}), on a Dataset.
     *
     * @param data      the rows
     * @param target    the target column
     * @param overrides the user's role options
     * @param options   the MI options (k, permutations, bootstrap, seed, α)
     * @return the ranking, equal to the local engine's on the same rows
     * @throws DataException when the Dataset has no rows, an option names a column it lacks, or the
     *                       target is not a scored column
     */
    public static RankingResult ranking(Dataset<Row> data, String target, RoleOverrides overrides, MiOptions options) {
        return ranking(data, target, overrides, options, false);
    }

    /**
     * {@link #ranking(Dataset, String, RoleOverrides, MiOptions)}, choosing whether label variants count as one
     * ({@link #table(Dataset, RoleOverrides, long, Path, boolean)}).
     *
     * @param data            the rows
     * @param target          the target column
     * @param overrides       the user's role options
     * @param options         the MI options
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the ranking, equal to the local engine's on the same rows
     * @throws DataException as {@link #ranking(Dataset, String, RoleOverrides, MiOptions)}
     */
    public static RankingResult ranking(Dataset<Row> data, String target, RoleOverrides overrides, MiOptions options,
                                        boolean normalizeLabels) {
        return ranked(data, target, overrides, options, null, normalizeLabels).result();
    }

    /**
     * The Spark setting of the row sample of {@link #ranking}: {@value}. Unset or 0, the pairs that need
     * rows use every row; N &gt; 0, a table of more than N rows gives those pairs (the continuous ones,
     * a continuous target's) the N rows with the smallest {@link RowSample#key} of their 1-based position
     * and the MI seed, taken on the executors (the same rows whatever the partitioning), and the ranking
     * says so in a note. Set it as any Spark setting: {@code spark-submit --conf}, or
     * {@code -Dspark.surprisal.mi.sampleRows=N} in {@code SURPRISAL_JAVA_OPTS}.
     */
    public static final String SAMPLE_ROWS = "spark.surprisal.mi.sampleRows";

    /**
     * The Spark setting of the memory of {@link #matrix}'s counting scan: {@value}, the most contingency-table
     * cells one task holds, {@value #PAIR_CELLS_DEFAULT} by default (a hashed cell costs at most 34 bytes: about
     * 140 MB). Every pair of discrete columns is counted in one scan when the pairs' bounds add up to at most
     * this; a pair's bound is the product of its columns' distinct-value counts, at most the table's rows.
     * Past it the pairs are split over as few scans as fit (a pair above it alone gets a scan of its own):
     * the same values, more passes over the data.
     */
    public static final String PAIR_CELLS = "spark.surprisal.mi.pairCells";

    /** The default of {@link #PAIR_CELLS}: 2²² cells. */
    public static final long PAIR_CELLS_DEFAULT = 1L << 22;

    /** The {@link #SAMPLE_ROWS} setting of the Dataset's session, 0 when unset. */
    static int sampleRows(Dataset<Row> data) {
        return (int) setting(data, SAMPLE_ROWS, 0, Integer.MAX_VALUE, "a whole number of rows, at least 0 (0: every row)");
    }

    /** The {@link #PAIR_CELLS} setting of the Dataset's session, {@link #PAIR_CELLS_DEFAULT} when unset. */
    static long pairCells(Dataset<Row> data) {
        return setting(data, PAIR_CELLS, PAIR_CELLS_DEFAULT, Long.MAX_VALUE, "a whole number of cells, at least 1");
    }

    /** A whole-number setting of the Dataset's session in [min(1, fallback), max], or the error naming it and {@code what}. */
    private static long setting(Dataset<Row> data, String name, long fallback, long max, String what) {
        String v = data.sparkSession().conf().get(name, Long.toString(fallback)).trim();
        try {
            long n = Long.parseLong(v);
            if (n >= Math.min(1, fallback) && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DataException(null, -1, null, name + "=" + v + ": must be " + what, null);
    }

    /** The note that states a ranking's row sample. */
    static String sampleNote(int taken, long rows, long seed, String which) {
        return which + " on a seeded row sample of " + taken + " of " + rows + " rows (the rows with the smallest"
                + " RowSample key of their position, seed " + seed + ", taken on the executors; " + SAMPLE_ROWS + ")";
    }

    /**
     * {@link #ranking} with the columns' roles, for the CLI ({@link ProfileEngine#ranking}). A discrete
     * target is ranked without holding the table: one Spark job counts, per partition, the joint counts of
     * every discrete feature with the target ({@link PartitionJobs.Joint}); the driver merges them in
     * partition order and scores each pair from its table ({@link TargetRanking#score(CountedPair, MiOptions,
     * int)}). Only the continuous features, and the discrete ones whose table the local engine would not
     * treat as a table (a bootstrap interval on at most {@link MiOptions#bootstrapRows()} rows, more cells
     * than rows, labels beyond the dense limit), are gathered with the target, as {@link #table} gathers them.
     * A continuous target gathers the scored columns ({@link #table}).
     *
     * @param data      the rows
     * @param target    the target column
     * @param overrides the user's role options
     * @param options   the MI options
     * @param file      the source, for messages (may be null)
     * @return the roles and the ranking, equal to the local engine's on the same rows
     * @throws DataException as {@link #ranking}
     */
    static ProfileEngine.Ranking ranked(Dataset<Row> data, String target, RoleOverrides overrides, MiOptions options,
                                        Path file) {
        return ranked(data, target, overrides, options, file, false);
    }

    /** {@link #ranked(Dataset, String, RoleOverrides, MiOptions, Path)}, label variants folded when asked. */
    static ProfileEngine.Ranking ranked(Dataset<Row> data, String target, RoleOverrides overrides, MiOptions options,
                                        Path file, boolean normalizeLabels) {
        Gathered g = roles(data, overrides, file, Variants.of(normalizeLabels));
        Scored s = scored(g);
        List<RoleDecision> scored = s.scored();
        List<RoleDecision> leftOut = s.leftOut();
        RoleDecision td = s.decision(target, "--target", g, file);
        int sample = sampleRows(data);
        boolean sampled = sample > 0 && g.rows > sample;
        DistinctRows copies = SparkCopies.find(g, sampled ? sample : 0, options.seed());
        // a continuous target needs rows; copies (decided over every column read) are left out of every pair, so
        // the tables are counted on the gathered distinct rows, as locally, not merged from every row's counts
        // a column with gaps is also tested as "has a value" against the target locally (MissingLeak), which the
        // counted tables cannot give: such a ranking runs on the gathered rows, as the local engine's
        if (td.role() == ColumnRole.CONTINUOUS || copies != null || textGaps(g, scored)) {
            boolean[] all = new boolean[g.cells.size()];
            for (RoleDecision d : scored) {
                all[g.cells.names().indexOf(d.column())] = true;
            }
            MiTable t = withVariants(MiTable.of(gather(g, all, sampled ? sample : 0, options.seed()), g.roles,
                    options.seed(), file, copies), g);
            RankingResult r = t.ranking(target, options, null);
            if (sampled) {
                List<String> notes = new ArrayList<>(r.notes());
                notes.add(sampleNote(sample, g.rows, options.seed(), "every pair"));
                r = new RankingResult(r.target(), r.targetKind(), r.targetRole(), r.rows(), r.options(), r.features(), notes);
            }
            return new ProfileEngine.Ranking(t, r);
        }
        if (g.rows > Integer.MAX_VALUE - 8) {
            throw new DataException(file, -1, null, g.rows + " rows: mutual information counts at most "
                    + (Integer.MAX_VALUE - 8) + " rows; select fewer rows", null);
        }
        int rows = (int) g.rows;
        List<RoleDecision> features = scored.stream().filter(d -> d != td).toList();
        List<RoleDecision> labelled = new ArrayList<>();
        labelled.add(td);
        features.stream().filter(d -> d.role() != ColumnRole.CONTINUOUS).forEach(labelled::add);
        int[] columns = labelled.stream().mapToInt(d -> g.cells.names().indexOf(d.column())).toArray();
        // the columns whose empty cells are tested against the target, as MiTable.missingness takes them: the scored
        // ones (text columns with gaps ran on the gathered rows above), then those left out by their role
        List<RoleDecision> gapColumns = new ArrayList<>(features);
        leftOut.stream().filter(d -> d.role() != ColumnRole.CONSTANT).forEach(gapColumns::add);
        Counted c = joint(g, columns, PartitionJobs.Joint.againstFirst(columns.length), scored, gapColumns, file);
        List<PartitionJobs.JointPart> parts = c.parts();
        List<String> notes = new ArrayList<>(g.variantNotes()); // first, as MiTable.read gives them
        notes.addAll(c.notes());
        Labels[] labels = c.labels(g, labelled);
        TargetRanking.requireVarying(target, labels[0].distinct() < 2);
        // the discrete features' tables; those the local engine would not treat as a table are gathered
        Map<String, CountedPair> counted = new HashMap<>();
        boolean[] wanted = new boolean[g.cells.size()];
        for (int k = 1; k < columns.length; k++) {
            CountedPair pair = labels[k].pair(labelled.get(k).column(), labels[0], parts, k - 1);
            if (asTable(pair, labels[k], options)) {
                counted.put(pair.feature(), pair);
            } else {
                wanted[columns[k]] = true;
            }
        }
        List<RoleDecision> gathered = new ArrayList<>();
        for (RoleDecision d : features) {
            if (!counted.containsKey(d.column())) {
                wanted[g.cells.names().indexOf(d.column())] = true;
            }
        }
        MiTable rowsOf = null;
        if (counted.size() < features.size()) {
            wanted[columns[0]] = true;
            for (RoleDecision d : scored) {
                if (wanted[g.cells.names().indexOf(d.column())]) {
                    gathered.add(d);
                }
            }
            rowsOf = MiTable.of(gather(g, wanted, sampled ? sample : 0, options.seed()),
                    ColumnRoles.frozen(gathered, List.of()), options.seed(), file, (DistinctRows) null);
        }
        int cap = TargetRanking.permutationCap(options.permutations(), features.size(), options.alpha());
        RankedFeature[] out = new RankedFeature[features.size()];
        MiTable held = rowsOf;
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            String name = features.get(i).column();
            CountedPair pair = counted.get(name);
            out[i] = pair != null ? TargetRanking.score(pair, target, options, cap)
                    : TargetRanking.score(held.variable(name, "--x"), held.variable(target, "--target"), options, cap);
        });
        RankingResult result = RankingResult.of(rows, target, true, "discrete", g.shown(td), MiTable.leftOutNotes(leftOut, MiTable.bringBack(g.roles, leftOut)), notes,
                options, TargetRanking.order(out, options));
        List<String> withLeaks = new ArrayList<>(leaks(gapColumns, parts, labels[0], rows, target, options));
        withLeaks.addAll(result.notes()); // first, as the local ranking gives them
        result = new RankingResult(result.target(), result.targetKind(), result.targetRole(), result.rows(),
                result.options(), result.features(), withLeaks);
        if (sampled && rowsOf != null) {
            result = onSample(result, counted.keySet(), sample);
        }
        return new ProfileEngine.Ranking(s.ofRoles(g, notes, file), result);
    }

    /**
     * The notes of {@link MissingLeak} on the counted empty cells of {@code gapColumns} against the target: the columns
     * with some but not all cells empty, each as its counts per target label, the same notes
     * {@link MiTable#missingness} gives on the rows.
     */
    private static List<String> leaks(List<RoleDecision> gapColumns, List<PartitionJobs.JointPart> parts,
                                      Labels target, int rows, String targetName, MiOptions options) {
        List<MissingLeak.Counted> counted = new ArrayList<>();
        Map<String, String> why = new HashMap<>();
        for (int gi = 0; gi < gapColumns.size(); gi++) {
            long all = 0;
            long[] empty = new long[target.count];
            long[] filled = new long[target.count];
            for (int p = 0; p < parts.size(); p++) {
                PartitionJobs.JointPart part = parts.get(p);
                all += part.gapsAll[gi];
                for (int code = 0; code < target.finalOf[p].length; code++) {
                    int label = target.finalOf[p][code];
                    if (label >= 0 && code < part.firstRows.length) {
                        long gaps = part.gapsByFirst[gi][code];
                        empty[label] += gaps;
                        filled[label] += part.firstRows[code] - gaps;
                    }
                }
            }
            if (all == 0 || all == rows) {
                continue; // no gaps, or no value: nothing to test (as MiTable.missingness)
            }
            RoleDecision d = gapColumns.get(gi);
            counted.add(new MissingLeak.Counted(d.column(), empty, filled));
            if (!d.role().isScored()) {
                why.put(d.column(), MiTable.leftOutWhy(d));
            }
        }
        List<String> out = new ArrayList<>();
        MissingLeak.find(counted, why, targetName, target.values, options).forEach(f -> out.add(f.sentence()));
        return out;
    }

    /**
     * The notes of a ranking whose gathered pairs ran on a sample of {@code sample} rows: their rows left out
     * are counted against the sample, and a note states the sample.
     */
    private static RankingResult onSample(RankingResult r, java.util.Set<String> counted, int sample) {
        List<String> notes = new ArrayList<>();
        List<String> onSample = new ArrayList<>();
        for (RankedFeature f : r.features()) {
            if (!counted.contains(f.feature()) && f.skipped() == null) {
                onSample.add(f.feature());
            }
        }
        for (String n : r.notes()) {
            String replaced = n;
            for (RankedFeature f : r.features()) {
                String full = f.feature() + ": " + (r.rows() - f.n()) + " of " + r.rows() + " rows left out (";
                if (onSample.contains(f.feature()) && n.startsWith(full)) {
                    replaced = f.feature() + ": " + (sample - f.n()) + " of the " + sample + " sampled rows left out ("
                            + n.substring(full.length());
                }
            }
            notes.add(replaced);
        }
        notes.add(sampleNote(sample, r.rows(), r.options().seed(), String.join(", ", onSample)
                + " (the pairs that need rows: KSG/Ross) and the target's rows for them"));
        return new RankingResult(r.target(), r.targetKind(), r.targetRole(), r.rows(), r.options(), r.features(), notes);
    }

    /** The scored columns of a Dataset and those left out by their role, in the Dataset's order. */
    record Scored(List<RoleDecision> scored, List<RoleDecision> leftOut) {
        /** The scored column {@code name}, or the local engine's error naming {@code option}. */
        RoleDecision decision(String name, String option, Gathered g, Path file) {
            return scored.stream().filter(d -> d.column().equals(name)).findFirst().orElseThrow(() -> MiTable.notScored(
                    name, option, scored.stream().map(RoleDecision::column).toList(), leftOut,
                    MiTable.bringBack(g.roles, leftOut), file));
        }

        /** The table of roles the ranking, the pair and the matrix are shown with ({@link MiTable#ofRoles}). */
        MiTable ofRoles(Gathered g, List<String> notes, Path file) {
            // a text column of two labels shown as binary, as the local table decides it (TwoLabels)
            return MiTable.ofRoles((int) g.rows, scored.stream().map(g::shown).toList(), leftOut, notes,
                    MiTable.bringBack(g.roles, leftOut), file);
        }
    }

    static Scored scored(Gathered g) {
        List<RoleDecision> scored = new ArrayList<>();
        List<RoleDecision> leftOut = new ArrayList<>();
        for (String name : g.cells.names()) {
            if (g.roles.columns().contains(name)) {
                RoleDecision d = g.roles.decision(name);
                (d.role().isScored() ? scored : leftOut).add(d);
            }
        }
        return new Scored(scored, leftOut);
    }

    /** The cells' flags of {@code columns}. */
    static boolean[] wanted(Gathered g, List<RoleDecision> columns) {
        boolean[] wanted = new boolean[g.cells.size()];
        for (RoleDecision d : columns) {
            wanted[g.cells.names().indexOf(d.column())] = true;
        }
        return wanted;
    }

    /** One counting job's partitions, in partition order, and the notes about the cells left out. */
    record Counted(List<PartitionJobs.JointPart> parts, List<String> notes, int[] columns) {
        /** The labels of each counted column; {@code labelled} are their roles, in the order of {@link #columns}. */
        Labels[] labels(Gathered g, List<RoleDecision> labelled) {
            Labels[] labels = new Labels[columns.length];
            for (int k = 0; k < columns.length; k++) {
                String name = labelled.get(k).column();
                labels[k] = Labels.of(parts, k, g.cells.numeric(columns[k]), g.shown(labelled.get(k)).role(),
                        g.cells.convention(columns[k]), g.two.get(name));
            }
            return labels;
        }
    }

    /**
     * One scan ({@link PartitionJobs.Joint}): the joint counts of each of {@code columns} after the first with
     * the first (table k − 1 is column k's), and the notes of {@link MiTable#of} about the numeric-role cells
     * of {@code noted} left out (an empty {@code noted}: no notes).
     */
    static Counted joint(Gathered g, int[] columns, List<RoleDecision> noted, Path file) {
        return joint(g, columns, PartitionJobs.Joint.againstFirst(columns.length), noted, file);
    }

    /** {@link #joint(Gathered, int[], List, Path)} counting the tables of {@code pairs} (positions in {@code columns}). */
    static Counted joint(Gathered g, int[] columns, int[][] pairs, List<RoleDecision> noted, Path file) {
        return joint(g, columns, pairs, noted, List.of(), file);
    }

    /**
     * {@link #joint(Gathered, int[], int[][], List, Path)} that also counts the empty cells of each of {@code gaps}
     * against the first column's labels (a numeric role: a cell that is not a finite number is empty, as locally).
     */
    static Counted joint(Gathered g, int[] columns, int[][] pairs, List<RoleDecision> noted, List<RoleDecision> gaps,
                         Path file) {
        List<RoleDecision> numericRole = noted.stream().filter(d -> d.role() != ColumnRole.CATEGORICAL).toList();
        int[] at = numericRole.stream().mapToInt(d -> g.cells.names().indexOf(d.column())).toArray();
        int[] gapAt = gaps.stream().mapToInt(d -> g.cells.names().indexOf(d.column())).toArray();
        boolean[] gapNumbers = new boolean[gaps.size()];
        for (int i = 0; i < gapNumbers.length; i++) {
            gapNumbers[i] = gaps.get(i).role().isScored() && gaps.get(i).role() != ColumnRole.CATEGORICAL;
        }
        List<PartitionJobs.JointPart> parts = new ArrayList<>(g.data.javaRDD().mapPartitionsWithIndex(
                new PartitionJobs.Joint(g.cells, columns, pairs, at, gapAt, gapNumbers), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        long[] offsets = new long[parts.size()];
        for (int p = 1; p < parts.size(); p++) {
            offsets[p] = offsets[p - 1] + parts.get(p - 1).rows;
        }
        return new Counted(parts, cellNotes(numericRole, parts, offsets, file), columns);
    }

    /**
     * The columns the last call of this class gathered to the driver, in the Dataset's order (for tests: the
     * discrete pairs are counted). Every entry point clears it ({@link #roles}); {@link #gather} sets it.
     */
    static volatile List<String> lastGathered = List.of();

    /**
     * Whether the local engine treats this pair as its table (so the counts give the same numbers): no bootstrap
     * interval on its rows (one on at most {@link MiOptions#bootstrapRows()} rows, which the rows give exactly,
     * costs little to gather; a forced one resamples the table's cells), at most n cells (else the local
     * null shuffles rows) and label ranges within {@link SparseContingencyTable#DENSE_LIMIT}.
     */
    static boolean asTable(CountedPair pair, Labels feature, MiOptions o) {
        int n = pair.n();
        if (pair.isConstant()) {
            return true;
        }
        if (o.bootstrap() > 0 && !o.bootstrapForced() && n <= o.bootstrapRows()) {
            return false;
        }
        if ((long) pair.table().rows() * pair.table().cols() > n) {
            return false;
        }
        return Math.min(feature.range(true), n) * Math.min(feature.range(false), n)
                <= SparseContingencyTable.DENSE_LIMIT;
    }

    /** The notes of {@link MiTable#of} about numeric-role cells left out, in file order, from the partitions' counts. */
    private static List<String> cellNotes(List<RoleDecision> numericRole, List<PartitionJobs.JointPart> parts,
                                          long[] offsets, Path file) {
        List<String> notes = new ArrayList<>();
        for (int m = 0; m < numericRole.size(); m++) {
            long bad = 0;
            String first = null;
            boolean infinite = false;
            for (int p = 0; p < parts.size(); p++) {
                PartitionJobs.JointPart part = parts.get(p);
                if (part.bad[m] > 0 && first == null) {
                    first = MiTable.located(offsets[p] + part.firstBad[m], part.firstBadText[m], file);
                    infinite = Double.isInfinite(Cells.number(part.firstBadText[m]));
                }
                bad += part.bad[m];
            }
            if (bad > 0) {
                String column = numericRole.get(m).column();
                // one count per column here: a column with both kinds is noted by the kind of its first cell
                notes.add(infinite ? MiTable.infiniteCellsNote(column, bad, first) : MiTable.invalidCellsNote(column, bad, first));
            }
        }
        return notes;
    }

    /**
     * The labels of one column over all partitions, numbered as {@link dev.surprisal.selection.MiVariable} numbers
     * them: numbers by increasing value (a text cell read as a number; one that is not a finite number is
     * left out), the text labels of a categorical column that is not all numbers, or has a code a number would
     * change ({@link Cells#code}), by first appearance.
     */
    static final class Labels {
        final int[][] finalOf; // per partition: local code → final label (−1: left out)
        final double[] values; // the value of each final label, or null for text labels
        final int count;

        private Labels(int[][] finalOf, double[] values, int count) {
            this.finalOf = finalOf;
            this.values = values;
            this.count = count;
        }

        static Labels of(List<PartitionJobs.JointPart> parts, int k, boolean typed, ColumnRole role,
                         dev.surprisal.data.roles.NumberConvention convention, String[] two) {
            Map<Object, Integer> global = new java.util.LinkedHashMap<>();
            int[][] globalOf = new int[parts.size()][];
            for (int p = 0; p < parts.size(); p++) {
                Object[] local = parts.get(p).labels[k];
                globalOf[p] = new int[local.length];
                for (int i = 0; i < local.length; i++) {
                    Integer got = global.get(local[i]);
                    if (got == null) {
                        got = global.size();
                        global.put(local[i], got);
                    }
                    globalOf[p][i] = got;
                }
            }
            Object[] keys = global.keySet().toArray();
            double[] value = new double[keys.length];
            boolean allNumbers = true;
            for (int i = 0; i < keys.length; i++) {
                // two labels are coded 0/1 by the library's rule, as the local table codes them (TwoLabels)
                value[i] = two != null ? TwoLabelRule.code((String) keys[i], two)
                        : typed ? (Double) keys[i] : Cells.number((String) keys[i], convention);
                // a code a number would change (02134, an ID beyond 2^53) makes the column text, as locally
                allNumbers &= Double.isFinite(value[i])
                        && (typed || two != null || Cells.code((String) keys[i]) == Cells.Comma.NONE);
            }
            int[] finalOfGlobal = new int[keys.length];
            double[] values = null;
            int count;
            if (role == ColumnRole.CATEGORICAL && !allNumbers) {
                for (int i = 0; i < keys.length; i++) {
                    finalOfGlobal[i] = i;
                }
                count = keys.length;
            } else {
                double[] distinct = Arrays.stream(value).filter(Double::isFinite).map(v -> v + 0.0).distinct().sorted().toArray();
                for (int i = 0; i < keys.length; i++) {
                    finalOfGlobal[i] = Double.isFinite(value[i]) ? Arrays.binarySearch(distinct, value[i] + 0.0) : -1;
                }
                values = distinct;
                count = distinct.length;
            }
            int[][] finalOf = new int[parts.size()][];
            for (int p = 0; p < parts.size(); p++) {
                finalOf[p] = new int[globalOf[p].length];
                for (int i = 0; i < finalOf[p].length; i++) {
                    finalOf[p][i] = finalOfGlobal[globalOf[p][i]];
                }
            }
            return new Labels(finalOf, values, count);
        }

        int distinct() {
            return count;
        }

        /** This feature's table with {@code target} (table k of the parts' counts), rows and columns by final label. */
        CountedPair pair(String name, Labels target, List<PartitionJobs.JointPart> parts, int k) {
            long[][] t = new long[count][target.count];
            for (int p = 0; p < parts.size(); p++) {
                long[] keys = parts.get(p).pairs[k];
                long[] counts = parts.get(p).pairCounts[k];
                for (int i = 0; i < keys.length; i++) {
                    int a = finalOf[p][(int) (keys[i] >>> 32)];
                    int b = target.finalOf[p][(int) keys[i]];
                    if (a >= 0 && b >= 0) {
                        t[a][b] += counts[i];
                    }
                }
            }
            this.lastCounts = t;
            return CountedPair.of(name, t, values, target.values);
        }

        private long[][] lastCounts;

        /** The range of the final labels present in the last {@link #pair}'s rows: this feature's (rowsSide) or the target's. */
        long range(boolean rowsSide) {
            long[][] t = lastCounts;
            int min = Integer.MAX_VALUE;
            int max = -1;
            int outer = rowsSide ? t.length : (t.length == 0 ? 0 : t[0].length);
            for (int a = 0; a < outer; a++) {
                long sum = 0;
                for (int b = 0; b < (rowsSide ? (t.length == 0 ? 0 : t[0].length) : t.length); b++) {
                    sum += rowsSide ? t[a][b] : t[b][a];
                }
                if (sum > 0) {
                    min = Math.min(min, a);
                    max = Math.max(max, a);
                }
            }
            return max < 0 ? 0 : (long) max - min + 1;
        }
    }

    /**
     * The entropy of one column of a Dataset by its role, as {@link ColumnEntropy#of} gives locally.
     *
     * @param data      the rows
     * @param column    the column
     * @param overrides the user's role options
     * @param bins      null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator the estimator of counts (null: plug-in; null for a continuous column without bins)
     * @param base      the unit
     * @param file      the source, for messages (may be null)
     * @return the result by role
     * @throws DataException as the local method
     */
    public static ColumnEntropy.Result entropy(Dataset<Row> data, String column, RoleOverrides overrides, Integer bins,
                                               EntropyEstimator estimator, Base base, Path file) {
        return entropy(data, column, overrides, bins, estimator, base, file, 0, dev.surprisal.inference.Bootstrap.DEFAULT_SEED);
    }

    /**
     * The entropy of one column of a Dataset with its bootstrap interval, as
     * {@link ColumnEntropy#of(dev.surprisal.data.TableReader, String, RoleOverrides, Integer, EntropyEstimator, Base,
     * int, long)} gives locally: the interval resamples the column's counts (a discrete column, or a continuous
     * one's bins) or its values (a continuous column, gathered to the driver for its differential entropy anyway),
     * which this engine gathers as the local one does, so the same seed gives the same numbers.
     *
     * @param data       the rows
     * @param column     the column
     * @param overrides  the user's role options
     * @param bins       null for the differential entropy of a continuous column, else the number of bins (≥ 1)
     * @param estimator  the estimator of counts (null: plug-in; null for a continuous column without bins)
     * @param base       the unit
     * @param file       the source, for messages (may be null)
     * @param replicates 0 for no interval, else the number of resamples (10 to 100,000)
     * @param seed       the resampling seed
     * @return the result by role, with its interval when asked for
     * @throws DataException as the local method
     * @throws dev.surprisal.core.ValidationException as {@link ColumnEntropy#checkSettings}, before any scan
     */
    public static ColumnEntropy.Result entropy(Dataset<Row> data, String column, RoleOverrides overrides, Integer bins,
                                               EntropyEstimator estimator, Base base, Path file, int replicates,
                                               long seed) {
        return entropy(data, column, overrides, bins, estimator, base, file, replicates, seed, false);
    }

    /**
     * {@link #entropy(Dataset, String, RoleOverrides, Integer, EntropyEstimator, Base, Path, int, long)}, choosing
     * whether label variants count as one, by the library's rule ({@link ColumnEntropy#of(ColumnRoles, String,
     * java.util.function.Supplier, java.util.function.Supplier, Integer, EntropyEstimator, Base, Path, int, long,
     * boolean)}) applied to the column's value counts: the same note and, folded, the same counts as locally.
     *
     * @param data            the rows
     * @param column          the column
     * @param overrides       the user's role options
     * @param bins            null for the differential entropy of a continuous column, else the number of bins
     * @param estimator       the estimator of counts (null: plug-in)
     * @param base            the unit
     * @param file            the source, for messages (may be null)
     * @param replicates      0 for no interval, else the number of resamples (10 to 100,000)
     * @param seed            the resampling seed
     * @param normalizeLabels true to count each group of variants as its most frequent spelling
     * @return the result by role, with its interval when asked for
     * @throws DataException as the local method
     * @throws dev.surprisal.core.ValidationException as {@link ColumnEntropy#checkSettings}, before any scan
     */
    public static ColumnEntropy.Result entropy(Dataset<Row> data, String column, RoleOverrides overrides, Integer bins,
                                               EntropyEstimator estimator, Base base, Path file, int replicates,
                                               long seed, boolean normalizeLabels) {
        ColumnEntropy.checkSettings(bins, estimator, replicates);
        RoleOverrides o = overrides.columns() == null ? overrides.withColumns(List.of(column)) : overrides;
        // the roles of the cells as written: the local entropy folds the counts only (ColumnEntropy.of)
        Gathered g = roles(data, o, file, Variants.IGNORED);
        int j = g.cells.names().indexOf(column);
        if (j < 0) {
            throw new DataException(file, -1, column, "--column " + column + ": no such column (columns: "
                    + String.join(", ", data.columns()) + ")", null);
        }
        boolean[] wanted = new boolean[g.cells.size()];
        wanted[j] = true;
        return ColumnEntropy.ofCells(g.roles, column, () -> cells(g, j, file), () -> MiTable.of(gather(g, wanted, 0, 0),
                g.roles, 0L, file, true), bins, estimator, base, file, replicates, seed, normalizeLabels);
    }

    /**
     * The Dataset's columns, their reader, their roles, and per column of {@code cells} an upper bound of its
     * distinct labels (the exact distinct counts of the role statistics; 0 for a column not selected).
     */
    record Gathered(Dataset<Row> data, SparkCells cells, ColumnRoles roles, long rows, long[] labels,
                    Map<String, List<LabelVariants.Group>> variants, boolean folded, Map<String, String[]> two) {
        /**
         * A scored column's decision as the local table shows it: a text column of two labels and no gaps is binary
         * ({@link TwoLabelRule#decision}), any other as detected.
         */
        RoleDecision shown(RoleDecision d) {
            String[] t = two.get(d.column());
            return t == null ? d : TwoLabelRule.decision(d, t);
        }

        /**
         * The notes on the label variants of the measured columns, as {@link MiTable#read(dev.surprisal.data.TableReader,
         * RoleOverrides, long, boolean, boolean)} gives them first: what was folded, or the warning with the fix.
         */
        List<String> variantNotes() {
            List<String> notes = new ArrayList<>();
            for (String c : cells.names()) {
                List<LabelVariants.Group> g = variants.get(c);
                if (g != null && measured(roles, c)) {
                    notes.add(LabelVariants.note(c, g, folded, MiTable.NORMALIZE_LABELS));
                }
            }
            return notes;
        }
    }

    /** What {@link #roles} does with label variants ({@link LabelVariants}). */
    enum Variants {
        /** Not looked for (entropy looks at its one column's counts). */
        IGNORED,
        /** Found in the measured text columns, for the warning notes. */
        NOTED,
        /** Found in every text column and folded before the roles are detected ({@code --normalize-labels}). */
        FOLDED;

        static Variants of(boolean normalizeLabels) {
            return normalizeLabels ? FOLDED : NOTED;
        }
    }

    /**
     * Whether the local table measures a column: a scored role, or a constant one with gaps (measured as filled
     * in or empty, {@link MiTable#of(Table, ColumnRoles, long, Path)}).
     */
    static boolean measured(ColumnRoles roles, String column) {
        if (!roles.columns().contains(column)) {
            return false;
        }
        ColumnRole role = roles.decision(column).role();
        return role.isScored() || role == ColumnRole.CONSTANT && roles.stats(column)
                .map(st -> st.missing() > 0 && st.missing() < st.rows()).orElse(false);
    }

    /** {@link #roles(Dataset, RoleOverrides, Path, Variants)} with the variants noted, as {@code mi} runs. */
    static Gathered roles(Dataset<Row> data, RoleOverrides overrides, Path file) {
        return roles(data, overrides, file, Variants.NOTED);
    }

    /** {@link #table(Dataset, RoleOverrides, long, Path, boolean)}'s notes with the variants' notes first. */
    static MiTable withVariants(MiTable t, Gathered g) {
        List<String> v = g.variantNotes();
        if (v.isEmpty()) {
            return t;
        }
        List<String> notes = new ArrayList<>(v);
        notes.addAll(t.notes());
        return t.withNotes(notes);
    }

    /**
     * Whether a scored categorical column has missing cells: locally its missing cells are a value of their own
     * ({@code MiVariable.missingAsValue}: a column filled in only after the outcome is a leak), which the counted
     * tables here leave out, so such tables are counted on the gathered rows by the local engine instead.
     */
    /** Whether a scored column has missing cells (see {@link #textGaps}). */
    static boolean anyGaps(Gathered g, List<RoleDecision> scored) {
        for (RoleDecision d : scored) {
            if (g.roles.stats(d.column()).map(st -> st.missing() > 0).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    static boolean textGaps(Gathered g, List<RoleDecision> scored) {
        for (RoleDecision d : scored) {
            if (d.role() == ColumnRole.CATEGORICAL
                    && g.roles.stats(d.column()).map(st -> st.missing() > 0).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Dataset's columns, their reader and roles, as the local engine reads a file: with {@code variants}
     * {@link Variants#FOLDED}, every text column's label variants folded first (the local engine folds the cells
     * before it detects roles); with {@link Variants#NOTED}, the variants of the measured text columns found for the
     * notes. Except with {@link Variants#IGNORED}, each scored text column of two labels and no gaps gets its two
     * labels ({@link TwoLabelRule}), so that it is binary, coded 0/1, as locally.
     */
    static Gathered roles(Dataset<Row> data, RoleOverrides overrides, Path file, Variants variants) {
        lastGathered = List.of();
        List<String> available = Arrays.asList(data.columns());
        overrides.validate(available, file);
        Map<String, List<LabelVariants.Group>> found = Map.of();
        if (variants == Variants.FOLDED) {
            // every column, as MiTable.read checks every column of the file's cells, --columns or not
            Dataset<Row> every = SparkProfiler.select(data, available);
            boolean[] all = new boolean[available.size()];
            Arrays.fill(all, true);
            found = SparkLabels.find(every, SparkCells.of(every.schema(), available), all);
            data = SparkLabels.fold(data, found);
        }
        List<String> selected = overrides.selected(available);
        Dataset<Row> sel = SparkProfiler.select(data, selected);
        List<dev.surprisal.data.roles.ColumnStats> stats = SparkProfiler.roleStats(sel, SparkCells.of(sel.schema(), selected));
        if (stats.isEmpty() || stats.get(0).rows() == 0) {
            throw new DataException(file, -1, null, "no rows: the data has columns but no rows", null);
        }
        // reasons worded from the column types, as for a typed file locally (a BOOLEAN's true/false values, …)
        ColumnRoles roles = ColumnRoles.of(stats, available, overrides, file).typed(SparkTypes.schema(sel.schema()));
        // every column, in order, as the local engine reads a file
        Dataset<Row> all = SparkProfiler.select(data, available);
        long[] labels = new long[available.size()];
        for (dev.surprisal.data.roles.ColumnStats st : stats) {
            labels[available.indexOf(st.column())] = Math.max(st.distinctNumbers(), st.distinctTexts());
        }
        // each selected column's numbers in its convention; the others are not read as numbers
        List<dev.surprisal.data.roles.NumberConvention> read = available.stream().map(c -> roles.columns().contains(c)
                ? roles.decision(c).convention() : dev.surprisal.data.roles.NumberConvention.DECIMAL_POINT).toList();
        SparkCells cells = SparkCells.of(all.schema(), available).withConventions(read);
        if (variants == Variants.NOTED) {
            boolean[] measured = new boolean[available.size()];
            for (int j = 0; j < measured.length; j++) {
                measured[j] = measured(roles, available.get(j));
            }
            found = SparkLabels.find(all, cells, measured);
        }
        Map<String, String[]> two = new HashMap<>();
        for (int j = 0; j < available.size() && variants != Variants.IGNORED; j++) {
            String c = available.get(j);
            if (!roles.columns().contains(c) || cells.numeric(j)) {
                continue;
            }
            RoleDecision d = roles.decision(c);
            // TwoLabels' rule needs the labels; the statistics say which columns can have two and no gaps
            boolean candidate = d.role() == ColumnRole.CATEGORICAL && !d.overridden() && roles.stats(c)
                    .map(st -> st.missing() == 0 && st.distinctTexts() <= 2).orElse(false);
            String[] t = candidate ? SparkLabels.two(all, cells, j) : null;
            if (t != null) {
                two.put(c, t);
            }
        }
        return new Gathered(all, cells, roles, stats.get(0).rows(), labels, found, variants == Variants.FOLDED, two);
    }

    /**
     * The wanted columns of every row, in row order, as the local engine's {@code TableReader.readCells}
     * gives them: a numeric column as numbers; a text column whose every cell is missing or a finite
     * number as those numbers; any other text column as its text. A column not wanted is a placeholder
     * of missing values (MI never reads it: it only keeps the table's column positions).
     */
    /**
     * {@link #gather(Gathered, boolean[])}, or with {@code sample} &gt; 0 the {@code sample} rows with the smallest
     * {@link RowSample#key} of their 1-based position and {@code seed}, in row order ({@link PartitionJobs.Sample}
     * keeps each partition's bottom {@code sample} on the executor; the driver keeps the bottom of their union).
     */
    static Table gather(Gathered g, boolean[] wanted, int sample, long seed) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < wanted.length; j++) {
            if (wanted[j]) {
                names.add(g.cells.name(j));
            }
        }
        lastGathered = List.copyOf(names);
        if (sample <= 0 || g.rows <= sample) {
            return gather(g, wanted);
        }
        return sampled(g, wanted, sample, seed);
    }

    /** {@link #gather(Gathered, boolean[], int, long)} on more than {@code sample} rows: the sample's table. */
    static Table sampled(Gathered g, boolean[] wanted, int sample, long seed) {
        long[] offsets = SparkProfiler.offsets(g.data.javaRDD());
        List<PartitionJobs.SamplePart> parts = g.data.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Sample(g.cells, wanted, offsets, sample, seed), true).collect();
        List<long[]> all = new ArrayList<>(); // {key, position, part, index}
        for (int p = 0; p < parts.size(); p++) {
            for (int i = 0; i < parts.get(p).keys.length; i++) {
                all.add(new long[] {parts.get(p).keys[i], parts.get(p).positions[i], p, i});
            }
        }
        all.sort(Comparator.comparingLong(e -> e[0]));
        List<long[]> kept = new ArrayList<>(all.subList(0, Math.min(sample, all.size())));
        kept.sort(Comparator.comparingLong(e -> e[1])); // row order
        int n = kept.size();
        return columns(g, wanted, n, (j, into) -> {
            for (int i = 0; i < n; i++) {
                long[] e = kept.get(i);
                java.lang.reflect.Array.set(into, i, parts.get((int) e[2]).cells[(int) e[3]][j]);
            }
            return into;
        });
    }

    /** Fills {@code into} (a double[] or String[] of n rows) with column j's cells. */
    private interface ColumnFill {
        Object fill(int j, Object into);
    }

    /**
     * The table of n rows MI reads: a wanted numeric column as numbers, a wanted text column as
     * {@link #text} reads it, any other column a shared placeholder of missing values (MI never reads it:
     * it only keeps the table's column positions).
     */
    private static Table columns(Gathered g, boolean[] wanted, int n, ColumnFill cells) {
        List<dev.surprisal.data.Column> cols = new ArrayList<>();
        double[] none = null;
        for (int j = 0; j < wanted.length; j++) {
            String name = g.cells.name(j);
            if (!wanted[j]) {
                if (none == null) {
                    none = new double[n];
                    Arrays.fill(none, Double.NaN);
                }
                cols.add(NumericColumn.of(name, none));
            } else if (g.cells.numeric(j)) {
                cols.add(NumericColumn.of(name, (double[]) cells.fill(j, new double[n])));
            } else {
                cols.add(text(name, (String[]) cells.fill(j, new String[n])));
            }
        }
        return Table.of(cols);
    }

    private static Table gather(Gathered g, boolean[] wanted) {
        List<PartitionJobs.ColumnsPart> parts = new ArrayList<>(g.data.javaRDD()
                .mapPartitionsWithIndex(new PartitionJobs.Columns(g.cells, wanted), true).collect());
        parts.sort(Comparator.comparingInt(p -> p.partition));
        long total = g.rows;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataException(null, -1, null, total + " rows: mutual information holds every row of its columns on"
                    + " the driver, at most " + (Integer.MAX_VALUE - 8) + "; select fewer rows", null);
        }
        return columns(g, wanted, (int) total, (j, into) -> concat(parts, j, into));
    }

    /** Column j of the parts, in partition order, copied into {@code into} (a double[] or String[] of every row). */
    private static <A> A concat(List<PartitionJobs.ColumnsPart> parts, int j, A into) {
        int n = java.lang.reflect.Array.getLength(into);
        if (parts.stream().mapToLong(p -> java.lang.reflect.Array.getLength(p.columns[j])).sum() != n) {
            throw new DataException(null, -1, null, "the data changed between Spark's scans (" + n + " rows counted,"
                    + " then a different number read); read a fixed snapshot or cache the Dataset", null);
        }
        int at = 0;
        for (PartitionJobs.ColumnsPart p : parts) {
            int length = java.lang.reflect.Array.getLength(p.columns[j]);
            System.arraycopy(p.columns[j], 0, into, at, length);
            at += length;
        }
        return into;
    }

    /**
     * A text column as {@code readCells} reads a CSV column: numbers when every cell is missing or a finite number
     * and none is a code ({@link Cells#code}).
     */
    private static dev.surprisal.data.Column text(String name, String[] cells) {
        double[] numbers = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            if (c == null || Cells.isMissing(c)) {
                numbers[i] = Double.NaN;
                continue;
            }
            double x = Cells.number(c);
            // a code a number would change (02134, an ID beyond 2^53) keeps its column text, as the local tokenizer
            // keeps it (RoleRules.codes: 02134 and 2134, or 9007199254740993 and ...992, stay two values)
            if (!Double.isFinite(x) || Cells.code(c) != Cells.Comma.NONE) {
                return CategoricalColumn.of(name, cells);
            }
            numbers[i] = x;
        }
        return NumericColumn.of(name, numbers);
    }

    /**
     * Column j's cells read by the library's one rule ({@link ColumnCells#fold}: missing spellings left out, a numeric
     * role's cells by value, invalid and infinite cells left out in notes that name their first lines), from the raw
     * counts of its distinct cells as the local engine's {@code TableReader.valueCounts} gives them: text as written
     * (missing strings included), a typed number by its value, null cells counted apart. The first rows of the cells
     * a note names are found by one more scan, only when there are such cells, as locally.
     */
    private static ColumnCells.Read cells(Gathered g, int j, Path file) {
        String column = g.cells.name(j);
        boolean numbers = ColumnCells.readsNumbers(g.roles, column);
        List<Map<Object, Long>> parts = g.data.javaRDD()
                .mapPartitions(new PartitionJobs.ValueCounts(g.cells, j, !numbers)).collect();
        Map<Object, Long> all = new HashMap<>();
        for (Map<Object, Long> p : parts) {
            p.forEach((k, v) -> all.merge(k, v, Long::sum));
        }
        Long nulls = all.remove(PartitionJobs.ValueCounts.NULL);
        // the local engine's order (numbers by value, text by text), so the sum in the entropy does not depend on the
        // partitions
        List<Object> keys = new ArrayList<>(all.keySet());
        keys.sort(Comparator.comparing((Object k) -> k instanceof Double ? 0 : 1)
                .thenComparing((a, b) -> a instanceof Double x ? Double.compare(x, (Double) b)
                        : ((String) a).compareTo((String) b)));
        long[] counts = new long[keys.size()];
        List<String> labels = new ArrayList<>(keys.size());
        for (int i = 0; i < counts.length; i++) {
            counts[i] = all.get(keys.get(i));
            labels.add(keys.get(i) instanceof Double x ? typedLabel(x) : (String) keys.get(i));
        }
        ColumnCells.Folded f = ColumnCells.fold(new dev.surprisal.data.ValueCounts(column, labels, Counts.of(counts),
                nulls == null ? 0 : nulls), g.roles.decision(column), numbers);
        List<String> named = f.named();
        Map<String, Long> first = named.isEmpty() ? Map.of() : firstRows(g, j, named);
        dev.surprisal.data.CellLocator at = dev.surprisal.data.CellLocator.of(file, null);
        return f.read(column, file, v -> first.containsKey(v) ? at.where(first.get(v)) : null);
    }

    /**
     * A typed number's text as the local engine labels a typed column's value ({@code TableReader.label}): a whole
     * number below 1e15 without ".0", any other as Java's shortest decimal ({@code NaN}, {@code Infinity} included),
     * so that {@link ColumnCells#fold} reads it back as the same double.
     */
    private static String typedLabel(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** The first row (from 0) of each of {@code cells} in column j (a text column's cells, or typed labels). */
    private static Map<String, Long> firstRows(Gathered g, int j, List<String> cells) {
        long[] offsets = SparkProfiler.offsets(g.data.javaRDD());
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Long> part : g.data.javaRDD().mapPartitionsWithIndex(
                new PartitionJobs.FirstRows(g.cells, j, new java.util.HashSet<>(cells), offsets), true).collect()) {
            part.forEach((k, v) -> out.merge(k, v, Math::min));
        }
        return out;
    }
}
