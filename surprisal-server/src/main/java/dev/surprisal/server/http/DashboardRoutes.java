// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.report.MonitorPages;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.Monitors;
import dev.surprisal.server.Rules;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.server.store.ServerTables;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dashboard's pages (server-rendered by {@link MonitorPages}), login and logout. */
final class DashboardRoutes {
    private final Monitors monitors;
    private final Tokens tokens;
    private final Sessions sessions;
    private final byte[] filterJs;

    DashboardRoutes(Monitors monitors, Tokens tokens, Sessions sessions) {
        this.monitors = monitors;
        this.tokens = tokens;
        this.sessions = sessions;
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("filter.js")) {
            this.filterJs = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("filter.js missing from the jar", e);
        }
    }

    List<Route> all() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("GET", "/login", null, false, ctx -> Http.html(ctx, MonitorPages.login(null))));
        r.add(new Route("POST", "/login", null, false, this::login));
        r.add(new Route("POST", "/logout", Role.READ, false, this::logout));
        r.add(new Route("GET", "/static/filter.js", null, false, ctx -> ctx.contentType("text/javascript")
                .result(filterJs)));
        r.add(new Route("GET", "/", Role.READ, false, this::overview));
        r.add(new Route("GET", "/monitors/{monitor}", Role.READ, false, this::monitor));
        r.add(new Route("GET", "/monitors/{monitor}/checks/{run}", Role.READ, false, this::report));
        return r;
    }

    private static String csrf(Context ctx) {
        String c = ctx.attribute("csrf");
        return c == null ? "" : c;
    }

    private void login(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !origin.endsWith("://" + ctx.host())) {
            throw new ApiError(403, "login from another origin refused");
        }
        String token = ctx.formParam("token");
        var caller = tokens.verify(token == null ? null : token.trim());
        if (caller.isEmpty()) {
            ctx.status(401);
            Http.html(ctx, MonitorPages.login("unknown or revoked token"));
            return;
        }
        String id = sessions.open(caller.get());
        Cookie c = new Cookie(Sessions.COOKIE, id);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.STRICT);
        c.setPath("/");
        c.setSecure("https".equals(ctx.scheme()));
        ctx.cookie(c);
        ctx.redirect("/");
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Sessions.COOKIE));
        ctx.removeCookie(Sessions.COOKIE, "/");
        ctx.redirect("/login");
    }

    private void overview(Context ctx) {
        List<MonitorPages.MonitorRow> rows = new ArrayList<>();
        for (MonitorConfig m : monitors.config().monitors()) {
            var last = monitors.last(m.name());
            rows.add(new MonitorPages.MonitorRow(m.name(), last.map(ServerTables.CheckRow::status).orElse(null),
                    last.map(ServerTables.CheckRow::window).orElse(null), last.map(ServerTables.CheckRow::runId)
                    .orElse(-1L), last.map(ServerTables.CheckRow::rows).orElse(0L),
                    last.map(c -> c.createdAt().toString()).orElse(null),
                    m.schedule() == null ? null : m.schedule() + " " + m.zone(), monitors.paused(m.name())));
        }
        Http.html(ctx, MonitorPages.overview(rows, csrf(ctx)));
    }

    private void monitor(Context ctx) {
        MonitorConfig m = monitors.monitor(ctx.pathParam("monitor"));
        List<MonitorPages.CheckLine> lines = monitors.checks(m.name(), Long.MAX_VALUE, 100).stream()
                .map(c -> new MonitorPages.CheckLine(c.runId(), c.window(), c.status(), c.rows(), c.excluded())).toList();
        var measure = Rules.options(m.settings()).measure();
        Map<String, MonitorPages.LastColumn> found = lines.isEmpty() ? Map.of()
                : lastFindings(monitors.report(m.name(), lines.get(0).runId(), false));
        Http.html(ctx, MonitorPages.monitor(m.name(), lines, monitors.historyChart(m.name(), null),
                measure.labelWithUnit(), csrf(ctx), found,
                monitors.baselineVersion(m.name()), monitors.dateOrderWarnings(m.name()).stream()
                        .map(dev.surprisal.data.profile.DateOrderWarning::message).toList()));
    }

    /** Per column of a stored check's JSON: its three largest KL terms (positive ones) and its new values. */
    static Map<String, MonitorPages.LastColumn> lastFindings(String json) {
        Map<String, MonitorPages.LastColumn> out = new java.util.LinkedHashMap<>();
        JsonNode report;
        try {
            report = ReportJson.upgrade(ReportJson.MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return out; // a report that does not read is shown by its own link; the page still shows the history
        }
        // the check's KL terms are in its unit (the server writes bits): the page shows nats
        double toNats = Math.log(report.path("base").asDouble(Math.E));
        for (JsonNode c : report.path("columns")) {
            List<MonitorPages.Contribution> bins = new ArrayList<>();
            for (JsonNode b : c.path("bins")) {
                double t = b.path("kl_term").asDouble(Double.NaN) * toNats;
                if (t > 0) {
                    // the bin's name for readers; a report stored before bins had one keeps its label
                    bins.add(new MonitorPages.Contribution(b.path("name").asText(b.path("label").asText()), t));
                }
            }
            bins.sort(java.util.Comparator.comparingDouble(MonitorPages.Contribution::nats).reversed());
            Map<String, Long> fresh = new java.util.LinkedHashMap<>();
            c.path("new_values").forEach(v -> fresh.put(v.path("value").asText(), v.path("rows").asLong()));
            out.put(c.path("column").asText(), new MonitorPages.LastColumn(List.copyOf(bins.subList(0,
                    Math.min(3, bins.size()))), fresh));
        }
        return out;
    }

    private void report(Context ctx) {
        MonitorConfig m = monitors.monitor(ctx.pathParam("monitor"));
        long run;
        try {
            run = Long.parseLong(ctx.pathParam("run"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "run: expected a run id, got '" + ctx.pathParam("run") + "'");
        }
        Http.html(ctx, monitors.report(m.name(), run, true));
    }
}
