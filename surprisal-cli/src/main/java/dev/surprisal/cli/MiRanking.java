// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;

import java.util.List;

/**
 * Renders {@code surprisal mi --target Y}: the ranking, its notes and methods computed by the library in
 * one call ({@link MiTable#ranking}, a {@link RankingResult}), as an aligned table or JSON.
 */
final class MiRanking {
    private MiRanking() {
    }

    /** Ranks in the library ({@link MiTable#ranking}) and renders. */
    static Report run(MiTable table, String targetName, MiSettings s, CommonOptions common) {
        MiVariable target = table.variable(targetName, "--target");
        RankingResult result;
        try (Progress progress = Progress.start("MI with " + target.name(), table.variables().size() - 1L, common)) {
            result = table.ranking(targetName, s.options(), n -> progress.stepBy(n));
        }
        return report(result, table, s.base());
    }

    /** The answer: an aligned table (plain) or a {@code features} array (JSON), and the library's notes. */
    static Report report(RankingResult result, MiTable table, Base base) {
        MiOptions o = result.options();
        String unit = base.unit();
        TextTable text = new TextTable(List.of("feature", "role", "n", "MI (" + unit + ")", "above chance (" + unit + ")", "p",
                "q", "", "monotone MI (" + unit + ")", "pearson r", "95% CI", "estimator", "verdict"));
        ArrayNode json = Report.arrayNode();
        Report report = Report.empty();
        for (RankedFeature r : result.features()) {
            String role = roleOf(table, r.feature());
            boolean sig = r.significant(o.alpha());
            text.add(List.of(r.feature(), role, r.skipped() != null ? "-" : Integer.toString(r.n()),
                    TextTable.num(base.fromNats(r.mi())), TextTable.num(base.fromNats(r.aboveChance())),
                    TextTable.num(r.pValue()), TextTable.num(r.qValue()), sig ? "*" : "", TextTable.num(base.fromNats(r.miMonotone())),
                    TextTable.num(r.pearson()), interval(r, base), r.estimator(),
                    r.skipped() != null ? "skipped" : r.verdict().label()));
            json.add(toJson(r, role, base, o.alpha()));
        }
        result.notes().forEach(report::note);
        RoleDecision targetRole = result.targetRole();
        report.plain(text.lines())
                .field("measure", "mutual-information-ranking")
                .field("unit", unit)
                .base(base)
                .field("target", result.target())
                .field("target_kind", result.targetKind())
                .field("target_role", targetRole == null ? result.targetKind() : targetRole.role().label())
                .field("rows", (long) result.rows())
                .field("duplicate_rows", (long) table.duplicateRows()) // copies left out
                .field("k", (long) o.k())
                .field("seed", o.seed())
                .field("permutations", (long) o.permutations())
                .field("permutation_cap", (long) result.permutationCap())
                .field("multiple_testing", result.multipleTesting())
                .field("permutation_method", result.permutationMethod())
                .field("alpha", o.alpha())
                .field("bootstrap", (long) o.bootstrap())
                .field("bootstrap_max_rows", o.bootstrapForced() ? -1L : (long) o.bootstrapRows())
                .field("ci_level", o.level())
                .field("ci_method", "basic for plug-in features, percentile for KSG and Ross (per feature: ci_method)")
                .field("ranking", result.rankingRule())
                .field("monotone_rule", RankingResult.monotoneRule())
                .field("scaling", RankingResult.scaling())
                .field("columns", MiNotes.columnsJson(table))
                .warnings(table.dateOrderWarnings())
                .field("features", json);
        for (RankedFeature r : result.features()) {
            if (r.skipped() == null) {
                dev.surprisal.selection.MiExplanation.featureRelevance(r, result.target(), base, o.alpha(), true).forEach(report::sentence);
            }
        }
        dev.surprisal.selection.MiExplanation.rankingFootnotes(o.permutations() > 0, o.bootstrap() > 0).forEach(report::sentence);
        return report;
    }

    static RoleDecision decision(MiTable table, String column) {
        for (RoleDecision d : table.decisions()) {
            if (d.column().equals(column)) {
                return d;
            }
        }
        return null;
    }

    private static String roleOf(MiTable table, String column) {
        RoleDecision d = decision(table, column);
        return d == null ? "-" : d.role().label();
    }

    private static String interval(RankedFeature r, Base base) {
        return Double.isNaN(r.lower()) ? "-"
                : "[" + TextTable.num(base.fromNats(r.lower())) + ", " + TextTable.num(base.fromNats(r.upper())) + "]";
    }

    private static ObjectNode toJson(RankedFeature r, String role, Base base, double alpha) {
        ObjectNode o = Report.objectNode();
        o.put("feature", r.feature());
        o.put("role", role);
        o.put("kind", r.kind());
        o.put("n", r.n());
        o.put("estimator", r.estimator());
        Report.putNumber(o, "mi", base.fromNats(r.mi()));
        Report.putNumber(o, "ci_lower", base.fromNats(r.lower()));
        Report.putNumber(o, "ci_upper", base.fromNats(r.upper()));
        o.put("ci_method", r.intervalMethod());
        Report.putNumber(o, "null_mean", r.test() == null ? Double.NaN : base.fromNats(r.test().nullMean()));
        Report.putNumber(o, "null_q95", r.test() == null ? Double.NaN : base.fromNats(r.test().nullQuantile95()));
        Report.putNumber(o, "above_chance", base.fromNats(r.aboveChance()));
        Report.putNumber(o, "p_value", r.pValue());
        Report.putNumber(o, "q_value", r.qValue());
        o.put("significant", r.significant(alpha));
        o.put("permutations", r.test() == null ? 0 : r.test().permutations());
        o.put("stopped_early", r.test() != null && r.test().stoppedEarly());
        o.put("test_rows", r.testRows());
        Report.putNumber(o, "monotone_mi", base.fromNats(r.miMonotone()));
        o.put("shape_rows", r.shapeRows());
        Report.putNumber(o, "shape_mi", base.fromNats(r.shapeMi()));
        Report.putNumber(o, "pearson", r.pearson());
        Report.putNumber(o, "spearman", r.spearman());
        o.put("nonmonotone", r.nonMonotone());
        // "determines" / "nearly-determines" / "very-strong" / "no", one per wording of its note (which ends the warnings)
        o.put("determines_target", r.targetShare().flag().label());
        // the decision itself (its note ends the warnings): the least MI r implies when KSG is below it beyond noise
        o.put("biased_low", r.biasedLow());
        Report.putNumber(o, "biased_low_bound", base.fromNats(r.biasedLowBound()), MiNotes.noBiasedLowBound(r));
        o.put("verdict", r.verdict().label());
        o.put("explanation", r.verdict().sentence());
        ArrayNode w = o.putArray("warnings");
        r.notes().forEach(w::add);
        if (r.skipped() != null) {
            o.put("skipped", r.skipped());
        }
        return o;
    }
}
