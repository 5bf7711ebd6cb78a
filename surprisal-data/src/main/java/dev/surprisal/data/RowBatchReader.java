// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.TableSchema.Field;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Rows of a file handed out in batches of typed columns, streamed from DuckDB so that only one
 * batch is in memory. Categorical codes are stable across batches: each column keeps one
 * dictionary for the whole file, and a batch's {@link CategoricalColumn#dictionary()} is that
 * dictionary as it stood after the batch.
 *
 * <p>Obtain one from {@link TableReader#batches(int)} and close it (it holds a DuckDB connection):
 * <pre>{@code
 * try (RowBatchReader rows = TableReader.open(path).batches(65_536)) {
 *     while (rows.hasNext()) {
 *         Table batch = rows.next();
 *     }
 * }
 * }</pre>
 * A bad row raises a {@link DataException} from {@link #hasNext()} or {@link #next()}.
 */
public final class RowBatchReader implements Iterator<Table>, AutoCloseable {
    private final DuckDbSource source;
    private final List<Field> fields;
    private final int batchSize;
    private final Statement statement;
    private final ResultSet rows;
    private final String sql;
    private final List<Map<String, Integer>> indexes = new ArrayList<>();
    private final List<List<String>> dictionaries = new ArrayList<>();
    private boolean peeked;
    private boolean hasRow;

    RowBatchReader(DuckDbSource source, List<Field> fields, int batchSize) {
        this.source = source;
        this.fields = List.copyOf(fields);
        this.batchSize = batchSize;
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(source.valueExpression(fields.get(i))).append(" AS c").append(i);
            indexes.add(new HashMap<>());
            dictionaries.add(new ArrayList<>());
        }
        sql.append(" FROM ").append(source.from());
        this.sql = sql.toString();
        this.statement = source.statement();
        try {
            statement.setFetchSize(Math.min(batchSize, 1 << 16));
            this.rows = statement.executeQuery(this.sql);
        } catch (SQLException e) {
            throw source.translateStreamed(e, this.sql, fields.size());
        }
    }

    /**
     * The columns this reader returns, in order.
     *
     * @return the columns this reader returns, in order
     */
    public List<Field> fields() {
        return fields;
    }

    @Override
    public boolean hasNext() {
        if (!peeked) {
            hasRow = advance();
            peeked = true;
        }
        return hasRow;
    }

    /**
     * The next batch of at most {@code batchSize} rows.
     *
     * @throws NoSuchElementException when no rows are left
     * @throws DataException          when a row cannot be read
     */
    @Override
    public Table next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no rows left in " + source.file());
        }
        int k = fields.size();
        int cap = Math.min(batchSize, 1024);
        double[][] nums = new double[k][];
        int[][] codes = new int[k][];
        for (int j = 0; j < k; j++) {
            if (fields.get(j).type() == ColumnType.NUMERIC) {
                nums[j] = new double[cap];
            } else {
                codes[j] = new int[cap];
            }
        }
        int n = 0;
        try {
            do {
                if (n == cap) {
                    cap = (int) Math.min((long) cap * 2, Integer.MAX_VALUE - 8);
                    if (n == cap) {
                        throw new DataException(source.file(), "more rows than one in-memory table holds; "
                                + "read in batches or count with valueCounts/jointCounts");
                    }
                    for (int j = 0; j < k; j++) {
                        if (nums[j] != null) {
                            nums[j] = Arrays.copyOf(nums[j], cap);
                        } else {
                            codes[j] = Arrays.copyOf(codes[j], cap);
                        }
                    }
                }
                for (int j = 0; j < k; j++) {
                    if (nums[j] != null) {
                        double v = rows.getDouble(j + 1);
                        nums[j][n] = rows.wasNull() ? Double.NaN : v;
                    } else {
                        codes[j][n] = code(j, rows.getString(j + 1));
                    }
                }
                n++;
            } while (n < batchSize && (hasRow = advance()));
        } catch (SQLException e) {
            throw source.translateStreamed(e, sql, fields.size());
        }
        peeked = n < batchSize;
        return build(nums, codes, n);
    }

    /** A table with this reader's columns and no rows. */
    Table empty() {
        return build(new double[fields.size()][], new int[fields.size()][], 0);
    }

    private Table build(double[][] nums, int[][] codes, int n) {
        List<Column> cols = new ArrayList<>(fields.size());
        for (int j = 0; j < fields.size(); j++) {
            String name = fields.get(j).name();
            if (fields.get(j).type() == ColumnType.NUMERIC) {
                cols.add(NumericColumn.wrap(name, nums[j] == null ? new double[0] : nums[j], n));
            } else {
                int[] c = codes[j] == null ? new int[0] : codes[j];
                cols.add(CategoricalColumn.wrap(name, c.length == n ? c : Arrays.copyOf(c, n), dictionaries.get(j)));
            }
        }
        return Table.of(cols);
    }

    private int code(int column, String label) {
        if (label == null) {
            return CategoricalColumn.MISSING;
        }
        List<String> dict = dictionaries.get(column);
        return indexes.get(column).computeIfAbsent(label, l -> {
            dict.add(l);
            return dict.size() - 1;
        });
    }

    private boolean advance() {
        try {
            return rows.next();
        } catch (SQLException e) {
            throw source.translateStreamed(e, sql, fields.size());
        }
    }

    /** Closes the result set and the DuckDB connection. */
    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            // closing a result set that DuckDB already finished is harmless
        } finally {
            source.close();
        }
    }
}
