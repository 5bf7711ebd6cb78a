// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.drift.ColumnDrift;
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
                    .append(esc(b.label())).append(": reference ").append(num(100 * b.p())).append("%</title></rect>");
            s.append("<rect class=\"q\" x=\"").append(xy(x + bw * 0.25)).append("\" y=\"").append(xy(H - PAD - hq))
                    .append("\" width=\"").append(xy(bw * 0.5)).append("\" height=\"").append(xy(hq)).append("\"><title>")
                    .append(esc(b.label())).append(": today ").append(num(100 * b.q())).append("%</title></rect>");
        }
        axis(s);
        label(s, esc(bins.get(0).label()), PAD, H - 8, "start");
        label(s, esc(bins.get(bins.size() - 1).label()), W - PAD, H - 8, "end");
        return s.append("</svg>").toString();
    }

    /** Per-bin KL(P‖Q) terms pᵢ ln(pᵢ/qᵢ), positive up, negative down. */
    static String contributions(ColumnDrift c) {
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
                    .append(xy(bw - 2)).append("\" height=\"").append(xy(h)).append("\"><title>").append(esc(b.label()))
                    .append(": ").append(num(b.klTerm())).append(" nats</title></rect>");
        }
        s.append("<line class=\"axis\" x1=\"").append(PAD).append("\" y1=\"").append(xy(mid)).append("\" x2=\"")
                .append(W - PAD).append("\" y2=\"").append(xy(mid)).append("\"/>");
        label(s, "max |term| " + num(max) + " nats", PAD, 14, "start");
        return s.append("</svg>").toString();
    }

    /** The deciding measure over past checks, with the critical value as a dashed line. */
    static String history(String column, List<HistoryPoint> points) {
        StringBuilder s = open("history", "History of " + column);
        if (points.isEmpty()) {
            return s.append("</svg>").toString();
        }
        double max = 1e-12;
        for (HistoryPoint p : points) {
            if (Double.isFinite(p.decision())) {
                max = Math.max(max, p.decision());
            }
            if (Double.isFinite(p.critical())) {
                max = Math.max(max, p.critical());
            }
        }
        int n = points.size();
        StringBuilder line = new StringBuilder();
        StringBuilder crit = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = PAD + (n == 1 ? 0 : (W - 2.0 * PAD) * i / (n - 1));
            HistoryPoint p = points.get(i);
            double v = Double.isFinite(p.decision()) ? p.decision() : 0;
            line.append(i == 0 ? "" : " ").append(xy(x)).append(',').append(xy(H - PAD - (H - 2.0 * PAD) * v / max));
            if (Double.isFinite(p.critical())) {
                crit.append(crit.length() == 0 ? "" : " ").append(xy(x)).append(',')
                        .append(xy(H - PAD - (H - 2.0 * PAD) * p.critical() / max));
            }
            if (p.alarmed()) {
                s.append("<circle class=\"alarm\" cx=\"").append(xy(x)).append("\" cy=\"")
                        .append(xy(H - PAD - (H - 2.0 * PAD) * v / max)).append("\" r=\"4\"><title>")
                        .append(esc(p.at())).append(": alarm</title></circle>");
            }
        }
        s.append("<polyline class=\"series\" points=\"").append(line).append("\"/>");
        if (crit.length() > 0) {
            s.append("<polyline class=\"critical\" points=\"").append(crit).append("\"/>");
        }
        axis(s);
        label(s, esc(points.get(0).at()), PAD, H - 8, "start");
        label(s, esc(points.get(n - 1).at()), W - PAD, H - 8, "end");
        return s.append("</svg>").toString();
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
