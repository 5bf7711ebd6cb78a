// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.InvalidCell;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.DateLayout;

import java.util.List;
import java.util.Optional;

/**
 * What a date or timestamp column's invalid cells (no ISO date, date-time or epoch number,
 * {@link Cells#isTime}) mean to the user: the format expected (a reference value as the example) and
 * what was found instead, its layout named when the cells are dates in another one
 * ("found dd/mm/yyyy dates like '31/03/2024' (line 2)"). The invalid share itself is judged by
 * {@link DriftScorer}'s rule for every invalid share.
 */
final class TimeCells {
    private TimeCells() {
    }

    /**
     * Adds the reading of today's invalid cells: a DRIFT when every present cell is invalid and the
     * reference's were not all so, else, when the invalid share rose (the caller's finding), what was
     * found next to what was expected.
     *
     * @param f     the column's findings
     * @param p     the reference's column (a timestamp or date)
     * @param q     today's column
     * @param rose  whether the invalid share rose beyond noise
     */
    static void check(Findings f, ColumnProfile p, ColumnProfile q, boolean rose) {
        long present = q.rows() - q.missing();
        boolean allToday = present > 0 && q.invalid() == present;
        boolean allBefore = p.rows() - p.missing() > 0 && p.invalid() == p.rows() - p.missing();
        if (allToday && !allBefore) {
            f.add(Status.DRIFT, "all invalid: " + expectedFound(p, q));
        } else if (rose) {
            f.add(Status.DRIFT, expectedFound(p, q));
        }
    }

    /** "expected dates like 2024-05-03, found 'garbage' (line 2)". */
    static String expectedFound(ColumnProfile p, ColumnProfile q) {
        boolean date = p.role() == ColumnRole.DATE;
        String example = p.keys() != null && p.keys().max() != null && (date ? Cells.isDate(p.keys().max())
                : Cells.isTimestamp(p.keys().max())) ? p.keys().max() : date ? "2024-05-03" : "2024-05-03 14:30:00";
        String expected = "expected " + (date ? "dates" : "date-times") + " like " + example
                + (date ? " (yyyy-mm-dd)" : " (ISO 8601)");
        List<InvalidCell> cells = q.invalidCells();
        if (cells.isEmpty()) {
            return expected;
        }
        InvalidCell first = cells.get(0);
        Optional<String> layout = DateLayout.of(cells.stream().map(InvalidCell::value).toList());
        return expected + ", found " + layout.map(l -> l + " dates like ").orElse("") + "'" + first.value() + "' ("
                + first.where() + ")";
    }
}
