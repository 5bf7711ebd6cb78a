// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.data.TableSchema.Field;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A window onto the DuckDB connection of one {@link TableReader#query} call, for aggregates that
 * other packages push down into SQL (profiles count frozen bins this way). It hands out the SQL
 * expressions that read a column the same way {@link TableReader} does, so NaN, types and
 * overrides are treated identically everywhere.
 */
public final class SqlView {
    /**
     * Columns per aggregate query when a caller aggregates many columns. One query over every
     * column of a wide file grows super-linearly in time and crashed DuckDB 1.4 at 200 columns
     * (SIGSEGV, 10,000 rows); {@link TableReader#query} materialises a wide file once, so each
     * group is a scan of memory, not another parse of the file.
     */
    public static final int COLUMNS_PER_QUERY = 50;

    private final DuckDbSource source;

    SqlView(DuckDbSource source) {
        this.source = source;
    }

    /**
     * The file's columns with the types they will be read as.
     *
     * @return the file's columns with the types they will be read as
     */
    public TableSchema schema() {
        return source.schema();
    }

    /**
     * The FROM target that reads the file with the types applied.
     *
     * @return the SQL FROM target that reads the file with the types applied
     */
    public String from() {
        return source.from();
    }

    /**
     * A DOUBLE expression for {@code column}, NaN made NULL; a date or timestamp column gives seconds
     * since 1970-01-01 UTC and a boolean 0/1, whatever the column's {@link ColumnType}.
     *
     * @param column a column's name
     * @return an SQL DOUBLE expression
     * @throws DataException if there is no such column
     */
    public String numeric(String column) {
        Field f = source.field(column);
        String t = f.duckdbType().toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("DATE") || t.startsWith("TIMESTAMP")) {
            // a CSV reads a categorical date column as text, so go through TIMESTAMP explicitly
            return "CAST(epoch(CAST(" + identifier(f.name()) + " AS TIMESTAMP)) AS DOUBLE)";
        }
        return source.valueExpression(new Field(f.name(), f.duckdbType(), ColumnType.NUMERIC));
    }

    /**
     * A VARCHAR expression for {@code column}: its values as labels.
     *
     * @param column a column's name
     * @return an SQL VARCHAR expression
     */
    public String text(String column) {
        Field f = source.field(column);
        return source.valueExpression(new Field(f.name(), f.duckdbType(), ColumnType.CATEGORICAL));
    }

    /**
     * {@code "name"} quoted as an SQL identifier.
     *
     * @param name a name
     * @return it quoted as an SQL identifier
     */
    public static String identifier(String name) {
        return DuckDbSource.quoteIdentifier(name);
    }

    /**
     * {@code 'text'} quoted as an SQL string literal.
     *
     * @param text a text
     * @return it quoted as an SQL string literal
     */
    public static String literal(String text) {
        return DuckDbSource.sqlString(text);
    }

    /**
     * Runs {@code sql} and hands each row to {@code row}; DuckDB errors become {@link DataException}s
     * naming the file. With {@code -Dsurprisal.trace=true} each query's time and first characters go
     * to stderr (how the drift benchmark's passes were timed).
     *
     * @param sql the query
     * @param row receives each row of the result
     */
    public void forEachRow(String sql, RowHandler row) {
        long t0 = System.nanoTime();
        try (Statement st = source.statement(); ResultSet rs = source.query(st, sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        } catch (SQLException e) {
            throw source.translate(e);
        } finally {
            if (Boolean.getBoolean("surprisal.trace")) {
                System.err.printf("[sql %.2fs, %d chars] %s%n", (System.nanoTime() - t0) / 1e9, sql.length(),
                        sql.substring(0, Math.min(100, sql.length())));
            }
        }
    }

    /** One row of a result. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * @param row the current row of the result
         * @throws SQLException when a value cannot be read
         */
        void accept(ResultSet row) throws SQLException;
    }
}
