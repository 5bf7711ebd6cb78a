// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invalid value of a numeric, date or timestamp column (a cell that is neither a number, or a date, nor
 * missing, e.g. {@code abc}): its text, how many cells of the column hold it, and where the first of them is.
 * A profile keeps the {@value #KEPT} most frequent values ({@link #top}), so 312 × {@code n/a-ish} is named
 * before 1 × {@code abc}, and the cells of the values not kept are counted by {@link #others}.
 *
 * @param where where the value's first cell is: "line 17" in a CSV file (the header is line 1), "row 16" elsewhere;
 *              null where no cell is named (a note that lists values with their counts only)
 * @param value the cell's text
 * @param count how many cells of the column hold the value; {@link #NOT_COUNTED} in a profile stored before
 *              values were counted (2026-12-02), whose cells are the first of each value in file order
 */
public record InvalidCell(String where, String value, long count) {
    /** How many invalid values a profile keeps per column: the most frequent ones. */
    public static final int KEPT = 5;

    /** The count of a value read from a profile stored before invalid values were counted. */
    public static final long NOT_COUNTED = 0;

    /**
     * How many of a column's first invalid cells the file profiler's SQL gathers in its counting scan: when the
     * column has no more invalid cells than that, their values are counted from them, else by one more scan.
     */
    static final int GATHERED = 20 * KEPT;

    /** Most frequent first, ties by value: the same order whichever parts the counts were merged from. */
    private static final Comparator<InvalidCell> ORDER = Comparator.comparingLong(InvalidCell::count).reversed()
            .thenComparing(InvalidCell::value);

    /**
     * @return whether the count is known ({@link #NOT_COUNTED} in a profile stored before values were counted)
     */
    public boolean counted() {
        return count != NOT_COUNTED;
    }

    /**
     * The values a profile keeps: the {@value #KEPT} most frequent, ties by value; of values stored before they
     * were counted, the first {@value #KEPT} as stored.
     *
     * @param values invalid values, each once, with their counts
     * @return at most {@value #KEPT} of them, most frequent first
     */
    public static List<InvalidCell> top(Collection<InvalidCell> values) {
        if (values.stream().anyMatch(c -> !c.counted())) {
            return values.stream().limit(KEPT).toList(); // as stored: the first values in file order
        }
        return values.stream().sorted(ORDER).limit(KEPT).toList();
    }

    /**
     * Two lists of the same column's invalid values together, {@code first} counted on the rows before
     * {@code second}'s: counts of a value add, and its first cell is {@code first}'s when both have it.
     * Exact when both lists hold every value of their part (a part's profile); on lists that were {@link #top}
     * already, a value kept by one part and not the other is counted on that part only. When either list was
     * stored before values were counted, no value of the merge is counted (a sum would miss that list's cells):
     * every value once, {@code first}'s first, {@link #NOT_COUNTED}.
     *
     * @param first  the earlier rows' values
     * @param second the later rows' values
     * @return every value of both, most frequent first (not trimmed)
     */
    public static List<InvalidCell> merged(List<InvalidCell> first, List<InvalidCell> second) {
        boolean counted = first.stream().allMatch(InvalidCell::counted) && second.stream().allMatch(InvalidCell::counted);
        Map<String, InvalidCell> byValue = new LinkedHashMap<>();
        for (List<InvalidCell> l : List.of(first, second)) {
            for (InvalidCell c : l) {
                byValue.merge(c.value, counted ? c : new InvalidCell(c.where, c.value, NOT_COUNTED),
                        (a, b) -> new InvalidCell(a.where, a.value, counted ? a.count + b.count : NOT_COUNTED));
            }
        }
        List<InvalidCell> out = new ArrayList<>(byValue.values());
        if (counted) {
            out.sort(ORDER);
        }
        return out;
    }

    /**
     * How many of a column's invalid cells hold none of the values listed: the cells of the values not kept.
     *
     * @param invalid the column's invalid cells
     * @param listed  the values kept, with their counts
     * @return {@code invalid} less the listed counts, or -1 when a listed value was {@linkplain #counted not counted}
     */
    public static long others(long invalid, List<InvalidCell> listed) {
        long sum = 0;
        for (InvalidCell c : listed) {
            if (!c.counted()) {
                return -1;
            }
            sum += c.count;
        }
        return Math.max(0, invalid - sum);
    }
}
