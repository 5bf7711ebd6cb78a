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
 * with missing cells is left as labels: MI counts a text column's gaps as a value of their own (a third outcome),
 * which finds leaks through them that a 0/1 column would leave to the filled-in test.
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
        boolean[] seen = new boolean[c.cardinality()];
        for (int code : c.codes()) {
            if (code < 0) {
                return null; // with gaps it has three outcomes as MI measures text: a, b and missing
            }
            seen[code] = true;
        }
        String a = null;
        String b = null;
        for (int k = 0; k < seen.length; k++) {
            String l = c.label(k);
            if (!seen[k] || l.equals(a) || l.equals(b)) {
                continue;
            }
            if (Cells.isMissing(l)) {
                return null; // a missing string (NA, empty) is a gap too
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
        return order < 0 || order == 0 && a.compareTo(b) < 0 ? new String[] {a, b} : new String[] {b, a};
    }

    /** The column's decision as binary, saying how it is coded. */
    static RoleDecision decision(RoleDecision d, String[] two) {
        String boolean_ = d.reason().contains("(BOOLEAN)") ? " (BOOLEAN)" : "";
        return new RoleDecision(d.column(), ColumnRole.BINARY, "2 labels" + boolean_ + ", '" + two[0] + "' and '"
                + two[1] + "': binary, coded " + two[0] + " = 0, " + two[1] + " = 1 for correlation and the monotone"
                + " trend", d.overridden(), d.convention(), d.layout());
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
