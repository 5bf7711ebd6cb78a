// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.selection.MiSelection;
import dev.surprisal.selection.SelectedFeature;

import java.util.List;

/**
 * {@code surprisal mi --target Y --select K --method mrmr|jmi}: renders {@link MiTable#select}, greedy
 * forward selection with the estimators chosen by column kind ({@link MiSelection}), every term MI above chance
 * on the rows where its own columns have a value.
 */
final class MiSelectionReport {
    private MiSelectionReport() {
    }

    static Report select(MiTable table, String target, int count, MiSelection.Method method, MiSettings s,
                         CommonOptions common) {
        MiSelection.Result result;
        table.variable(target, "--target"); // named by the option that gave it (the library names its parameter)
        try (Progress progress = Progress.start(method.label() + " selection",
                MiSelection.calls(table.variables().size() - 1, count), common)) {
            result = table.select(target, count, method, s.options().withBase(s.base()), progress::step);
        }
        Report r = report(result, target, s);
        table.notes().forEach(r::note); // cells left out; an engine's row sample
        r.field("duplicate_rows", (long) table.duplicateRows()); // copies left out
        return r.warnings(table.dateOrderWarnings());
    }

    private static Report report(MiSelection.Result result, String target, MiSettings s) {
        List<SelectedFeature> chosen = result.selected();
        MiSelection.Method method = result.method();
        int n = result.rows();
        int total = result.total();
        Base base = s.base();
        String unit = base.unit();
        String scoreName = result.scoreName(target);
        TextTable text = new TextTable(List.of("step", "feature", "score (" + unit + ")", "I(f;" + target + ") above chance (" + unit + ")"));
        ArrayNode json = Report.arrayNode();
        int step = 1;
        for (SelectedFeature f : chosen) {
            text.add(List.of(Integer.toString(step), f.name(), TextTable.num(base.fromNats(f.score())),
                    TextTable.num(base.fromNats(f.relevance()))));
            ObjectNode o = json.addObject();
            o.put("step", step++);
            o.put("feature", f.name());
            Report.putNumber(o, "score", base.fromNats(f.score()));
            Report.putNumber(o, "relevance", base.fromNats(f.relevance()));
        }
        Report report = Report.empty().plain(text.lines())
                .field("measure", "feature-selection")
                .field("unit", unit)
                .base(base)
                .field("method", method.label())
                .field("score", scoreName)
                .field("terms", MiSelection.TERMS)
                .field("target", target)
                .field("k", (long) s.k())
                .field("seed", s.seed())
                .field("n", (long) n)
                .field("selected", json);
        if (n < total) {
            report.note((total - n) + " of " + total + " rows have no value of " + target + " and are left out; each"
                    + " term uses the rows where its own columns have a value");
        }
        result.notes().forEach(report::note); // a chosen feature that determines the target
        dev.surprisal.selection.MiExplanation.selection(method).forEach(report::sentence);
        return report;
    }
}
