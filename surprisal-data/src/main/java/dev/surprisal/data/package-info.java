// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Table input: CSV, TSV, Parquet and JSON/NDJSON read through an embedded DuckDB into typed
 * columns ({@link dev.surprisal.data.NumericColumn}, {@link dev.surprisal.data.CategoricalColumn}),
 * and counts computed inside DuckDB with {@code GROUP BY} so that memory is O(distinct values):
 * {@link dev.surprisal.data.TableReader#valueCounts} gives a {@link dev.surprisal.counts.Counts},
 * {@link dev.surprisal.data.TableReader#jointCounts} a {@link dev.surprisal.counts.ContingencyTable}.
 * Bad files raise {@link dev.surprisal.data.DataException} naming file, line and column.
 */
package dev.surprisal.data;
