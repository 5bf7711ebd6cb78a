// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.dependence;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Codes;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.ContingencyTable3;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.measures.Entropy;

/**
 * Total correlation C(X₁,…,Xₙ) = Σ H(Xᵢ) − H(X₁,…,Xₙ) = KL(p(x₁,…,xₙ) ‖ Π p(xᵢ)), the
 * multivariate generalisation of mutual information (Watanabe, 1960, "Information theoretical
 * analysis of multivariate correlation"). For two variables it is I(X;Y). Plug-in values,
 * computed in nats, returned in the unit of {@code base}.
 */
public final class TotalCorrelation {
    private TotalCorrelation() {
    }

    /**
     * C(X,Y) = I(X;Y) of a two-way table.
     *
     * @param table joint counts, rows X and columns Y
     * @param base the unit of the result
     * @return C(X,Y) ≥ 0 in the unit of {@code base}
     */
    public static double of(ContingencyTable table, Base base) {
        return MutualInformation.of(table, base);
    }

    /**
     * C(X,Y,Z) = H(X) + H(Y) + H(Z) − H(X,Y,Z) of a three-way table.
     *
     * @param table joint counts n(x, y, z)
     * @param base the unit of the result
     * @return C(X,Y,Z) ≥ 0 in the unit of {@code base}
     */
    public static double of(ContingencyTable3 table, Base base) {
        ContingencyTable xy = table.xy();
        double c = Entropy.nats(xy.rowCounts()) + Entropy.nats(xy.colCounts()) + Entropy.nats(table.z())
                - Entropy.nats(table.jointCounts());
        return base.fromNats(Math.max(0.0, c));
    }

    /**
     * C of any number of label columns of the same length (one array per variable).
     *
     * @param base the unit of the result
     * @param columns one label array per variable
     * @return Σ H(Xᵢ) − H(X₁, …, Xₙ) ≥ 0 in the unit of {@code base}
     * @throws IllegalArgumentException if there are no columns, or lengths differ
     */
    public static double of(Base base, int[]... columns) {
        if (columns == null || columns.length == 0) {
            throw new ValidationException("columns: is empty");
        }
        double sum = 0.0;
        for (int[] column : columns) {
            sum += Entropy.nats(LabelCounts.of(column));
        }
        Codes joint = LabelCounts.joint(columns);
        long[] counts = new long[joint.cardinality()];
        for (int i = 0; i < joint.size(); i++) {
            counts[joint.code(i)]++;
        }
        double c = sum - Entropy.nats(Counts.of(counts));
        return base.fromNats(Math.max(0.0, c));
    }
}
