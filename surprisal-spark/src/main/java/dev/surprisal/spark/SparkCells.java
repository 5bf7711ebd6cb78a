// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.ValueBins;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.NumberConvention;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StringType;
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
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String[] names;
    private final boolean[] numeric;
    private final DataType[] types;
    /** Per column, how its text cells are read as numbers (its role's convention; a decimal point until known). */
    private final NumberConvention[] conventions;

    private SparkCells(String[] names, boolean[] numeric, DataType[] types, NumberConvention[] conventions) {
        this.names = names;
        this.numeric = numeric;
        this.types = types;
        this.conventions = conventions;
    }

    /**
     * @param read each column's convention, in this reader's order (a decided role's, or a profile's frozen one)
     * @return this reader, reading each text column's numbers in its convention
     */
    SparkCells withConventions(List<NumberConvention> read) {
        if (read.size() != names.length) {
            throw new IllegalArgumentException("conventions: " + read.size() + " for " + names.length + " columns");
        }
        return new SparkCells(names, numeric, types, read.toArray(new NumberConvention[0]));
    }

    /** @return column j's convention */
    NumberConvention convention(int j) {
        return conventions[j];
    }

    /** The reader of {@code columns} (in this order) of rows with {@code schema}. */
    static SparkCells of(StructType schema, List<String> columns) {
        String[] n = columns.toArray(new String[0]);
        boolean[] num = new boolean[n.length];
        DataType[] types = new DataType[n.length];
        for (int i = 0; i < n.length; i++) {
            num[i] = isNumeric(schema.apply(n[i]));
            types[i] = schema.apply(n[i]).dataType();
        }
        NumberConvention[] read = new NumberConvention[n.length];
        java.util.Arrays.fill(read, NumberConvention.DECIMAL_POINT);
        return new SparkCells(n, num, types, read);
    }

    /** Whether the engine reads {@code f} as numbers (Spark's integer, floating and decimal types). */
    static boolean isNumeric(StructField f) {
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
        return textOf(r.get(j));
    }

    /** An external (Row) value as text: timestamps in ISO form, as DuckDB writes them; null when null. */
    private static String textOf(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp) {
            return instantText(((java.sql.Timestamp) o).toInstant());
        }
        if (o instanceof java.time.Instant) {
            return instantText((java.time.Instant) o);
        }
        if (o instanceof java.time.LocalDateTime) {
            return timestampText((java.time.LocalDateTime) o);
        }
        return o.toString();
    }

    /**
     * A date-time as DuckDB casts a TIMESTAMP to text, so that the ranges kept for a timestamp column (and
     * the stale-data checks that compare them as text) are the local engine's: whole seconds without a
     * fraction ({@code 2024-05-03 06:00:00}), otherwise the microseconds without trailing zeros
     * ({@code 06:00:00.5}, {@code 06:00:00.123456}). A pattern with an optional {@code [.SSSSSS]} always
     * printed the six digits, and {@code …:00.000000} sorts after {@code …:00}.
     *
     * @param t the date-time
     * @return its text
     */
    /**
     * An instant (Spark's {@code timestamp}) as its UTC wall-clock time, in {@link #timestampText}'s form.
     * Spark's own Parquet writer stores such a column as INT96, which DuckDB reads as a TIMESTAMP holding
     * that UTC time, whatever the machine's time zone; {@code Timestamp.toLocalDateTime} would have shown
     * the JVM's zone instead. (A column stored as a UTC-adjusted TIMESTAMP_MICROS by another writer reads
     * as TIMESTAMP WITH TIME ZONE in DuckDB, shown with an offset, {@code …+00}: there the two engines'
     * range texts differ; docs/scaling.md says so.)
     *
     * @param i the instant
     * @return its text
     */
    static String instantText(java.time.Instant i) {
        return timestampText(java.time.LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC));
    }

    static String timestampText(java.time.LocalDateTime t) {
        String s = t.format(SECONDS);
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return s;
        }
        String f = Integer.toString(1_000_000 + micros).substring(1);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return s + "." + f.substring(0, end);
    }

    /** Whether cell j is missing, by the local engine's rules (NaN or null; pandas' missing strings). */
    boolean missing(Row r, int j) {
        return numeric[j] ? Double.isNaN(number(r, j)) : Cells.isMissing(text(r, j));
    }

    /** The number in a non-missing cell j, NaN when it is not one (an invalid cell). */
    double value(Row r, int j) {
        return numeric[j] ? number(r, j) : Cells.number(text(r, j), conventions[j]);
    }

    /** A non-missing cell j as text: its label, or the number written as the profile writes values. */
    String label(Row r, int j) {
        return numeric[j] ? ValueBins.format(number(r, j)) : text(r, j);
    }

    /**
     * A reader of up to {@code capacity} of Spark's internal rows into primitive columns (the research note's
     * pattern A): each cell read once, a numeric one straight into a {@code double[]} (no {@link Row}, no boxed
     * number), a text one as its String; the values are those {@link #number} and {@link #text} give for the
     * same row as a {@link Row}.
     *
     * @param capacity the most rows held
     * @return an empty chunk
     */
    Chunk chunk(int capacity) {
        return new Chunk(capacity);
    }

    /** Rows read into columns, {@link #table} then being what the local engine counts. Not thread-safe. */
    final class Chunk {
        private final double[][] numbers;
        private final String[][] texts;
        /** Per column of a type other than numbers and strings (timestamps, dates, …): Spark's own Row conversion. */
        private final scala.Function1<Object, Object>[] external;
        private int size;

        @SuppressWarnings("unchecked")
        private Chunk(int capacity) {
            numbers = new double[names.length][];
            texts = new String[names.length][];
            external = new scala.Function1[names.length];
            for (int j = 0; j < names.length; j++) {
                if (numeric[j]) {
                    numbers[j] = new double[capacity];
                } else {
                    texts[j] = new String[capacity];
                    if (!(types[j] instanceof StringType)) {
                        external[j] = CatalystTypeConverters.createToScalaConverter(types[j]);
                    }
                }
            }
        }

        /** Reads one row (the row may be reused by Spark afterwards: nothing of it is kept). */
        void add(InternalRow r) {
            for (int j = 0; j < names.length; j++) {
                if (numeric[j]) {
                    numbers[j][size] = r.isNullAt(j) ? Double.NaN : number(r, j);
                } else if (r.isNullAt(j)) {
                    texts[j][size] = null;
                } else {
                    texts[j][size] = external[j] == null ? r.getUTF8String(j).toString()
                            : textOf(external[j].apply(r.get(j, types[j])));
                }
            }
            size++;
        }

        /** A non-null numeric cell as {@link SparkCells#number} reads it from a Row. */
        private double number(InternalRow r, int j) {
            DataType t = types[j];
            if (t.equals(DataTypes.DoubleType)) {
                return r.getDouble(j);
            } else if (t.equals(DataTypes.LongType)) {
                return r.getLong(j);
            } else if (t.equals(DataTypes.IntegerType)) {
                return r.getInt(j);
            } else if (t.equals(DataTypes.FloatType)) {
                return Double.parseDouble(Float.toString(r.getFloat(j)));
            } else if (t.equals(DataTypes.ShortType)) {
                return r.getShort(j);
            } else if (t.equals(DataTypes.ByteType)) {
                return r.getByte(j);
            }
            DecimalType d = (DecimalType) t;
            return r.getDecimal(j, d.precision(), d.scale()).toJavaBigDecimal().doubleValue();
        }

        int size() {
            return size;
        }

        /** Empties the chunk for the next rows. */
        void clear() {
            size = 0;
        }

        /** Cell (i, j) of a numeric column, NaN when missing. */
        double number(int i, int j) {
            return numbers[j][i];
        }

        /** Whether cell (i, j) is missing, as {@link SparkCells#missing}. */
        boolean missing(int i, int j) {
            return numeric[j] ? Double.isNaN(numbers[j][i]) : Cells.isMissing(texts[j][i]);
        }

        /** The number in a non-missing cell (i, j), as {@link SparkCells#value}. */
        double value(int i, int j) {
            return numeric[j] ? numbers[j][i] : Cells.number(texts[j][i], conventions[j]);
        }

        /** The rows read so far as an in-memory table (copies: the chunk is reused), each column as the local engine reads it. */
        Table table() {
            List<Column> cols = new ArrayList<>();
            for (int j = 0; j < names.length; j++) {
                cols.add(numeric[j] ? NumericColumn.of(names[j], java.util.Arrays.copyOf(numbers[j], size))
                        : CategoricalColumn.of(names[j], java.util.Arrays.copyOf(texts[j], size)));
            }
            return Table.of(cols);
        }
    }
}
