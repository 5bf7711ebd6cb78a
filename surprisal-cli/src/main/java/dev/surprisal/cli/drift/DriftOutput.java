package dev.surprisal.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.store.Alarm;
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
 * KL values are in the unit chosen with {@code --base} (bits by default); PSI is in nats, as
 * its bands (0.1 / 0.25) are defined; JS is in bits, Hellinger and W₁/σ have no unit.
 */
final class DriftOutput {
    static final String DIRECTION = "KL(P||Q) with P = reference, Q = current data";
    static final String NULL_MODEL = "chi-squared approximation: N_eff * PSI ~ chi2(df), N_eff = n*m/(n+m), "
            + "df = bins used - 1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftOutput() {
    }

    /** The summary table, alarms and settings as plain text. */
    static void printTable(PrintWriter out, DriftReport report, List<Alarm> alarms, Base base) {
        String kl = "KL(P||Q) " + base.unit();
        String[] head = {"column", kl, "PSI", "JS", "Hellinger", "W1/std", "new mass", "missing Δ", "verdict"};
        List<ColumnDrift> cols = report.bySeverity();
        String[][] cells = new String[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            ColumnDrift c = cols.get(i);
            cells[i] = new String[] {c.name(), fmt(base.fromNats(c.klNats())), fmt(c.psi()), fmt(c.jsBits()),
                    fmt(c.hellinger()), fmt(c.wassersteinNormalized()), pct(c.newMass()),
                    signedPct(c.missingRateChange()), c.status().name()};
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
        out.println();
        for (Alarm a : alarms) {
            out.println("ALARM " + a.kind().name().toLowerCase(Locale.ROOT) + ": " + a.message());
        }
        if (alarms.isEmpty()) {
            out.println("no alarm: " + report.drifted().size() + " of " + report.columns().size() + " columns drifted");
        }
        DriftOptions o = report.options();
        out.printf(Locale.ROOT, "rows: reference %d, current %d; smoothing: %s on both sides; decision: %s >= %s (warn)"
                        + " / %s (alert) and beyond its chi-squared noise level at alpha %s split over %d tests%n",
                report.referenceRows(), report.currentRows(), o.smoothing(), o.measure(), fmt(o.warn()),
                fmt(o.alert()), fmt(o.alpha()), 2 * report.columns().size());
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

    private static String pct(double v) {
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
        if (Double.isNaN(c.klNats())) {
            return List.of("Column '" + c.name() + "' could not be compared: " + c.reason() + ".");
        }
        String u = base.unit();
        String head = String.format(Locale.ROOT, "Top column '%s' (%s): %s.", c.name(), c.status(), c.reason());
        String pq = String.format(Locale.ROOT, "KL(P||Q) = %s %s (P = reference, Q = today): coding data distributed "
                + "like the reference with a code built for today's data costs %s extra %s per value.",
                fmt(base.fromNats(c.klNats())), u, fmt(base.fromNats(c.klNats())), u);
        String qp = String.format(Locale.ROOT, "KL(Q||P) = %s %s: coding today's data with the reference's code costs "
                + "%s extra %s per value. PSI = KL(P||Q) + KL(Q||P) = %s nats.", fmt(base.fromNats(c.reverseKlNats())),
                u, fmt(base.fromNats(c.reverseKlNats())), u, fmt(c.psi()));
        ColumnDrift.Bin top = c.topBin();
        String bin = top == null ? "" : String.format(Locale.ROOT, " The bin that moved most is %s: reference %.1f%%, "
                + "today %.1f%%.", top.label(), 100 * top.p(), 100 * top.q());
        return List.of(head, pq, qp + bin);
    }

    /** The whole answer as one JSON object; {@code extra} holds verb-specific fields (monitor, run id...). */
    static String json(DriftReport report, List<Alarm> alarms, Base base, ObjectNode extra, List<String> explanation) {
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
        t.put("unit", o.measure().unit().isEmpty() ? "dimensionless" : o.measure().unit());
        t.put("warn", o.warn());
        t.put("alert", o.alert());
        t.put("alpha", o.alpha());
        t.put("alpha_per_test", o.alpha() / (2.0 * Math.max(1, report.columns().size())));
        t.put("new_mass", o.newMass());
        t.put("drift_share", o.driftShare());
        root.setAll(extra);
        root.put("reference_rows", report.referenceRows());
        root.put("current_rows", report.currentRows());
        root.put("alarm", !alarms.isEmpty());
        root.put("dataset_drift", report.datasetDrift());
        ArrayNode cols = root.putArray("columns");
        for (ColumnDrift c : report.bySeverity()) {
            ObjectNode n = cols.addObject();
            n.put("column", c.name());
            n.put("kind", c.kind().name());
            n.put("status", c.status().name());
            n.put("reason", c.reason());
            put(n, "kl_pq", base.fromNats(c.klNats()));
            put(n, "kl_qp", base.fromNats(c.reverseKlNats()));
            put(n, "psi_nats", c.psi());
            put(n, "js_bits", c.jsBits());
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
            put(n, "g_test_p_value", c.gTestPValue());
            put(n, "chi_squared_p_value", c.chiSquaredPValue());
            put(n, "decision", c.decisionValue());
            put(n, "critical", c.critical());
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

    /** JSON has no NaN or infinity: NaN (not computable) is null, infinities the strings "Infinity". */
    static void put(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else if (Double.isInfinite(v)) {
            n.put(name, Double.toString(v));
        } else {
            n.put(name, v);
        }
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
