// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.DateOrderWarning;
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

    /**
     * "expected dates like 2024-05-03, found 'garbage' (line 2)"; in a column of another layout the example is
     * written in it ("expected dates like 01/12/2026 (mm/dd/yyyy)"), and cells that are dates only in the other order
     * of day and month say why ({@link #otherOrder}).
     */
    private static String expectedFound(ColumnProfile p, ColumnProfile q) {
        boolean date = p.role() == ColumnRole.DATE;
        String example = p.keys() != null && p.keys().max() != null && (date ? Cells.isDate(p.keys().max())
                : Cells.isTimestamp(p.keys().max())) ? p.keys().max() : date ? "2024-05-03" : "2024-05-03 14:30:00";
        DateLayout frozen = p.layout();
        String expected = "expected " + (date ? "dates" : "date-times") + " like " + frozen.write(example)
                + (!frozen.isIso() ? " (" + frozen + ")" : date ? " (yyyy-mm-dd)" : " (ISO 8601)");
        List<InvalidCell> cells = q.invalidCells();
        if (cells.isEmpty()) {
            return expected;
        }
        InvalidCell first = cells.get(0);
        Optional<String> layout = DateLayout.of(cells.stream().map(InvalidCell::value).toList());
        return expected + ", found " + layout.map(l -> l + " dates like ").orElse("") + "'" + first.value() + "' ("
                + first.where() + ")" + otherOrder(p, cells);
    }

    /**
     * Why cells that are dates only in the other order of day and month ({@code 13/01/2026} in a column frozen
     * {@code mm/dd/yyyy}) are invalid, by what decided the frozen order ({@link DateLayout.Basis}): a baseline that
     * assumed it (no reference day over 12) is to be fitted again with the other order; one whose cells showed it
     * met a writer who changed layout, a real data change; empty when no such cell is among the kept ones.
     */
    static String otherOrder(ColumnProfile p, List<InvalidCell> cells) {
        DateLayout frozen = p.layout();
        Optional<DateLayout> other = frozen.otherOrder();
        Optional<InvalidCell> cell = cells.stream().filter(c -> other.isPresent() && other.get().iso(c.value().trim())
                != null).findFirst();
        if (cell.isEmpty()) {
            return "";
        }
        boolean all = cells.stream().allMatch(c -> other.get().iso(c.value().trim()) != null);
        String read = frozen.dayFirst() ? "month first" : "day first";
        String column = p.name();
        String they = (all ? "; they are dates only read " : "; '" + cell.get().value() + "' (" + cell.get().where()
                + ") is a date only read ") + read + ", and the baseline froze ";
        String froze = (frozen.dayFirst() ? "day first" : "month first") + " (" + frozen + ")";
        return they + switch (frozen.basis()) {
            case ASSUMED -> DateOrderWarning.assumption(frozen) + ", none of its dates showing the order (no day or "
                    + "month over 12); " + DateOrderWarning.fix(column, frozen);
            case DAYFIRST -> froze + " as set by --dayfirst, none of its dates showing the order; "
                    + DateOrderWarning.fix(column, frozen);
            case CELLS -> froze + " as its dates showed (a " + (frozen.dayFirst() ? "first" : "second") + " number "
                    + "over 12): the column's layout changed upstream, a real data change; write it in one layout (ISO "
                    + "yyyy-mm-dd is safest)";
            case UNRECORDED -> froze + "; " + DateOrderWarning.fix(column, frozen) + " (if its reference's dates were "
                    + read + " too), else the column's layout changed upstream";
        };
    }
}
