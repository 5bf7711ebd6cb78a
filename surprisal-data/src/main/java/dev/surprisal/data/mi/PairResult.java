// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.inference.IndependenceTestResult;
import dev.surprisal.selection.RankedFeature;

/**
 * One pair of columns, analysed by {@link MiTable#pair}: the pair scored exactly as one feature of a
 * ranking ({@link RankedFeature}, with y as the target), the two roles, why the estimator was chosen,
 * and for two discrete columns their entropies, normalised MI and G-test. Information values in nats.
 *
 * @param x          the first column
 * @param y          the second column (re-paired by the permutation test)
 * @param xRole      x's role and the reason
 * @param yRole      y's role and the reason
 * @param feature    the MI, test, monotone MI, correlations and verdict
 * @param reason     why the estimator: the two columns' kinds, in words
 * @param tableRows  rows of the table (the pair uses {@code feature.n()} of them: those with both values)
 * @param discrete   the extra measures of two discrete columns, or null
 */
public record PairResult(String x, String y, RoleDecision xRole, RoleDecision yRole, RankedFeature feature,
                         String reason, int tableRows, Discrete discrete) {
    /**
     * What two discrete columns also get.
     *
     * @param entropyX   H(X), nats
     * @param entropyY   H(Y), nats
     * @param nmi        I(X;Y) / mean(H(X), H(Y)) (arithmetic mean), NaN when the table is too sparse
     * @param gTest      the G-test of independence, null when the table is too sparse for its χ² approximation
     * @param tableRows  distinct values of X on the pair's rows
     * @param tableCols  distinct values of Y on the pair's rows
     */
    public record Discrete(double entropyX, double entropyY, double nmi, IndependenceTestResult gTest, int tableRows,
                           int tableCols) {
    }

    /**
     * Rows left out because x or y has no value there.
     *
     * @return the rows left out because x or y has no value there
     */
    public int rowsLeftOut() {
        return tableRows - feature.n();
    }
}
