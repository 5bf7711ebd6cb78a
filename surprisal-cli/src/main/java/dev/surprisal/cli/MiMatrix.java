package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.selection.MiPair;
import dev.surprisal.selection.MiVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code surprisal mi --matrix}: the mutual information of every pair of columns, each pair over the
 * rows where both have a value, by the estimator {@link MiPair} picks for the column kinds (KSG, Ross,
 * plug-in). Only the upper triangle is estimated and mirrored, so the matrix is exactly symmetric.
 * The diagonal is empty: I(X;X) = H(X), infinite for a continuous column.
 */
final class MiMatrix {
    private MiMatrix() {
    }

    /** MI in nats, NaN on the diagonal and for pairs that could not be estimated (with a note). */
    static Report compute(MiTable table, MiSettings s, CommonOptions common) {
        List<MiVariable> cols = table.variables();
        int c = cols.size();
        double[][] mi = new double[c][c];
        String[][] problem = new String[c][c];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            mi[i][i] = Double.NaN;
            for (int j = i + 1; j < c; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        List<String>[] warnings = new List[pairs.size()];
        try (Progress progress = Progress.start("MI matrix", pairs.size(), common)) {
            IntStream.range(0, pairs.size()).parallel().forEach(p -> {
                int i = pairs.get(p)[0];
                int j = pairs.get(p)[1];
                double v;
                try {
                    MiPair pair = MiPair.of(cols.get(i), cols.get(j), s.k());
                    v = pair.nats();
                    warnings[p] = pair.warnings();
                } catch (IllegalArgumentException e) {
                    v = Double.NaN;
                    problem[i][j] = e.getMessage();
                }
                mi[i][j] = v;
                mi[j][i] = v;
                progress.step();
            });
        }
        return report(table, mi, problem, warnings, pairs, s.base());
    }

    private static Report report(MiTable table, double[][] mi, String[][] problem, List<String>[] warnings,
                                 List<int[]> pairs, Base base) {
        List<MiVariable> cols = table.variables();
        List<String> header = new ArrayList<>();
        header.add("MI (" + base.unit() + ")");
        cols.forEach(col -> header.add(col.name()));
        TextTable text = new TextTable(header);
        ObjectNode matrix = Report.objectNode();
        ObjectNode kinds = Report.objectNode();
        for (int i = 0; i < cols.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(cols.get(i).name());
            ObjectNode jsonRow = matrix.putObject(cols.get(i).name());
            for (int j = 0; j < cols.size(); j++) {
                double v = base.fromNats(mi[i][j]);
                row.add(TextTable.num(v));
                Report.putNumber(jsonRow, cols.get(j).name(), v);
            }
            text.add(row);
            kinds.put(cols.get(i).name(), cols.get(i).kind());
        }
        Report report = Report.empty().plain(text.lines())
                .field("measure", "mutual-information-matrix")
                .field("unit", base.unit())
                .base(base)
                .field("file", String.valueOf(table.file()))
                .field("rows", (long) table.rows())
                .field("kinds", kinds)
                .field("estimators", "KSG1 for two continuous columns, Ross for continuous-discrete,"
                        + " plug-in for two discrete")
                .field("matrix", matrix);
        for (int p = 0; p < pairs.size(); p++) {
            int i = pairs.get(p)[0];
            int j = pairs.get(p)[1];
            String pairName = cols.get(i).name() + " / " + cols.get(j).name();
            if (problem[i][j] != null) {
                report.note(pairName + ": not estimated: " + problem[i][j]);
            }
            if (warnings[p] != null) {
                warnings[p].forEach(w -> report.note(pairName + ": " + w));
            }
        }
        for (MiVariable col : cols) {
            if (col.isConstant()) {
                report.note("column " + col.name() + " is constant: it carries no information, MI = 0 with every column");
            }
        }
        MiNotes.leftOut(table, report);
        table.notes().forEach(report::note);
        report.field("columns", MiNotes.columnsJson(table));
        Explanations.miMatrix(base).forEach(report::sentence);
        return report;
    }
}
