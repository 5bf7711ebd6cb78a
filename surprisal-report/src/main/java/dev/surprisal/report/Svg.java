// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;

import java.util.List;

import static dev.surprisal.report.Html.esc;
import static dev.surprisal.report.Html.num;
import static dev.surprisal.report.Html.xy;

/** Inline SVG charts drawn in Java: no script, no network. */
final class Svg {
    private static final int W = 560;
    private static final int H = 180;
    private static final int PAD = 30;

    private Svg() {
    }

    /** Overlaid bars of the reference P (blue) and today Q (orange) per frozen bin. */
    static String histograms(ColumnDrift c) {
        List<ColumnDrift.Bin> bins = c.bins();
        double max = 1e-12;
        for (ColumnDrift.Bin b : bins) {
            max = Math.max(max, Math.max(b.p(), b.q()));
        }
        double bw = (W - 2.0 * PAD) / bins.size();
        StringBuilder s = open("histogram", "Reference P and today Q per bin of " + c.name());
        for (int i = 0; i < bins.size(); i++) {
            ColumnDrift.Bin b = bins.get(i);
            double x = PAD + i * bw;
            double hp = (H - 2.0 * PAD) * b.p() / max;
            double hq = (H - 2.0 * PAD) * b.q() / max;
            s.append("<rect class=\"p\" x=\"").append(xy(x + 1)).append("\" y=\"").append(xy(H - PAD - hp))
                    .append("\" width=\"").append(xy(bw - 2)).append("\" height=\"").append(xy(hp)).append("\"><title>")
                    .append(esc(c.binName(b))).append(": reference ").append(num(100 * b.p())).append("%</title></rect>");
            s.append("<rect class=\"q\" x=\"").append(xy(x + bw * 0.25)).append("\" y=\"").append(xy(H - PAD - hq))
                    .append("\" width=\"").append(xy(bw * 0.5)).append("\" height=\"").append(xy(hq)).append("\"><title>")
                    .append(esc(c.binName(b))).append(": today ").append(num(100 * b.q())).append("%</title></rect>");
        }
        axis(s);
        label(s, esc(c.binName(bins.get(0))), PAD, H - 8, "start");
        label(s, esc(c.binName(bins.get(bins.size() - 1))), W - PAD, H - 8, "end");
        return s.append("</svg>").toString();
    }

    /** Per-bin KL(P‖Q) terms pᵢ log(pᵢ/qᵢ) in {@code base}'s unit, positive up, negative down. */
    static String contributions(ColumnDrift c, dev.surprisal.core.Base base) {
        List<ColumnDrift.Bin> bins = c.bins();
        double max = 1e-12;
        for (ColumnDrift.Bin b : bins) {
            max = Math.max(max, Math.abs(b.klTerm()));
        }
        double bw = (W - 2.0 * PAD) / bins.size();
        double mid = H / 2.0;
        StringBuilder s = open("contributions", "Per-bin KL(P||Q) terms of " + c.name());
        for (int i = 0; i < bins.size(); i++) {
            ColumnDrift.Bin b = bins.get(i);
            double h = (mid - PAD) * Math.abs(b.klTerm()) / max;
            double y = b.klTerm() >= 0 ? mid - h : mid;
            s.append("<rect class=\"").append(b.klTerm() >= 0 ? "pos" : "neg").append("\" x=\"")
                    .append(xy(PAD + i * bw + 1)).append("\" y=\"").append(xy(y)).append("\" width=\"")
                    .append(xy(bw - 2)).append("\" height=\"").append(xy(h)).append("\"><title>").append(esc(c.binName(b)))
                    .append(": ").append(num(base.fromNats(b.klTerm()))).append(" ").append(base.unit())
                    .append("</title></rect>");
        }
        s.append("<line class=\"axis\" x1=\"").append(PAD).append("\" y1=\"").append(xy(mid)).append("\" x2=\"")
                .append(W - PAD).append("\" y2=\"").append(xy(mid)).append("\"/>");
        label(s, "max |term| " + num(base.fromNats(max)) + " " + base.unit(), PAD, 14, "start");
        return s.append("</svg>").toString();
    }

    /**
     * The deciding measure of one column over past checks, with the critical value as a dashed line (or, when
     * the column's yardstick decided a verdict, that yardstick with its warn band, named on the chart), on
     * the history's timeline ({@link HistoryChart}): a day with no check recorded breaks the line and is
     * marked; a point off the scale (the library's rule) is drawn at the top as an arrow whose title
     * gives its value and the reason its check stored, and the others are scaled without it.
     */
    static String history(String column, HistoryChart chart) {
        return history(column, chart, null);
    }

