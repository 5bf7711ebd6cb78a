// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.PairResult;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.inference.IndependenceTestResult;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.MiExplanation;
import dev.surprisal.selection.TargetShare;

import java.nio.file.Path;

/**
 * {@code surprisal mi --x A --y B}: renders {@link MiTable#pair}, one pair scored by the library exactly as
 * one feature of a ranking (B as the target), so the estimator follows the two roles: plug-in for two
 * discrete columns, Ross for discrete × continuous, KSG for two continuous. Two discrete columns also
 * get H(X), H(Y), the normalised MI and the G-test where its χ² tail holds (every expected count at least 5).
 */
final class MiPairReport {
    private MiPairReport() {
    }

    static Report run(TableReader file, String x, String y, RoleOverrides overrides, MiSettings s,
                      CommonOptions common) {
        MiTable t = MiTable.read(file, overrides, s.seed(), s.keepDuplicateRows(), s.normalizeLabels());
        // an unknown or left-out column is named by the option that gave it (the library names its parameter)
        t.variable(x, "--x");
        t.variable(y, "--y");
        return run(t, t.pair(x, y, s.options()), s, common);
    }

    /**
     * The pair's report ({@link MiTable#pair} computed by any engine).
     *
     * @param t  the pair's table: its notes are shown (an engine's row sample among them)
     * @param pr the pair
     */
    static Report run(MiTable t, PairResult pr, MiSettings s, CommonOptions common) {
        String x = pr.x();
        String y = pr.y();
        RankedFeature f = pr.feature();
        Base base = s.base();
        RoleDecision rx = pr.xRole();
        RoleDecision ry = pr.yRole();
        Report r = Report.empty().row("I(X;Y)", "mutual-information", base.fromNats(f.mi()), base.unit());
        r.note(x + ": " + rx.reason());
        r.note(y + ": " + ry.reason());
        r.note("estimator: " + f.estimator() + " (" + pr.reason() + ")");
        t.notes().forEach(r::note);
        r.field("duplicate_rows", (long) t.duplicateRows()); // copies left out
        r.warnings(t.dateOrderWarnings());
        if (pr.rowsLeftOut() > 0) {
            r.note(pr.rowsLeftOut() + " of " + pr.tableRows() + " rows left out (a value missing in " + x + " or " + y + ")");
        }
        // x determines a discrete y (a copy, or leakage when y is a target); y is "the target" of the pair's score
        TargetShare.Note share = f.targetShare();
        if (share.flag() != TargetShare.Flag.NONE) {
            r.note(x + ": " + share.sentence());
        }
        double hy = Double.NaN;
        PairResult.Discrete d = pr.discrete();
        if (d != null) {
            double hx = base.fromNats(d.entropyX());
            hy = base.fromNats(d.entropyY());
            r.row("H(X)", "entropy", hx, base.unit()).row("H(Y)", "entropy", hy, base.unit())
                    .field("entropy_x", hx).field("entropy_y", hy);
            IndependenceTestResult g = d.gTest();
            if (!Double.isNaN(d.nmi())) {
                r.row("NMI", "normalized-mutual-information", d.nmi(), DivergenceMeasure.UNITLESS)
                        .field("nmi", d.nmi()).field("nmi_average", "arithmetic");
            }
            if (g != null) { // G = 2n·MI whatever the counts; its χ² p only where the tail holds
                r.field("g", g.statistic()).field("df", (long) g.degreesOfFreedom());
            }
            if (d.gTestHolds()) {
                r.row("G-test p", "g-test-p-value", g.pValue(), DivergenceMeasure.UNITLESS).field("g_test_p", g.pValue());
                r.sentence(MiExplanation.pValue(g.pValue(), "G-test"));
            } else {
                r.note("no G-test p: " + d.noGTest() + (f.test() == null ? ""
                        : "; the permutation p (random tables with the same margins) stands"));
            }
        }
        interval(r, f, s);
        if (f.test() != null) {
            r.row("permutation p", "permutation-p-value", f.pValue(), DivergenceMeasure.UNITLESS)
                    .field("p_value", f.pValue())
                    .field("null_mean", base.fromNats(f.test().nullMean()))
                    .field("above_chance", base.fromNats(f.aboveChance()))
                    .field("permutations", (long) f.test().permutations())
                    .field("test_rows", (long) f.testRows());
        }
        r.base(base)
                .field("x", x).field("y", y)
                .field("x_role", rx.role().label()).field("y_role", ry.role().label())
                .field("n", (long) f.n())
                .field("estimator", f.estimator())
                .field("estimator_reason", pr.reason())
                .field("monotone_mi", base.fromNats(f.miMonotone()))
                .field("pearson", f.pearson())
                .field("verdict", f.verdict().label())
                // a pair has no target: "determines" is whether x determines y; determines_target is the old name,
                // kept so scripts written against it still read it (README "mi --x/--y")
                .field("determines", share.flag().label())
                .field("determines_target", share.flag().label())
                // the decision itself (its note is among the notes): the least MI r implies when KSG is below it
                .field("biased_low", com.fasterxml.jackson.databind.node.BooleanNode.valueOf(f.biasedLow()))
                .field("biased_low_bound", base.fromNats(f.biasedLowBound()), MiNotes.noBiasedLowBound(f))
                .field("explanation", f.verdict().sentence())
                .field("seed", s.seed());
        if (d != null) {
            MiExplanation.mutualInformation(base.fromNats(f.mi()), hy, base, x, y).forEach(r::sentence);
        }
        MiExplanation.featureRelevance(f, y, base, s.options().alpha(), false).forEach(r::sentence);
        return r;
    }

    /**
     * The pair's bootstrap interval, as the ranking gives each feature's (text and JSON {@code ci_lower},
     * {@code ci_upper}, in --base): computed by the library whenever --bootstrap asks for it, and said why
     * when it is not shown (skipped by default above the row limit, or withheld because it misses the estimate).
     */
    private static void interval(Report r, RankedFeature f, MiSettings s) {
        dev.surprisal.selection.MiOptions o = s.options();
        Base base = s.base();
        String why = null;
        if (!Double.isNaN(f.lower())) {
            r.note(String.format(java.util.Locale.ROOT, "%.0f%% CI of I(X;Y): [%s, %s] %s (%s bootstrap, %d replicates)",
                    100 * o.level(), TextTable.num(base.fromNats(f.lower())), TextTable.num(base.fromNats(f.upper())),
                    base.unit(), f.intervalMethod(), o.bootstrap()));
        } else if (o.bootstrap() == 0) {
            why = "--bootstrap 0 skips the interval";
        } else if (!o.bootstrapForced() && f.n() > o.bootstrapRows()) {
            why = "no bootstrap interval above " + o.bootstrapRows() + " rows by default (each replicate is a full"
                    + " estimate); --bootstrap B computes it";
            r.note(why);
        } else {
            why = f.warnings().stream().filter(w -> w.startsWith(dev.surprisal.selection.TargetRanking.INTERVAL_NOT_SHOWN))
                    .findFirst().orElse("no bootstrap interval");
            r.note(why);
        }
        r.field("ci_lower", base.fromNats(f.lower()), why).field("ci_upper", base.fromNats(f.upper()), why)
                .field("ci_level", o.level()).field("ci_method", f.intervalMethod())
                .field("bootstrap", (long) o.bootstrap());
    }
}
