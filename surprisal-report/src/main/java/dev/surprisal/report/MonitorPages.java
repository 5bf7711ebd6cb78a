// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.surprisal.report.Html.esc;
import static dev.surprisal.report.Html.num;

/**
 * The drift server's dashboard pages, rendered on the server: the monitors with their last status,
 * one monitor's columns (drifted first) with the deciding measure over time and its noise level, and
 * the login form. Inline CSS and SVG; the only script is the server's own {@code /static/filter.js}
 * (filtering the monitor table), and every page reads fully without it. Every name, value and message
 * from data or configuration is HTML-escaped.
 */
public final class MonitorPages {
    /** script-src 'self' allows only the server's own filter script; nothing is fetched elsewhere. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String CSS = Html.BASE_CSS + ".DRIFT{color:#b00;font-weight:bold}.WARN{color:#b60}"
            + ".OK{color:#070}.none{color:#777}.chart{display:block;margin:6px 0}.axis{stroke:#999}"
            + ".series{fill:none;stroke:#4a78c2;stroke-width:2}.critical{fill:none;stroke:#b00;stroke-dasharray:4 3}"
            + ".dot{fill:#4a78c2}.gap{stroke:#bbb;stroke-dasharray:2 3}.offscale{fill:#b00;font-size:14px}"
            + ".alarm{fill:#b00}text{font-size:11px;fill:#555}nav{margin-bottom:16px}nav a,nav form{margin-right:12px;"
            + "display:inline}section{margin:20px 0;border-top:2px solid #eee}.excluded{color:#777;"
            + "text-decoration:line-through}";

    private MonitorPages() {
    }

    /**
     * One monitor in the overview.
     *
     * @param name      the monitor
     * @param status    OK, WARN or DRIFT of the last check, or null if never checked
     * @param window    the last check's window, or null
     * @param runId     the last check's run, or -1
     * @param rows      rows of the last check
     * @param checkedAt when it ran (ISO), or null
     * @param schedule  its cron expression and zone, or null
     * @param paused    whether its schedule is paused
     */
    public record MonitorRow(String name, String status, String window, long runId, long rows, String checkedAt,
                             String schedule, boolean paused) {
    }

    /**
     * One past check of a monitor.
     *
     * @param runId    the run
     * @param window   its window
     * @param status   OK, WARN or DRIFT
     * @param rows     rows checked
     * @param excluded whether it is left out of the trend history
     */
    public record CheckLine(long runId, String window, String status, long rows, boolean excluded) {
    }

    /**
     * @param csrf the session's CSRF token (for the logout form)
     * @param rows monitors
     * @return the overview
     */
    public static String overview(List<MonitorRow> rows, String csrf) {
        StringBuilder h = Html.open("Surprisal: monitors", CSS, CSP);
        nav(h, csrf);
        h.append("<h1>Monitors</h1><p><label>Filter <input id=\"filter\" type=\"search\" placeholder=\"name or status\">"
                + "</label></p><table id=\"monitors\"><thead><tr><th>monitor</th><th>status</th><th>window</th>"
                + "<th>rows</th><th>checked at (UTC)</th><th>schedule</th></tr></thead><tbody>");
        for (MonitorRow r : rows) {
            String st = r.status() == null ? "none" : r.status();
            h.append("<tr class=\"monitor\" data-status=\"").append(esc(st)).append("\"><td><a href=\"/monitors/")
                    .append(esc(r.name())).append("\">").append(esc(r.name())).append("</a></td><td class=\"")
                    .append(esc(st)).append(" status\">").append(r.status() == null ? "not checked yet" : esc(st))
                    .append("</td><td>").append(esc(r.window())).append("</td><td>")
                    .append(r.runId() < 0 ? "" : Long.toString(r.rows())).append("</td><td>").append(esc(r.checkedAt()))
                    .append("</td><td>").append(r.schedule() == null ? "on request" : esc(r.schedule()))
                    .append(r.paused() ? " (paused)" : "").append("</td></tr>");
        }
        h.append("</tbody></table><script src=\"/static/filter.js\"></script></body></html>");
        return h.toString();
    }

    /**
     * One monitor: its checks and, per column, the deciding measure over time with the noise level
     * (dashed), columns whose last point drifted first, then by last value over its noise level.
     *
     * @param name    the monitor
     * @param checks  its checks, newest first
     * @param history its history, oldest first (excluded runs already left out)
     * @param measure the deciding measure's name and unit, for the heading
     * @param csrf    the session's CSRF token
     * @return the page
     */
    public static String monitor(String name, List<CheckLine> checks, List<HistoryPoint> history, String measure,
                                 String csrf) {
        return monitor(name, checks, history, measure, csrf, Map.of(), 0);
    }

    /**
     * One bin's share of KL(reference ‖ window): p·ln(p/q) in nats, p the reference's share.
     *
     * @param label the bin
     * @param nats  its contribution
     */
    public record Contribution(String label, double nats) {
    }

