// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import dev.surprisal.core.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable, in-memory table: named typed columns of equal length, in file order. */
public final class Table {
    private final Map<String, Column> columns;
    private final int rowCount;

    private Table(Map<String, Column> columns, int rowCount) {
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /**
     * A table of the given columns.
     *
     * @param columns the columns, distinct names, all of the same length
     * @return the table
     * @throws IllegalArgumentException if two columns share a name or differ in length
     */
    public static Table of(List<? extends Column> columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.size() != n) {
                throw new ValidationException("columns[" + i + "]: '" + c.name() + "' has " + c.size()
                        + " rows, columns[0] has " + n);
            }
            if (map.put(c.name(), c) != null) {
                throw new ValidationException("columns[" + i + "]: duplicate name '" + c.name() + "'");
            }
        }
        return new Table(Collections.unmodifiableMap(map), n);
    }

    /**
     * Number of rows.
     *
     * @return the number of rows
     */
    public int rowCount() {
        return rowCount;
    }

    /**
     * Column names in file order.
     *
     * @return the column names in file order
     */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /**
     * All columns in file order.
     *
     * @return all columns in file order
     */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /**
     * The column called {@code name}.
     *
     * @param name a column's name
     * @return the column
     * @throws IllegalArgumentException if there is none; the message lists the available names
     */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new ValidationException("name: no column '" + name + "'; available: "
                    + String.join(", ", new ArrayList<>(columns.keySet())));
        }
        return c;
    }

    /**
     * The numeric column called {@code name}.
     *
     * @param name a column's name
     * @return the numeric column
     * @throws IllegalArgumentException if there is none or it is categorical
     */
    public NumericColumn numeric(String name) {
        Column c = column(name);
        if (!(c instanceof NumericColumn)) {
            throw new ValidationException("name: column '" + name + "' is categorical, not numeric");
        }
        return (NumericColumn) c;
    }

    /**
     * The categorical column called {@code name}.
     *
     * @param name a column's name
     * @return the categorical column
     * @throws IllegalArgumentException if there is none or it is numeric
     */
    public CategoricalColumn categorical(String name) {
        Column c = column(name);
        if (!(c instanceof CategoricalColumn)) {
            throw new ValidationException("name: column '" + name + "' is numeric, not categorical");
        }
        return (CategoricalColumn) c;
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows, " + columns.keySet() + "]";
    }
}
