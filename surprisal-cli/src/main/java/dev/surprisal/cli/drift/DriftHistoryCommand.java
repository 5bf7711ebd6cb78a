// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.DataArgument;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.core.Base;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.DriftJson;
import dev.surprisal.drift.Measure;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.data.profile.Profile;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.surprisal.cli.drift.DriftOutput.fmt;

/** {@code surprisal drift history}: past checks of a monitor, as a table and a sparkline per column. */
@Command(name = "history",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Show a monitor's past checks: a table, and a sparkline of the deciding measure per column.",
        description = {
                "One row per check and column against the current baseline, oldest first: the date, PSI, the deciding",
                "measure the check used as the store recorded it ('?' for a check recorded before schema 4) with its",
                "value (decision) and noise level (critical) in its unit, KL(P||Q), the verdict and whether an alarm fired, with the check's own reason ('ALARM: W1/std 0.147 >=",
                "warn band 0.100'). Then one sparkline per column (▁ = 0, █ = the",
                "largest of the column's largest value, twice its noise level and the warn band of the baseline's",
                "rule, 0.1 by default; a --warn given to 'drift check' alone is not recorded), so a spike stands",
                "out at a glance and noise reads low: a flat low line means no drift, not magnified noise. A point over 10 times all the others is drawn",
                "as ↑ with its value and the reason its check stored ('all missing in this check', as a renamed",
                "column is, or only 'off the scale'), and the rest are scaled without it. A re-run of a day keeps",
                "its day's place and says which run it replaced. When the checks are daily, a day with no check",
                "recorded (a failed check records nothing) is a row 'no check recorded' in the table and · in the",
                "sparklines (JSON: missing_days; off_scale and off_scale_reason on a point, off the scale of its",
                "column's sparkline: the server's /history has the same rule; reason on an alarmed one). The",
                "sparkline draws the deciding measure (PSI unless the baseline's rule names another), at least up to",
                "its noise level. --explain adds a legend: what each column of the table means, its unit and",
                "direction, and how to read the sparklines and their marks (JSON: explanation).",
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
        Profile reference;
        List<String> runTimes;
        try (DriftStore s = target.openReadOnly(spec)) {
            DriftStore.Reference baseline = DriftInputs.reference(s, monitor);
            version = baseline.version();
            reference = baseline.profile();
            points = s.history(monitor, column); // an unknown column: the library lists the baseline's columns
            runTimes = s.runTimes(monitor); // the days checked: a run that scored no column is no missing day
        }
        Base base = common.base();
        PrintWriter out = spec.commandLine().getOut();
        // the store's day rule (UTC: CLI monitors have no zone) for the missing days; the same chart as the server's
        HistoryChart chart = HistoryChart.of(points, runTimes, ZoneOffset.UTC, reference);
        if (common.json()) {
            ObjectNode root = json(monitor, version, base, chart, points);
            if (common.explain()) {
                root.put("explanation", String.join(" ", legend(base, chart)));
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
        int yardWidth = "yardstick".length();
        for (HistoryPoint p : points) {
            yardWidth = Math.max(yardWidth, yardstick(p).length());
        }
        String row = "%-" + atWidth + "s  %5s  %-" + nameWidth + "s  %10s  %-13s  %10s  %10s  %-" + yardWidth
                + "s  %12s  %-14s  %s%n";
        // decision and critical are shown in the unit the measure cell names (KL and JS in --base)
        out.printf(Locale.ROOT, row, "at", "run", "column", "PSI", "measure, unit", "decision", "critical",
                "yardstick", "KL(P||Q) " + base.unit(), "verdict", "alarm");
        Map<Long, List<HistoryPoint>> byRun = new LinkedHashMap<>();
        points.forEach(p -> byRun.computeIfAbsent(p.runId(), k -> new ArrayList<>()).add(p));
        for (HistoryChart.Slot slot : chart.slots()) {
            if (slot.missing()) {
                out.printf(Locale.ROOT, "%-" + atWidth + "s  %5s  no check recorded on this day (a failed or skipped "
                        + "check records nothing)%n", slot.at(), "-");
                continue;
            }
            List<HistoryPoint> run = byRun.get(slot.runId());
            for (int i = 0; i < run.size(); i++) {
                HistoryPoint p = run.get(i);
                // a re-run has a newer id than the runs after its day: say so where the surprise is
                // the check's own reason: PSI alone does not say why a day alarmed (W1/std, TV, a trend)
                String alarm = (p.alarmed() ? "ALARM: " + p.why() : "") + (i == 0 && p.rerun()
                        ? (p.alarmed() ? "; " : "") + "re-run: replaced run " + p.replacedRunId() : "");
                // the measure this check decided on, as stored: its decision and critical are in its unit
                out.printf(Locale.ROOT, row, p.at(), p.runId(), p.column(), fmt(p.psi()),
                        measureCell(p.measure(), base), fmt(inBase(p.measure(), p.decision(), base)),
                        fmt(inBase(p.measure(), p.critical(), base)),
                        yardstick(p), fmt(base.fromNats(p.klNats())), p.status(), alarm.stripTrailing());
            }
        }
        out.println();
        // the store keeps each check's scores, not its rule: the band drawn is the baseline's, and says so
        // the library's chart of each column (HistoryChart.decisions): the server's page draws the same
        Measure charted = Measure.byLabel(chart.measure());
        out.println((charted == null ? chart.measure() : charted.labelWithUnit(base)) + " per check, oldest first (▁ = 0, █ = the largest of the column's maximum, "
                + "the " + chart.measure() + " warn band " + fmt(inBase(charted, chart.warnBand(), base))
                + " of the baseline's rule (a --warn given to a "
                + "check alone is not recorded) and twice its noise level (critical), so noise reads low"
                + (chart.gaps().isEmpty() ? "" : "; " + Sparkline.GAP_MARK + " = a day with no check recorded") + "):");
        for (String c : chart.columns()) {
            HistoryChart.Series series = chart.decisions(c);
            if (java.util.Arrays.stream(series.values()).allMatch(Double::isNaN)) {
                out.printf(Locale.ROOT, "  %-" + nameWidth + "s  not scored (checks only)%n", c);
                continue;
            }
            double max = 0;
            for (double v : series.values()) {
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
            double last = Double.NaN;
            for (double v : series.values()) {
                last = Double.isFinite(v) ? v : last;
            }
            // a column whose yardstick decided a verdict is drawn in it: say so, with its band
            // (a yardstick is drawn less what chance gives, unitless: say so, as the yardstick cell does)
            boolean lessChance = series.points().stream().anyMatch(p -> p != null && p.yardstick() != null
                    && p.yardstick().chance() > 0);
            String drawn = series.yardstick() ? series.measure() + (lessChance ? " beyond chance" : "")
                    + " (it decided; warn band "
                    + fmt(series.warnBand()) + ") " : "";
            Measure drawnIn = series.yardstick() ? null : Measure.byLabel(series.measure());
            out.printf(Locale.ROOT, "  %-" + nameWidth + "s  %s  %slast %s, max %s%s%n", c,
                    Sparkline.of(series, chart.slots()), drawn, fmt(inBase(drawnIn, last, base)),
                    fmt(inBase(drawnIn, max, base)),
                    offScale(series, series.measure(), drawnIn, base));
        }
        if (common.explain()) {
            out.println();
            out.println("How to read this history:");
            legend(base, chart).forEach(l -> out.println("  " + l));
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The yardstick cell: its name and value as the check printed it, with the part beyond what chance gives (at
     * least 0) when chance gives any ("TV 0.3295, 0.3220 beyond chance"; "W1/std 0.261"), "decided" when it, not
     * the measure's band, put the verdict at WARN or DRIFT; "-" when the column has none or it was not stored.
     */
    private static String yardstick(HistoryPoint p) {
        if (p.yardstick() == null) {
            return "-";
        }
        dev.surprisal.drift.YardstickScore y = p.yardstick();
        // less than chance gives is no change at all: 0, not a negative share of mass that "moved"
        String beyond = y.chance() > 0 ? ", " + fmt(Math.max(0.0, y.judged())) + " beyond chance" : "";
        return y.name() + " " + fmt(y.value()) + beyond + (y.decided() ? " decided" : "");
    }

    /** The measure cell: its name and the unit its decision and critical are shown in ("KL bits", "PSI"). */
    private static String measureCell(Measure m, Base base) {
        return m == null ? "?" : m.unitIn(base).isEmpty() ? m.label() : m.label() + " " + m.unitIn(base);
    }

    /** A stored value of {@code m} (KL nats, JS bits) in the unit shown; as stored when the measure is unknown. */
    private static double inBase(Measure m, double v, Base base) {
        return m == null ? v : m.inBase(v, base);
    }

    /** What --explain adds: each column of the table with its unit and direction, and the sparkline's marks. */
    private static List<String> legend(Base base, HistoryChart chart) {
        String measure = chart.measure();
        String warn = fmt(inBase(Measure.byLabel(measure), chart.warnBand(), base));
        return List.of(
                "at: the date or time the check was run for (--at); run: its id in the store.",
                "PSI: population stability index of the column against the baseline, unitless, 0 = same shares,"
                        + " higher = more change.",
                "measure, unit: the deciding measure the check used, as the store recorded it, and the unit its"
                        + " decision and critical are shown in (PSI and Hellinger unitless, KL and JS in "
                        + base.unit() + ", --base); '?' = " + HistoryPoint.MEASURE_NOT_STORED + ", never guessed"
                        + " (its values then as stored).",
                "decision: the check's value of its deciding measure, in the unit of the measure cell; 0 = same,"
                        + " higher = more change.",
                "critical: the deciding measure's noise level at these row counts, in the unit of the measure cell:"
                        + " a decision below it is sampling noise.",
                "yardstick: the column's own measure of change, unitless, as the check printed it (W1/std: values"
                        + " moved that many reference standard deviations on average; TV: share of the probability"
                        + " mass that would have to move), then, for TV, the part beyond what chance gives at these"
                        + " row counts (0 when within chance), which its bands are compared with;"
                        + " 'decided' = it reached its band while the deciding measure did not, so it"
                        + " made the verdict; '-' = none, or " + HistoryPoint.YARDSTICK_NOT_STORED + ".",
                "KL(P||Q) " + base.unit() + ": extra " + base.unit() + " per value of coding the baseline P with"
                        + " the check's shares Q; 0 = same, higher = more change.",
                "verdict: OK, WARN or DRIFT, decided by the check's deciding measure and yardsticks (W1/std, TV),"
                        + " not by PSI alone.",
                "alarm: ALARM when the check raised one for the column, with the check's own reason (the measure,"
                        + " its value and the band it crossed); 're-run' names the run a re-run replaced.",
                "Sparklines: one character per check, oldest first, of the deciding measure (" + measure + "), ▁ = 0"
                        + " up to █ = the largest of the column's largest " + measure + ", twice its noise level and"
                        + " the baseline rule's " + measure + " warn band " + warn + ", so sampling noise (mostly under"
                        + " its noise level) reads low and a high bar is a real change; higher = more change. ↑ marks a"
                        + " point drawn off the scale (its reason is in the JSON); · a day with no check recorded."
                        + " A column whose yardstick decided a verdict is drawn in that yardstick instead (named on"
                        + " its line, with its warn band), so a WARN day never reads under its band.");
    }

    /** The history as JSON: the points with their off-scale marks, and the missing days. */
    private ObjectNode json(String monitor, int version, Base base, HistoryChart chart, List<HistoryPoint> points) {
        ObjectNode root = DriftOutput.object();
        root.put("monitor", monitor);
        // the history holds the checks against the current baseline only; each point says its own
        root.put("baseline_version", version);
        // the deciding measure the checks stored (the chart's); each row says its own, with its unit
        root.put("measure", chart.measure());
        List<String> measures = chart.measures();
        if (measures.size() > 1) {
            root.putArray("measures").addAll(measures.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf)
                    .toList());
        }
        root.putObject("units").put("psi", "unitless").put("kl_pq", base.unit()).put("js", base.unit())
                .put("decision", "each row's decision_unit: its measure's unit as stored (PSI and Hellinger unitless, "
                        + "KL nats, JS bits)").put("critical", "as decision")
                .put("yardstick_value", "unitless").put("yardstick_chance", "unitless")
                .put("yardstick_warn", "unitless").put("yardstick_drift", "unitless");
        root.put("direction", DriftOutput.DIRECTION);
        ArrayNode gaps = root.putArray("missing_days");
        for (RunGaps.Gap g : chart.gaps()) {
            gaps.addObject().put("first", g.first().toString()).put("last", g.last().toString())
                    .put("days", g.days()).put("after", g.after());
        }
        // off the scale of its column's sparkline: the library's one meaning, the server's /history's too
        Map<HistoryPoint, String> off = chart.offScale();
        ArrayNode a = root.putArray("history");
        for (HistoryPoint p : points) {
            ObjectNode n = a.addObject();
            n.put("run_id", p.runId());
            if (p.rerun()) {
                n.put("replaced_run_id", p.replacedRunId());
            }
            n.put("baseline_version", p.referenceVersion());
            n.put("at", p.at());
            n.put("column", p.column());
            n.put("status", p.status());
            DriftOutput.put(n, "psi", p.psi());
            DriftOutput.put(n, "critical", p.critical());
            DriftJson.putMeasure(n, p);
            DriftOutput.put(n, "decision", p.decision()); // the value the sparkline and off_scale are about
            DriftOutput.put(n, "kl_pq", base.fromNats(p.klNats()));
            DriftOutput.put(n, "js", base.fromNats(p.jsBits() * Math.log(2)));
            DriftOutput.put(n, "new_mass", p.newMass());
            n.put("alarm", p.alarmed());
            if (p.alarmed()) {
                n.put("reason", p.why());
            }
            if (off.containsKey(p)) {
                n.put("off_scale", true).put("off_scale_reason", off.get(p));
            }
        }
        return root;
    }

    /** Says which points are drawn off the scale, why (from what their checks stored), and the others' scale. */
    private static String offScale(HistoryChart.Series series, String measure, Measure in, Base base) {
        if (series.offScale().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (HistoryChart.OffScalePoint o : series.offScale()) {
            parts.add(o.point().at() + ": " + measure + " " + fmt(inBase(in, o.value(), base)) + ", " + o.reason());
        }
        return "; " + Sparkline.OFF_SCALE_MARK + " = off the scale, over " + String.format(Locale.ROOT, "%.0f",
                HistoryChart.OFF_SCALE) + "x the rest (" + String.join("; ", parts) + "), the rest drawn up to "
                + fmt(inBase(in, series.top(), base));
    }
}
