// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.inference.SequentialPermutationTest;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;

import java.util.List;

/**
 * Renders {@code surprisal mi --target Y}: the ranking computed by the library ({@link MiTable#rank}),
 * as an aligned table or JSON, with the columns' roles, the method of every number and the verdicts.
 */
final class MiRanking {
    private MiRanking() {
    }

    /** Ranks and renders. */
    static Report run(MiTable table, String targetName, MiSettings s, CommonOptions common) {
        MiVariable target = table.variable(targetName, "--target");
        List<RankedFeature> rows;
        try (Progress progress = Progress.start("MI with " + target.name(), table.variables().size() - 1L, common)) {
            rows = table.rank(targetName, s.options(), n -> progress.stepBy(n));
        }
        return report(rows, table, target, s);
    }

    /** The answer: an aligned table (plain) or a {@code features} array (JSON), notes for warnings. */
    static Report report(List<RankedFeature> rows, MiTable table, MiVariable target, MiSettings s) {
        Base base = s.base();
        MiOptions o = s.options();
        String unit = base.unit();
        TextTable text = new TextTable(List.of("feature", "role", "n", "MI (" + unit + ")", "above chance", "p", "",
                "monotone MI", "pearson r", "95% CI", "estimator", "verdict"));
        ArrayNode json = Report.arrayNode();
        Report report = Report.empty();
        boolean anyTestSubsampled = false;
        boolean anyBootstrapSkipped = false;
        for (RankedFeature r : rows) {
            String role = roleOf(table, r.feature());
            boolean sig = r.significant(o.alpha());
            text.add(List.of(r.feature(), role, r.skipped() != null ? "-" : Integer.toString(r.n()),
                    TextTable.num(base.fromNats(r.mi())), TextTable.num(base.fromNats(r.aboveChance())),
                    TextTable.num(r.pValue()), sig ? "*" : "", TextTable.num(base.fromNats(r.miMonotone())),
                    TextTable.num(r.pearson()), interval(r, base), r.estimator(),
                    r.skipped() != null ? "skipped" : r.verdict().label()));
            json.add(toJson(r, role, base, o.alpha()));
            if (r.skipped() != null) {
                report.note(r.feature() + ": skipped: " + r.skipped());
            }
            for (String w : r.warnings()) {
                report.note(r.feature() + ": " + w);
            }
            if (r.skipped() == null && r.n() < table.rows()) {
                report.note(r.feature() + ": " + (table.rows() - r.n()) + " of " + table.rows()
                        + " rows left out (a value missing in it or in " + target.name() + ")");
            }
            anyTestSubsampled |= r.skipped() == null && r.shapeRows() < r.n();
            anyBootstrapSkipped |= r.skipped() == null && o.bootstrap() > 0 && Double.isNaN(r.lower());
        }
        RoleDecision targetRole = decision(table, target.name());
        if (targetRole != null) {
            report.note("target " + target.name() + ": " + targetRole.reason() + "; "
                    + (target.isDiscrete() ? "its values are labels: plug-in MI against discrete columns, Ross against"
                    + " continuous ones" : "KSG against continuous columns, Ross against discrete ones"));
        }
        MiNotes.leftOut(table, report);
        table.notes().forEach(report::note);
        if (anyTestSubsampled) {
            report.note("kNN pairs above " + o.testRows() + " rows are tested on a seeded " + o.testRows()
                    + "-row subsample (a valid test of independence); MI above chance (the MI on the subsample minus its null"
                    + " mean), the monotone MI and the verdict are those of that subsample; MI is that of every row");
        }
        if (anyBootstrapSkipped) {
            report.note("no bootstrap interval for pairs above " + o.bootstrapRows() + " rows (each replicate is a"
                    + " full estimate); --bootstrap B computes it anyway");
        }
        report.plain(text.lines())
                .field("measure", "mutual-information-ranking")
                .field("unit", unit)
                .base(base)
                .field("target", target.name())
                .field("target_kind", target.kind())
                .field("target_role", targetRole == null ? target.kind() : targetRole.role().label())
                .field("rows", (long) table.rows())
                .field("k", (long) o.k())
                .field("seed", o.seed())
                .field("permutations", (long) o.permutations())
                .field("permutation_method", o.permutations() == 0 ? "none"
                        : "sequential permutation test (Besag & Clifford 1991): at most " + o.permutations()
                        + " permutations, stopping after " + SequentialPermutationTest.DEFAULT_EXCEEDANCES
                        + " at or above the observed MI; p = h/L when stopped early, else (b+1)/(B+1); null streamed"
                        + " (running mean/variance, 1,024-value seeded reservoir for the 95th percentile);"
                        + " kNN pairs tested on at most " + o.testRows() + " rows (seeded subsample); plug-in pairs on"
                        + " every row, each null draw a random table with the observed margins (the distribution a"
                        + " uniform re-pairing gives; sequential hypergeometric draws as Patefield 1981)")
                .field("alpha", o.alpha())
                .field("bootstrap", (long) o.bootstrap())
                .field("bootstrap_max_rows", o.bootstrapForced() ? -1L : (long) o.bootstrapRows())
                .field("ci_level", o.level())
                .field("ci_method", "percentile")
                .field("ranking", o.permutations() == 0 ? "raw MI (no test)"
                        : "p <= alpha first, then MI above chance (MI minus the permutation-null mean, both on the"
                        + " test's rows)")
                .field("monotone_rule", "monotone MI = MI(target; isotonic regression of the target on the feature,"
                        + " best of increasing/decreasing, its steps as labels; plug-in for a discrete target, Ross for a"
                        + " continuous one), for two continuous columns at least -0.5 ln(1 - r^2); non-monotone when"
                        + " MI - monotone MI > null 95th percentile - null mean and > MI/2, and p <= alpha")
                .field("scaling", "continuous columns divided by their population standard deviation,"
                        + " plus 1e-10*max(1, mean|x|)*N(0,1) noise from the seed (as scikit-learn)")
                .field("columns", MiNotes.columnsJson(table))
                .field("features", json);
        for (RankedFeature r : rows) {
            if (r.skipped() == null) {
                Explanations.featureRelevance(r, target.name(), base, o.alpha()).forEach(report::sentence);
            }
        }
        Explanations.rankingFootnotes(o.permutations() > 0, o.bootstrap() > 0).forEach(report::sentence);
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
        Report.putNumber(o, "null_mean", r.test() == null ? Double.NaN : base.fromNats(r.test().nullMean()));
        Report.putNumber(o, "null_q95", r.test() == null ? Double.NaN : base.fromNats(r.test().nullQuantile95()));
        Report.putNumber(o, "above_chance", base.fromNats(r.aboveChance()));
        Report.putNumber(o, "p_value", r.pValue());
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
        o.put("verdict", r.verdict().label());
        o.put("explanation", r.verdict().sentence());
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        if (r.skipped() != null) {
            o.put("skipped", r.skipped());
        }
        return o;
    }
}
