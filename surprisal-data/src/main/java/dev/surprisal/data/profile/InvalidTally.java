// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import dev.surprisal.data.CellLocator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column's invalid cells counted by value as the Java profiler meets them, each value with its first row;
 * only the values kept are located ({@link CellLocator#where}), once, at the end. Not thread-safe: one column
 * of one part.
 */
final class InvalidTally {
    /** value → {cells, first row (0-based, in the part)}, in order of first appearance. */
    private final Map<String, long[]> byValue = new HashMap<>();

    /**
     * Counts one invalid cell.
     *
     * @param value its text
     * @param row   its row in the part (0-based)
     */
    void add(String value, long row) {
        long[] c = byValue.get(value);
        if (c == null) {
            byValue.put(value, new long[] {1, row});
        } else {
            c[0]++;
        }
    }

    /**
     * Counts {@code cells} invalid cells of one value at once (counted elsewhere, e.g. by SQL).
     *
     * @param value their text
     * @param cells how many
     * @param row   the first one's row in the part (0-based)
     */
    void add(String value, long cells, long row) {
        long[] c = byValue.get(value);
        if (c == null) {
            byValue.put(value, new long[] {cells, row});
        } else {
            c[0] += cells;
            c[1] = Math.min(c[1], row);
        }
    }

    /**
     * The values counted, each with its first cell located.
     *
     * @param where where cells are
     * @param first how many rows of the source come before the part
     * @param all   every value (a part that is merged later, {@link PartialProfiles}), or the {@link InvalidCell#top}
     * @return the values, most frequent first
     */
    List<InvalidCell> cells(CellLocator where, long first, boolean all) {
        // ranked before they are located, so that only the values kept are looked up in the file
        List<InvalidCell> unlocated = new ArrayList<>(byValue.size());
        byValue.forEach((v, c) -> unlocated.add(new InvalidCell(null, v, c[0])));
        List<InvalidCell> kept = all ? InvalidCell.merged(unlocated, List.of()) : InvalidCell.top(unlocated);
        List<InvalidCell> out = new ArrayList<>(kept.size());
        for (InvalidCell c : kept) {
            out.add(new InvalidCell(where.where(first + byValue.get(c.value())[1]), c.value(), c.count()));
        }
        return out;
    }
}
