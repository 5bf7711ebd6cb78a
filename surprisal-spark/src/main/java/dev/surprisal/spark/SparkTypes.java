// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.spark;

import dev.surprisal.data.ColumnType;
import dev.surprisal.data.TableSchema;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.NumberHint;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A Spark schema under the type names DuckDB gives the same columns ({@code BOOLEAN}, {@code SMALLINT},
 * {@code DECIMAL(18,2)}, {@code STRUCT(a INTEGER)}, {@code INTEGER[]}, {@code MAP(VARCHAR, INTEGER)}, …), so that
 * {@code ColumnRoles.typed} words a column's reason from its type on Spark as it does for the local engine: one rule,
 * in {@code surprisal-data}, for both engines.
 */
final class SparkTypes {
    private SparkTypes() {
    }

    /**
     * The key of a column's metadata that holds the type DuckDB sniffs for the same column of a local CSV or TSV
     * file ({@code BOOLEAN} for {@code Yes}/{@code No} or {@code true}/{@code false} cells): Spark reads such a file
     * as text, and the local engine words the column's reason from DuckDB's type ({@code ColumnRoles.typed}), so the
     * Spark engine carries that type with the column to word it the same.
     */
    static final String SNIFFED = "surprisal.duckdbType";

    /**
     * The key of a column's metadata that holds the decimal mark set for it ({@link NumberConvention#name()}: the
     * user's {@code --decimal}, {@link SparkEngine#withDecimal}), absent when its cells decide.
     */
    static final String DECIMAL = "surprisal.decimal";

    /** The key of a column's metadata that says its file is ';'-separated (true), where a ',' is a decimal comma. */
    static final String SEMICOLON = "surprisal.semicolon";

    /**
     * What the reader of {@code f}'s table said about its numbers' decimal mark, carried with the column as its
     * metadata ({@link SparkEngine#read}), so that every scan of the Dataset decides the column's convention by the
     * local engine's rule ({@link NumberHint#apply}).
     *
     * @param f a column
     * @return its hint, {@link NumberHint#NONE} when none was set
     */
    static NumberHint hint(StructField f) {
        org.apache.spark.sql.types.Metadata m = f.metadata();
        NumberConvention forced = m.contains(DECIMAL) ? NumberConvention.valueOf(m.getString(DECIMAL)) : null;
        boolean semicolon = m.contains(SEMICOLON) && m.getBoolean(SEMICOLON);
        return forced == null && !semicolon ? NumberHint.NONE : new NumberHint(forced, semicolon);
    }

    /**
     * @param schema a Dataset's schema
     * @return its columns, each with the type name DuckDB gives such a column and how the engine reads it
     */
    static TableSchema schema(StructType schema) {
        List<TableSchema.Field> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            // a text column of a local CSV file keeps the type DuckDB sniffed for the local engine (SparkEngine.read)
            String t = f.metadata().contains(SNIFFED) ? f.metadata().getString(SNIFFED) : duckdbType(f.dataType());
            fields.add(new TableSchema.Field(f.name(), t, SparkCells.isNumeric(f) ? ColumnType.NUMERIC
                    : ColumnType.CATEGORICAL));
        }
        return new TableSchema(fields);
    }

    /**
     * @param t a Spark type
     * @return the name DuckDB gives the same type when it reads the same Parquet or JSON column; Spark's own SQL
     *         name for a type DuckDB has no counterpart of
     */
    static String duckdbType(DataType t) {
        if (t instanceof StructType s) {
            StringJoiner j = new StringJoiner(", ", "STRUCT(", ")");
            for (StructField f : s.fields()) {
                j.add(f.name() + " " + duckdbType(f.dataType()));
            }
            return j.toString();
        }
        if (t instanceof ArrayType a) {
            return duckdbType(a.elementType()) + "[]";
        }
        if (t instanceof MapType m) {
            return "MAP(" + duckdbType(m.keyType()) + ", " + duckdbType(m.valueType()) + ")";
        }
        if (t instanceof DecimalType d) {
            return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
        }
        if (t.equals(DataTypes.IntegerType)) {
            return "INTEGER";
        }
        if (t.equals(DataTypes.StringType)) {
            return "VARCHAR";
        }
        if (t.equals(DataTypes.BinaryType)) {
            return "BLOB";
        }
        // Spark's instant (INT96, as Spark writes it) reads in DuckDB as a TIMESTAMP holding the UTC time
        // (SparkCells.instantText); TIMESTAMP_NTZ is DuckDB's TIMESTAMP
        if (t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType)) {
            return "TIMESTAMP";
        }
        return t.sql(); // BOOLEAN, TINYINT, SMALLINT, BIGINT, FLOAT, DOUBLE, DATE: the same names
    }
}
