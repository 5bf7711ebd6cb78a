// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.DataArgument;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.core.Base;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.surprisal.cli.drift.DriftOutput.fmt;

/** {@code surprisal drift history}: past checks of a monitor, as a table and a sparkline per column. */
@Command(name = "history",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Show a monitor's past checks: a table, and a sparkline of PSI per column.",
        description = {
                "One row per check and column against the current baseline, oldest first: the date, PSI with its noise level (critical),",
                "KL(P||Q), the verdict and whether an alarm fired. Then one sparkline per column (▁ = 0, █ = the",
                "larger of the column's largest PSI and the PSI warn band of the baseline's rule, 0.1 by default;",
                "a --warn given to 'drift check' alone is not recorded), so a spike stands out at a glance and a",
                "flat low line means no drift, not magnified noise.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift history --monitor orders",
                "  surprisal drift history --monitor orders --column amount --json"})
public final class DriftHistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MonitorOptions target;

    @Option(names = "--column", paramLabel = "C", description = "Only this column (default: all).")
    @DataArgument // a column name: what the library says about it is about the table
    String column;

    @Override
    public Integer call() {
        List<HistoryPoint> points;
        String monitor = target.monitor;
        int version;
        double warn;
        try (DriftStore s = target.open(spec, false)) {
            DriftStore.Reference baseline = DriftInputs.reference(s, monitor);
            version = baseline.version();
            warn = psiWarn(baseline.profile().rule());
            points = s.history(monitor, column); // an unknown column: the library lists the baseline's columns
        }
        Base base = common.base();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<HistoryPoint>> byColumn = DriftOutput.byColumn(points);
        if (common.json()) {
            ObjectNode root = DriftOutput.object();
            root.put("monitor", monitor);
            // the history holds the checks against the current baseline only; each point says its own
            root.put("baseline_version", version);
            root.put("measure", "PSI");
            root.putObject("units").put("psi", "unitless").put("critical", "unitless").put("kl_pq", base.unit())
                    .put("js", base.unit());
            root.put("direction", DriftOutput.DIRECTION);
            ArrayNode a = root.putArray("history");
            for (HistoryPoint p : points) {
                ObjectNode n = a.addObject();
                n.put("run_id", p.runId());
                n.put("baseline_version", p.referenceVersion());
                n.put("at", p.at());
                n.put("column", p.column());
                n.put("status", p.status());
                DriftOutput.put(n, "psi", p.psi());
                DriftOutput.put(n, "critical", p.critical());
                DriftOutput.put(n, "kl_pq", base.fromNats(p.klNats()));
                DriftOutput.put(n, "js", base.fromNats(p.jsBits() * Math.log(2)));
                DriftOutput.put(n, "new_mass", p.newMass());
                n.put("alarm", p.alarmed());
            }
            out.println(DriftOutput.write(root));
            out.flush();
            return ExitCode.OK;
        }
        if (points.isEmpty()) {
            out.println("monitor '" + monitor + "' has no checks" + (column == null ? "" : " of column '" + column + "'")
                    + " yet; run 'surprisal drift check --monitor " + monitor + " --data FILE'");
            out.flush();
            return ExitCode.OK;
        }
        int nameWidth = "column".length();
        int atWidth = "at".length();
        for (HistoryPoint p : points) {
            nameWidth = Math.max(nameWidth, p.column().length());
            atWidth = Math.max(atWidth, p.at().length());
        }
        String row = "%-" + atWidth + "s  %5s  %-" + nameWidth + "s  %10s  %10s  %12s  %-14s  %s%n";
        out.printf(Locale.ROOT, row, "at", "run", "column", "PSI", "critical", "KL(P||Q) " + base.unit(), "verdict",
                "alarm");
        for (HistoryPoint p : points) {
            out.printf(Locale.ROOT, row, p.at(), p.runId(), p.column(), fmt(p.psi()), fmt(p.critical()),
                    fmt(base.fromNats(p.klNats())), p.status(), p.alarmed() ? "ALARM" : "");
        }
        out.println();
        // the store keeps each check's scores, not its rule: the band drawn is the baseline's, and says so
        out.println("PSI per check, oldest first (▁ = 0, █ = the larger of the column's maximum and the PSI warn band "
                + fmt(warn) + " of the baseline's rule; a --warn given to a check alone is not recorded):");
        for (Map.Entry<String, List<HistoryPoint>> e : byColumn.entrySet()) {
            double[] psi = e.getValue().stream().mapToDouble(HistoryPoint::psi).toArray();
            if (java.util.Arrays.stream(psi).allMatch(Double::isNaN)) {
                out.printf(Locale.ROOT, "  %-" + nameWidth + "s  not scored (checks only)%n", e.getKey());
                continue;
            }
            double max = 0;
            for (double v : psi) {
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
            out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %s  last %s, max %s%n", e.getKey(), Sparkline.of(psi, warn),
                    fmt(psi[psi.length - 1]), fmt(max));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The PSI warn band of the monitor's stored rule: its --warn when it decides on PSI, else PSI's default. */
    private static double psiWarn(Map<String, String> rule) {
        DriftOptions stored = DriftOptions.defaults().withSettings(rule);
        return stored.measure() == DriftOptions.defaults().measure() ? stored.warn() : DriftOptions.defaults().warn();
    }
}
