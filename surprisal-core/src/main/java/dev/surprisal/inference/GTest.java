// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.inference;

import dev.surprisal.counts.ContingencyTable;

/**
 * The G-test (log-likelihood ratio test) of independence of the row and column variables of a
 * contingency table:
 * <pre>
 *   G = 2 Σ n_rc ln( n_rc N / (n_r· n_·c) ) = 2 N · Î(X;Y)      (Î the plug-in MI in nats)
 * </pre>
 * Under independence G is asymptotically χ² with (r′ − 1)(c′ − 1) degrees of freedom, where r′ and
 * c′ count only the <b>non-empty</b> rows and columns: an empty row or column carries no
 * information and would otherwise inflate the degrees of freedom (scipy's {@code chi2_contingency}
 * refuses such tables instead). No continuity correction is applied; the result matches
 * {@code scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")}.
 *
 * <p>Reference: Sokal, R. R. and Rohlf, F. J. (1995) "Biometry", 3rd ed., §17; Wilks, S. S. (1938)
 * "The large-sample distribution of the likelihood ratio for testing composite hypotheses".
 */
public final class GTest {
    private GTest() {
    }

    /**
     * The G-test of independence.
     *
     * @param table observed counts, rows one variable and columns the other
     * @return G (dimensionless, ≥ 0), its degrees of freedom and the asymptotic χ² p-value
     * @throws IllegalArgumentException if {@code table} is null
     */
    public static IndependenceTestResult independence(ContingencyTable table) {
        Tables.check(table);
        double n = table.total();
        double g = 0.0;
        for (int r = 0; r < table.rows(); r++) {
            double rowTotal = table.rowTotal(r);
            for (int c = 0; c < table.cols(); c++) {
                long o = table.get(r, c);
                if (o > 0) {
                    // the ratio is formed in one division so that independent cells give exactly ln 1 = 0
                    g += o * Math.log(o * n / (rowTotal * table.colTotal(c)));
                }
            }
        }
        return Tables.result(Math.max(0.0, 2.0 * g), table);
    }

    /**
     * The G-test of independence, optionally with Yates' continuity correction: on a table with
     * one degree of freedom (a 2×2 table, after dropping empty rows and columns) each count moves
     * half a unit towards its expectation before G = 2 Σ o′ ln(o′/E) is summed; with more degrees
     * of freedom the correction changes nothing. Matches {@code scipy.stats.chi2_contingency(table,
     * correction=yates, lambda_="log-likelihood")}. The correction makes the test conservative;
     * use it, as scipy's default does, when the 2×2 counts are small.
     *
     * @param table observed counts, rows one variable and columns the other
     * @param yates whether to apply Yates' correction (scipy's {@code correction})
     * @return G (dimensionless, ≥ 0), its degrees of freedom and the asymptotic χ² p-value
     * @throws dev.surprisal.core.ValidationException if {@code table} is null
     */
    public static IndependenceTestResult independence(ContingencyTable table, boolean yates) {
        if (!yates) {
            return independence(table);
        }
        double g = Tables.sumCorrected(table, (o, e) -> o > 0 ? o * Math.log(o / e) : 0.0);
        return Tables.result(Math.max(0.0, 2.0 * g), table);
    }
}
