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
     * Whether every present cell is invalid today and the reference's were not all so: a DRIFT even
     * where too few cells for the noise test of the invalid share.
     *
     * @param p the reference's column (a timestamp or date)
     * @param q today's column
     * @return whether the column turned entirely invalid
     */
    static boolean turnedAllInvalid(ColumnProfile p, ColumnProfile q) {
        long present = q.rows() - q.missing();
        boolean allToday = present > 0 && q.invalid() == present;
        boolean allBefore = p.rows() - p.missing() > 0 && p.invalid() == p.rows() - p.missing();
        return allToday && !allBefore;
    }

    /**
     * What today's invalid cells hold, for the invalid share's one alarm line: "all invalid: expected
     * …, found …" when the column {@linkplain #turnedAllInvalid turned entirely invalid}, else
     * "expected …, found …".
     *
     * @param p the reference's column (a timestamp or date)
     * @param q today's column
     * @return the expected format and what was found
     */
    static String found(ColumnProfile p, ColumnProfile q) {
        return (turnedAllInvalid(p, q) ? "all invalid: " : "") + expectedFound(p, q);
    }

    /** "expected dates like 2024-05-03, found 'garbage' (line 2)". */
    private static String expectedFound(ColumnProfile p, ColumnProfile q) {
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
