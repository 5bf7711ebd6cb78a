// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;

import dev.surprisal.counts.ContingencyTable;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/** Degrees of freedom and χ² p-values shared by the tests of independence. */
final class Tables {
    private Tables() {
    }

    static void check(ContingencyTable table) {
        if (table == null) {
            throw new ValidationException("table: is null");
        }
    }

    /** (r′ − 1)(c′ − 1) over non-empty rows r′ and columns c′. */
    static int degreesOfFreedom(ContingencyTable table) {
        int rows = 0;
        for (int r = 0; r < table.rows(); r++) {
            if (table.rowTotal(r) > 0) {
                rows++;
            }
        }
        int cols = 0;
        for (int c = 0; c < table.cols(); c++) {
            if (table.colTotal(c) > 0) {
                cols++;
            }
        }
        return Math.multiplyExact(rows - 1, cols - 1);
    }

    /** A statistic's contribution from one cell: observed (possibly corrected) and expected counts. */
    interface CellTerm {
        double of(double observed, double expected);
    }

    /** Σ term(o′, E) over the cells, o′ the Yates-corrected counts (unchanged beyond 1 dof). */
    static double sumCorrected(ContingencyTable table, CellTerm term) {
        check(table);
        double[][] expected = ExpectedFrequencies.of(table);
        double[][] observed = ExpectedFrequencies.yatesCorrected(table, expected);
        double sum = 0.0;
        for (int r = 0; r < observed.length; r++) {
            for (int c = 0; c < observed[r].length; c++) {
                sum += term.of(observed[r][c], expected[r][c]);
            }
        }
        return sum;
    }

    static IndependenceTestResult result(double statistic, ContingencyTable table) {
        int dof = degreesOfFreedom(table);
        double p = dof == 0 ? 1.0 : ChiSquaredDistribution.of(dof).survivalProbability(statistic);
        return new IndependenceTestResult(statistic, dof, p, table.total());
    }
}
