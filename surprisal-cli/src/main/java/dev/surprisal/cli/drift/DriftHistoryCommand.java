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
import dev.surprisal.drift.store.RunGaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
                "flat low line means no drift, not magnified noise. A point over 10 times all the others (a renamed",
                "column scored as all missing) is drawn as ↑ and named, and the rest are scaled without it. When the",
                "checks are daily, a day with no check recorded (a failed check records nothing) is a row 'no check",
                "recorded' in the table and · in the sparklines (JSON: missing_days).",
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
            ArrayNode gaps = root.putArray("missing_days");
            for (RunGaps.Gap g : gaps(points)) {
                gaps.addObject().put("first", g.first().toString()).put("last", g.last().toString())
                        .put("days", g.days()).put("after", g.after());
            }
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
                    + " yet; run 'surprisal drift check --monitor "
                    + dev.surprisal.core.Printable.shellWord(monitor) + " --data FILE'");
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
        List<RunGaps.Gap> gaps = gaps(points);
        // the timeline the sparklines share: each run once, then one slot per missing day after its gap's run
        List<Long> runs = new ArrayList<>();
        Map<Long, String> runAt = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            HistoryPoint p = points.get(i);
            out.printf(Locale.ROOT, row, p.at(), p.runId(), p.column(), fmt(p.psi()), fmt(p.critical()),
                    fmt(base.fromNats(p.klNats())), p.status(), p.alarmed() ? "ALARM" : "");
            if (runAt.putIfAbsent(p.runId(), p.at()) == null) {
                runs.add(p.runId());
            }
            boolean lastOfRun = i + 1 == points.size() || points.get(i + 1).runId() != p.runId();
            for (RunGaps.Gap g : gaps) {
                if (lastOfRun && g.after().equals(p.at())) {
                    out.printf(Locale.ROOT, "%-" + atWidth + "s  %5s  no check recorded on %s (a failed or skipped "
                            + "check records nothing)%n", g.first(), "-", g.days() == 1 ? "this day"
                            : "these " + g.days() + " days, to " + g.last());
                    for (long d = 0; d < g.days(); d++) {
                        runs.add(GAP);
                    }
                }
            }
        }
        out.println();
        // the store keeps each check's scores, not its rule: the band drawn is the baseline's, and says so
        out.println("PSI per check, oldest first (▁ = 0, █ = the larger of the column's maximum and the PSI warn band "
                + fmt(warn) + " of the baseline's rule; a --warn given to a check alone is not recorded"
                + (gaps.isEmpty() ? "" : "; " + GAP_MARK + " = a day with no check recorded") + "):");
        for (Map.Entry<String, List<HistoryPoint>> e : byColumn.entrySet()) {
            Map<Long, Double> byRun = new HashMap<>();
            e.getValue().forEach(p -> byRun.put(p.runId(), p.psi()));
            double[] psi = runs.stream().mapToDouble(r -> byRun.getOrDefault(r, Double.NaN)).toArray();
            if (java.util.Arrays.stream(psi).allMatch(Double::isNaN)) {
                out.printf(Locale.ROOT, "  %-" + nameWidth + "s  not scored (checks only)%n", e.getKey());
                continue;
            }
            double max = 0;
            for (double v : psi) {
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
            Sparkline.Chart chart = Sparkline.chart(psi, warn);
            char[] line = chart.line().toCharArray();
            for (int i = 0; i < line.length; i++) {
                if (runs.get(i) == GAP) {
                    line[i] = GAP_MARK;
                }
            }
            List<HistoryPoint> own = e.getValue();
            out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %s  last %s, max %s%s%n", e.getKey(), new String(line),
                    fmt(own.get(own.size() - 1).psi()), fmt(max), offScale(chart, psi, runs, runAt));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A slot of the sparklines' timeline that is a missing day, not a run. */
    private static final long GAP = Long.MIN_VALUE;
    /** The mark of a missing day in a sparkline. */
    private static final char GAP_MARK = '·';

    /** The days with no check in a daily history, by the store's day rule (UTC: CLI monitors have no zone). */
    private static List<RunGaps.Gap> gaps(List<HistoryPoint> points) {
        return RunGaps.missingDays(points.stream().map(HistoryPoint::at).toList(), ZoneOffset.UTC);
    }

    /** Says which points are drawn off the scale, and the scale the others are drawn on. */
    private static String offScale(Sparkline.Chart chart, double[] psi, List<Long> runs, Map<Long, String> runAt) {
        if (chart.offScale().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i : chart.offScale()) {
            parts.add(fmt(psi[i]) + " at " + runAt.get(runs.get(i)));
        }
        return "; " + Sparkline.OFF_SCALE_MARK + " = off the scale (" + String.join(", ", parts) + ", over "
                + String.format(Locale.ROOT, "%.0f", Sparkline.OFF_SCALE) + "x the rest: a schema change or broken "
                + "batch?), the rest drawn up to " + fmt(chart.top());
    }

    /** The PSI warn band of the monitor's stored rule: its --warn when it decides on PSI, else PSI's default. */
    private static double psiWarn(Map<String, String> rule) {
        DriftOptions stored = DriftOptions.defaults().withSettings(rule);
        return stored.measure() == DriftOptions.defaults().measure() ? stored.warn() : DriftOptions.defaults().warn();
    }
}
