// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.core.Base;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.surprisal.report.Html.esc;
import static dev.surprisal.report.Html.num;

/**
 * A drift check as one self-contained HTML page: inline CSS and inline SVG drawn in Java, no script
 * and no network access when opened. Contents: the verdict and explanation, a summary table sorted
 * by severity, and per column the overlaid reference/today histograms on the frozen bins, the
 * per-bin KL(P‖Q) contribution bars and, when a history is given, the deciding measure over time
 * with its critical value. Every column name, label and message is HTML-escaped.
 */
public final class DriftHtmlReport {
    private static final String CSS = Html.BASE_CSS + ".DRIFT{color:#b00;font-weight:bold}.WARN{color:#b60}"
            + ".OK{color:#070}.NOT_COMPUTABLE{color:#777}section{margin:24px 0;border-top:2px solid #eee}"
            + ".chart{display:block;margin:6px 0}.p{fill:#4a78c2;opacity:.55}.q{fill:#f28e2b;opacity:.85}"
            + ".pos{fill:#c23b22}.neg{fill:#2a9d8f}.axis{stroke:#999}.series{fill:none;stroke:#4a78c2;stroke-width:2}"
            + ".critical{fill:none;stroke:#b00;stroke-dasharray:4 3}"
            + ".dot{fill:#4a78c2}.gap{stroke:#bbb;stroke-dasharray:2 3}.offscale{fill:#b00;font-size:14px}.alarm{fill:#b00}text{font-size:11px;fill:#555}"
            + ".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}";

    private DriftHtmlReport() {
    }

    /**
     * The page for {@code report}; {@code history} maps column names to past points (may be empty).
     *
     * @param title   the page title (escaped)
     * @param report  the scored comparison
     * @param history past points of each column, by column name; may be empty
     * @return one self-contained HTML page (inline CSS and SVG, no script, no network)
     */
    public static String render(String title, DriftReport report, Map<String, List<HistoryPoint>> history) {
        return render(title, report, history, Base.BITS);
    }

