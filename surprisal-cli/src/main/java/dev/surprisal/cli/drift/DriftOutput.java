// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.Json;
import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.drift.FailOn;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.report.DriftHtmlReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code drift check} and {@code drift compare} print a {@link DriftReport}: an aligned table
 * (one row per column, most severe first), the alarms, the settings used; or one JSON object.
 * KL and JS are in the unit chosen with {@code --base} (bits by default); PSI (computed with natural
 * logarithms, as its bands 0.1 / 0.25 are defined), Hellinger and W₁/σ have no unit.
 */
final class DriftOutput {
    static final String DIRECTION = "KL(P||Q) with P = reference, Q = current data";
    static final String NULL_MODEL = "chi-squared approximation: N_eff * PSI ~ chi2(df), N_eff = n*m/(n+m), "
            + "df = bins used - 1";
    private static final ObjectMapper MAPPER = Json.mapper();

    private DriftOutput() {
    }

    /**
     * The roles preamble: one line per column with its role and why, unscored ones marked.
     *
     * @param out   where to print
     * @param roles the frozen roles
     */
    static void printRoles(PrintWriter out, ColumnRoles roles) {
        out.println("columns (role: why):");
        int w = 6;
        for (RoleDecision d : roles.decisions()) {
            w = Math.max(w, d.column().length());
        }
        for (RoleDecision d : roles.decisions()) {
            out.printf(Locale.ROOT, "  %-" + w + "s  %-11s  %s%s%n", d.column(), d.role().label(), d.reason(),
                    d.role().isScored() ? "" : " (not scored; checked for missing share"
                            + (d.role() == ColumnRole.ID_LIKE ? " and duplicate keys" : d.role() == ColumnRole.TIMESTAMP
                            || d.role() == ColumnRole.DATE ? " and stale values" : "") + ")");
        }
        if (!roles.excluded().isEmpty()) {
            out.println("  excluded by --exclude: " + String.join(", ", roles.excluded()));
        }
    }

    /**
     * The summary table (one row per column, most severe first, with the deciding measure's critical
     * value), new values, invalid cells, alarms and the rule, as plain text.
     */
    static void printTable(PrintWriter out, DriftReport report, List<Alarm> alarms, Base base) {
        DriftOptions o = report.options();
        String u = base.unit();
        String[] head = {"column", "role", "KL(P||Q) " + u, "PSI", "JS " + u, "Hellinger", "TV", "W1/std", o.measure().name()
                + " critical", "new mass", "missing Δ", "invalid Δ", "verdict"};
        List<ColumnDrift> cols = report.bySeverity();
        String[][] cells = new String[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            ColumnDrift c = cols.get(i);
            cells[i] = new String[] {c.name(), c.role().label() + (c.scored() ? "" : "*"), fmt(base.fromNats(c.klNats())),
                    fmt(c.psi()), fmt(js(c, base)), fmt(c.hellinger()), fmt(c.totalVariation()),
                    fmt(c.wassersteinNormalized()),
                    c.scored() ? fmt(measureInBase(c.critical(), o, base)) : "-", c.scored() ? pct(c.newMass()) : "-",
                    signedPct(c.missingRateChange()), c.role().isNumeric() ? signedPct(c.invalidRateChange()) : "-",
                    c.status().name()};
        }
        int[] width = new int[head.length];
        for (int j = 0; j < head.length; j++) {
            width[j] = head[j].length();
            for (String[] row : cells) {
                width[j] = Math.max(width[j], row[j].length());
            }
        }
        out.println(line(head, width));
        for (String[] row : cells) {
            out.println(line(row, width));
        }
        if (cols.stream().anyMatch(c -> !c.scored())) {
            out.println("* not scored (id-like, timestamp, date, constant): checked for missing share, duplicate keys "
                    + "and stale values only");
        }
        out.println();
        for (ColumnDrift c : cols) {
            if (!c.newValues().isEmpty()) {
                long valid = Math.max(1, Math.round(c.currentRows() * (1 - c.missingRateCurrent() - c.invalidRateCurrent())));
                List<String> parts = new ArrayList<>();
                c.newValues().forEach((v, n) -> parts.add(v + " " + pct((double) n / valid)));
                out.println("new values in " + c.name() + " (share of today's values): " + String.join(", ", parts));
            }
            if (c.invalidRateCurrent() > 0) {
                List<String> parts = new ArrayList<>();
                c.invalidCells().forEach(x -> parts.add(x.where() + " '" + x.value() + "'"));
                out.printf(Locale.ROOT, "invalid cells in %s: %s of today's rows (neither a number nor missing)%s%n",
                        c.name(), pct(c.invalidRateCurrent()), parts.isEmpty() ? "" : "; first: " + String.join(", ", parts));
            }
        }
        for (Alarm a : alarms) {
            out.println("ALARM " + a.kind().name().toLowerCase(Locale.ROOT) + ": " + a.message());
        }
        if (alarms.isEmpty()) {
            out.println("no alarm: " + report.drifted().size() + " of " + report.columns().size() + " columns drifted");
        }
        out.println(rule(report));
    }

