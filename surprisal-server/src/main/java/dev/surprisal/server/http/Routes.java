// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.ValidationException;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.data.profile.ProfileJson;
import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.DriftJson;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.drift.store.RunGaps;
import dev.surprisal.server.CheckResult;
import dev.surprisal.server.Monitors;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.Window;
import dev.surprisal.server.auth.Role;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.server.store.ServerTables;
import io.javalin.http.Context;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON API under {@code /api/v1}, one method per route; {@link #all} is the table that is
 * registered and that {@code openapi.yaml} must describe. Usage errors are 400, unknown things 404,
 * a running check 409, bad data 422; an alarm is a 200 with {@code "alarm": true}.
 */
final class Routes {
    private final Monitors monitors;
    private final Supplier<String> metrics;

    Routes(Monitors monitors, Supplier<String> metrics) {
        this.monitors = monitors;
        this.metrics = metrics;
    }

    List<Route> all() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("GET", "/healthz", null, true, ctx -> ctx.json("{\"status\":\"ok\"}")));
        r.add(new Route("GET", "/readyz", null, true, this::ready));
        r.add(new Route("GET", "/metrics", Role.READ, true, ctx -> ctx.contentType(
                "text/plain; version=0.0.4; charset=utf-8").result(metrics.get())));
        String m = "/api/v1/monitors/{monitor}";
        r.add(new Route("GET", "/api/v1/monitors", Role.READ, true, this::list));
        r.add(new Route("GET", m, Role.READ, true, this::get));
        r.add(new Route("PUT", m, Role.ADMIN, true, this::define));
        r.add(new Route("POST", m + "/pause", Role.WRITE, true, this::pause));
        r.add(new Route("GET", m + "/baselines", Role.READ, true, this::baselines));
        r.add(new Route("POST", m + "/baselines", Role.WRITE, true, this::createBaseline));
        r.add(new Route("POST", m + "/checks", Role.WRITE, true, this::trigger));
        r.add(new Route("GET", m + "/checks", Role.READ, true, this::checks));
        r.add(new Route("GET", m + "/checks/{run}", Role.READ, true, this::check));
        r.add(new Route("GET", m + "/checks/{run}/report.html", Role.READ, true, this::reportHtml));
        r.add(new Route("POST", m + "/checks/{run}/exclude", Role.WRITE, true, this::exclude));
        r.add(new Route("GET", m + "/history", Role.READ, true, this::history));
        r.add(new Route("POST", m + "/profiles", Role.WRITE, true, this::pushProfile));
        r.add(new Route("GET", m + "/deliveries", Role.READ, true, this::deliveries));
        return r;
    }

    private void ready(Context ctx) {
        try {
            monitors.gate().fresh(s -> s.monitors());
            List<String> reasons = monitors.unrunnable();
            ObjectNode o = Http.object().put("status", reasons.isEmpty() ? "ready" : "not ready")
                    .put("monitors", monitors.config().monitors().size());
            if (!reasons.isEmpty()) {
                ArrayNode r = o.putArray("reasons");
                reasons.forEach(r::add);
            }
            Http.json(ctx, reasons.isEmpty() ? 200 : 503, o);
        } catch (RuntimeException e) {
            Http.error(ctx, 503, "store not available: " + e.getMessage());
        }
    }

    private void list(Context ctx) {
        ArrayNode out = Http.array();
        Map<String, Monitors.State> states = monitors.states();
        for (MonitorConfig mc : monitors.config().monitors()) {
            Monitors.State st = states.get(mc.name());
            out.add(st == null ? summary(mc) : summary(mc, st)); // null: defined through the API meanwhile
        }
        ObjectNode o = Http.object();
        o.set("monitors", out);
        Http.json(ctx, 200, o);
    }

    private ObjectNode summary(MonitorConfig mc) {
        return summary(mc, new Monitors.State(monitors.paused(mc.name()), monitors.last(mc.name())));
    }

    private ObjectNode summary(MonitorConfig mc, Monitors.State state) {
        ObjectNode o = Http.object().put("name", mc.name()).put("source", mc.source().describe())
                .put("schedule", mc.schedule()).put("zone", mc.zone()).put("paused", state.paused())
                .put("missed_windows", monitors.missedWindows(mc.name()));
        state.last().ifPresentOrElse(c -> o.set("last", Http.row(c)), () -> o.putNull("last"));
        return o;
    }

    private MonitorConfig monitor(Context ctx) {
        return monitors.monitor(ctx.pathParam("monitor"));
    }

    private void get(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        ObjectNode o = summary(mc);
        o.put("reference", mc.reference() == null ? null : mc.reference().describe());
        ObjectNode settings = o.putObject("settings");
        mc.settings().forEach(settings::put);
        Http.strings(o.putArray("columns"), mc.columns());
        Http.strings(o.putArray("exclude"), mc.exclude());
        Http.strings(o.putArray("alerts"), mc.alerts());
        o.put("alert_on", mc.alertOnWarn() ? "warn" : "drift");
        o.put("has_baseline", monitors.hasBaseline(mc.name()));
        // the current baseline's undecided date orders, also of a baseline the server fitted at a first check
        DriftJson.dateOrderWarnings(o, monitors.dateOrderWarnings(mc.name()), false);
        Http.json(ctx, 200, o);
    }

    private void define(Context ctx) {
        Monitors.Defined d = monitors.define(ctx.pathParam("monitor"), ctx.body());
        Http.json(ctx, d.created() ? 201 : 200, summary(d.monitor()).put("created", d.created()));
    }

    private void pause(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        JsonNode body = Http.body(ctx);
        boolean paused = !body.has("paused") || body.get("paused").asBoolean(true);
        monitors.setPaused(mc.name(), paused);
        Http.json(ctx, 200, Http.object().put("name", mc.name()).put("paused", paused));
    }

    private void baselines(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        String name = mc.name();
        Profile p = monitors.gate().read("baseline/" + name, s -> s.baseline(name)).orElse(null);
        List<DriftStore.BaselineVersion> versions = monitors.gate().read("baseline-versions/" + name,
                s -> s.baselineVersions(name));
        ObjectNode o = Http.object().put("monitor", name);
        ArrayNode v = o.putArray("baselines");
        for (DriftStore.BaselineVersion b : versions) {
            ObjectNode j = v.addObject().put("version", b.version()).put("current", b.current())
                    .put("created_at", b.createdAt().toString())
                    .put("replaced_at", b.replacedAt() == null ? null : b.replacedAt().toString()).put("checks", b.checks());
            if (b.current() && p != null) {
                j.put("rows", p.rows());
                Http.strings(j.putArray("columns"), p.columnNames());
                DriftJson.dateOrderWarnings(j, p, false);
            }
        }
        Http.json(ctx, 200, o);
    }

    private void createBaseline(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        Profile p = monitors.fitBaseline(mc.name());
        ObjectNode o = Http.object().put("monitor", mc.name()).put("rows", p.rows())
                .put("reference", mc.reference().describe());
        // a date column read in an assumed order of day and month says so, as the CLI's baseline does
        DriftJson.dateOrderWarnings(o, p, false);
        Http.json(ctx, 201, o);
    }

    private Window window(MonitorConfig mc, String text) {
        if (text == null || text.isBlank()) {
            throw new ApiError(400, "window: required, an ISO date such as 2024-05-03 (the day of data to check)");
        }
        try {
            return Window.parse(text, ZoneId.of(mc.zone()));
        } catch (ValidationException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    private void trigger(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        JsonNode body = Http.body(ctx);
        Window w = window(mc, body.path("window").asText(null));
        JsonNode recheck = body.path("recheck");
        if (!recheck.isMissingNode() && !recheck.isBoolean()) {
            throw new ApiError(400, "recheck: expected true or false, got " + recheck);
        }
        CheckResult r = monitors.check(mc.name(), w, "api", recheck.asBoolean(false));
        ctx.header("Location", "/api/v1/monitors/" + mc.name() + "/checks/" + r.runId());
        ctx.status(200).contentType("application/json").result(ReportJson.of(r));
    }

    private void pushProfile(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        Window w = window(mc, ctx.queryParam("window"));
        String body = ctx.body(); // outside the try: a body over the limit is 413, not "not a profile"
        Profile p;
        try {
            p = ProfileJson.read(body);
        } catch (RuntimeException e) {
            throw new ApiError(400, "body: expected a profile as written by ProfileJson: " + e.getMessage());
        }
        CheckResult r = monitors.checkProfile(mc.name(), w, p, "push", "true".equals(ctx.queryParam("recheck")));
        ctx.status(200).contentType("application/json").result(ReportJson.of(r));
    }

    private void checks(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        int limit = Http.intParam(ctx, "limit", 50, 1, 1000);
        long before = Http.longParam(ctx, "before", Long.MAX_VALUE);
        ArrayNode rows = Http.array();
        List<ServerTables.CheckRow> list = monitors.checks(mc.name(), before, limit);
        list.forEach(c -> rows.add(Http.row(c)));
        ObjectNode o = Http.object().put("monitor", mc.name());
        o.set("checks", rows);
        if (list.size() == limit) {
            o.put("next", "/api/v1/monitors/" + mc.name() + "/checks?limit=" + limit + "&before="
                    + list.get(list.size() - 1).runId());
        }
        Http.json(ctx, 200, o);
    }

    private long run(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("run"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "run: expected a run id (a whole number), got '" + ctx.pathParam("run") + "'");
        }
    }

    private void check(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        ctx.status(200).contentType("application/json").result(monitors.checkJson(mc.name(), run(ctx)));
    }

    private void reportHtml(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        Http.html(ctx, monitors.report(mc.name(), run(ctx), true));
    }

    private void exclude(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        long run = run(ctx);
        String reason = Http.body(ctx).path("reason").asText("");
        if (reason.isBlank()) {
            throw new ApiError(400, "reason: required, say why the run is excluded (e.g. 'partial load')");
        }
        monitors.exclude(mc.name(), run, reason);
        Http.json(ctx, 200, Http.object().put("run_id", run).put("excluded", true).put("reason", reason));
    }

    private void history(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        String column = ctx.queryParam("column");
        HistoryChart chart = monitors.historyChart(mc.name(), column);
        // off the scale of its column's chart: the library's one meaning, drift history --json's too
        Map<HistoryPoint, String> off = chart.offScale();
        ArrayNode points = Http.array();
        for (HistoryPoint h : chart.points()) {
            ObjectNode n = ReportJson.MAPPER.valueToTree(h);
            // the measure the check decided on, as stored, with the unit of decision and critical: drift history's
            DriftJson.putMeasure(n, h);
            if (h.alarmed()) {
                n.put("reason", h.why()); // the check's own words, as `drift history` shows them
            }
            if (off.containsKey(h)) {
                n.put("off_scale", true).put("off_scale_reason", off.get(h));
            }
            points.add(n);
        }
        ObjectNode o = Http.object().put("monitor", mc.name()).put("column", column);
        ArrayNode gaps = o.putArray("missing_days");
        for (RunGaps.Gap g : chart.gaps()) {
            gaps.addObject().put("first", g.first().toString()).put("last", g.last().toString()).put("days", g.days())
                    .put("after", g.after());
        }
        o.put("units", "psi unitless (natural log); kl_nats nats, KL(reference || window); js_bits bits; hellinger "
                + "unitless, 0..1; new_mass share of the window's values, 0..1; decision and critical in each point's "
                + "decision_unit, the unit of its measure as stored");
        o.put("measure", chart.measure());
        o.set("points", points);
        Http.json(ctx, 200, o);
    }

    private void deliveries(Context ctx) {
        MonitorConfig mc = monitor(ctx);
        int limit = Http.intParam(ctx, "limit", 50, 1, 1000);
        ArrayNode out = Http.array();
        for (ServerTables.Delivery d : monitors.gate().read("deliveries/" + mc.name() + "/" + limit,
                s -> ServerTables.deliveries(s.connection(), mc.name(), limit))) {
            out.add(Http.object().put("id", d.id()).put("notifier", d.notifier()).put("kind", d.kind())
                    .put("fingerprint", d.fingerprint()).put("run_id", d.runId()).put("attempts", d.attempts())
                    .put("status_code", d.statusCode()).put("outcome", d.outcome()).put("error", d.error())
                    .put("at", d.at().toString()));
        }
        ObjectNode o = Http.object().put("monitor", mc.name());
        o.set("deliveries", out);
        Http.json(ctx, 200, o);
    }
}