    /**
     * What the last check found in a column besides its measure.
     *
     * @param topBins   the bins adding most to KL, largest first
     * @param newValues values the reference never saw, with their rows in the window
     */
    public record LastColumn(List<Contribution> topBins, Map<String, Long> newValues) {
    }

    /**
     * As {@link #monitor(String, List, List, String, String)}, with, per column, the last check's largest
     * KL contributions and new values, and a note when the history restarted at a new baseline.
     *
     * @param name     the monitor
     * @param checks   its checks, newest first
     * @param history  its history against the current baseline, oldest first (excluded runs left out)
     * @param measure  the deciding measure's name and unit, for the heading
     * @param csrf     the session's CSRF token
     * @param found    the last check's findings by column
     * @param baseline the current baseline's version (0: none yet)
     * @return the page
     */
    public static String monitor(String name, List<CheckLine> checks, List<HistoryPoint> history, String measure,
                                 String csrf, Map<String, LastColumn> found, int baseline) {
        return monitor(name, checks, HistoryChart.of(history, ZoneOffset.UTC, Map.of()), measure, csrf, found, baseline);
    }

    /**
     * As {@link #monitor(String, List, List, String, String, Map, int)}, with the history laid out on its
     * timeline (the monitor's zone for its missing days, the baseline for why a point is off the scale).
     *
     * @param name     the monitor
     * @param checks   its checks, newest first
     * @param chart    its history against the current baseline (excluded runs left out), laid out
     * @param measure  the deciding measure's name and unit, for the heading
     * @param csrf     the session's CSRF token
     * @param found    the last check's findings by column
     * @param baseline the current baseline's version (0: none yet)
     * @return the page
     */
    public static String monitor(String name, List<CheckLine> checks, HistoryChart chart, String measure,
                                 String csrf, Map<String, LastColumn> found, int baseline) {
        return monitor(name, checks, chart, measure, csrf, found, baseline, List.of());
    }

