// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.roles.Cells;
import dev.surprisal.data.roles.RoleDecision;

import java.util.Locale;

/**
 * A text or boolean column with exactly two labels ({@code Yes}/{@code No}, {@code true}/{@code false}, any two) is
 * binary for mutual information: coded 0/1, as the same data written 0/1 are, so that Pearson's r and the monotone
 * trend are measured and the verdict does not depend on how the file spells the two values (audit17 D4: a Yes/No
 * target read as labels got "dependent" and "a column is text", the 0/1 file "non-monotone"). The MI is the same
 * either way; which label is 1 changes only the sign of r, since the monotone fit tries both directions. A column
 * with missing cells is left as labels when it is a feature: MI counts a text column's gaps as a value of their own (a
 * third outcome), which finds leaks through them that a 0/1 column would leave to the filled-in test. As the chosen
 * target (and as either side of one pair) such a column is binarised all the same ({@link #withGaps},
 * {@link MiTable#forTarget}): its blank rows are left out exactly as a 0/1 target's blank rows are, since there is
 * nothing to predict there, so {@code Yes/No} with blanks and {@code 1/0} with the same blanks give one verdict.
 */
final class TwoLabels {
    private TwoLabels() {
    }

    /**
     * The two labels of a column, in the order they are coded (0 first): case-insensitive alphabetical, so that
     * {@code false}/{@code true} and {@code No}/{@code Yes} are coded as they are in 0/1 files by habit.
     *
     * @return the two labels, or null when the column has more or fewer, or missing cells: a text column's missing
     *         cells are a value of their own in MI ({@code MiVariable.missingAsValue}), so with gaps it is not binary
     */
    static String[] of(CategoricalColumn c) {
        Found f = find(c);
        return f == null || f.gaps() ? null : f.labels();
    }

    /**
     * The two labels of a column that has exactly two labels and at least one missing cell (an empty cell, a
     * missing string such as {@code NA}), coded as {@link #of} codes them: the column a target or a pair binarises.
     *
     * @param c the column
     * @return the two labels, 0 first, or null when the column has more or fewer labels, or no missing cell
     */
    static String[] withGaps(CategoricalColumn c) {
        Found f = find(c);
        return f == null || !f.gaps() ? null : f.labels();
    }

    /** The two labels, 0 first, and whether some cells are missing. */
    private record Found(String[] labels, boolean gaps) {
    }

    /** The column's two labels and whether it has gaps; null for more or fewer than two labels. */
    private static Found find(CategoricalColumn c) {
        boolean[] seen = new boolean[c.cardinality()];
        boolean gaps = false;
        for (int code : c.codes()) {
            if (code < 0) {
                gaps = true;
            } else {
                seen[code] = true;
            }
        }
        String a = null;
        String b = null;
        for (int k = 0; k < seen.length; k++) {
            String l = c.label(k);
            if (!seen[k] || l.equals(a) || l.equals(b)) {
                continue;
            }
            if (Cells.isMissing(l)) {
                gaps = true; // a missing string (NA, empty) is a gap too
                continue;
            }
            if (a == null) {
                a = l;
            } else if (b == null) {
                b = l;
            } else {
                return null;
            }
        }
        if (b == null) {
            return null;
        }
        int order = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
        return new Found(order < 0 || order == 0 && a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a},
                gaps);
    }

    /** The column's decision as binary, saying how it is coded. */
    static RoleDecision decision(RoleDecision d, String[] two) {
        String boolean_ = d.reason().contains("(BOOLEAN)") ? " (BOOLEAN)" : "";
        return new RoleDecision(d.column(), ColumnRole.BINARY, "2 labels" + boolean_ + ", '" + two[0] + "' and '"
                + two[1] + "': binary, coded " + two[0] + " = 0, " + two[1] + " = 1 for correlation and the monotone"
                + " trend", d.overridden(), d.convention(), d.layout());
    }

    /**
     * The decision of a two-label column with blank cells read as binary (a target, or one side of a pair): the two
     * labels, how they are coded, and how many rows are blank and left out.
     *
     * @param d     the column's decision as detected (categorical)
     * @param two   its two labels, 0 first ({@link #withGaps})
     * @param blank rows with no value, on the rows MI uses
     * @param rows  the rows MI uses
     * @return the binary decision
     */
    static RoleDecision gapsDecision(RoleDecision d, String[] two, int blank, int rows) {
        String boolean_ = d.reason().contains("(BOOLEAN)") ? " (BOOLEAN)" : "";
        return new RoleDecision(d.column(), ColumnRole.BINARY, String.format(Locale.ROOT, "2 labels%s, '%s' and '%s',"
                + " blank on %,d of %,d rows: binary as a target (or one side of --x/--y), coded %s = 0, %s = 1 as the"
                + " same data written 0/1; its %,d blank rows are left out, as a 0/1 column's are (as a feature its"
                + " blanks count as a value of their own)", boolean_, two[0], two[1], blank, rows, two[0], two[1],
                blank), d.overridden(), d.convention(), d.layout());
    }

    /**
     * Per label code of the column, its 0/1 value: 0 for the first of {@code two}, 1 for the second, NaN for any
     * other (a missing string).
     *
     * @param c   the column
     * @param two its two labels, 0 first
     * @return the values, indexed by label code
     */
    static double[] byCode(CategoricalColumn c, String[] two) {
        double[] v = new double[c.cardinality()];
        for (int k = 0; k < v.length; k++) {
            String l = c.label(k);
            v[k] = two[0].equals(l) ? 0.0 : two[1].equals(l) ? 1.0 : Double.NaN;
        }
        return v;
    }

    /** The column as 0/1, NaN where missing. */
    static double[] coded(CategoricalColumn c, String[] two) {
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            int code = c.code(i);
            String l = code < 0 ? null : c.label(code);
            v[i] = two[0].equals(l) ? 0.0 : two[1].equals(l) ? 1.0 : Double.NaN;
        }
        return v;
    }
}
