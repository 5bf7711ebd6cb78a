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

    static IndependenceTestResult result(double statistic, ContingencyTable table) {
        int dof = degreesOfFreedom(table);
        double p = dof == 0 ? 1.0 : ChiSquaredDistribution.of(dof).survivalProbability(statistic);
        return new IndependenceTestResult(statistic, dof, p, table.total());
    }
}
