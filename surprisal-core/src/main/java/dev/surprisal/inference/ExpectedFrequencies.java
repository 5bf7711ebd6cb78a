// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.ContingencyTable;

/**
 * The expected cell counts of a contingency table under independence of its rows and columns,
 * E_rc = n_r· n_·c / N, as {@code scipy.stats.contingency.expected_freq} computes them; the
 * reference against which {@link PearsonChiSquaredTest} and {@link GTest} measure the observed
 * counts. Cells of an empty row or column expect 0.
 */
public final class ExpectedFrequencies {
    private ExpectedFrequencies() {
    }

    /**
     * The expected counts, same shape as the table.
     *
     * @param table observed counts
     * @return E[r][c] = rowTotal(r) · colTotal(c) / N, in counts (not probabilities)
     * @throws ValidationException if {@code table} is null
     */
    public static double[][] of(ContingencyTable table) {
        Tables.check(table);
        double n = table.total();
        double[][] e = new double[table.rows()][table.cols()];
        for (int r = 0; r < table.rows(); r++) {
            double rowTotal = table.rowTotal(r);
            for (int c = 0; c < table.cols(); c++) {
                e[r][c] = rowTotal * table.colTotal(c) / n;
            }
        }
        return e;
    }

    /**
     * The observed counts moved towards the expected ones by Yates' continuity correction, as
     * scipy's {@code chi2_contingency(correction=True)} does when there is one degree of freedom:
     * o′ = o + sign(E − o) · min(½, |E − o|), so no cell crosses its expectation. Applied only
     * when (r′ − 1)(c′ − 1) = 1 over the non-empty rows and columns; otherwise the counts are
     * returned unchanged, as doubles.
     *
     * <p>Reference: Yates, F. (1934) "Contingency tables involving small numbers and the χ² test",
     * Supplement to the Journal of the Royal Statistical Society 1(2), 217–235.
     *
     * @param table    observed counts
     * @param expected {@link #of(ContingencyTable)} of the same table
     * @return the corrected counts, same shape
     */
    static double[][] yatesCorrected(ContingencyTable table, double[][] expected) {
        boolean correct = Tables.degreesOfFreedom(table) == 1;
        double[][] o = new double[table.rows()][table.cols()];
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < table.cols(); c++) {
                double observed = table.get(r, c);
                if (correct) {
                    double diff = expected[r][c] - observed;
                    observed += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
                }
                o[r][c] = observed;
            }
        }
        return o;
    }
}
