// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Variation of information VI(X,Y) = H(X|Y) + H(Y|X) = 2 H(X,Y) − H(X) − H(Y), a metric on
 * partitions (Meilă, 2007, "Comparing clusterings—an information based distance"). Zero iff the
 * labellings are the same up to renaming; at most log N. Computed in nats, returned in the unit
 * of {@code base}.
 */
public final class VariationOfInformation {
    private VariationOfInformation() {
    }

    /**
     * VI of a table (rows X, columns Y).
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return VI = H(X|Y) + H(Y|X) ≥ 0 in the unit of {@code base}
     */
    public static double of(ContingencyTable table, Base base) {
        double vi = 2 * Entropy.nats(table.jointCounts()) - Entropy.nats(table.rowCounts())
                - Entropy.nats(table.colCounts());
        return base.fromNats(Math.max(0.0, vi));
    }

    /**
     * VI of two label arrays.
     *
     * @param x one label per sample
     * @param y one label per sample, same length
     * @param base the unit of the result
     * @return VI = H(X|Y) + H(Y|X) ≥ 0 in the unit of {@code base}
     */
    public static double of(int[] x, int[] y, Base base) {
        return of(LabelCounts.table(x, y), base);
    }
}
