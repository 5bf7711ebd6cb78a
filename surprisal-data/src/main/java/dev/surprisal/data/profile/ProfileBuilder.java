// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * Builds {@link Profile}s. {@link #fit} detects each column's role ({@link dev.surprisal.data.roles.ColumnRoles}),
 * fits the bins of the scored ones on a reference and counts it; {@link #count} counts new data on
 * a reference's frozen roles and bins. Bins are fitted by {@link Binning} on every path. Per role:
 * <ul>
 *   <li>continuous: equal-frequency bins, plus underflow and overflow; the interior edges are
 *       quantiles of the reference's finite values (of a seeded 200,000-row {@link RowSample} above
 *       that size, unless {@link ProfileOptions#withExactEdges exact edges} are asked for), the outer
 *       edges its exact min and max;</li>
 *   <li>binary and discrete: one bin per reference value, plus unseen;</li>
 *   <li>categorical: the top K categories, plus other and unseen;</li>
 *   <li>id-like, timestamp, date, constant: no bins; present, distinct and range for the key checks.</li>
 * </ul>
 * Missing cells (NULL and pandas' missing strings) and, in numeric roles, invalid cells (neither a
 * number nor missing) are counted apart; the first invalid cells are kept with their line.
 * A file is read through DuckDB ({@link FileProfiler}); an in-memory {@link Table} by the same rules
 * in Java ({@link MemoryProfiler}), with the same result. A reference or a day without rows is bad
 * data ({@link dev.surprisal.data.DataException}, "no rows").
 */
public final class ProfileBuilder {
    private ProfileBuilder() {
    }

    /**
     * @param reader  the reference file
     * @param options how to profile it
     * @return the reference profile
     */
    public static Profile fit(TableReader reader, ProfileOptions options) {
        return fit(reader, options, null);
    }

    /**
     * @param reader   the reference file
     * @param options  how to profile it
     * @param progress receives the rows done (may be null)
     * @return the reference profile
     */
    public static Profile fit(TableReader reader, ProfileOptions options, LongConsumer progress) {
        return FileProfiler.fit(reader, options, progress);
    }

    /**
     * @param reference a reference profile
     * @param reader    the file to count
     * @return the file counted on the reference's roles and bins
     */
    public static Profile count(Profile reference, TableReader reader) {
        return count(reference, reader, null);
    }

    /**
     * @param reference a reference profile
     * @param reader    the file to count
     * @param progress  receives the rows done (may be null)
     * @return the file counted on the reference's roles and bins
     */
    public static Profile count(Profile reference, TableReader reader, LongConsumer progress) {
        return FileProfiler.count(reference, reader, progress);
    }

    /**
     * @param table   an in-memory reference
     * @param options how to profile it
     * @return the reference profile
     */
    public static Profile fit(Table table, ProfileOptions options) {
        return MemoryProfiler.fit(table, options);
    }

    /**
     * @param reference a reference profile
     * @param table     the table to count
     * @return the table counted on the reference's roles and bins
     */
    public static Profile count(Profile reference, Table table) {
        return MemoryProfiler.count(reference, table);
    }

    /**
     * @param name   a column name
     * @param values its values (NaN: missing)
     * @return a one-column table
     */
    public static Table table(String name, double[] values) {
        return Table.of(List.of(NumericColumn.of(name, values)));
    }
}