    /** The rule in one line, units stated. */
    static String rule(DriftReport report) {
        DriftOptions o = report.options();
        return String.format(Locale.ROOT, "rows: reference %d, current %d. Rule: %s (%s) WARN from %s, DRIFT from %s; "
                        + "or the column's own yardstick: TV (share of rows that changed value, beyond chance) WARN from "
                        + "%s, DRIFT from %s for binary, discrete and categorical columns, W1/std WARN from %s, DRIFT from "
                        + "%s for continuous ones; each only beyond the chi-squared noise level (critical) at alpha %s "
                        + "split over %d tests; exit 1 on %s. Smoothing: %s on both sides. PSI, Hellinger, TV and W1/std "
                        + "are unitless; KS and W1 are exact on seeded samples of up to %,d values per column.",
                report.referenceRows(), report.currentRows(), o.measure(), o.measure().unitLabel(), fmt(o.warn()),
                fmt(o.drift()), fmt(o.tvWarn()), fmt(o.tvDrift()), fmt(o.w1Warn()), fmt(o.w1Drift()), fmt(o.alpha()),
                4 * report.columns().size(), o.failOn() == FailOn.WARN ? "WARN or DRIFT" : "DRIFT", o.smoothing(),
                RowSample.SIZE);
    }

    /** Whether a check fails: the report under its fail-on rule, or any alarm when failing on WARN. */
    static boolean fails(DriftReport report, List<Alarm> alarms) {
        return MonitoredCheck.fails(report, alarms);
    }

    /** JS in the chosen base. */
    static double js(ColumnDrift c, Base base) {
        return base.fromNats(c.jsBits() * Math.log(2));
    }

