// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MatrixResult;
import dev.surprisal.data.mi.MiTable;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code surprisal mi --matrix}: renders {@link MiTable#matrix}, the mutual information of every pair of
 * columns, each over the rows where both have a value, by the estimator the column kinds call for (KSG,
 * Ross, plug-in); exactly symmetric, the diagonal empty (I(X;X) = H(X), infinite for a continuous column).
 */
final class MiMatrix {
    /** Why a diagonal cell is null in the JSON (and "-" in the table). */
    static final String DIAGONAL = "I(X;X) = H(X), the column's own entropy (surprisal entropy), infinite for a"
            + " continuous column; left empty here";
    /** {@link dev.surprisal.selection.CountedPair.Independence#method()} of a p marked "r" in the text. */
    private static final String RANDOM_TABLES = dev.surprisal.selection.CountedPair.Independence.RANDOM_TABLES;
    /** The least expected count of the G-test's χ² tail, as the labels say it. */
    private static final int MIN_EXPECTED = (int) dev.surprisal.selection.MissingLeak.MIN_EXPECTED;
    /** How a p from random tables is found, in words. */
    private static final String RANDOM_TABLES_WORDS = "random tables with the same margins, at most "
            + String.format(java.util.Locale.ROOT, "%,d", dev.surprisal.selection.MissingLeak.TABLE_DRAWS)
            + ", stopping after " + dev.surprisal.inference.SequentialPermutationTest.DEFAULT_EXCEEDANCES
            + " at or above the observed MI";
    /** The footnote of the text's p-values: which test gave each. */
    static final String P_METHOD = "p: G-test (chi-squared) where every expected count is at least " + MIN_EXPECTED
            + "; r: " + RANDOM_TABLES_WORDS + " (an expected count below " + MIN_EXPECTED + ", where the chi-squared"
            + " tail is liberal); -: none (a pair with a continuous column, a constant column, or a table too sparse"
            + " to test)";
    /** Why an off-diagonal cell is null: the pair was not estimated (an engine's matrix of chosen pairs). */
    static final String NOT_ESTIMATED = "not estimated for this pair";

    private MiMatrix() {
    }

    /**
     * Renders a matrix computed by any engine ({@link MiTable#matrix}, or an engine's, whose table of roles
     * holds no variables: the columns come from the matrix).
     *
     * @param table the roles, notes and rows of the columns
     * @param m     the matrix
     * @param base  the unit
     * @return the report
     */
    static Report report(MiTable table, MatrixResult m, Base base) {
        double[][] mi = m.nats();
        List<MatrixResult.Column> cols = m.columns();
        List<String> header = new ArrayList<>();
        header.add("MI (" + base.unit() + ")");
        cols.forEach(col -> header.add(col.name()));
        TextTable text = new TextTable(header);
        List<String> aboveHeader = new ArrayList<>(header);
        aboveHeader.set(0, "above chance (" + base.unit() + ")");
        TextTable above = new TextTable(aboveHeader);
        // the p-values are per pair; of k(k-1)/2 independent pairs about alpha of them have p <= alpha, so the
        // findings are read from the q-values (Benjamini-Hochberg across the pairs tested), and p is labelled
        List<String> pHeader = new ArrayList<>(header);
        pHeader.set(0, "p (unadjusted)"); // per cell its test: a mark on those from random tables, see P_METHOD
        TextTable pText = new TextTable(pHeader);
        List<String> qHeader = new ArrayList<>(header);
        int tested = m.testedPairs(); // the count every label below states
        qHeader.set(0, "q (BH, " + tested + " pairs)");
        TextTable qText = new TextTable(qHeader);
        double[][] q = m.qValues();
        boolean anyP = false;
        ObjectNode matrix = Report.objectNode();
        ObjectNode aboveJson = Report.objectNode();
        ObjectNode pJson = Report.objectNode();
        ObjectNode pMethodJson = Report.objectNode();
        ObjectNode qJson = Report.objectNode();
        ObjectNode kinds = Report.objectNode();
        ObjectNode reasons = Report.objectNode();
        for (int i = 0; i < cols.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(cols.get(i).name());
            List<String> aboveRow = new ArrayList<>(row);
            List<String> pRow = new ArrayList<>(row);
            List<String> qRow = new ArrayList<>(row);
            ObjectNode jsonRow = matrix.putObject(cols.get(i).name());
            ObjectNode aboveJsonRow = aboveJson.putObject(cols.get(i).name());
            ObjectNode pJsonRow = pJson.putObject(cols.get(i).name());
            ObjectNode pMethodRow = pMethodJson.putObject(cols.get(i).name());
            ObjectNode qJsonRow = qJson.putObject(cols.get(i).name());
            for (int j = 0; j < cols.size(); j++) {
                double v = base.fromNats(mi[i][j]);
                row.add(TextTable.num(v));
                if (Double.isNaN(v)) {
                    // a row maps column -> number only: why a cell is empty goes to "reasons", so a loop over a
                    // row meets no "<column>_reason" key (nor collides with a column of that name)
                    jsonRow.putNull(cols.get(j).name());
                    reasons.with(cols.get(i).name()).put(cols.get(j).name(), i == j ? DIAGONAL : NOT_ESTIMATED);
                } else {
                    Report.putNumber(jsonRow, cols.get(j).name(), v);
                }
                double a = base.fromNats(m.aboveChance(i, j));
                aboveRow.add(Double.isNaN(a) ? "-" : TextTable.num(a));
                numberOrNull(aboveJsonRow, cols.get(j).name(), a);
                double p = m.pValues()[i][j];
                anyP |= !Double.isNaN(p);
                String method = m.pMethod(i, j);
                pRow.add(Double.isNaN(p) ? "-" : TextTable.num(p) + (RANDOM_TABLES.equals(method) ? " r" : ""));
                numberOrNull(pJsonRow, cols.get(j).name(), p); // why null: p_value_method
                if (method == null) {
                    pMethodRow.putNull(cols.get(j).name());
                } else {
                    pMethodRow.put(cols.get(j).name(), method);
                }
                qRow.add(Double.isNaN(q[i][j]) ? "-" : TextTable.num(q[i][j]));
                numberOrNull(qJsonRow, cols.get(j).name(), q[i][j]);
            }
            text.add(row);
            above.add(aboveRow);
            pText.add(pRow);
            qText.add(qRow);
            kinds.put(cols.get(i).name(), cols.get(i).kind());
        }
        // MI, then MI above chance (a column with thousands of values has a large MI by chance alone: 6 bits for
        // two independent 5,000-value columns on 10,000 rows), then the p-values of discrete pairs, each with its test
        List<String> lines = new ArrayList<>(text.lines());
        lines.add("");
        lines.addAll(above.lines());
        if (anyP) {
            lines.add("");
            lines.addAll(pText.lines());
            lines.add(P_METHOD);
            lines.add("");
            lines.addAll(qText.lines());
        }
        Report report = Report.empty().plain(lines)
                .field("measure", "mutual-information-matrix")
                .field("unit", base.unit())
                .base(base)
                .field("file", String.valueOf(table.file()))
                .field("rows", (long) table.rows())
                .field("kinds", kinds)
                .field("estimators", MatrixResult.ESTIMATORS)
                .field("matrix", matrix)
                .field("above_chance", aboveJson)
                .field("above_chance_method", "MI minus its part chance alone gives: for two discrete columns (plug-in)"
                        + " the exact expected MI under random pairing of their value counts (the permutation-null"
                        + " mean, Vinh, Epps and Bailey 2010); for kNN pairs 0 (nearly unbiased under independence)")
                .field("p_values", pJson)
                .field("p_value_method", "per pair in p_methods: 'g-test' (G = 2 n ln2 MI(bits) ~"
                        + " chi-squared((a-1)(b-1)), every expected count at least " + MIN_EXPECTED + "), 'random-tables'"
                        + " (an expected count below " + MIN_EXPECTED + ": " + RANDOM_TABLES_WORDS + "), 'untested' (a"
                        + " discrete table too sparse to test: read its above_chance), 'constant' (p null: a column with one"
                        + " value on the pair's rows carries no information, MI = 0 exactly, nothing to test), null for"
                        + " kNN pairs; unadjusted"
                        + " for the " + tested + " pairs tested: read a pair as a finding by q_values")
                .field("p_methods", pMethodJson)
                .field("q_values", qJson)
                .field("q_value_method", "the p-values adjusted across the " + tested + " pairs tested"
                        + " (Benjamini-Hochberg): among the pairs with q <= alpha, at most a share alpha is expected to"
                        + " be independent columns")
                .field("reasons", reasons);
        for (MatrixResult.PairNote note : m.notes()) {
            report.note(note.first() + " / " + note.second() + ": " + note.message());
        }
        for (MatrixResult.Column col : cols) {
            if (col.constant()) {
                report.note("column " + col.name() + " is constant: it carries no information, MI = 0 with every column");
            }
        }
        MiNotes.leftOut(table, report);
        table.notes().forEach(report::note);
        report.field("columns", MiNotes.columnsJson(table)).warnings(table.dateOrderWarnings());
        report.field("duplicate_rows", (long) table.duplicateRows()); // copies left out
        dev.surprisal.selection.MiExplanation.matrix(base).forEach(report::sentence);
        return report;
    }

    /** A number, or null where it is NaN: a row of a matrix maps column to number only (no "_reason" keys). */
    private static void numberOrNull(ObjectNode row, String column, double v) {
        if (Double.isNaN(v)) {
            row.putNull(column);
        } else {
            Report.putNumber(row, column, v);
        }
    }
}
