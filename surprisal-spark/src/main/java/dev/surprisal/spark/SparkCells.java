// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.ValueBins;
import dev.surprisal.data.roles.Cells;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How the cells of a Spark row are read, so that they mean what they mean to the local engine: a
 * numeric Spark column is a {@link NumericColumn} (null and NaN missing), any other column is text
 * ({@link CategoricalColumn}, null missing), read afterwards with {@link Cells}' rules exactly as
 * {@code surprisal-data} reads a CSV cell (pandas' missing strings, numbers, ISO dates). A CSV file
 * read by Spark without schema inference is all text, as the local engine reads it. Dates and
 * timestamps become their ISO text ({@code 2024-05-03}, {@code 2024-05-03 06:00:00}), as DuckDB
 * writes them. Serializable: it travels to the executors with the tasks.
 */
final class SparkCells implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final String[] names;
    private final boolean[] numeric;

    private SparkCells(String[] names, boolean[] numeric) {
        this.names = names;
        this.numeric = numeric;
    }

    /** The reader of {@code columns} (in this order) of rows with {@code schema}. */
    static SparkCells of(StructType schema, List<String> columns) {
        String[] n = columns.toArray(new String[0]);
        boolean[] num = new boolean[n.length];
        for (int i = 0; i < n.length; i++) {
            num[i] = isNumeric(schema.apply(n[i]));
        }
        return new SparkCells(n, num);
    }

    private static boolean isNumeric(StructField f) {
        DataType t = f.dataType();
        return t.equals(DataTypes.ByteType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.IntegerType)
                || t.equals(DataTypes.LongType) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.DoubleType)
                || t instanceof DecimalType;
    }

    int size() {
        return names.length;
    }

    List<String> names() {
        return List.of(names);
    }

    String name(int j) {
        return names[j];
    }

    boolean numeric(int j) {
        return numeric[j];
    }

    /** Cell j of a numeric column as a double, NaN when null. Floats go through their shortest decimal, as their text would. */
    double number(Row r, int j) {
        Object o = r.get(j);
        if (o == null) {
            return Double.NaN;
        }
        if (o instanceof Float) {
            return Double.parseDouble(o.toString());
        }
        if (o instanceof BigDecimal) {
            return ((BigDecimal) o).doubleValue();
        }
        return ((Number) o).doubleValue();
    }

    /** Cell j of a text column, null when null. */
    String text(Row r, int j) {
        Object o = r.get(j);
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) o).toLocalDateTime().format(TIMESTAMP);
        }
        if (o instanceof java.time.LocalDateTime) {
            return ((java.time.LocalDateTime) o).format(TIMESTAMP);
        }
        return o.toString();
    }

    /** Whether cell j is missing, by the local engine's rules (NaN or null; pandas' missing strings). */
    boolean missing(Row r, int j) {
        return numeric[j] ? Double.isNaN(number(r, j)) : Cells.isMissing(text(r, j));
    }

    /** The number in a non-missing cell j, NaN when it is not one (an invalid cell). */
    double value(Row r, int j) {
        return numeric[j] ? number(r, j) : Cells.number(text(r, j));
    }

    /** A non-missing cell j as text: its label, or the number written as the profile writes values. */
    String label(Row r, int j) {
        return numeric[j] ? ValueBins.format(number(r, j)) : text(r, j);
    }

    /** The rows as an in-memory table, each column read as the local engine reads it. */
    Table table(List<Row> rows) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            if (numeric[j]) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = number(rows.get(i), j);
                }
                cols.add(NumericColumn.of(names[j], v));
            } else {
                String[] v = new String[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = text(rows.get(i), j);
                }
                cols.add(CategoricalColumn.of(names[j], v));
            }
        }
        return Table.of(cols);
    }
}