    /** A value of the deciding measure as shown: KL and JS in the chosen base, PSI and Hellinger as they are. */
    static double measureInBase(double v, DriftOptions o, Base base) {
        switch (o.measure()) {
            case KL: return base.fromNats(v);
            case JS: return base.fromNats(v * Math.log(2));
            default: return v;
        }
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < cells.length; j++) {
            String c = cells[j];
            if (j > 0) {
                b.append("  ");
            }
            // the name is left-aligned, numbers right-aligned so their decimals line up
            b.append(j == 0 || j == cells.length - 1 ? c + " ".repeat(width[j] - c.length())
                    : " ".repeat(width[j] - c.length()) + c);
        }
        return b.toString().stripTrailing();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v != 0 && Math.abs(v) < 1e-4) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String signedPct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * v);
    }

    /**
     * The plain-language reading of the top column's KL, both directions labelled: KL(P‖Q) is the
     * extra cost of coding reference-distributed data with a code built for today; KL(Q‖P) the
     * extra cost of coding today's data with the reference's code.
     */
    static List<String> explain(DriftReport report, Base base) {
        if (report.columns().isEmpty()) {
            return List.of("No columns were compared.");
        }
        ColumnDrift c = report.bySeverity().get(0);
        if (!c.scored()) {
            return List.of(String.format(Locale.ROOT, "Top column '%s' (%s, not scored, %s): %s.", c.name(),
                    c.role().label(), c.status(), c.reason()));
        }
        if (Double.isNaN(c.klNats())) {
            return List.of("Column '" + c.name() + "' could not be compared: " + c.reason() + ".");
        }
        String u = base.unit();
        String head = String.format(Locale.ROOT, "Top column '%s' (%s): %s.", c.name(), c.status(), c.reason());
        String pq = String.format(Locale.ROOT, "KL(P||Q) = %s %s (P = reference, Q = today): coding data distributed "
                + "like the reference with a code built for today's data costs %s extra %s per value.",
                fmt(base.fromNats(c.klNats())), u, fmt(base.fromNats(c.klNats())), u);
        String qp = String.format(Locale.ROOT, "KL(Q||P) = %s %s: coding today's data with the reference's code costs "
                + "%s extra %s per value. PSI = KL(P||Q) + KL(Q||P) in nats = %s (unitless).", fmt(base.fromNats(c.reverseKlNats())),
                u, fmt(base.fromNats(c.reverseKlNats())), u, fmt(c.psi()));
        ColumnDrift.Bin top = c.topBin();
        String bin = top == null ? "" : String.format(Locale.ROOT, " The bin that moved most is %s: reference %.1f%%, "
                + "today %.1f%%.", top.label(), 100 * top.p(), 100 * top.q());
        return List.of(head, pq, qp + bin);
    }

    /** The whole answer as one JSON object; {@code extra} holds verb-specific fields (monitor, run id...). */
    static String json(DriftReport report, List<Alarm> alarms, Base base, ObjectNode extra, List<String> explanation,
                       ColumnRoles roles) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("measure", "drift");
        root.put("unit", base.unit());
        root.put("base", base.base());
        root.put("direction", DIRECTION);
        root.put("smoothing", report.options().smoothing().toString());
        root.put("null", NULL_MODEL);
        ObjectNode t = root.putObject("thresholds");
        DriftOptions o = report.options();
        t.put("measure", o.measure().name());
        t.put("unit", o.measure().unitLabel());
        t.put("warn", o.warn());
        t.put("drift", o.drift());
        t.put("tv_warn", o.tvWarn());
        t.put("tv_drift", o.tvDrift());
        t.put("w1_warn", o.w1Warn());
        t.put("w1_drift", o.w1Drift());
        t.put("fail_on", o.failOn().label());
        t.put("alpha", o.alpha());
        t.put("alpha_per_test", o.alpha() / (4.0 * Math.max(1, report.columns().size())));
        t.put("new_mass", o.newMass());
        t.put("drift_share", o.driftShare());
        root.setAll(extra);
        root.put("reference_rows", report.referenceRows());
        root.put("current_rows", report.currentRows());
        ObjectNode units = root.putObject("units");
        units.put("kl", base.unit()).put("js", base.unit()).put("psi", "unitless").put("hellinger", "unitless")
                .put("total_variation", "unitless").put("wasserstein_over_std", "unitless")
                .put("wasserstein", "the column's unit");
        root.putObject("ks_wasserstein_sample").put("method", "bottom-k of a hash of the row position")
                .put("seed", RowSample.SEED).put("size", RowSample.SIZE);
        ArrayNode roleList = root.putArray("roles");
        for (RoleDecision d : roles.decisions()) {
            roleList.addObject().put("column", d.column()).put("role", d.role().label()).put("reason", d.reason())
                    .put("scored", d.role().isScored());
        }
        roles.excluded().forEach(root.putArray("excluded")::add);
        root.put("alarm", !alarms.isEmpty());
        root.put("verdict", report.worst().name());
        root.put("fails", fails(report, alarms));
        root.put("dataset_drift", report.datasetDrift());
        ArrayNode cols = root.putArray("columns");
        for (ColumnDrift c : report.bySeverity()) {
            ObjectNode n = cols.addObject();
            n.put("column", c.name());
            n.put("role", c.role().label());
            n.put("scored", c.scored());
            n.put("status", c.status().name());
            n.put("reason", c.reason());
            put(n, "kl_pq", base.fromNats(c.klNats()));
            put(n, "kl_qp", base.fromNats(c.reverseKlNats()));
            put(n, "psi", c.psi());
            put(n, "js", js(c, base));
            put(n, "hellinger", c.hellinger());
            put(n, "total_variation", c.totalVariation());
            put(n, "ks", c.ks());
            put(n, "ks_p_value", c.ksPValue());
            put(n, "wasserstein", c.wasserstein());
            put(n, "wasserstein_over_std", c.wassersteinNormalized());
            put(n, "new_mass", c.newMass());
            put(n, "new_mass_p_value", c.newMassPValue());
            put(n, "missing_rate_reference", c.missingRateReference());
            put(n, "missing_rate_current", c.missingRateCurrent());
            put(n, "missing_rate_change", c.missingRateChange());
            put(n, "invalid_rate_reference", c.invalidRateReference());
            put(n, "invalid_rate_current", c.invalidRateCurrent());
            ArrayNode nv = n.putArray("new_values");
            c.newValues().forEach((v, k) -> nv.addObject().put("value", v).put("rows", k));
            ArrayNode ic = n.putArray("invalid_cells");
            c.invalidCells().forEach(x -> ic.addObject().put("where", x.where()).put("value", x.value()));
            put(n, "g_test_p_value", c.gTestPValue());
            put(n, "chi_squared_p_value", c.chiSquaredPValue());
            put(n, "decision", measureInBase(c.decisionValue(), o, base));
            put(n, "critical", measureInBase(c.critical(), o, base));
            n.put("df", c.degreesOfFreedom());
        }
        ArrayNode a = root.putArray("alarms");
        for (Alarm al : alarms) {
            ObjectNode n = a.addObject();
            if (al.column() == null) {
                n.putNull("column");
            } else {
                n.put("column", al.column());
            }
            n.put("kind", al.kind().name());
            n.put("message", al.message());
        }
        if (explanation != null) {
            root.put("explanation", String.join(" ", explanation));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON has no NaN or infinity: the one rule of {@link Json} (NaN is null with a reason, ±∞ a string). */
    static void put(ObjectNode n, String name, double v) {
        Json.putNumber(n, name, v, "not computable");
    }

    /** History points grouped by column, in the order the store returned them. */
    static Map<String, List<HistoryPoint>> byColumn(List<HistoryPoint> points) {
        Map<String, List<HistoryPoint>> byColumn = new LinkedHashMap<>();
        for (HistoryPoint p : points) {
            byColumn.computeIfAbsent(p.column(), k -> new ArrayList<>()).add(p);
        }
        return byColumn;
    }

    /** Writes the HTML report; a file that cannot be written is bad data (exit 3). */
    /**
     * Writes the HTML report atomically. A failure is not fatal: the check is already recorded and
     * its result is still printed, so this returns the warning to print (null when written).
     */
    static String writeReport(Path file, String title, DriftReport report, Map<String, List<HistoryPoint>> history) {
        try {
            DriftHtmlReport.write(file, title, report, history);
            return null;
        } catch (IOException e) {
            return "cannot write the report to " + file + ": " + e.getMessage();
        }
    }
}
