// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.DataException;
import dev.surprisal.data.DataFormat;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.roles.ColumnRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@link ProfileBuilder}'s path for CSV, TSV and Parquet files of up to {@value #MAX_ROWS} rows, wide
 * ones above all: Java reads the cells' text once ({@link TableReader#csvText}) into dictionary-coded
 * columns (a Parquet file's typed columns as DuckDB reads them, so no cell is printed as text and
 * parsed back), and {@link MemoryProfiler} applies the rules in memory, column by column in parallel
 * (each column's result has its own slot, so nothing depends on the number of threads). Role
 * detection, bin fitting and counting then need one read of the file instead of three DuckDB
 * scans, and no regular expression runs per cell.
 *
 * <p>The columns held at once are limited by the heap ({@value #HEAP_BYTES_PER_CELL} bytes a
 * cell, the cost of a cell whose text is distinct): a file with more cells is read in groups of
 * columns, one read each, and every group gets the roles and bins it would get alone. Files with
 * more rows stay on DuckDB's parallel SQL path ({@link FileProfiler}), as does JSON, and so does
 * any CSV file that the Java reader is not sure it reads as DuckDB does. Both paths fit the bins of
 * a large reference on the same seeded sample of rows ({@link RowSample}).
 */
final class CsvProfiler {
    /** Files with more (estimated) rows are profiled by DuckDB, which spills and uses every core. */
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
        List<String> selected = o.roles().selected(available);
        List<List<String>> groups = groups(reader, selected, heap);
        if (groups == null) {
            return Optional.empty();
        }
        List<ColumnProfile> out = new ArrayList<>();
        List<String> excluded = List.of();
        long rows = -1;
        for (List<String> group : groups) {
            Optional<Table> t = read(reader, group, progress);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            rows = requireRows(reader, t.get());
            ColumnRoles roles = ColumnRoles.detect(t.get(), available, o.roles(), reader.file());
            excluded = roles.excluded();
            out.addAll(MemoryProfiler.fit(t.get(), roles.decisions(), o, !isParquet(reader)));
        }
        return Optional.of(Profile.of(out, rows, excluded, Map.of()));
    }

    /** {@code reader} counted on {@code reference}'s bins by Java, or empty when the DuckDB path must do it. */
    static Optional<Profile> count(Profile reference, TableReader reader, LongConsumer progress) {
        return count(reference, reader, progress, Runtime.getRuntime().maxMemory());
    }

    /** {@link #count(Profile, TableReader, LongConsumer)} with {@code heap} bytes to hold columns in. */
    static Optional<Profile> count(Profile reference, TableReader reader, LongConsumer progress, long heap) {
        List<ColumnProfile> refs = reference.columns();
        List<String> names = refs.stream().map(ColumnProfile::name).toList();
        List<List<String>> groups = groups(reader, names, heap);
        if (groups == null) {
            return Optional.empty();
        }
        List<ColumnProfile> out = new ArrayList<>();
        long rows = -1;
        int from = 0;
        for (List<String> group : groups) {
            Optional<Table> t = read(reader, group, progress);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            rows = requireRows(reader, t.get());
            out.addAll(MemoryProfiler.count(refs.subList(from, from + group.size()), t.get(), !isParquet(reader)));
            from += group.size();
        }
        return Optional.of(Profile.of(out, rows, reference.excluded(), Map.of()));
    }

    /**
     * The columns of {@code group}: a CSV or TSV file's cells as text ({@link TableReader#csvText}),
     * a Parquet file's typed columns as DuckDB reads them (a typed column has no invalid cell).
     */
    private static Optional<Table> read(TableReader reader, List<String> group, LongConsumer progress) {
        if (isParquet(reader)) {
            Table t = reader.columns(group.toArray(String[]::new)).read();
            if (progress != null) {
                progress.accept(t.rowCount());
            }
            return Optional.of(t);
        }
        return reader.csvText(group, progress);
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
     * The columns in groups that fit the heap, or null when this path does not apply (not a CSV,
     * TSV or Parquet file, more than {@value #MAX_ROWS} rows, no column selected, or switched off).
     */
    static List<List<String>> groups(TableReader reader, List<String> columns, long heap) {
        if (columns.isEmpty() || "false".equals(System.getProperty(SWITCH))) {
            return null;
        }
        long rows = isParquet(reader) ? parquetRows(reader) : reader.estimatedRows();
        if (rows < 0 || rows > MAX_ROWS) {
            return null;
        }
        long cells = heap / HEAP_BYTES_PER_CELL;
        int perGroup = (int) Math.max(1, Math.min(columns.size(), cells / Math.max(1, rows)));
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < columns.size(); from += perGroup) {
            groups.add(columns.subList(from, Math.min(columns.size(), from + perGroup)));
        }
        return groups;
    }
}
