// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a file as Surprisal will read them: name, the DuckDB type its sniffer inferred,
 * and the {@link ColumnType} chosen from that type or set by an override.
 *
 * @param fields the columns in file order
 */
public record TableSchema(List<Field> fields) {
    /**
     * One column.
     *
     * @param name      the column name as in the file
     * @param duckdbType the type DuckDB inferred, e.g. {@code BIGINT}, {@code VARCHAR}, {@code DATE}
     * @param type      how Surprisal reads it
     */
    public record Field(String name, String duckdbType, ColumnType type) {
    }

    /**
     * Copies the list.
     *
     * @param fields the columns in file order
     */
    public TableSchema {
        fields = List.copyOf(fields);
    }

    /**
     * Column names in file order.
     *
     * @return the column names in file order
     */
    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /**
     * The column called {@code name}, if any.
     *
     * @param name a column's name
     * @return its field, if any
     */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
