// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.profile;

/**
 * What is checked about a column that is not scored (id-like, timestamp, date, constant), as
 * Deequ's {@code isUnique}, {@code isComplete} and freshness checks do: how many values are present
 * and distinct (duplicate keys), and the range of the text (ISO dates and date-times sort as text).
 *
 * @param present  non-missing cells
 * @param distinct distinct non-missing values; -1 when unknown (after merging two profiles)
 * @param min      smallest value as text (null when none)
 * @param max      largest value as text (null when none)
 */
public record KeyStats(long present, long distinct, String min, String max) {
    /**
     * @return the share of present values that repeat an earlier one, 1 − distinct/present; NaN when unknown
     */
    public double duplicateShare() {
        return distinct < 0 || present == 0 ? Double.NaN : 1.0 - (double) distinct / present;
    }

    /**
     * @param o the other part of the same data
     * @return both together: counts add, the distinct count becomes unknown, the range widens
     */
    public KeyStats merge(KeyStats o) {
        return new KeyStats(present + o.present, -1, least(min, o.min, true), least(max, o.max, false));
    }

    private static String least(String a, String b, boolean smallest) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return (a.compareTo(b) <= 0) == smallest ? a : b;
    }
}
