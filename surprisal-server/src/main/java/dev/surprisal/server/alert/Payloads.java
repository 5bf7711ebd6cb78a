// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.Status;
import dev.surprisal.server.CheckResult;
import dev.surprisal.server.ReportJson;

import java.util.Locale;

/**
 * The bodies of alert messages. Three shapes, one set of facts (monitor, window, verdict, the
 * drifted columns with the deciding measure, its unit and noise level, a link to the report):
 * <ul>
 *   <li>{@code webhook}: {@code {"version": "1", "kind": "firing"|"resolved", "monitor", "window",
 *       "run_id", "status", "summary", "fingerprint", "url", "columns": [{"name", "status", "measure",
 *       "value", "unit", "critical"}], "alarms": [{"column", "kind", "message"}]}};</li>
 *   <li>{@code slack}: an incoming-webhook message, {@code text} plus one mrkdwn section trimmed to
 *       2,800 characters (Slack rejects sections over 3,000), with {@code & < >} escaped;</li>
 *   <li>{@code alertmanager}: the Alertmanager webhook v4 body ({@code version "4"}, {@code status},
 *       {@code alerts[]} with labels, annotations, {@code startsAt}, {@code endsAt},
 *       {@code generatorURL}, {@code fingerprint}), so existing receivers parse it.</li>
 * </ul>
 */
public final class Payloads {
    static final int SLACK_LIMIT = 2800;

    private Payloads() {
    }

    /** What is being said. */
    public record Message(String kind, CheckResult check, String fingerprint, String url, String startsAt,
                          String endsAt) {
        boolean resolved() {
            return kind.equals("resolved");
        }
    }

    static String summary(Message m) {
        CheckResult r = m.check();
        if (m.resolved()) {
            return String.format(Locale.ROOT, "Resolved: monitor %s is %s again on window %s (run %d)", r.monitor(),
                    r.status(), r.window(), r.runId());
        }
        return String.format(Locale.ROOT, "Drift %s: monitor %s, window %s: %s (run %d)", r.status(), r.monitor(),
                r.window(), r.report().summary(), r.runId());
    }

    private static String line(ColumnDrift c, CheckResult r) {
        var o = r.report().options();
        // no bands here: a column may have its own (thresholds:), and the report's options are the check's
        return String.format(Locale.ROOT, "%s: %s %s %.4g %s (noise level %.3g)", c.name(),
                c.status(), o.measure().name().toLowerCase(Locale.ROOT), c.decisionValue(), o.measure().unitLabel(),
                c.critical());
    }

    static ObjectNode webhook(Message m) {
        CheckResult r = m.check();
        ObjectNode o = ReportJson.MAPPER.createObjectNode().put("version", "1").put("kind", m.kind())
                .put("monitor", r.monitor()).put("window", r.window()).put("run_id", r.runId()).put("status", r.status())
                .put("summary", summary(m)).put("fingerprint", m.fingerprint()).put("url", m.url());
        ArrayNode cols = o.putArray("columns");
        var opts = r.report().options();
        for (ColumnDrift c : r.report().bySeverity()) {
            if (c.status() == Status.OK || c.status() == Status.NOT_COMPUTABLE) {
                continue;
            }
            ObjectNode col = cols.addObject().put("name", c.name()).put("status", c.status().name())
                    .put("measure", opts.measure().name().toLowerCase(Locale.ROOT)).put("unit", opts.measure().unitLabel());
            col.set("value", ReportJson.MAPPER.valueToTree(c.decisionValue()));
            col.set("critical", ReportJson.MAPPER.valueToTree(c.critical()));
        }
        ArrayNode alarms = o.putArray("alarms");
        r.alarms().forEach(a -> alarms.addObject().put("column", a.column()).put("kind", a.kind().name())
                .put("message", a.message()));
        return o;
    }

    static ObjectNode slack(Message m) {
        CheckResult r = m.check();
        StringBuilder text = new StringBuilder();
        if (!m.resolved()) {
            for (ColumnDrift c : r.report().bySeverity()) {
                if (c.status().drifted()) {
                    String l = "• " + esc(line(c, r)) + "\n";
                    if (text.length() + l.length() > SLACK_LIMIT - 40) {
                        text.append("• … more in the full report\n");
                        break;
                    }
                    text.append(l);
                }
            }
        }
        text.append("<").append(m.url()).append("|full report>");
        ObjectNode o = ReportJson.MAPPER.createObjectNode().put("text", esc(summary(m)));
        ArrayNode blocks = o.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", "*" + esc(summary(m)) + "*");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text.toString());
        return o;
    }

    static ObjectNode alertmanager(Message m, String receiver, String externalUrl) {
        CheckResult r = m.check();
        String status = m.resolved() ? "resolved" : "firing";
        ObjectNode o = ReportJson.MAPPER.createObjectNode().put("version", "4")
                .put("groupKey", "surprisal:{monitor=\"" + r.monitor() + "\"}").put("status", status)
                .put("receiver", receiver).put("externalURL", externalUrl).put("truncatedAlerts", 0);
        o.putObject("groupLabels").put("monitor", r.monitor());
        o.putObject("commonLabels").put("alertname", "SurprisalDrift").put("monitor", r.monitor())
                .put("severity", m.resolved() ? "none" : r.status().toLowerCase(Locale.ROOT));
        o.putObject("commonAnnotations").put("summary", summary(m));
        ObjectNode a = o.putArray("alerts").addObject().put("status", status);
        a.putObject("labels").put("alertname", "SurprisalDrift").put("monitor", r.monitor());
        a.putObject("annotations").put("summary", summary(m)).put("window", r.window())
                .put("runId", Long.toString(r.runId()));
        a.put("startsAt", m.startsAt()).put("endsAt", m.endsAt() == null ? "0001-01-01T00:00:00Z" : m.endsAt())
                .put("generatorURL", m.url()).put("fingerprint", m.fingerprint());
        return o;
    }

    /** Slack treats {@code & < >} as markup ({@code <!channel>}); user strings are escaped. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
