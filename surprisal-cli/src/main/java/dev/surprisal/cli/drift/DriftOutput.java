// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.Json;
import dev.surprisal.core.Base;
import dev.surprisal.drift.Measure;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.profile.CategoryBins;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.RowSample;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.drift.FailOn;
import dev.surprisal.drift.SchemaChange;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftExplanation;
import dev.surprisal.drift.DriftJson;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.ValueText;
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
    static final String DIRECTION = DriftJson.DIRECTION;
    private static final ObjectMapper MAPPER = Json.mapper();

    private DriftOutput() {
    }

    /**
     * The roles preamble: one line per column with its role and why, unscored ones marked.
     *
     * @param out       where to print
     * @param reference the reference profile (its frozen roles)
     */
    static void printRoles(PrintWriter out, Profile reference) {
        printRoles(out, reference, ", invalid dates and stale values (when the baseline covers several batches)");
    }

    /**
     * {@link #printRoles(PrintWriter, Profile)} for a monitor's check: a timestamp or date column is checked
     * for re-sent batches, and for its age against the check's time only when a lag limit is set.
     *
     * @param out       where to print
     * @param reference the reference profile (its frozen roles)
     * @param maxLag    the stale-data lag limit ({@code --max-lag}), or null when off
     */
    static void printMonitorRoles(PrintWriter out, Profile reference, java.time.Duration maxLag) {
        // without a lag limit only re-sent batches are found: a batch weeks old that is newer than the last is OK
        printRoles(out, reference, ", invalid dates and re-sent batches (when the baseline covers several batches)"
                + (maxLag == null ? "" : " and stale values (newest value more than "
                + dev.surprisal.drift.BatchLag.words(maxLag) + " before the check's time, max-lag)"));
    }

    private static void printRoles(PrintWriter out, Profile reference, String temporal) {
        ColumnRoles roles = reference.roles();
        out.println("columns (role: why):");
        int w = 6;
        int rw = 11; // "categorical"; a date column's layout widens it: "date (dd/mm/yyyy)"
        for (RoleDecision d : roles.decisions()) {
            w = Math.max(w, d.column().length());
            rw = Math.max(rw, d.label().length());
        }
        for (RoleDecision d : roles.decisions()) {
            out.printf(Locale.ROOT, "  %-" + w + "s  %-" + rw + "s  %s%s%s%n", d.column(), d.label(), d.reason(),
                    d.role().isScored() ? "" : " (not scored; checked for missing share"
                            + (d.role() == ColumnRole.ID_LIKE ? " and duplicate keys" : d.role().isTemporal()
                            ? temporal : "") + ")", untracked(reference, d.column()));
        }
        if (!roles.excluded().isEmpty()) {
            out.println("  excluded by --exclude: " + String.join(", ", roles.excluded()));
        }
        // labels the reference wrote several ways: folded (what into what), or the warning with the fix
        reference.labelVariantNotes(dev.surprisal.data.profile.ProfileOptions.NORMALIZE_LABELS)
                .forEach(n -> out.println("  note: " + n));
    }

    /**
     * For a categorical column, its bins' note ({@link CategoryBins#note()}: hashed groups, or every value in one
     * bin) and "; new values not tracked: over 1,048,576 categories" when so; else "".
     */
    private static String untracked(Profile reference, String column) {
        ColumnProfile c = reference.columns().stream().filter(x -> x.name().equals(column)).findFirst().orElse(null);
        CategoryBins cb = c == null ? null : c.categoryBins();
        if (cb == null) {
            return "";
        }
        String note = cb.note().isEmpty() ? "" : "; " + cb.note();
        return note + (cb.othersComplete() ? "" : "; new values not tracked: " + cb.otherValues().untracked());
    }

    /**
     * The reference's date and timestamp columns whose order of day and month the data did not decide
     * ({@link dev.surprisal.data.profile.DateOrderWarning}), in text: a "surprisal: warning: " line each on standard
     * error (with {@code --explain} its plain sentences below it), unless quiet, as the schema notes; JSON carries
     * them in its {@code warnings} array ({@link dev.surprisal.drift.DriftJson#dateOrderWarnings}).
     *
     * @param err       standard error
     * @param reference the reference profile
     * @param explain   whether to add the plain sentences
     * @param quiet     whether {@code --quiet} was given
     */
    static void dateOrder(PrintWriter err, dev.surprisal.data.profile.Profile reference, boolean explain,
                          boolean quiet) {
        dev.surprisal.cli.Report.printWarnings(err, reference.dateOrderWarnings(), explain, quiet);
    }

    /**
     * Today's columns against the reference's: in the JSON object {@code extra} as {@code schema}
     * (absent and new columns, with the notes), and in text as notes on standard error, unless quiet.
     */
    static void schema(SchemaChange change, ObjectNode extra, PrintWriter err, boolean json, boolean quiet) {
        if (change.isEmpty()) {
            return;
        }
        if (json) {
            dev.surprisal.drift.DriftJson.putSchema(extra, change);
        } else if (!quiet) {
            change.notes().forEach(n -> err.println("surprisal: note: " + n));
            err.flush();
        }
    }

    /**
     * The summary table (one row per column, most severe first, with the deciding measure's critical
     * value), new values, invalid cells, alarms and the rule, as plain text.
     */
    static void printTable(PrintWriter out, DriftReport report, List<Alarm> alarms, Base base) {
        DriftOptions o = report.options();
        String u = base.unit();
        String[] head = {"column", "role", "KL(P||Q) " + u, "PSI", "JS " + u, "Hellinger", "TV", "W1/std", o.measure().label()
                + " critical", "new mass", "missing Δ", "invalid Δ", "verdict"};
        List<ColumnDrift> cols = report.bySeverity();
        String[][] cells = new String[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            ColumnDrift c = cols.get(i);
            cells[i] = new String[] {c.name(), c.role().label() + (c.scored() ? "" : "*"), fmt(base.fromNats(c.klNats())),
                    fmt(c.psi()), fmt(js(c, base)), fmt(c.hellinger()), fmt(c.totalVariation()),
                    fmt(c.wassersteinNormalized()),
                    c.scored() ? fmt(measureInBase(c.critical(), o, base)) : "-", c.scored() ? pct(c.newMass()) : "-",
                    signedPct(c.missingRateChange()), c.checksInvalid() ? signedPct(c.invalidRateChange()) : "-",
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
            out.println("* not scored (id-like, timestamp, date, constant): checked for missing share, duplicate keys, "
                    + "invalid dates and re-sent or stale batches only");
        }
        for (ColumnDrift c : cols) {
            if (c.staleCheckSkipped()) {
                out.println("note: " + c.name() + ": the stale-data check (re-sent or replayed batch) did not run: "
                        + "today's values span more than half of the reference's range, so a re-sent batch looks like "
                        + "a new one. It runs when the baseline covers several batches, e.g. 'surprisal drift baseline' "
                        + "on a week of data.");
            }
        }
        out.println();
        for (ColumnDrift c : cols) {
            if (!c.newValues().isEmpty()) {
                List<String> parts = new ArrayList<>();
                c.newValues().keySet().forEach(v -> parts.add(c.newValueText(v)));
                out.println("new values in " + c.name() + " (share of today's values): " + String.join(", ", parts));
            }
            if (c.invalidRateCurrent() > 0) {
                out.printf(Locale.ROOT, "invalid cells in %s: %s of today's rows (%s)%s%n", c.name(),
                        pct(c.invalidRateCurrent()), c.invalidMeaning(),
                        c.invalidCells().isEmpty() ? "" : "; values: " + c.invalidValuesText());
            }
        }
        for (Alarm a : alarms) {
            out.println(verdictWord(a, report) + ": " + a.message());
        }
        if (alarms.isEmpty()) {
            out.println("no alarm: " + report.summary());
        }
        out.println(rule(report, base));
    }

    /**
     * The rule in one line, units stated: the deciding measure's bands in the unit the table and the
     * alarm lines show it (KL and JS in {@code base}), and as given (KL in nats, JS in bits) when that
     * differs.
     */
    static String rule(DriftReport report, Base base) {
        DriftOptions o = report.options();
        Measure m = o.measure();
        String shownUnit = m.unitIn(base).isEmpty() ? m.unitLabel() : m.unitIn(base);
        String bands = String.format(Locale.ROOT, "%s (%s) WARN from %s, DRIFT from %s", m.label(), shownUnit,
                fmt(m.inBase(o.warn(), base)), fmt(m.inBase(o.drift(), base)))
                + (shownUnit.equals(m.unitLabel()) ? "" : String.format(Locale.ROOT, " (given as %s and %s %s)",
                fmt(o.warn()), fmt(o.drift()), m.unitLabel()));
        return String.format(Locale.ROOT, "rows: reference %d, current %d. Rule: %s; "
                        + "or the column's own yardstick: TV (share of probability mass that moved, beyond chance) WARN from "
                        + "%s, DRIFT from %s for binary, discrete and categorical columns, W1/std WARN from %s, DRIFT from "
                        + "%s for continuous ones; each only beyond the chi-squared noise level (critical) at alpha %s "
                        + "split over %d tests; exit 1 on %s. Smoothing: %s on both sides. PSI, Hellinger, TV and W1/std "
                        + "are unitless; KS and W1 are exact on seeded samples of up to %,d values per column.",
                report.referenceRows(), report.currentRows(), bands, fmt(o.tvWarn()), fmt(o.tvDrift()), fmt(o.w1Warn()), fmt(o.w1Drift()), fmt(o.alpha()),
                report.tests(), o.failOn() == FailOn.WARN ? "WARN or DRIFT" : "DRIFT", o.smoothing(),
                RowSample.SIZE);
    }

    /** Whether a check fails: the report under its fail-on rule, or any alarm when failing on WARN. */
    /**
     * The alarm's own verdict word, so that a WARN that exits 0 does not read as an alarm that pages:
     * a column's level alarm is its status (WARN or DRIFT), a trend spike WARN, dataset drift DRIFT.
     */
    static String verdictWord(Alarm a, DriftReport report) {
        return switch (a.kind()) {
            case DATASET -> "DRIFT (dataset)";
            case TREND -> "WARN (trend)";
            case LEVEL -> report.columns().stream().filter(c -> c.name().equals(a.column())).findFirst()
                    .map(c -> c.status().name()).orElse("ALARM");
        };
    }

    static boolean fails(DriftReport report, List<Alarm> alarms) {
        return MonitoredCheck.fails(report, alarms);
    }

    /** JS in the chosen base. */
    static double js(ColumnDrift c, Base base) {
        return DriftJson.js(c, base);
    }

    /** A value of the deciding measure as shown: KL and JS in the chosen base, PSI and Hellinger as they are. */
    static double measureInBase(double v, DriftOptions o, Base base) {
        return DriftJson.inBase(v, o, base);
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
        return DriftExplanation.CELL.format(v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String signedPct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.2f%%", 100 * v);
    }

    /** The plain-words reading of the top column ({@link DriftExplanation}, the HTML report's too). */
    static List<String> explain(DriftReport report, Base base) {
        return DriftExplanation.sentences(report, base);
    }

    /**
     * The whole answer as one JSON object ({@link DriftJson}, the server's check too); {@code extra}
     * holds verb-specific fields (monitor, run id...), {@code explanation} is null unless asked.
     */
    static String json(DriftReport report, List<Alarm> alarms, Base base, ObjectNode extra, List<String> explanation,
                       ColumnRoles roles) {
        return write(DriftJson.of(report, roles).withAlarms(alarms).withBase(base).withHeader(extra)
                .withExplanation(explanation != null).toTree());
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
    static String writeReport(Path file, String title, DriftReport report, Map<String, List<HistoryPoint>> history,
                              Base base) {
        try {
            DriftHtmlReport.write(file, title, report, history, base);
            return null;
        } catch (IOException e) {
            return "cannot write the report to " + file + ": " + e.getMessage();
        }
    }
}
