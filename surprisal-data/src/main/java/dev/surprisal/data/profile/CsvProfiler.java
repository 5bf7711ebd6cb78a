// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CellLocator;
import dev.surprisal.data.DeferredCells;
import dev.surprisal.data.DataException;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.ColumnStats;
import dev.surprisal.data.roles.ScanScratch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * {@link ProfileBuilder}'s path for CSV and TSV files (and Parquet files of up to {@value #MAX_ROWS}
 * rows), wide ones above all: Java reads the file once ({@link TableReader#csvTyped}), a column of
 * numbers as its numbers parsed from the bytes (8 bytes a cell), any other column, and a number
 * column whose role reads its text (an id, a constant, a category), as dictionary-coded text (a
 * Parquet file's typed columns as DuckDB reads them, so no cell is printed as text and parsed
 * back), and {@link MemoryProfiler} applies the rules in memory, column by column in parallel
 * (each column's result has its own slot, so nothing depends on the number of threads). Role
 * detection, bin fitting and counting then need one read of the file instead of three DuckDB
 * scans, and no regular expression runs per cell. The profile is the one the text of every cell
 * gives: a number column's role depends only on its numbers, and its bins, counts, samples and
 * moments only on its numbers ({@code CsvPathTest}).
 *
 * <p>The columns held at once are limited by the heap ({@link #plan}): up to {@value #MAX_ROWS}
 * rows, {@value #HEAP_BYTES_PER_CELL} bytes a cell (the cost of a cell whose text is distinct), a
 * file with more cells being read in groups of columns, one read each, every group getting the
 * roles and bins it would get alone; above, one read when the numbers fit and the text columns are
 * few enough. Other files (larger Parquet, JSON, a CSV file with too much text for the heap, any
 * CSV file that the Java reader is not sure it reads as DuckDB does) take DuckDB's SQL path
 * ({@link FileProfiler}). Both paths fit the bins of a large reference on the same seeded sample of
 * rows ({@link RowSample}).
 */
final class CsvProfiler {
    /** Parquet files with more rows are profiled by DuckDB; CSV files with more are read in one group if they fit. */
    static final long MAX_ROWS = 1_000_000;
    /** Heap bytes reserved for each cell held: a distinct 10-character text, its code and dictionary entry. */
    static final long HEAP_BYTES_PER_CELL = 160;
    /** {@code -Dsurprisal.csvInJava=false} keeps every file, CSV or Parquet, on the DuckDB path (tests compare the two). */
    static final String SWITCH = "surprisal.csvInJava";

    private CsvProfiler() {
    }

    /** A reference profile of a CSV file read by Java, or empty when the DuckDB path must do it. */
    static Optional<Profile> fit(TableReader reader, ProfileOptions o, LongConsumer progress) {
        return fit(reader, o, progress, Runtime.getRuntime().maxMemory());
    }

    /** {@link #fit(TableReader, ProfileOptions, LongConsumer)} with {@code heap} bytes to hold columns in. */
    static Optional<Profile> fit(TableReader reader, ProfileOptions o, LongConsumer progress, long heap) {
        List<String> available = reader.columnNames();
        o.roles().validate(available, reader.file());
        List<String> selected = o.roles().selected(available);
        Plan plan = plan(reader, selected, heap);
        if (plan == null) {
            return Optional.empty();
        }
        List<ColumnProfile> out = new ArrayList<>();
        DeferredCells where = new DeferredCells(CellLocator.of(reader.file(), reader.format()));
        List<String> excluded = List.of();
        long rows = -1;
        for (List<String> group : plan.groups()) {
            Optional<Read> r = readWithRoles(reader, group, available, o, progress, plan.textCells());
            if (r.isEmpty()) {
                return Optional.empty();
            }
            rows = requireRows(reader, r.get().table());
            excluded = r.get().roles().excluded();
            out.addAll(MemoryProfiler.fit(r.get().table(), r.get().roles().decisions(), o, where));
        }
        return Optional.of(Profile.of(located(out, where), rows, excluded, Map.of()));
    }

    /** A group of columns read, and their roles. */
    private record Read(Table table, ColumnRoles roles) {
    }

    /**
     * {@code group} read and its roles detected, or empty when the DuckDB path must read it. One
     * {@link ScanScratch} serves every column's statistics and is dropped on return, before the bins
     * are fitted: fresh memory per column cost a baseline of 2·10⁶ rows system time (docs/benchmarks.md, scan15).
     */
    private static Optional<Read> readWithRoles(TableReader reader, List<String> group, List<String> available,
                                                ProfileOptions o, LongConsumer progress, long textCells) {
        ScanScratch scratch = new ScanScratch();
        // a number column's statistics are taken as it is read, to know whether its role reads its text
        Map<String, ColumnStats> stats = new ConcurrentHashMap<>();
        Predicate<NumericColumn> keepText = c -> {
            ColumnStats s = ColumnStats.of(c, scratch, reader.numberHint());
            stats.put(c.name(), s);
            // the one column's role: the other names only feed the excluded list, which is not read here (a
            // loop over every name for each number column was quadratic in a wide file's width)
            return !ColumnRoles.of(List.of(s), List.of(), o.roles(), reader.file()).role(c.name()).isNumeric();
        };
        Optional<Table> t = read(reader, group, progress, keepText, textCells);
        return t.map(table -> new Read(table, roles(table, stats, available, o, reader, scratch)));
    }

    /**
     * The columns with their invalid cells located: every cell {@code where} noted, found in one pass
     * over the file after all columns were counted in parallel.
     */
    static List<ColumnProfile> located(List<ColumnProfile> columns, DeferredCells where) {
        java.util.function.UnaryOperator<String> at = where.resolve();
        List<ColumnProfile> out = new ArrayList<>(columns.size());
        for (ColumnProfile c : columns) {
            out.add(c.invalidCells().isEmpty() ? c : c.withCounts(c.counts(), c.rows(), c.missing(), c.invalid(),
                    c.invalidCells().stream().map(x -> new InvalidCell(at.apply(x.where()), x.value(), x.count())).toList(),
                    c.unseen(), c.moments(), c.sample(), c.keys()));
        }
        return out;
    }

    /**
     * The roles of {@code part}'s columns (in {@code available}'s order): a column's statistics from
     * {@code known} when they were taken as it was read, else from the column, the same rules either
     * way ({@link ColumnRoles#detect(Table, List, dev.surprisal.data.roles.RoleOverrides, java.nio.file.Path)}).
     */
    private static ColumnRoles roles(Table part, Map<String, ColumnStats> known, List<String> available,
                                     ProfileOptions o, TableReader reader, ScanScratch scratch) {
        Set<String> inPart = new HashSet<>(part.columnNames());
        List<String> held = o.roles().selected(available).stream().filter(inPart::contains).toList();
        ColumnStats[] s = new ColumnStats[held.size()];
        // one column per task, each in its own slot: the result does not depend on threads
        IntStream.range(0, s.length).parallel().forEach(i -> s[i] = known.containsKey(held.get(i))
                ? known.get(held.get(i)) : ColumnStats.of(part.column(held.get(i)), scratch, reader.numberHint()));
        return ColumnRoles.of(List.of(s), available, o.roles(), reader.file()).typed(reader.schema());
    }

    /** {@code reader} counted on {@code reference}'s bins by Java, or empty when the DuckDB path must do it. */
    static Optional<Profile> count(Profile reference, TableReader reader, LongConsumer progress) {
        return count(reference, reader, progress, Runtime.getRuntime().maxMemory());
    }

    /** {@link #count(Profile, TableReader, LongConsumer)} with {@code heap} bytes to hold columns in. */
    static Optional<Profile> count(Profile reference, TableReader reader, LongConsumer progress, long heap) {
        return count(reference, reader, progress, heap, null);
    }

    /**
     * {@link #count(Profile, TableReader, LongConsumer, long)}, its one group of columns taken from the
     * tokens {@code ahead} read (may be null) when they hold it: the same columns as a read of them.
     */
    static Optional<Profile> count(Profile reference, TableReader reader, LongConsumer progress, long heap,
                                   CountAhead ahead) {
        List<ColumnProfile> refs = reference.columns();
        List<String> names = refs.stream().map(ColumnProfile::name).toList();
        Plan plan = plan(reader, names, heap);
        CountAhead.Served tokens = ahead == null ? null : ahead.take(plan);
        if (plan == null) {
            return Optional.empty();
        }
        Map<String, ColumnProfile> ref = new HashMap<>();
        refs.forEach(c -> ref.put(c.name(), c));
        // a column whose role reads its text (keys, categories) is kept as text even when it holds numbers, and so
        // is one read with a decimal comma (its 1.299 is 1299, not the 1.299 the number reader made of it) or as times
        // of day (a stray plain number is an invalid cell there, not a value)
        Predicate<NumericColumn> keepText = c -> !ref.get(c.name()).role().isNumeric()
                || ref.get(c.name()).convention() != dev.surprisal.data.roles.NumberConvention.DECIMAL_POINT;
        List<ColumnProfile> out = new ArrayList<>();
        DeferredCells where = new DeferredCells(CellLocator.of(reader.file(), reader.format()));
        long rows = -1;
        int from = 0;
        for (List<String> group : plan.groups()) {
            Optional<Table> t = tokens != null ? tokens.tokens().columns(group, keepText, tokens.textCells())
                    : Optional.empty();
            if (t.isEmpty() && (tokens == null || tokens.textCells() < plan.textCells())) {
                // no tokens, or their own budget (they hold every column's numbers) declined text that this
                // plan admits when its columns alone are read: read them so, as a count without tokens would
                if (tokens != null) {
                    tokens = null;
                    ahead.served = false;
                }
                t = read(reader, group, progress, keepText, plan.textCells());
            }
            if (t.isEmpty()) {
                return Optional.empty();
            }
            rows = requireRows(reader, t.get());
            if (tokens != null && progress != null) {
                progress.accept(rows);
            }
            out.addAll(MemoryProfiler.count(refs.subList(from, from + group.size()), t.get(), where));
            from += group.size();
        }
        return Optional.of(Profile.of(located(out, where), rows, reference.excluded(), Map.of()));
    }

    /**
     * The columns of {@code group}: a CSV or TSV file's number columns as their numbers and the others
     * (and those {@code keepText} names) as text ({@link TableReader#csvTyped}), a Parquet file's
     * typed columns as DuckDB reads them (a typed column has no invalid cell).
     */
    private static Optional<Table> read(TableReader reader, List<String> group, LongConsumer progress,
                                        Predicate<NumericColumn> keepText, long textCells) {
        if (isParquet(reader)) {
            Table t = reader.columns(group.toArray(String[]::new)).read();
            if (progress != null) {
                progress.accept(t.rowCount());
            }
            return Optional.of(t);
        }
        return reader.csvTyped(group, keepText, textCells, progress);
    }

    private static boolean isParquet(TableReader reader) {
        DataFormat f = reader.format() != null ? reader.format() : DataFormat.fromFileName(reader.file());
        return f == DataFormat.PARQUET;
    }

    /** A Parquet file's row count, from its metadata. */
    private static long parquetRows(TableReader reader) {
        return reader.query(sql -> {
            long[] n = {-1};
            sql.forEachRow("SELECT count(*) FROM " + sql.from(), rs -> n[0] = rs.getLong(1));
            return n[0];
        });
    }

    private static long requireRows(TableReader reader, Table t) {
        if (t.rowCount() == 0) {
            throw new DataException(reader.file(), "no rows: the file has a header but no data");
        }
        return t.rowCount();
    }

    /**
     * How the columns are read: in groups that fit the heap, with at most {@code textCells} cells held
     * as text.
     */
    record Plan(List<List<String>> groups, long textCells) {
    }

    /**
     * The columns in groups that fit the heap, or null when this path does not apply (not a CSV,
     * TSV or Parquet file, no column selected, too large, or switched off).
     */
    static List<List<String>> groups(TableReader reader, List<String> columns, long heap) {
        Plan p = plan(reader, columns, heap);
        return p == null ? null : p.groups();
    }

    /**
     * Up to {@value #MAX_ROWS} rows, the columns in groups of as many as the heap holds at
     * {@value #HEAP_BYTES_PER_CELL} bytes a cell (every cell distinct text, the worst case). A larger
     * CSV or TSV file is read in one group when its bytes, their copy by column and
     * {@value #NUMBER_BYTES_PER_CELL} bytes a cell fit in half of the heap; the rest of that half is
     * what its text columns may take, at {@value #HEAP_BYTES_PER_CELL} bytes a cell, and a file with
     * more text declines ({@link TableReader#csvTyped}) to DuckDB's path, which spills.
     */
    static Plan plan(TableReader reader, List<String> columns, long heap) {
        if (columns.isEmpty() || "false".equals(System.getProperty(SWITCH))) {
            return null;
        }
        boolean parquet = isParquet(reader);
        long rows = parquet ? parquetRows(reader) : reader.estimatedRows();
        if (rows < 0) {
            return null;
        }
        if (rows > MAX_ROWS) {
            if (parquet) {
                return null;
            }
            long bytes;
            try {
                bytes = java.nio.file.Files.size(reader.file());
            } catch (java.io.IOException e) {
                return null;
            }
            long numbers = 2 * bytes + NUMBER_BYTES_PER_CELL * rows * columns.size();
            if (numbers > heap / 2) {
                return null;
            }
            return new Plan(List.of(columns), (heap / 2 - numbers) / HEAP_BYTES_PER_CELL);
        }
        long cells = heap / HEAP_BYTES_PER_CELL;
        int perGroup = (int) Math.max(1, Math.min(columns.size(), cells / Math.max(1, rows)));
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < columns.size(); from += perGroup) {
            groups.add(columns.subList(from, Math.min(columns.size(), from + perGroup)));
        }
        return new Plan(groups, Long.MAX_VALUE);
    }

    /**
     * Heap bytes a number cell of a large file costs while read: its end and kind in the column's
     * copy of the cells (5), its number (8), and the profile's working arrays of a column at a time.
     */
    static final long NUMBER_BYTES_PER_CELL = 16;
}