    /**
     * {@link #history(String, HistoryChart)} with KL and JS in {@code base}'s unit, the unit of the page's table
     * (null: as stored, KL in nats and JS in bits). The scale is linear, so only the numbers written change.
     */
    static String history(String column, HistoryChart chart, dev.surprisal.core.Base base) {
        List<HistoryPoint> own = chart.points(column);
        if (own.isEmpty()) {
            return open("history", "History of " + column).append("</svg>").toString();
        }
        HistoryChart.Series series = chart.decisions(column);
        String title = base == null ? series.title() : series.title(base);
        java.util.function.DoubleUnaryOperator shown = v -> base == null ? v : series.shown(v, base);
        // what is drawn, with its unit, as the tables' headers state theirs
        StringBuilder s = open("history", "History of " + column + ": " + title);
        List<HistoryChart.Slot> slots = chart.slots();
        double max = series.top();
        int n = slots.size();
        StringBuilder line = new StringBuilder();
        StringBuilder crit = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = PAD + (n == 1 ? 0 : (W - 2.0 * PAD) * i / (n - 1));
            HistoryChart.Slot slot = slots.get(i);
            HistoryPoint p = series.points().get(i);
            if (slot.missing()) {
                s.append("<line class=\"gap\" x1=\"").append(xy(x)).append("\" y1=\"").append(PAD).append("\" x2=\"")
                        .append(xy(x)).append("\" y2=\"").append(H - PAD).append("\"><title>").append(esc(slot.at()))
                        .append(": no check recorded (a failed or skipped check records nothing)</title></line>");
            }
            if (p == null) {
                segment(s, line, "series");
                segment(s, crit, "critical");
                continue;
            }
            if (series.isOffScale(i)) {
                // drawn at the top, not on the scale: the line goes up to it
                line.append(line.length() == 0 ? "" : " ").append(xy(x)).append(',').append(xy(PAD));
                s.append("<text class=\"offscale\" x=\"").append(xy(x)).append("\" y=\"").append(xy(PAD - 6))
                        .append("\" text-anchor=\"middle\">↑<title>").append(esc(p.at())).append(": ")
                        .append(num(shown.applyAsDouble(series.values()[i]))).append(", ").append(esc(series.reasonAt(i)))
                        .append("</title></text>");
            } else {
                line.append(line.length() == 0 ? "" : " ").append(xy(x)).append(',').append(xy(y(series.values()[i], max)));
            }
            // the dashed line is in the unit drawn: the noise level of the measure, or the yardstick's warn band
            // when the yardstick decided (the measure's noise level is in another unit)
            double dashed = series.yardstick() ? series.warnBand() : p.critical();
            if (Double.isFinite(dashed)) {
                crit.append(crit.length() == 0 ? "" : " ").append(xy(x)).append(',').append(xy(y(dashed, max)));
            }
            if (p.alarmed()) {
                s.append("<circle class=\"alarm\" cx=\"").append(xy(x)).append("\" cy=\"")
                        .append(xy(series.isOffScale(i) ? PAD : y(series.values()[i], max))).append("\" r=\"4\"><title>")
                        .append(esc(p.at())).append(": ALARM: ").append(esc(p.why())).append("</title></circle>");
            }
        }
        segment(s, line, "series");
        segment(s, crit, "critical");
        axis(s);
        label(s, esc(slots.get(0).at()), PAD, H - 8, "start");
        label(s, esc(slots.get(n - 1).at()), W - PAD, H - 8, "end");
        // the chart's visible title: what is drawn and its unit, and what the dashed line is
        if (series.yardstick()) {
            // what decided this column's verdicts is drawn, not the deciding measure: say which, and the line
            label(s, esc(title) + ", decided; dashed: its warn band " + num(series.warnBand()), PAD, PAD - 8,
                    "start");
        } else {
            label(s, esc(title) + "; dashed: noise level", PAD, PAD - 8, "start");
        }
        return s.append("</svg>").toString();
    }

    /** The height of a value on a scale topped at {@code max}; a value above it is drawn at the top. */
    private static double y(double v, double max) {
        double shown = Double.isFinite(v) ? Math.min(Math.max(v, 0), max) : 0;
        return H - PAD - (H - 2.0 * PAD) * shown / max;
    }

    /** Ends a polyline at a gap (two points at least make a line; one is drawn as a dot), and starts a new one. */
    private static void segment(StringBuilder s, StringBuilder points, String cls) {
        if (points.length() == 0) {
            return;
        }
        if (points.indexOf(" ") < 0) {
            if (cls.equals("series")) { // a lone check between gaps: a dot (a critical value alone adds nothing)
                String[] xy = points.toString().split(",");
                s.append("<circle class=\"dot\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1])
                        .append("\" r=\"2.5\"/>");
            }
        } else {
            s.append("<polyline class=\"").append(cls).append("\" points=\"").append(points).append("\"/>");
        }
        points.setLength(0);
    }

    private static StringBuilder open(String cls, String title) {
        return new StringBuilder("<svg class=\"chart ").append(cls).append("\" xmlns=\"http://www.w3.org/2000/svg\" ")
                .append("viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" width=\"").append(W)
                .append("\" height=\"").append(H).append("\" role=\"img\"><title>").append(esc(title)).append("</title>");
    }

    private static void axis(StringBuilder s) {
        s.append("<line class=\"axis\" x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"")
                .append(W - PAD).append("\" y2=\"").append(H - PAD).append("\"/>");
    }

    private static void label(StringBuilder s, String text, double x, double y, String anchor) {
        s.append("<text x=\"").append(xy(x)).append("\" y=\"").append(xy(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(text).append("</text>");
    }
}