    /**
     * As {@link #monitor(String, List, HistoryChart, String, String, Map, int)}, with the current baseline's warnings
     * under the last check: the sentences of {@code DateOrderWarning.message()}, as {@code drift baseline} prints
     * them, so that a user of the dashboard sees what the CLI would have said of a baseline the server fitted.
     *
     * @param name     the monitor
     * @param checks   its checks, newest first
     * @param chart    its history against the current baseline (excluded runs left out), laid out
     * @param measure  the deciding measure's name and unit, for the heading
     * @param csrf     the session's CSRF token
     * @param found    the last check's findings by column
     * @param baseline the current baseline's version (0: none yet)
     * @param warnings the current baseline's warnings, one sentence each (escaped here)
     * @return the page
     */
    public static String monitor(String name, List<CheckLine> checks, HistoryChart chart, String measure,
                                 String csrf, Map<String, LastColumn> found, int baseline, List<String> warnings) {
        StringBuilder h = Html.open("Surprisal: " + name, CSS, CSP);
        nav(h, csrf);
        h.append("<h1>Monitor ").append(esc(name)).append("</h1>");
        if (!checks.isEmpty()) {
            CheckLine last = checks.get(0);
            h.append("<p>Last check: <b class=\"").append(esc(last.status())).append(" status\" id=\"last-status\">")
                    .append(esc(last.status())).append("</b> for window ").append(esc(last.window()))
                    .append(" (").append(last.rows()).append(" rows) — <a id=\"last-report\" href=\"/monitors/")
                    .append(esc(name)).append("/checks/").append(last.runId()).append("\">full report</a> "
                            + "(per-bin KL contributions, new categories)</p>");
        } else {
            h.append("<p id=\"last-status\" class=\"none\">Not checked yet.</p>");
        }
        if (!warnings.isEmpty()) {
            h.append("<div id=\"baseline-warnings\"><p>Baseline").append(baseline > 0 ? " v" + baseline : "")
                    .append(" warnings:</p><ul>");
            warnings.forEach(w -> h.append("<li class=\"WARN baseline-warning\">warning: ").append(esc(w)).append("</li>"));
            h.append("</ul></div>");
        }
        List<String> columns = new ArrayList<>(chart.columns());
        columns.sort(Comparator.comparingDouble((String c) -> severity(chart.points(c))).reversed());
        h.append("<h2>Columns: ").append(esc(measure)).append(" over time (dashed: noise level)</h2>");
        h.append("<p class=\"legend\">Each chart's top is at least its warn band (")
                .append(num(chart.warnBand())).append(") and twice its noise level, so sampling noise reads low; "
                        + "a red dot is a check that alarmed, listed under the chart with its reason.</p>");
        if (baseline > 1) {
            h.append("<p id=\"history-restart\">History restarts at baseline v").append(baseline)
                    .append(chart.slots().isEmpty() ? ": no check against it yet." : " (earlier checks were against older "
                            + "baselines).").append("</p>");
        }
        for (String c : columns) {
            List<HistoryPoint> pts = chart.points(c);
            HistoryPoint last = pts.get(pts.size() - 1);
            h.append("<section class=\"column\"><h3>").append(esc(c)).append(" <small class=\"").append(esc(last.status()))
                    .append("\">").append(esc(last.status())).append("</small></h3><p>last ").append(num(last.decision()))
                    .append(", noise level ").append(num(last.critical()))
                    // the unit of the stored values (KL nats, JS bits), as the chart's title and the bins line say
                    .append(last.measure() == null ? "" : " (" + esc(last.measure().labelWithUnit()) + ")")
                    .append("</p>").append(Svg.history(c, chart));
            alarms(h, pts);
            lastFindings(h, found.get(c));
            h.append("</section>");
        }
        h.append("<h2>Checks</h2><table><thead><tr><th>run</th><th>window</th><th>status</th><th>rows</th></tr></thead><tbody>");
        for (CheckLine k : checks) {
            h.append("<tr").append(k.excluded() ? " class=\"excluded\" title=\"excluded from the trend history\"" : "")
                    .append("><td><a href=\"/monitors/").append(esc(name)).append("/checks/").append(k.runId()).append("\">")
                    .append(k.runId()).append("</a></td><td>").append(esc(k.window())).append("</td><td class=\"")
                    .append(esc(k.status())).append("\">").append(esc(k.status())).append("</td><td>").append(k.rows())
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></body></html>").toString();
    }

    /**
     * Each alarmed check of a column with its own reason, as {@code drift history} lists them ("2024-05-05:
     * W1/std 0.147 >= warn band 0.100"): the chart's red dot says when, this says why.
     */
    private static void alarms(StringBuilder h, List<HistoryPoint> pts) {
        List<HistoryPoint> alarmed = pts.stream().filter(HistoryPoint::alarmed).toList();
        if (alarmed.isEmpty()) {
            return;
        }
        h.append("<ul class=\"alarms\">");
        for (HistoryPoint p : alarmed) {
            h.append("<li>").append(esc(p.at())).append(" (run ").append(p.runId()).append("): ALARM: ")
                    .append(esc(p.why())).append("</li>");
        }
        h.append("</ul>");
    }

    /** The last check's largest KL contributions and new values of a column, when it has any. */
    private static void lastFindings(StringBuilder h, LastColumn f) {
        if (f == null) {
            return;
        }
        if (!f.topBins().isEmpty()) {
            h.append("<p class=\"bins\">Last check, largest contributions to KL(reference ‖ window), nats: ");
            for (int i = 0; i < f.topBins().size(); i++) {
                Contribution b = f.topBins().get(i);
                h.append(i == 0 ? "" : ", ").append(esc(b.label())).append(" ").append(num(b.nats()));
            }
            h.append("</p>");
        }
        if (!f.newValues().isEmpty()) {
            h.append("<p class=\"new\">New values (the reference had none): ");
            int i = 0;
            for (Map.Entry<String, Long> e : f.newValues().entrySet()) {
                h.append(i++ == 0 ? "" : ", ").append(esc(e.getKey())).append(" (").append(e.getValue()).append(" rows)");
            }
            h.append("</p>");
        }
    }

    /** Drifted last points first, then the last value over its noise level. */
    private static double severity(List<HistoryPoint> pts) {
        HistoryPoint p = pts.get(pts.size() - 1);
        double ratio = Double.isFinite(p.decision()) && p.critical() > 0 && Double.isFinite(p.critical())
                ? p.decision() / p.critical() : 0;
        double rank = switch (p.status()) {
            case "DRIFT" -> 2e6;
            case "WARN" -> 1e6;
            default -> 0;
        };
        return rank + Math.min(ratio, 1e5);
    }

    /**
     * @param message an error to show (escaped), or null
     * @return the login form (a token is pasted; it is sent once and never stored in the page)
     */
    public static String login(String message) {
        StringBuilder h = Html.open("Surprisal: log in", CSS, CSP);
        h.append("<h1>Log in</h1>");
        if (message != null) {
            h.append("<p class=\"DRIFT\" id=\"login-error\">").append(esc(message)).append("</p>");
        }
        h.append("<form method=\"post\" action=\"/login\"><label>API token <input id=\"token\" name=\"token\" "
                + "type=\"password\" autocomplete=\"off\" size=\"50\"></label> <button id=\"login\" type=\"submit\">"
                + "Log in</button></form><p>Create a token with <code>surprisal serve token new --name NAME --role read"
                + "</code>.</p></body></html>");
        return h.toString();
    }

    private static void nav(StringBuilder h, String csrf) {
        h.append("<nav><a href=\"/\">Monitors</a><form method=\"post\" action=\"/logout\"><input type=\"hidden\" "
                + "name=\"csrf\" value=\"").append(esc(csrf)).append("\"><button type=\"submit\">Log out</button></form></nav>");
    }
}
