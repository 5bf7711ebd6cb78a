// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.continuous.DistinctRows;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.Printable;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.CellLocator;
import dev.surprisal.data.Column;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.LabelVariants;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.core.Base;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.selection.CountedPair;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiPair;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.MissingLeak;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;
import dev.surprisal.selection.TargetShare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A table prepared for mutual information: each column gets its role from the shared detector
 * ({@link ColumnRoles}), and its role decides how it is estimated:
 * <ul>
 *   <li>{@code continuous}: a continuous {@link MiVariable} (kNN estimators);</li>
 *   <li>{@code binary}, {@code discrete}: numbers used as labels (plug-in, or Ross against a continuous column);</li>
 *   <li>{@code categorical}: labels;</li>
 *   <li>{@code id-like}, {@code timestamp}, {@code date}, {@code constant}: left out, each with its reason,
 *       since an ID read as labels has a large MI with anything by chance alone (every label seen once)
 *       and a timestamp mostly measures when a row was written. {@code --role COL=ROLE} brings one back.</li>
 * </ul>
 * Missing cells (pandas' missing strings, see {@link Cells}) and invalid cells in a numeric column
 * (text that is not a number) are missing values: each pair uses the rows where both have a value, and
 * the invalid cells are counted in a note.
 *
 * <pre>{@code
 * MiTable t = MiTable.read(Path.of("orders.csv"), RoleOverrides.none(), 42);
 * RankingResult ranking = t.ranking("churned", MiOptions.defaults(), null);     // mi --target
 * PairResult pair = t.pair("days_since_last", "churned", MiOptions.defaults());   // mi --x --y
 * MatrixResult matrix = t.matrix(3, null);                                         // mi --matrix
 * MiSelection.Result chosen = t.select("churned", 2, MiSelection.Method.MRMR, 3, null); // --select
 * }</pre>
 */
public final class MiTable {
    private final Path file;
    private final int rows;
    private final List<MiVariable> variables;
    private final List<RoleDecision> decisions;
    private final List<RoleDecision> leftOut;
    private final List<String> notes;
    /** Per left-out column, the --role values that can bring it back ("=discrete (or =continuous)"). */
    private final java.util.Map<String, String> bringBack;
    /** Rows left out because they repeat an earlier row in every column read (0: none, or all kept). */
    private final int duplicateRows;
    /**
     * Per column left out by its role (a date, a timestamp, an ID) that has missing cells, whether it is filled in
     * (a 0/1 column): its values are not measured, but whether it is filled in is (see {@link #missingness}).
     */
    private final java.util.Map<String, MiVariable> unscoredFilledIn;
    /** The run's seed: the matrix's random tables of a pair with a small expected count. */
    private final long seed;
    /**
     * Per scored text column with exactly two labels and blank cells ({@link TwoLabels#withGaps}), its labels and
     * their 0/1 codes: {@link #forTarget} makes the 0/1 column, blanks missing, when it is the chosen target or one
     * side of a pair; as a feature it stays labels with its blanks a value of their own.
     */
    private final java.util.Map<String, Binarised> twoLabelsWithGaps;

    /**
     * A two-label text column with blanks: its two labels, 0 first, and per label code of its categorical variable
     * the 0/1 value (NaN for a missing string), so the 0/1 column is made from the variable only when it is chosen.
     */
    private record Binarised(String[] labels, double[] byCode) {
    }

    private MiTable(Path file, int rows, List<MiVariable> variables, List<RoleDecision> decisions,
                    List<RoleDecision> leftOut, List<String> notes, java.util.Map<String, String> bringBack) {
        this(file, rows, variables, decisions, leftOut, notes, bringBack, 0);
    }

    private MiTable(Path file, int rows, List<MiVariable> variables, List<RoleDecision> decisions,
                    List<RoleDecision> leftOut, List<String> notes, java.util.Map<String, String> bringBack,
                    int duplicateRows) {
        this(file, rows, variables, decisions, leftOut, notes, bringBack, duplicateRows, java.util.Map.of(), 0L);
    }

    private MiTable(Path file, int rows, List<MiVariable> variables, List<RoleDecision> decisions,
                    List<RoleDecision> leftOut, List<String> notes, java.util.Map<String, String> bringBack,
                    int duplicateRows, java.util.Map<String, MiVariable> unscoredFilledIn, long seed) {
        this(file, rows, variables, decisions, leftOut, notes, bringBack, duplicateRows, unscoredFilledIn, seed,
                java.util.Map.of());
    }

    private MiTable(Path file, int rows, List<MiVariable> variables, List<RoleDecision> decisions,
                    List<RoleDecision> leftOut, List<String> notes, java.util.Map<String, String> bringBack,
                    int duplicateRows, java.util.Map<String, MiVariable> unscoredFilledIn, long seed,
                    java.util.Map<String, Binarised> twoLabelsWithGaps) {
        this.twoLabelsWithGaps = java.util.Map.copyOf(twoLabelsWithGaps);
        this.seed = seed;
        this.unscoredFilledIn = java.util.Map.copyOf(unscoredFilledIn);
        this.duplicateRows = duplicateRows;
        this.bringBack = java.util.Map.copyOf(bringBack);
        this.file = file;
        this.rows = rows;
        this.variables = List.copyOf(variables);
        this.decisions = List.copyOf(decisions);
        this.leftOut = List.copyOf(leftOut);
        this.notes = List.copyOf(notes);
    }

    /**
     * Reads a file and detects its columns' roles.
     *
     * @param file      a CSV, TSV, Parquet or JSON file
     * @param overrides the user's role options
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(Path file, RoleOverrides overrides, long seed) {
        return read(TableReader.open(file), overrides, seed);
    }

    /**
     * Reads a file through a configured reader (e.g. {@link TableReader#withDelimiter}) and detects
     * its columns' roles.
     *
     * @param reader    the file's reader
     * @param overrides the user's role options
     * @param seed      seed of the continuous columns' tie-breaking noise
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(TableReader reader, RoleOverrides overrides, long seed) {
        return read(reader, overrides, seed, false);
    }

    /**
     * {@link #read(TableReader, RoleOverrides, long)}, choosing what happens to duplicated records (see
     * {@link #of(Table, ColumnRoles, long, Path, boolean)}).
     *
     * @param reader            the file's reader
     * @param overrides         the user's role options
     * @param seed              seed of the continuous columns' tie-breaking noise
     * @param keepDuplicateRows true to estimate on every row even when rows repeat earlier ones as copies
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(TableReader reader, RoleOverrides overrides, long seed, boolean keepDuplicateRows) {
        return read(reader, overrides, seed, keepDuplicateRows, false);
    }

    /**
     * {@link #read(TableReader, RoleOverrides, long, boolean)}, choosing whether labels that differ only by
     * surrounding spaces or letter case ({@code "Gold"}, {@code "gold "}) count as one ({@link LabelVariants}):
     * either way a note names the measured text columns that have such variants, with counts.
     *
     * @param reader            the file's reader
     * @param overrides         the user's role options
     * @param seed              seed of the continuous columns' tie-breaking noise
     * @param keepDuplicateRows true to estimate on every row even when rows repeat earlier ones as copies
     * @param normalizeLabels   true to count each group of variants as its most frequent spelling
     * @return the prepared table
     * @throws DataException if the file cannot be read or an option names a column it lacks
     */
    public static MiTable read(TableReader reader, RoleOverrides overrides, long seed, boolean keepDuplicateRows,
                               boolean normalizeLabels) {
        Table cells = reader.readCells();
        LabelVariants.Checked variants = LabelVariants.check(cells, cells.columnNames(), normalizeLabels);
        Table t = variants.table();
        ColumnRoles roles = ColumnRoles.detect(t, t.columnNames(), overrides, reader.file(), reader.numberHint())
                .typed(reader.schema());
        // roles of this table: a column of distinct values settles the duplicate-row check without hashing rows
        MiTable m = of(t, roles, seed, reader.file(), CellLocator.of(reader.file(), reader.format()),
                keepDuplicateRows || DuplicateRecords.provablyDistinct(t, roles));
        List<String> notes = new ArrayList<>(variants.notes(m.decisions().stream().map(RoleDecision::column).toList(),
                NORMALIZE_LABELS));
        if (notes.isEmpty()) {
            return m;
        }
        notes.addAll(m.notes());
        return m.withNotes(notes);
    }

    /** How a user folds label variants ({@link LabelVariants}), on the command line and in Java. */
    public static final String NORMALIZE_LABELS = "--normalize-labels (MiTable.read or ColumnEntropy.of with"
            + " normalizeLabels for a Java caller)";

    /**
     * Prepares an in-memory table whose roles are known.
     *
     * @param table the table
     * @param roles its roles (from {@link ColumnRoles#detect(Table, RoleOverrides)})
     * @param seed  seed of the continuous columns' tie-breaking noise
     * @param file  the source, for messages (may be null)
     * @return the prepared table
     */
    public static MiTable of(Table table, ColumnRoles roles, long seed, Path file) {
        return of(table, roles, seed, file, CellLocator.of(file, null), false);
    }

    /**
     * Prepares an in-memory table whose roles are known, choosing what happens to duplicated records: by default
     * a table whose rows repeat earlier rows as copies ({@link DuplicateRecords}) is estimated and tested on its
     * distinct rows, with a note giving the count.
     *
     * @param table             the table
     * @param roles             its roles (from {@link ColumnRoles#detect(Table, RoleOverrides)})
     * @param seed              seed of the continuous columns' tie-breaking noise
     * @param file              the source, for messages (may be null)
     * @param keepDuplicateRows true to estimate on every row even when rows repeat earlier ones as copies
     * @return the prepared table
     */
    public static MiTable of(Table table, ColumnRoles roles, long seed, Path file, boolean keepDuplicateRows) {
        return of(table, roles, seed, file, CellLocator.of(file, null), keepDuplicateRows);
    }

    /**
     * Prepares an in-memory table whose copies were found by the caller: an engine that reads the rows itself
     * (Spark) decides duplicated records over every column read ({@link DuplicateRecords#find(double[][])}), also
     * those it does not hold in {@code table}, and prepares the columns it holds on the same distinct rows.
     *
     * @param table    the table, in row order
     * @param roles    the roles of the columns to prepare
     * @param seed     seed of the continuous columns' tie-breaking noise
     * @param file     the source, for messages (may be null)
     * @param distinct the distinct rows of {@code table}'s rows when they hold copies (a note gives the count), or
     *                 null to use every row
     * @return the prepared table
     */
    public static MiTable of(Table table, ColumnRoles roles, long seed, Path file, DistinctRows distinct) {
        return of(table, roles, seed, file, CellLocator.of(file, null), distinct);
    }

    /**
     * This table of roles ({@link #ofRoles}) with the copies an engine left out of every analysis: its rows become
     * the distinct rows, and the note and {@link #duplicateRows()} say so, as {@link #of(Table, ColumnRoles, long,
     * Path, boolean)} would.
     *
     * @param distinct the distinct rows (null: this table)
     * @return the table with the copies' note first
     */
    public MiTable withCopies(DistinctRows distinct) {
        if (distinct == null) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.add(0, DuplicateRecords.note(distinct.repeats(), distinct.rows()));
        return new MiTable(file, distinct.distinct(), variables, decisions, leftOut, all, bringBack, distinct.repeats(),
                java.util.Map.of(), seed, twoLabelsWithGaps);
    }

    /** The error of a file with a header and no data, in drift's words. */
    static DataException noRows(Path file) {
        return new DataException(file, "no rows: the " + (file == null ? "table has columns" : "file has a header")
                + " but no data");
    }

    /**
     * Where a cell is, in the words of this class's notes: {@code line 17: 'abc'} in a CSV/TSV file (the header
     * is line 1), {@code row 16: 'abc'} otherwise.
     *
     * @param row  the cell's row, from 0
     * @param text the cell as read
     * @param file the source (may be null)
     * @return the location and the cell
     */
    public static String located(long row, String text, Path file) {
        return CellLocator.of(file, null).where(row) + ": '" + text + "'";
    }

    private static MiTable of(Table table, ColumnRoles roles, long seed, Path file, CellLocator where,
                              boolean keepDuplicateRows) {
        if (table.rowCount() == 0) {
            throw noRows(file);
        }
        return of(table, roles, seed, file, where, keepDuplicateRows ? null : DuplicateRecords.find(table, roles));
    }

    private static MiTable of(Table table, ColumnRoles roles, long seed, Path file, CellLocator where,
                              DistinctRows distinct) {
        if (table.rowCount() == 0) {
            throw noRows(file);
        }
        java.util.Map<String, String> bringBack = new java.util.HashMap<>();
        List<MiVariable> vars = new ArrayList<>();
        List<RoleDecision> used = new ArrayList<>();
        List<RoleDecision> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Map<String, MiVariable> filledIn = new java.util.LinkedHashMap<>();
        java.util.Map<String, Binarised> binarised = new java.util.HashMap<>();
        List<java.util.function.Function<List<String>, MiVariable>> jobs = new ArrayList<>();
        // the columns' cells are noted while they are prepared in parallel and located together after
        // (a CSV file read once, no thread waiting on another's location)
        dev.surprisal.data.DeferredCells cells = new dev.surprisal.data.DeferredCells(where);
        for (Column c : table.columns()) {
            if (!roles.columns().contains(c.name())) {
                continue; // not selected by --columns / left out by --exclude
            }
            RoleDecision d = roles.decision(c.name());
            ColumnRole role = d.role();
            boolean[] gaps = role.isScored() ? null : gaps(c);
            if (role == ColumnRole.CONSTANT && gaps != null) {
                // one value where filled in, empty elsewhere: a 0/1 column of whether it is filled in, which a
                // column written after the outcome makes a copy of the target (issue 9); never "no information"
                RoleDecision binary = new RoleDecision(c.name(), ColumnRole.BINARY, filledInReason(d.reason(), gaps),
                        d.overridden());
                used.add(binary);
                jobs.add(cellNotes -> MiVariable.discrete(c.name(), distinct(distinct, filledIn(gaps))));
                continue;
            }
            if (!role.isScored()) {
                out.add(d);
                if (gaps != null) {
                    filledIn.put(c.name(), MiVariable.discrete(c.name(), distinct(distinct, filledIn(gaps))));
                }
                // a column of numbers comes back by value or as a continuum; text (a timestamp, a string ID, codes
                // with leading zeros) only as labels
                boolean numeric = roles.stats(c.name()).map(dev.surprisal.data.roles.RoleRules::comesBackAsNumbers)
                        .orElse(c instanceof NumericColumn);
                bringBack.put(c.name(), bringBack(role, numeric));
                continue;
            }
            String[] two = role == ColumnRole.CATEGORICAL && !d.overridden() && c instanceof CategoricalColumn cat
                    ? TwoLabels.of(cat) : null;
            if (two != null) {
                // two labels are binary, as the same data written 0/1 are (TwoLabels)
                used.add(TwoLabels.decision(d, two));
                jobs.add(cellNotes -> MiVariable.discrete(c.name(), distinct(distinct,
                        TwoLabels.coded((CategoricalColumn) c, two))));
                continue;
            }
            String[] twoWithGaps = role == ColumnRole.CATEGORICAL && !d.overridden() && c instanceof CategoricalColumn cat
                    ? TwoLabels.withGaps(cat) : null;
            if (twoWithGaps != null) {
                // labels with their blanks as a value as a feature; 0/1 with its blanks missing as a target (forTarget)
                binarised.put(c.name(), new Binarised(twoWithGaps, TwoLabels.byCode((CategoricalColumn) c,
                        twoWithGaps)));
            }
            used.add(d);
            jobs.add(cellNotes -> variable(c, d, cells, cellNotes, seed, distinct));
        }
        // the columns are prepared in parallel (each a few passes over its rows, one-threaded), their notes
        // kept in file order and the first failure in file order thrown, as a serial loop would
        MiVariable[] made = new MiVariable[jobs.size()];
        List<List<String>> madeNotes = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), List.of()));
        RuntimeException[] failed = new RuntimeException[jobs.size()];
        java.util.stream.IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            List<String> mine = new ArrayList<>();
            try {
                made[i] = jobs.get(i).apply(mine);
            } catch (RuntimeException e) {
                failed[i] = e;
            }
            madeNotes.set(i, mine);
        });
        java.util.function.UnaryOperator<String> located = null;
        for (int i = 0; i < made.length; i++) {
            if (failed[i] != null) {
                throw failed[i];
            }
            if (located == null) {
                located = cells.resolve();
            }
            madeNotes.get(i).stream().map(located).forEach(notes::add);
            vars.add(made[i]);
        }
        if (distinct == null) {
            return new MiTable(file, table.rowCount(), vars, used, out, notes, bringBack, 0, filledIn, seed, binarised);
        }
        notes.add(0, DuplicateRecords.note(distinct.repeats(), table.rowCount()));
        return new MiTable(file, distinct.distinct(), vars, used, out, notes, bringBack, distinct.repeats(), filledIn,
                seed, binarised);
    }

    /**
     * Which cells of a column are missing (pandas' missing strings, an empty cell, a NaN number), or null when
     * none is, or every one is (then nothing varies).
     */
    private static boolean[] gaps(Column c) {
        int n = c.size();
        boolean[] gap = new boolean[n];
        int count = 0;
        if (c instanceof NumericColumn num) {
            double[] v = num.values();
            for (int i = 0; i < n; i++) {
                gap[i] = Double.isNaN(v[i]);
                count += gap[i] ? 1 : 0;
            }
        } else {
            CategoricalColumn cat = (CategoricalColumn) c;
            boolean[] missingCode = new boolean[cat.cardinality()];
            for (int k = 0; k < missingCode.length; k++) {
                missingCode[k] = Cells.isMissing(cat.label(k));
            }
            for (int i = 0; i < n; i++) {
                int code = cat.code(i);
                gap[i] = code < 0 || missingCode[code];
                count += gap[i] ? 1 : 0;
            }
        }
        return count == 0 || count == n ? null : gap;
    }

    /** 1 where a cell has a value, 0 where it is missing. */
    private static double[] filledIn(boolean[] gaps) {
        double[] v = new double[gaps.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = gaps[i] ? 0.0 : 1.0;
        }
        return v;
    }

    /** The role reason of a column with one value where filled in, measured as filled in or empty. */
    private static String filledInReason(String constantReason, boolean[] gaps) {
        int empty = 0;
        for (boolean g : gaps) {
            empty += g ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%s where filled in, empty on %,d of %,d rows: measured as filled in (1)"
                + " or empty (0), binary", constantReason.replace(": constant", ""), empty, gaps.length);
    }

    /**
     * The variable of a scored column by its role, on the distinct rows ({@code distinct} null: every row);
     * notes about its cells go to {@code notes} and count the file's cells.
     */
    private static MiVariable variable(Column c, RoleDecision d, CellLocator where, List<String> notes, long seed,
                                       DistinctRows distinct) {
        ColumnRole role = d.role();
        if (role == ColumnRole.CATEGORICAL) {
            return c instanceof CategoricalColumn cat ? MiVariable.categorical(c.name(), distinct(distinct, codes(cat)))
                    : MiVariable.discrete(c.name(), distinct(distinct, ((NumericColumn) c).values()));
        }
        double[] values = distinct(distinct, numbers(c, d.convention(), where, notes));
        return role == ColumnRole.CONTINUOUS ? MiVariable.continuous(c.name(), values, seed)
                : MiVariable.discrete(c.name(), values);
    }

    /**
     * A table known by its columns' roles and notes only, without values: what an engine that scores pairs
     * from their counts ({@link dev.surprisal.selection.CountedPair}) returns beside its ranking, so the
     * ranking is shown with the same columns as a held table's. It has no {@link #variables()}.
     *
     * @param rows      rows of the table
     * @param decisions the scored columns' roles, in file order
     * @param leftOut   the columns left out by their role, in file order
     * @param notes     notes about the cells, in file order
     * @param file      the source, for messages (may be null)
     * @return the table of roles
     */
    public static MiTable ofRoles(int rows, List<RoleDecision> decisions, List<RoleDecision> leftOut, List<String> notes,
                                  Path file) {
        return ofRoles(rows, decisions, leftOut, notes, java.util.Map.of(), file);
    }

    /**
     * {@link #ofRoles(int, List, List, List, Path)} whose {@link #leftOutNotes()} give each left-out column the
     * role setting that brings it back.
     *
     * @param rows      rows of the table
     * @param decisions the scored columns' roles, in file order
     * @param leftOut   the columns left out by their role, in file order
     * @param notes     notes about the cells, in file order
     * @param bringBack per left-out column, its setting ({@link #bringBack(ColumnRoles, List)})
     * @param file      the source, for messages (may be null)
     * @return the table of roles
     */
    public static MiTable ofRoles(int rows, List<RoleDecision> decisions, List<RoleDecision> leftOut, List<String> notes,
                                  java.util.Map<String, String> bringBack, Path file) {
        return new MiTable(file, rows, List.of(), decisions, leftOut, notes, bringBack);
    }

    /**
     * This table with other notes in place of its own: an engine that prepared it from a row sample states
     * the sample, and counts the cells left out on every row rather than on the sample.
     *
     * @param notes the notes, in file order
     * @return the same table with these notes
     */
    public MiTable withNotes(List<String> notes) {
        return new MiTable(file, rows, variables, decisions, leftOut, notes, bringBack, duplicateRows, unscoredFilledIn,
                seed, twoLabelsWithGaps);
    }

    /**
     * The role setting that brings a left-out column back into mutual information: a column of numbers comes
     * back by value or as a continuum; text (a timestamp, a string ID) only as labels.
     *
     * @param role    the role that left it out
     * @param numeric whether its reference cells are numbers
     * @return {@code "=discrete (or =continuous)"} or {@code "=categorical"}
     */
    public static String bringBack(ColumnRole role, boolean numeric) {
        // a timestamp of epoch numbers is a continuum too (RoleRules: epoch seconds are timestamps), never 10^5 labels
        return numeric && role != ColumnRole.DATE ? "=discrete (or =continuous)" : "=categorical";
    }

    /**
     * {@link #bringBack(ColumnRole, boolean)} for each left-out column, numbers judged by the roles' statistics.
     *
     * @param roles   the roles, with their statistics
     * @param leftOut the columns left out
     * @return per column, its setting
     */
    public static java.util.Map<String, String> bringBack(ColumnRoles roles, List<RoleDecision> leftOut) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (RoleDecision d : leftOut) {
            boolean numeric = roles.stats(d.column()).map(dev.surprisal.data.roles.RoleRules::comesBackAsNumbers).orElse(false);
            out.put(d.column(), bringBack(d.role(), numeric));
        }
        return out;
    }

    /** A column on the distinct rows ({@code d} null: every row). */
    private static double[] distinct(DistinctRows d, double[] column) {
        return d == null ? column : d.pick(column);
    }

    /** Labels on the distinct rows ({@code d} null: every row). */
    private static int[] distinct(DistinctRows d, int[] column) {
        return d == null ? column : d.pick(column);
    }

    /** Labels of a text column, with pandas' missing strings as missing. */
    private static int[] codes(CategoricalColumn c) {
        int[] codes = c.codes().clone();
        boolean[] missing = new boolean[c.cardinality()];
        for (int k = 0; k < missing.length; k++) {
            missing[k] = Cells.isMissing(c.label(k));
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0 && missing[codes[i]]) {
                codes[i] = -1;
            }
        }
        return codes;
    }

    /**
     * The numbers of a numeric-role column, by the one rule of {@link Cells#number(String,
     * dev.surprisal.data.roles.NumberConvention)} in the column's convention: a cell that is not a
     * number (text such as {@code abc} or {@code 1,234.5}) is invalid; {@code inf}, {@code -Infinity} are
     * numbers (as pandas reads them) but infinite, with no place on a scale an estimator can use. Both are
     * left out as missing, each kind counted in one note with its first cell; a typed ±∞ (Parquet, or
     * DuckDB's reading of a CSV column) is infinite the same way.
     */
    private static double[] numbers(Column c, dev.surprisal.data.roles.NumberConvention convention, CellLocator where,
                                    List<String> notes) {
        double[] v;
        int invalid = 0;
        int infinite = 0;
        String firstInvalid = null;
        String firstInfinite = null;
        if (c instanceof NumericColumn n) {
            v = n.values();
            for (int i = 0; i < v.length; i++) {
                if (Double.isInfinite(v[i])) {
                    firstInfinite = infinite++ == 0 ? where.where(i) + ": '" + (v[i] > 0 ? "inf" : "-inf") + "'"
                            : firstInfinite;
                    v[i] = Double.NaN;
                }
            }
        } else {
            CategoricalColumn cat = (CategoricalColumn) c;
            double[] byCode = new double[cat.cardinality()];
            for (int k = 0; k < byCode.length; k++) {
                String label = cat.label(k);
                byCode[k] = Cells.isMissing(label) ? Double.NaN : Cells.number(label, convention);
            }
            v = new double[cat.size()];
            for (int i = 0; i < v.length; i++) {
                int code = cat.code(i);
                double x = code < 0 ? Double.NaN : byCode[code];
                if (Double.isInfinite(x)) {
                    firstInfinite = infinite++ == 0 ? where.where(i) + ": '" + cat.label(code) + "'" : firstInfinite;
                    x = Double.NaN;
                } else if (code >= 0 && Double.isNaN(x) && !Cells.isMissing(cat.label(code))) {
                    firstInvalid = invalid++ == 0 ? where.where(i) + ": '" + cat.label(code) + "'" : firstInvalid;
                }
                v[i] = x;
            }
        }
        if (invalid > 0) {
            notes.add(invalidCellsNote(c.name(), invalid, firstInvalid));
        }
        if (infinite > 0) {
            notes.add(infiniteCellsNote(c.name(), infinite, firstInfinite));
        }
        return v;
    }

    /**
     * The note about the infinite cells of a typed numeric column, which mutual information leaves out.
     *
     * @param column the column
     * @param count  how many cells are ±inf
     * @param first  the first one, as {@code row 12: inf}
     * @return the note
     */
    public static String infiniteCellsNote(String column, long count, String first) {
        return String.format(Locale.ROOT, "%s: %d cell(s) are infinite (first: %s): numbers, but with no place"
                + " on a scale an estimator can use; they are left out as missing", column, count, first);
    }

    /**
     * The note about the cells of a numeric-role text column that are not finite numbers.
     *
     * @param column the column
     * @param count  how many cells are not numbers
     * @param first  the first one, as {@code row 12: 'abc'}
     * @return the note
     */
    public static String invalidCellsNote(String column, long count, String first) {
        return String.format(Locale.ROOT, "%s: %d cell(s) are not numbers (first: %s); they are left out as missing",
                column, count, first);
    }

    /**
     * Ranks every other scored column by the evidence that it carries information about {@code target}
     * ({@link TargetRanking}).
     *
     * @param target   the target's name
     * @param options  the options
     * @param progress receives 1 per feature (may be null)
     * @return the ranking
     * @throws DataException if the target is not a scored column (unknown, excluded, id-like, …)
     */
    public List<RankedFeature> rank(String target, MiOptions options, IntConsumer progress) {
        MiTable table = forTarget(target);
        MiVariable t = table.variable(target, "target");
        return TargetRanking.rank(table.features(t), t, options, progress);
    }

    /**
     * This table as it is read with {@code target} as the target (of a ranking, a selection, or one side of a pair):
     * a text column with exactly two labels ({@code Yes}/{@code No}, {@code true}/{@code false}, any two) and blank
     * cells is binary there, coded 0/1 as {@link TwoLabels} codes a column without blanks (case-insensitive
     * alphabetical: {@code No} = 0, {@code Yes} = 1), with its blank rows missing: they are left out of every pair
     * exactly as the blank rows of the same target written {@code 1}/{@code 0} are, so the ranking, its verdicts
     * and p-values do not depend on how the file spells the two values. Its role becomes {@code binary}, with a
     * reason naming the two labels and the count of blank rows left out ({@link #decisions()}, the "columns" of the
     * command line). As a feature the same column stays labels with its blanks a value of their own
     * ({@link #features}: whether a feature is filled in can carry information). Every other column, and a table
     * without such a column, is returned as it is; so is a target this table does not score (the error is the
     * caller's {@link #variable}).
     *
     * <p>{@link #rank}, {@link #ranking}, {@link #select} and {@link #pair} apply it themselves; a caller that shows
     * the columns' roles beside a ranking calls it to show the target's role as the ranking used it.
     *
     * @param target the target's name (null: none, this table)
     * @return the table with that column binarised, or this table
     */
    public MiTable forTarget(String target) {
        Binarised b = target == null ? null : twoLabelsWithGaps.get(target);
        if (b == null) {
            return this;
        }
        List<MiVariable> vars = new ArrayList<>(variables);
        List<RoleDecision> roles = new ArrayList<>(decisions);
        for (int i = 0; i < vars.size(); i++) {
            MiVariable text = vars.get(i);
            if (!text.name().equals(target)) {
                continue;
            }
            double[] v = new double[text.rows()];
            for (int r = 0; r < v.length; r++) {
                double code = text.value(r); // the label code, NaN where blank
                v[r] = Double.isNaN(code) ? Double.NaN : b.byCode()[(int) code];
            }
            MiVariable coded = MiVariable.discrete(target, v);
            vars.set(i, coded);
            for (int j = 0; j < roles.size(); j++) {
                if (roles.get(j).column().equals(target)) {
                    roles.set(j, TwoLabels.gapsDecision(roles.get(j), b.labels(), coded.rows() - coded.present(),
                            coded.rows()));
                }
            }
        }
        java.util.Map<String, Binarised> rest = new java.util.HashMap<>(twoLabelsWithGaps);
        rest.remove(target);
        return new MiTable(file, rows, vars, roles, leftOut, notes, bringBack, duplicateRows, unscoredFilledIn, seed,
                rest);
    }

    /**
     * What {@code surprisal mi --target} shows, from one call: the ranking ({@link #rank}) with the target's
     * role, every note and the method of every number.
     *
     * @param target   the target's name
     * @param options  the options
     * @param progress receives 1 per feature (may be null); called from several threads
     * @return the ranking and what goes with it
     * @throws DataException if the target is not a scored column (unknown, excluded, id-like, …)
     */
    public RankingResult ranking(String target, MiOptions options, IntConsumer progress) {
        MiTable table = forTarget(target); // a Yes/No target with blanks is binary, as its 0/1 form
        MiVariable t = table.variable(target, "target");
        List<RankedFeature> features = TargetRanking.rank(table.features(t), t, options, progress);
        RankingResult r = RankingResult.of(table, t.name(), t.isDiscrete(), t.kind(), options, features);
        List<String> notes = new ArrayList<>(table.missingness(t, options));
        notes.addAll(r.notes());
        return new RankingResult(r.target(), r.targetKind(), r.targetRole(), r.rows(), r.options(), r.features(),
                notes);
    }

    /**
     * The scored columns as the pairs measure them beside {@code target}: a discrete column with missing cells
     * has "missing" as a value of its own ({@link MiVariable#missingAsValue()}), since whether it is filled in is
     * information; the target keeps its missing rows out (there is nothing to predict there).
     *
     * @param target the target, unchanged (null: none, every column as a feature); the column of its name is the
     *               target (a binarised target, {@link #forTarget}, replaces the column read as labels)
     * @return the columns, in file order
     */
    public List<MiVariable> features(MiVariable target) {
        return variables.stream().map(v -> v == target || target != null && v.name().equals(target.name()) ? target
                : v.missingAsValue()).toList();
    }

    /**
     * What a missing-cells note adds of a column left out by its role ({@link #missingness}): that its values are
     * left out, and whether it is filled in is measured all the same.
     *
     * @param d the column's role
     * @return the words after the note's sentence
     */
    public static String leftOutWhy(RoleDecision d) {
        return " (its values are left out of mutual information, role " + d.label()
                + "; whether it is filled in is still measured)";
    }

    /**
     * The notes on missing cells that line up with {@code target} ({@link MissingLeak}): every column with missing
     * cells, scored or left out by its role (a date, a timestamp, an ID: only whether it is filled in is measured),
     * is checked as a 0/1 column "has a value"; the columns whose missing cells line up beyond chance get a note,
     * and one note names the text columns whose missing cells count as a value of their own.
     *
     * @param target  the target
     * @param options α, the unit of the numbers, and the permutations for a continuous target
     * @return the notes, leaks first
     */
    public List<String> missingness(MiVariable target, MiOptions options) {
        List<MiVariable> filled = new ArrayList<>();
        java.util.Map<String, String> why = new java.util.HashMap<>();
        List<String> asValue = new ArrayList<>();
        for (MiVariable v : variables) {
            // by name: the target may be this table's column binarised (forTarget), not tested against itself
            if (v != target && !v.name().equals(target.name()) && v.present() < v.rows() && v.present() > 0) {
                filled.add(v.filledIn());
                if (v.isDiscrete() && !v.isNumeric()) { // as MiVariable.missingAsValue: a numeric column keeps its numbers
                    asValue.add(v.name());
                }
            }
        }
        for (RoleDecision d : leftOut) {
            MiVariable f = unscoredFilledIn.get(d.column());
            if (f != null) {
                filled.add(f);
                why.put(d.column(), leftOutWhy(d));
            }
        }
        List<String> out = new ArrayList<>();
        MissingLeak.find(filled, why, target, options).forEach(f -> out.add(f.sentence()));
        if (!asValue.isEmpty()) {
            out.add("missing cells of text column(s) " + String.join(", ", asValue) + " count as a value of their"
                    + " own ('missing') in their MI, so rows where they are empty are measured too");
        }
        return out;
    }

    /**
     * The {@code --role} option that sets {@code column} as {@code advice} says, ready to paste:
     * {@code --role 'order id=discrete' (or 'order id=continuous')}.
     *
     * @param column the column
     * @param advice {@code "=categorical"} or {@code "=discrete (or =continuous)"}
     * @return the option, each word shell-quoted where needed
     */
    public static String roleHint(String column, String advice) {
        int or = advice.indexOf(" (or =");
        String first = or < 0 ? advice : advice.substring(0, or);
        String hint = "--role " + Printable.shellWord(column + first);
        return or < 0 ? hint : hint + " (or " + Printable.shellWord(column + "=" + advice.substring(or + 6,
                advice.length() - 1)) + ")";
    }

    /**
     * What the notes say of a constant column (or one whose every cell is missing) in place of a role to set:
     * every role keeps its one value, so none would make it useful.
     */
    static final String CONSTANT_ADVICE = "a column with one value carries no information (its MI with any column"
            + " is 0) and no role changes that";

    /**
     * One note per column left out by its role, saying why and how to bring it back: in the command line's words,
     * {@code --role COL=ROLE}, which for a Java caller is {@code RoleOverrides.withRole(COL, ColumnRole.ROLE)} given
     * to {@link #read}. A constant column (or one whose every cell is missing) gets no such advice: no role helps.
     *
     * @return the notes, in file order
     */
    public List<String> leftOutNotes() {
        return leftOutNotes(leftOut, bringBack);
    }

    /**
     * The notes of {@link #leftOutNotes()} for the given decisions.
     *
     * @param leftOut the columns left out by their role, in file order
     * @param advice  per column, the role setting that brings it back ({@code "=categorical"} or
     *                {@code "=discrete (or =continuous)"}); a column not in it gets {@code "=categorical"}
     * @return one note per column
     */
    public static List<String> leftOutNotes(List<RoleDecision> leftOut, java.util.Map<String, String> advice) {
        List<String> out = new ArrayList<>();
        for (RoleDecision d : leftOut) {
            out.add("column " + d.column() + ": " + d.reason() + ": left out of mutual information; "
                    + (d.role() == ColumnRole.CONSTANT ? CONSTANT_ADVICE
                    : roleHint(d.column(), advice.getOrDefault(d.column(), "=categorical")) + " brings it back"));
        }
        return out;
    }

    /**
     * One pair, scored as one feature of a ranking with {@code y} as the target ({@link TargetRanking#score}),
     * so the estimator follows the two roles: plug-in for two discrete columns, Ross for discrete ×
     * continuous, KSG for two continuous. Two discrete columns also get H(X), H(Y), the normalised MI
     * and the G-test (when their table has at most {@link SparseContingencyTable#DENSE_LIMIT} cells). A text
     * column with two labels and blank cells, on either side, is read as its 0/1 form ({@link #forTarget}): binary,
     * its blank rows left out, so the pair's MI, test and verdict are those of the same column written 1/0.
     *
     * @param x       the first column
     * @param y       the second column
     * @param options the options (k, permutations, bootstrap, seed, α)
     * @return the pair's analysis, in nats
     * @throws DataException if a column is not scored, or the pair cannot be estimated (too few rows with both values)
     * @throws ValidationException if {@code x} and {@code y} are the same column
     */
    public PairResult pair(String x, String y, MiOptions options) {
        // a two-label text column with blanks on either side is binary, its blank rows left out, as the same column
        // written 1/0 (forTarget); missing cells of any other discrete column count as a value of their own, as in
        // the ranking and the matrix
        MiTable t = forTarget(x).forTarget(y);
        MiVariable vx = t.variable(x, "x").missingAsValue();
        MiVariable vy = t.variable(y, "y").missingAsValue();
        requireTwoColumns(x, y);
        RankedFeature f = TargetRanking.score(vx, vy, options);
        if (f.skipped() != null) {
            throw new DataException(file, f.skipped());
        }
        PairResult.Discrete discrete = null;
        if (vx.isDiscrete() && vy.isDiscrete()) {
            int[][] labels = labels(vx, vy);
            discrete = PairResult.Discrete.of(labels[0], labels[1]);
        }
        return new PairResult(x, y, t.decision(x), t.decision(y), f,
                dev.surprisal.continuous.MiEstimator.forKinds(vx.isDiscrete(), vy.isDiscrete()).reason(), rows, discrete);
    }

    /**
     * Refuses a pair of one column with itself: I(X;X) = H(X), infinite for a continuous column and the entropy
     * for a discrete one; an estimate would print a large finite number with a p-value, as if it measured a dependence.
     *
     * @param x the first column
     * @param y the second column
     * @throws ValidationException naming {@code y} when the two are the same column
     */
    public static void requireTwoColumns(String x, String y) {
        if (x.equals(y)) {
            throw new ValidationException("y: '" + y + "' is also --x; the mutual information of a column with itself is"
                    + " its entropy (infinite for a continuous column), not a dependence: name two different columns,"
                    + " or run entropy --data FILE --column " + Printable.shellWord(y) + " for its entropy");
        }
    }

    /** Labels of the rows where both have a value. */
    private static int[][] labels(MiVariable a, MiVariable b) {
        int m = 0;
        for (int i = 0; i < a.rows(); i++) {
            if (!a.isMissing(i) && !b.isMissing(i)) {
                m++;
            }
        }
        int[][] out = new int[2][m];
        m = 0;
        for (int i = 0; i < a.rows(); i++) {
            if (!a.isMissing(i) && !b.isMissing(i)) {
                out[0][m] = (int) a.estimatorValue(i);
                out[1][m++] = (int) b.estimatorValue(i);
            }
        }
        return out;
    }

    /**
     * The MI of every pair of scored columns, each over the rows where both have a value, by the
     * estimator {@link MiPair} picks for the two kinds; pairs are estimated in parallel.
     *
     * @param k        neighbours of the kNN estimators, ≥ 1
     * @param progress receives 1 per pair (may be null); called from several threads
     * @return the symmetric matrix, in nats
     */
    public MatrixResult matrix(int k, IntConsumer progress) {
        return matrix(k, progress, (a, b) -> true);
    }

    /**
     * {@link #matrix(int, IntConsumer)} for the pairs {@code which} accepts; the others are NaN, without a
     * note, for a caller that has them otherwise (an engine that counts the discrete pairs' tables).
     *
     * @param k        neighbours of the kNN estimators, ≥ 1
     * @param progress receives 1 per estimated pair (may be null); called from several threads
     * @param which    whether to estimate the pair (column i, column j), i &lt; j
     * @return the symmetric matrix, in nats
     */
    public MatrixResult matrix(int k, IntConsumer progress, java.util.function.BiPredicate<MiVariable, MiVariable> which) {
        List<MiVariable> variables = features(null); // missing cells of a discrete column count as a value
        int c = variables.size();
        double[][] mi = new double[c][c];
        double[][] chance = new double[c][c];
        double[][] pValues = new double[c][c];
        String[][] pMethods = new String[c][c];
        for (double[] row : chance) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (double[] row : pValues) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            mi[i][i] = Double.NaN;
            for (int j = i + 1; j < c; j++) {
                if (which.test(variables.get(i), variables.get(j))) {
                    pairs.add(new int[] {i, j});
                } else {
                    mi[i][j] = Double.NaN;
                    mi[j][i] = Double.NaN;
                }
            }
        }
        String[] problems = new String[pairs.size()];
        List<List<String>> warnings = new ArrayList<>(java.util.Collections.nCopies(pairs.size(), List.<String>of()));
        java.util.stream.IntStream.range(0, pairs.size()).parallel().forEach(p -> {
            int i = pairs.get(p)[0];
            int j = pairs.get(p)[1];
            double v;
            try {
                MiPair pair = MiPair.of(variables.get(i), variables.get(j), k);
                v = pair.nats();
                warnings.set(p, withShareNote(pair, variables.get(i), variables.get(j), this.variables.get(i),
                        this.variables.get(j), v));
                chance[i][j] = chance[j][i] = pair.chanceNats();
                CountedPair.Independence ind = pair.independence(v, seed,
                        variables.get(i).name() + '\0' + variables.get(j).name());
                if (ind != null) {
                    pValues[i][j] = pValues[j][i] = ind.pValue();
                    pMethods[i][j] = pMethods[j][i] = ind.method();
                }
            } catch (ValidationException e) {
                v = Double.NaN;
                problems[p] = e.getMessage();
            }
            mi[i][j] = v;
            mi[j][i] = v;
            if (progress != null) {
                progress.accept(1);
            }
        });
        List<MatrixResult.PairNote> notes = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            String a = variables.get(pairs.get(p)[0]).name();
            String b = variables.get(pairs.get(p)[1]).name();
            if (problems[p] != null) {
                notes.add(new MatrixResult.PairNote(a, b, "not estimated: " + problems[p]));
            }
            for (String w : warnings.get(p)) {
                notes.add(new MatrixResult.PairNote(a, b, w));
            }
        }
        return new MatrixResult(variables.stream().map(MatrixResult.Column::of).toList(), mi, notes, chance, pValues,
                pMethods);
    }

    /**
     * The pair's warnings, with {@link TargetShare#pairNote} when one column (nearly) determines a discrete other:
     * for two discrete columns from their value counts (the exact chance part; an engine that counts the pair's
     * table gives the same note from its margins), for Ross with a chance part of 0; and {@link
     * TargetShare#continuousPairNote} when two continuous columns are copies (the rule of --x/--y). Two text columns
     * count their missing cells as a value, so two independent columns empty on the same rows share that value: a
     * note that holds on every row but not on the rows where either has a value says they share their gaps instead
     * of calling them copies (review13c).
     *
     * @param a    the first column as measured (missing as a value for text)
     * @param b    the second, likewise
     * @param rawA the first column as read (its missing cells missing)
     * @param rawB the second, likewise
     */
    private static List<String> withShareNote(MiPair pair, MiVariable a, MiVariable b, MiVariable rawA,
                                              MiVariable rawB, double nats) {
        List<String> warnings = pair.warnings();
        if (Double.isNaN(nats)) {
            return warnings;
        }
        if (!(a.isDiscrete() || b.isDiscrete())) {
            // two continuous columns: the copy rule of --x/--y (TargetShare.continuousNote), one implementation
            String copy = TargetShare.continuousPairNote(a.name(), b.name(), pair.normalScore());
            if (copy == null) {
                return warnings;
            }
            List<String> out = new ArrayList<>(warnings);
            out.add(copy);
            return out;
        }
        int[][] l = labels(a, b); // rows where both have a value; a continuous member's labels are unused
        String note = a.isDiscrete() && b.isDiscrete()
                ? TargetShare.pairNote(a.name(), b.name(), nats, LabelCounts.of(l[0]), LabelCounts.of(l[1]))
                : TargetShare.pairNote(a.name(), b.name(), nats, 0.0,
                        a.isDiscrete() ? TargetShare.entropyNats(l[0]) : Double.NaN,
                        b.isDiscrete() ? TargetShare.entropyNats(l[1]) : Double.NaN, l[0].length);
        if (note != null && a != rawA && b != rawB) {
            // only two text columns count their gaps as a value (MiVariable.missingAsValue returns a numeric column
            // itself): two numeric copies with gaps keep their copies note
            note = unlessOnlyGaps(note, a, b, rawA, rawB);
        }
        if (note == null) {
            return warnings;
        }
        List<String> out = new ArrayList<>(warnings);
        out.add(note);
        return out;
    }

    /**
     * {@code note} when it also holds on the rows where either column has a value; else, when both are empty on
     * some rows, that the two share their gaps (the rows where both are empty are all that ties them).
     */
    private static String unlessOnlyGaps(String note, MiVariable a, MiVariable b, MiVariable rawA, MiVariable rawB) {
        int rows = a.rows();
        int[] kept = new int[rows];
        int m = 0;
        for (int i = 0; i < rows; i++) {
            if (!(rawA.isMissing(i) && rawB.isMissing(i))) {
                kept[m++] = i;
            }
        }
        if (m == rows) {
            return note;
        }
        int[] la = new int[m];
        int[] lb = new int[m];
        for (int r = 0; r < m; r++) {
            la[r] = (int) a.estimatorValue(kept[r]);
            lb[r] = (int) b.estimatorValue(kept[r]);
        }
        double mi = dev.surprisal.dependence.MutualInformation.of(la, lb, Base.NATS);
        if (m >= 2 && TargetShare.pairNote(a.name(), b.name(), mi, LabelCounts.of(la), LabelCounts.of(lb)) != null) {
            return note;
        }
        return String.format(Locale.ROOT, "share their gaps: both are empty on %,d of %,d rows, and missing counts as"
                + " a value of a text column, so most of their MI is that; on the %,d rows where either has a value"
                + " neither determines the other: not copies, but check why they are empty together (one source, one"
                + " step of a form)", rows - m, rows, m);
    }

    /**
     * Greedy forward selection of {@code count} features about {@code target} ({@link MiSelection}: mRMR or
     * JMI), on the rows where every scored column has a value.
     *
     * @param target   the target's name
     * @param count    how many features to select, in [1, number of other scored columns]
     * @param method   mRMR or JMI
     * @param k        neighbours of the kNN estimators, ≥ 1
     * @param progress called once per estimator call (may be null); called from several threads
     * @return the selection, in nats
     * @throws DataException if the target is not a scored column
     * @throws dev.surprisal.core.ValidationException if count is out of range or too few rows are complete
     */
    public MiSelection.Result select(String target, int count, MiSelection.Method method, int k, Runnable progress) {
        return select(target, count, method, k, Base.NATS, progress);
    }

    /**
     * {@link #select(String, int, MiSelection.Method, int, Runnable)} whose notes (a chosen feature that determines
     * the target, {@link dev.surprisal.selection.TargetShare}) state their numbers in {@code base}.
     *
     * @param target   the target's name
     * @param count    how many features to select, in [1, number of other scored columns]
     * @param method   mRMR or JMI
     * @param k        neighbours of the kNN estimators, ≥ 1
     * @param base     the unit of the numbers in the notes (the values stay in nats)
     * @param progress called once per estimator call (may be null); called from several threads
     * @return the selection, in nats, with its notes
     * @throws DataException if the target is not a scored column
     * @throws dev.surprisal.core.ValidationException if count is out of range or too few rows are complete
     */
    public MiSelection.Result select(String target, int count, MiSelection.Method method, int k, Base base,
                                     Runnable progress) {
        MiTable table = forTarget(target); // a Yes/No target with blanks is binary, as its 0/1 form
        MiVariable t = table.variable(target, "target");
        return MiSelection.select(table.features(t), t, count, method, k, base, progress);
    }

    /**
     * {@link #select(String, int, MiSelection.Method, int, Base, Runnable)} with the evidence of each chosen feature
     * ({@link MiSelection#select(List, MiVariable, int, MiSelection.Method, MiOptions, Runnable)}): a chosen feature
     * whose relevance shuffled data match gets the note "chosen without evidence".
     *
     * @param target   the target's name
     * @param count    how many features to select, in [1, number of other scored columns]
     * @param method   mRMR or JMI
     * @param options  k, permutations, α, seed, and the unit of the numbers in the notes
     * @param progress called once per estimator call of the selection (may be null); from several threads
     * @return the selection, in nats, with its notes
     * @throws DataException if the target is not a scored column
     * @throws dev.surprisal.core.ValidationException if count is out of range or too few rows are complete
     */
    public MiSelection.Result select(String target, int count, MiSelection.Method method, MiOptions options,
                                     Runnable progress) {
        MiTable table = forTarget(target); // a Yes/No target with blanks is binary, as its 0/1 form
        MiVariable t = table.variable(target, "target");
        return MiSelection.select(table.features(t), t, count, method, options, progress);
    }

    /**
     * The role of a scored column.
     *
     * @param column the column's name
     * @return its role and reason, or null when the column is not scored
     */
    public RoleDecision decision(String column) {
        for (RoleDecision d : decisions) {
            if (d.column().equals(column)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The scored column {@code name}.
     *
     * @param name   the column
     * @param option the option or parameter that named it, for the message: the command line passes its option
     *               ({@code --target}), the library's own methods their parameter ({@code target})
     * @return its variable
     * @throws DataException naming the columns, or the role that left the column out and how to bring it back
     */
    public MiVariable variable(String name, String option) {
        for (MiVariable v : variables) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        List<String> names = new ArrayList<>();
        variables.forEach(v -> names.add(v.name()));
        throw notScored(name, option, names, leftOut, bringBack, file);
    }

    /**
     * The error of a column that mutual information cannot use, as {@link #variable} raises it.
     *
     * @param name    the column
     * @param option  the option that named it
     * @param scored  the scored columns, in file order
     * @param leftOut the columns left out by their role
     * @param advice  per left-out column, the role setting that brings it back ({@code "=categorical"} or
     *                {@code "=discrete (or =continuous)"}); a column not in it gets {@code "=categorical"}
     * @param file    the source, for the message (may be null)
     * @return the exception to throw: the role that left the column out and how to bring it back, or the
     *         scored columns
     */
    public static DataException notScored(String name, String option, List<String> scored, List<RoleDecision> leftOut,
                                          java.util.Map<String, String> advice, Path file) {
        for (RoleDecision d : leftOut) {
            if (d.column().equals(name) && d.role() == ColumnRole.CONSTANT) {
                // no role gives a constant (or empty) column a second value, so no --role is offered
                return new DataException(file, -1, name, option + " " + name + ": is constant (" + d.reason() + "); "
                        + CONSTANT_ADVICE, null);
            }
            if (d.column().equals(name)) {
                // the command line's option for a command-line name (--target), the library's method otherwise
                String role = option.startsWith("--") ? "--role " : "RoleOverrides.withRole, as ";
                return new DataException(file, -1, name, option + " " + name + ": is " + d.label() + " ("
                        + d.reason() + "), which mutual information leaves out; set its role with "
                        + (option.startsWith("--") ? roleHint(name, advice.getOrDefault(name, "=categorical"))
                        : role + name + advice.getOrDefault(name, "=categorical").replace(" (or =", " (or " + name
                        + "=")) + " to use it", null);
            }
        }
        return new DataException(file, -1, name, option + " " + name + ": no such column among the selected ones ("
                + String.join(", ", scored) + ")", null);
    }

    /** @return the scored columns, in file order */
    public List<MiVariable> variables() {
        return variables;
    }

    /** @return the roles of the scored columns, in file order */
    public List<RoleDecision> decisions() {
        return decisions;
    }

    /** @return the columns left out by their role (id-like, timestamp, date, constant), with the reasons */
    public List<RoleDecision> leftOut() {
        return leftOut;
    }

    /**
     * The columns read as dates in an order of day and month that the data did not decide (no day or month over 12):
     * the scored ones, then those left out by their role, each once. A date column is left out of MI and one brought
     * back with {@code categorical} is read as labels in no order, so today no MI depends on the order; they are
     * warned all the same, as {@code drift baseline} warns of columns it does not score: the table was read through
     * the role detector that a baseline of the same file uses, its role and layout are shown ({@code date
     * (mm/dd/yyyy)}), and a user told only by a later drift alarm learns it late. A column outside
     * {@code columns}/{@code exclude} was not read and is not warned.
     *
     * @return the warnings ({@code DateOrderWarning.Remedy#READ}), in the order of {@link #decisions()} then
     *         {@link #leftOut()}
     */
    public List<dev.surprisal.data.profile.DateOrderWarning> dateOrderWarnings() {
        List<RoleDecision> all = new ArrayList<>(decisions);
        all.addAll(leftOut);
        return dev.surprisal.data.profile.DateOrderWarning.ofDecisions(all);
    }

    /** @return notes about the cells (invalid numbers left out) */
    public List<String> notes() {
        return notes;
    }

    /** @return rows of the table that MI uses: the distinct rows when {@link #duplicateRows()} left copies out */
    public int rows() {
        return rows;
    }

    /**
     * The rows left out as copies of earlier rows ({@link DuplicateRecords}).
     *
     * @return the number of duplicated rows left out; 0 when none was, or when they were kept on request
     */
    public int duplicateRows() {
        return duplicateRows;
    }

    /** @return the source file, or null for an in-memory table */
    public Path file() {
        return file;
    }
}