    /**
     * The page for {@code report}, KL and JS in {@code base}'s unit (the deciding measure and its critical value
     * too, when it is KL or JS), as the text output of the same check shows them.
     *
     * @param title   the page title (escaped)
     * @param report  the scored comparison
     * @param history past points of each column, by column name; may be empty
     * @param base    the unit of KL and JS (the check's {@code --base})
     * @return one self-contained HTML page (inline CSS and SVG, no script, no network)
     */
    public static String render(String title, DriftReport report, Map<String, List<HistoryPoint>> history,
                                Base base) {
        dev.surprisal.drift.Measure m = report.options().measure();
        String mUnit = m.unitIn(base).isEmpty() ? "" : " " + m.unitIn(base);
        String u = base.unit();
        StringBuilder h = Html.open(title, CSS);
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"verdict\">").append(esc(report.summary()))
                .append(report.datasetDrift() ? " — <b class=\"DRIFT\">dataset drift</b>" : "")
                .append(". Reference rows ").append(report.referenceRows()).append(", today ")
                .append(report.currentRows()).append(". Deciding measure ").append(report.options().measure())
                .append(" (").append(m.unitIn(base).isEmpty() ? "unitless" : m.unitIn(base)).append("; warn ")
                .append(num(m.inBase(report.options().warn(), base))).append(", drift ")
                .append(num(m.inBase(report.options().drift(), base))).append(", and beyond the χ² noise level at α = ")
                .append(num(report.options().alpha())).append("); smoothing ")
                .append(esc(report.options().smoothing().toString())).append(" on both sides.</p>");
        h.append("<p class=\"explanation\">").append(esc(dev.surprisal.drift.DriftExplanation.paragraph(report, base))).append("</p>");
        h.append("<table class=\"summary\"><thead><tr><th>column</th><th>role</th><th>status</th><th>")
                .append(esc(m.label() + mUnit)).append("</th><th>").append(esc(m.label())).append(" critical")
                .append(esc(mUnit)).append("</th><th>KL(P‖Q) ").append(u).append("</th><th>KL(Q‖P) ").append(u)
                .append("</th><th>JS ").append(u).append("</th><th>Hellinger</th><th>KS</th>"
                // shares of rows, in percentage points, as the text table shows them
                + "<th>W₁/σ</th><th>Δ missing (points)</th><th>Δ invalid (points)</th><th>new mass (% of today)</th>"
                + "</tr></thead><tbody>");
        for (ColumnDrift c : report.bySeverity()) {
            h.append("<tr><td><a href=\"#c").append(report.columns().indexOf(c)).append("\">").append(esc(c.name()))
                    .append("</a></td><td>").append(esc(c.role().label())).append(c.scored() ? "" : " (not scored)")
                    .append("</td><td class=\"").append(c.status()).append("\">").append(c.status())
                    .append("</td><td>").append(num(m.inBase(c.decisionValue(), base))).append("</td><td>")
                    .append(num(m.inBase(c.critical(), base))).append("</td><td>").append(num(base.fromNats(c.klNats())))
                    .append("</td><td>").append(num(base.fromNats(c.reverseKlNats()))).append("</td><td>")
                    .append(num(dev.surprisal.drift.Measure.JS.inBase(c.jsBits(), base))).append("</td><td>").append(num(c.hellinger()))
                    .append("</td><td>").append(num(c.ks())).append("</td><td>").append(num(c.wassersteinNormalized()))
                    .append("</td><td>").append(points(c.missingRateChange())).append("</td><td>")
                    .append(points(c.invalidRateChange())).append("</td><td>").append(percent(c.newMass()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<p class=\"legend\"><span style=\"background:#4a78c2;opacity:.55\"></span>reference P"
                + "<span style=\"background:#f28e2b\"></span>today Q<span style=\"background:#c23b22\"></span>"
                + "KL term &gt; 0<span style=\"background:#2a9d8f\"></span>KL term &lt; 0</p>");
        for (ColumnDrift c : report.bySeverity()) {
            h.append("<section id=\"c").append(report.columns().indexOf(c)).append("\"><h2>").append(esc(c.name()))
                    .append(" <small class=\"").append(c.status()).append("\">").append(c.status())
                    .append("</small></h2><p>").append(esc(c.reason())).append("</p>");
            if (!c.newValues().isEmpty()) {
                h.append("<p class=\"new\">New values today: ");
                // as the text table names them: the value, its share of today's values, and its rows
                c.newValues().forEach((v, n) -> {
                    h.append("<b>").append(esc(dev.surprisal.data.profile.CellText.quote(v))).append("</b> ")
                            .append(percent(c.shareOfValid(n))).append(esc(" of today's values (")).append(n)
                            .append(" rows)");
                    // a reference label written another way (case, surrounding spaces) says which one
                    String variant = c.newValueVariants().get(v);
                    h.append(variant == null ? "" : esc(", " + dev.surprisal.drift.ValueText.variantWords(v, variant)))
                            .append("; ");
                });
                h.append("</p>");
            }
            if (!c.invalidCells().isEmpty()) {
                // what an invalid cell is, in the column's convention, as the CLI's note says it (ColumnDrift#invalidMeaning)
                h.append("<p class=\"invalid\">Invalid values today (").append(esc(c.invalidMeaning())).append("): ")
                        .append(esc(c.invalidValuesText())).append("</p>");
            }
            if (!c.bins().isEmpty()) {
                h.append(Svg.histograms(c)).append(Svg.contributions(c, base));
            }
            List<HistoryPoint> points = history.getOrDefault(c.name(), List.of());
            if (!points.isEmpty()) {
                // a CLI check's history: UTC days; the report knows the reference's missing share
                HistoryChart chart = HistoryChart.of(points, ZoneOffset.UTC, Map.of(c.name(), c.missingRateReference()));
                // the chart's own title: what it draws (the measure the checks stored) with its unit
                // in the table's unit: KL and JS in the chosen base, as the table above states them
                h.append("<h3>History: ").append(esc(chart.decisions(c.name()).title(base))).append("</h3>")
                        .append(Svg.history(c.name(), chart, base));
            }
            h.append("</section>");
        }
        return h.append("</body></html>").toString();
    }

    /**
     * Writes {@link #render} to {@code file} in UTF-8, atomically (see {@link ReportFiles}).
     *
     * @param file    where to write; replaced atomically if it exists
     * @param title   the page title
     * @param report  the scored comparison
     * @param history past points of each column, by column name; may be empty
     * @throws ReportFiles.WriteFailure with the reason, when it cannot be written
     * @throws IOException when the file system refuses the temporary file or the rename
     */
    public static void write(Path file, String title, DriftReport report, Map<String, List<HistoryPoint>> history)
            throws IOException {
        write(file, title, report, history, Base.BITS);
    }

    /**
     * Writes {@link #render(String, DriftReport, Map, Base)} to {@code file} in UTF-8, atomically.
     *
     * @param file    where to write; replaced atomically if it exists
     * @param title   the page title
     * @param report  the scored comparison
     * @param history past points of each column, by column name; may be empty
     * @param base    the unit of KL and JS (the check's {@code --base})
     * @throws ReportFiles.WriteFailure with the reason, when it cannot be written
     * @throws IOException when the file system refuses the temporary file or the rename
     */
    public static void write(Path file, String title, DriftReport report, Map<String, List<HistoryPoint>> history,
                             Base base) throws IOException {
        ReportFiles.writeAtomically(file, render(title, report, history, base));
    }

    /** A change of a share, in signed percentage points ("+4.82"); "-" when there is none. */
    private static String points(double share) {
        return Double.isFinite(share) ? String.format(java.util.Locale.ROOT, "%+.2f", 100 * share) : "-";
    }

    /** A share as a percentage ("4.82%"); "-" when there is none. */
    private static String percent(double share) {
        return Double.isFinite(share) ? String.format(java.util.Locale.ROOT, "%.2f%%", 100 * share) : "-";
    }
}
