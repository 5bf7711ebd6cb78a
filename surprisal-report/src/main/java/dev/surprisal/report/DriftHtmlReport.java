// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

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
        StringBuilder h = Html.open(title, CSS);
        h.append("<h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"verdict\">").append(esc(report.summary()))
                .append(report.datasetDrift() ? " — <b class=\"DRIFT\">dataset drift</b>" : "")
                .append(". Reference rows ").append(report.referenceRows()).append(", today ")
                .append(report.currentRows()).append(". Deciding measure ").append(report.options().measure())
                .append(" (").append(report.options().measure().unitLabel()).append("; warn ")
                .append(num(report.options().warn())).append(", drift ")
                .append(num(report.options().drift())).append(", and beyond the χ² noise level at α = ")
                .append(num(report.options().alpha())).append("); smoothing ")
                .append(esc(report.options().smoothing().toString())).append(" on both sides.</p>");
        h.append("<p class=\"explanation\">").append(esc(report.explanation())).append("</p>");
        h.append("<table class=\"summary\"><thead><tr><th>column</th><th>role</th><th>status</th><th>")
                .append(esc(report.options().measure().label())).append("</th><th>critical</th>"
                + "<th>KL(P‖Q) bits</th><th>KL(Q‖P) bits</th><th>JS bits</th><th>Hellinger</th><th>KS</th>"
                + "<th>W₁/σ</th><th>Δ missing</th><th>Δ invalid</th><th>new mass</th></tr></thead><tbody>");
        for (ColumnDrift c : report.bySeverity()) {
            h.append("<tr><td><a href=\"#c").append(report.columns().indexOf(c)).append("\">").append(esc(c.name()))
                    .append("</a></td><td>").append(esc(c.role().label())).append(c.scored() ? "" : " (not scored)")
                    .append("</td><td class=\"").append(c.status()).append("\">").append(c.status())
                    .append("</td><td>").append(num(c.decisionValue())).append("</td><td>").append(num(c.critical()))
                    .append("</td><td>").append(num(c.klBits())).append("</td><td>").append(num(c.reverseKlBits()))
                    .append("</td><td>").append(num(c.jsBits())).append("</td><td>").append(num(c.hellinger()))
                    .append("</td><td>").append(num(c.ks())).append("</td><td>").append(num(c.wassersteinNormalized()))
                    .append("</td><td>").append(num(c.missingRateChange())).append("</td><td>")
                    .append(num(c.invalidRateChange())).append("</td><td>").append(num(c.newMass()))
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
                c.newValues().forEach((v, n) -> h.append("<b>").append(esc(v)).append("</b> ").append(n).append(" rows; "));
                h.append("</p>");
            }
            if (!c.invalidCells().isEmpty()) {
                h.append("<p class=\"invalid\">Invalid values today: ").append(esc(c.invalidValuesText())).append("</p>");
            }
            if (!c.bins().isEmpty()) {
                h.append(Svg.histograms(c)).append(Svg.contributions(c));
            }
            List<HistoryPoint> points = history.getOrDefault(c.name(), List.of());
            if (!points.isEmpty()) {
                h.append("<h3>History (").append(report.options().measure()).append(", dashed: critical)</h3>")
                        // a CLI check's history: UTC days; the report knows the reference's missing share
                        .append(Svg.history(c.name(), HistoryChart.of(points, ZoneOffset.UTC,
                                Map.of(c.name(), c.missingRateReference()))));
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
        ReportFiles.writeAtomically(file, render(title, report, history));
    }
}
