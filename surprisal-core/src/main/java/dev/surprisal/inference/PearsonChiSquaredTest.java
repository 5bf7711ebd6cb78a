// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.counts.ContingencyTable;

/**
 * Pearson's χ² test of independence of the row and column variables of a contingency table:
 * <pre>
 *   X² = Σ (n_rc − E_rc)² / E_rc,   E_rc = n_r· n_·c / N
 * </pre>
 * summed over the non-empty rows and columns, with (r′ − 1)(c′ − 1) degrees of freedom as in
 * {@link GTest}. No continuity correction; matches {@code scipy.stats.chi2_contingency(table,
 * correction=False)}.
 *
 * <p>Reference: Pearson, K. (1900) "On the criterion that a given system of deviations from the
 * probable in the case of a correlated system of variables is such that it can be reasonably
 * supposed to have arisen from random sampling", Philosophical Magazine 50.
 */
public final class PearsonChiSquaredTest {
    private PearsonChiSquaredTest() {
    }

    /**
     * Pearson's χ² test of independence.
     *
     * @param table observed counts, rows one variable and columns the other
     * @return X² (dimensionless, ≥ 0), its degrees of freedom and the asymptotic χ² p-value
     * @throws IllegalArgumentException if {@code table} is null
     */
    public static IndependenceTestResult independence(ContingencyTable table) {
        Tables.check(table);
        double n = table.total();
        double x2 = 0.0;
        for (int r = 0; r < table.rows(); r++) {
            double rowTotal = table.rowTotal(r);
            if (rowTotal == 0) {
                continue;
            }
            for (int c = 0; c < table.cols(); c++) {
                double colTotal = table.colTotal(c);
                if (colTotal == 0) {
                    continue;
                }
                double expected = rowTotal * colTotal / n;
                double d = table.get(r, c) - expected;
                x2 += d * d / expected;
            }
        }
        return Tables.result(x2, table);
    }

    /**
     * Pearson's χ² test of independence, optionally with Yates' continuity correction: on a table
     * with one degree of freedom (a 2×2 table, after dropping empty rows and columns)
     * X² = Σ (|o − E| − ½)² / E, with the ½ capped at |o − E|; with more degrees of freedom the
     * correction changes nothing. Matches {@code scipy.stats.chi2_contingency(table,
     * correction=yates)}, whose default is {@code correction=True}. The expected counts are
     * {@link ExpectedFrequencies#of(ContingencyTable)}.
     *
     * @param table observed counts, rows one variable and columns the other
     * @param yates whether to apply Yates' correction (scipy's {@code correction})
     * @return X² (dimensionless, ≥ 0), its degrees of freedom and the asymptotic χ² p-value
     * @throws dev.surprisal.core.ValidationException if {@code table} is null
     */
    public static IndependenceTestResult independence(ContingencyTable table, boolean yates) {
        if (!yates) {
            return independence(table);
        }
        // a cell of an empty row or column expects 0 and observes 0: it adds nothing
        double x2 = Tables.sumCorrected(table, (o, e) -> e > 0 ? (o - e) * (o - e) / e : 0.0);
        return Tables.result(x2, table);
    }
}
