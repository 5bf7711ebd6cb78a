// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A CSV or TSV file's columns tokenised ({@link TableReader#csvTokens}) but not yet decided: the costly
 * part of {@link TableReader#csvTyped}, done before the caller knows which of the columns it wants and
 * which of them as text. A drift check starts it while it opens the store and reads the reference
 * (docs/benchmarks.md, csv14). {@link #columns} then gives, once, what {@code csvTyped} of those
 * columns gives: each column's numbers, text and declines depend on its own cells alone.
 */
public final class CsvTokens {
    private final CsvText tokens;
    private final Map<String, Integer> place = new HashMap<>();

    CsvTokens(CsvText tokens, List<String> names) {
        this.tokens = tokens;
        for (int j = 0; j < names.size(); j++) {
            place.put(names.get(j), j);
        }
    }

    /**
     * @param names columns of the file
     * @return whether every one of {@code names} was tokenised
     */
    public boolean covers(List<String> names) {
        return place.keySet().containsAll(names);
    }

    /**
     * The named columns as {@link TableReader#csvTyped} reads them, from the tokens; callable once.
     *
     * @param names     columns that {@link #covers} says were tokenised, in any order
     * @param keepText  given a number column, whether its text is wanted instead (called once per
     *                  column, from several threads at once)
     * @param textCells the most cells to hold as text (rows × text columns)
     * @return the columns in the order of {@code names}, or empty when the file needs DuckDB's path
     * @throws IllegalArgumentException when a name was not tokenised
     * @throws IllegalStateException    on a second call
     */
    public Optional<Table> columns(List<String> names, Predicate<NumericColumn> keepText, long textCells) {
        if (!covers(names)) {
            throw new IllegalArgumentException("not tokenised: " + names);
        }
        // the tokenised columns are in file order; the kept ones by their place among them, ascending
        int[] keep = names.stream().mapToInt(place::get).distinct().sorted().toArray();
        try {
            Table t = tokens.finish(keep, keepText, textCells);
            return Optional.of(Table.of(names.stream().map(t::column).toList()));
        } catch (CsvText.Decline d) {
            return Optional.empty();
        } catch (InternalError e) {
            // the mapped file shrank while read (another process truncating it): DuckDB's path reads it or says why
            return Optional.empty();
        }
    }
}
