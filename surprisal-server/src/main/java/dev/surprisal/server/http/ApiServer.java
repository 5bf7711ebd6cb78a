// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.http;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.server.MonitorException;
import dev.surprisal.server.Monitors;
import dev.surprisal.server.SourceException;
import dev.surprisal.server.auth.Role;
import dev.surprisal.server.auth.Tokens;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP server: the JSON API ({@link Routes}), the dashboard ({@link DashboardRoutes}) and the
 * health, readiness and metrics endpoints, on Javalin (Jetty 12). Every route but health, readiness
 * and the login page needs a token ({@code Authorization: Bearer sps_…}) or a dashboard session,
 * with the route's role; reads and {@code /metrics} can be opened by the config. Binds 127.0.0.1
 * unless told otherwise. Every answer carries an {@code X-Request-Id}. Errors are JSON
 * {@code {"error": "...", "status": N, "request_id": "..."}}: 400 usage, 401 no or bad token, 403 role
 * too low or CSRF, 404 unknown, 409 busy, 413 too large, 422 bad data, 500 bug (its stack trace only
 * in the server log, under the same request id), 503 store not available.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    /**
     * Starts a server.
     *
     * @param monitors the monitors
     * @param tokens   the token store
     * @param metrics  the Prometheus text of {@code /metrics}
     * @return the running server
     */
    public static ApiServer start(Monitors monitors, Tokens tokens, Supplier<String> metrics) {
        var cfg = monitors.config();
        Sessions sessions = new Sessions(monitors.clock());
        Auth auth = new Auth(tokens, sessions, cfg.readsPublic(), cfg.metricsPublic(), cfg.maxRequestBytes());
        List<Route> all = new java.util.ArrayList<>(new Routes(monitors, metrics).all());
        all.addAll(new DashboardRoutes(monitors, tokens, sessions).all());
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = cfg.host();
            c.jetty.port = cfg.port();
            c.http.maxRequestSize = cfg.maxRequestBytes();
            c.router.ignoreTrailingSlashes = true;
            c.routes.before(Http::requestId); // every answer carries X-Request-Id
            for (Route r : all) {
                Handler h = auth.guard(r);
                switch (r.method()) {
                    case "GET" -> c.routes.get(r.path(), h);
                    case "POST" -> c.routes.post(r.path(), h);
                    case "PUT" -> c.routes.put(r.path(), h);
                    default -> throw new IllegalStateException("method " + r.method());
                }
            }
            c.routes.exception(Exception.class, ApiServer::fail);
            c.routes.error(404, ctx -> {
                // an unknown route: Javalin has written its own text/plain "not found"; ours (an unknown
                // monitor or run) is JSON already
                String type = ctx.contentType();
                if (type == null || !type.startsWith("application/json")) {
                    Http.error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path());
                }
            });
            c.routes.error(405, ctx -> Http.error(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path()));
            c.routes.error(413, ctx -> Http.error(ctx, 413, "request too large (limit " + cfg.maxRequestBytes()
                    + " bytes)"));
        });
        app.start();
        return new ApiServer(app, List.copyOf(all));
    }

    /** Maps an exception to its status and a JSON message. */
    private static void fail(Exception e, Context ctx) {
        int status;
        String message = e.getMessage();
        if (e instanceof ApiError a) {
            status = a.status();
        } else if (e instanceof MonitorException m) {
            status = m.status();
        } else if (e instanceof StoreException) {
            status = 503;
            message = "store: " + e.getMessage();
        } else if (e instanceof SourceException || e instanceof ValidationException) {
            status = 422;
        } else if (e instanceof io.javalin.http.HttpResponseException h) {
            status = h.getStatus();
        } else {
            status = 500;
            String id = Http.requestId(ctx);
            message = "internal error (a bug; the server log has the details under request_id " + id + ")";
            LOG.log(Level.SEVERE, "internal error on " + ctx.method() + " " + ctx.path() + " (request_id " + id + ")", e);
        }
        Http.error(ctx, status, message);
    }

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    /** @return every route (for the OpenAPI test) */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Who may call a route. */
    static final class Auth {
        private final Tokens tokens;
        private final Sessions sessions;
        private final boolean readsPublic;
        private final boolean metricsPublic;
        private final long maxRequestBytes;

        Auth(Tokens tokens, Sessions sessions, boolean readsPublic, boolean metricsPublic, long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            this.tokens = tokens;
            this.sessions = sessions;
            this.readsPublic = readsPublic;
            this.metricsPublic = metricsPublic;
        }

        Handler guard(Route r) {
            return ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                        .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store");
                // before anything reads the body: a body over the limit is 413, not a parse error of a cut body
                if (ctx.contentLength() > maxRequestBytes) {
                    throw new ApiError(413, "request too large: " + ctx.contentLength() + " bytes, the limit is "
                            + maxRequestBytes + " (server: max-request-bytes)");
                }
                Role needed = r.role();
                boolean open = needed == null || (needed == Role.READ && (readsPublic
                        || (metricsPublic && r.path().equals("/metrics"))));
                if (!open) {
                    Tokens.Caller caller = caller(ctx, r);
                    if (!caller.role().allows(needed)) {
                        throw new ApiError(403, "this needs a " + needed.label() + " token; token '" + caller.name()
                                + "' is " + caller.role().label());
                    }
                    ctx.attribute("caller", caller);
                }
                r.handler().handle(ctx);
            };
        }

        private Tokens.Caller caller(Context ctx, Route r) {
            String header = ctx.header("Authorization");
            if (header != null) {
                if (!header.startsWith("Bearer ")) {
                    throw new ApiError(401, "Authorization: expected 'Bearer TOKEN'");
                }
                return tokens.verify(header.substring(7).trim())
                        .orElseThrow(() -> new ApiError(401, "unknown or revoked token"));
            }
            Optional<Sessions.Session> s = sessions.get(ctx.cookie(Sessions.COOKIE));
            if (s.isEmpty()) {
                if (!r.api()) {
                    ctx.redirect("/login");
                    throw new ApiError(302, "login needed");
                }
                throw new ApiError(401, "a token is needed: send 'Authorization: Bearer TOKEN' (create one with "
                        + "'surprisal serve token new')");
            }
            if (!ctx.method().name().equals("GET")) {
                String sent = ctx.header("X-Surprisal-CSRF");
                if (sent == null) {
                    sent = ctx.formParam("csrf");
                }
                if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), s.get().csrf().getBytes())) {
                    throw new ApiError(403, "missing or wrong CSRF token for a request made with the session cookie");
                }
            }
            ctx.attribute("csrf", s.get().csrf());
            return s.get().caller();
        }
    }
}
