// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cell locations found after the work that meets the cells: while columns are prepared or counted in
 * parallel, {@link #where} only notes the row (no lock, no file read) and hands out a placeholder;
 * {@link #resolve()} then locates every noted row with one call of the underlying locator (for a CSV
 * file one pass over it, {@link CellLocator#where(long[])}) and replaces the placeholders. Used by the
 * profilers and {@code MiTable}, whose texts must go through the returned function before anyone
 * reads them.
 */
public final class DeferredCells implements CellLocator {
    private static final Pattern MARK = Pattern.compile("\u0000cell:(\\d+)\u0000");
    private final CellLocator target;
    private final Set<Long> rows = ConcurrentHashMap.newKeySet();

    /** @param target the locator that finds the rows (a CSV file's lines) */
    public DeferredCells(CellLocator target) {
        this.target = target;
    }

    /**
     * Notes {@code row}; its place is filled in by {@link #resolve()}.
     *
     * @param row the row, from 0
     * @return a placeholder for the row's place
     */
    @Override
    public String where(long row) {
        rows.add(row);
        return "\u0000cell:" + row + "\u0000";
    }

    /**
     * Locates every row noted so far in one call of the underlying locator.
     *
     * @return what turns a text holding placeholders into the text with the places ({@code line 17})
     */
    public UnaryOperator<String> resolve() {
        long[] noted = rows.stream().mapToLong(Long::longValue).sorted().toArray();
        if (noted.length == 0) {
            return UnaryOperator.identity();
        }
        String[] places = target.where(noted);
        Map<Long, String> place = new HashMap<>();
        for (int i = 0; i < noted.length; i++) {
            place.put(noted[i], places[i]);
        }
        return text -> text == null || text.indexOf('\u0000') < 0 ? text : MARK.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(place.get(Long.parseLong(m.group(1)))));
    }

    @Override
    public String toString() {
        return "deferred " + Arrays.toString(rows.toArray());
    }
}
