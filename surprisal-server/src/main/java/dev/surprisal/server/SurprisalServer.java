// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.store.StoreUrl;
import dev.surprisal.server.alert.Alerts;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.http.ApiServer;
import dev.surprisal.server.schedule.Scheduler;
import dev.surprisal.server.store.StoreGate;

import java.time.Clock;
import java.time.Duration;

/**
 * A running drift server, wired from its parts: {@link Monitors} (checks), {@link Tokens},
 * {@link Metrics}, {@link Alerts}, {@link Scheduler} and the HTTP {@link ApiServer}. What
 * {@code surprisal serve} starts; tests start it the same way on port 0.
 */
public final class SurprisalServer implements AutoCloseable {
    private final Monitors monitors;
    private final Tokens tokens;
    private final Metrics metrics;
    private final Alerts alerts;
    private final Scheduler scheduler;
    private final ApiServer http;
    private final StoreGate gate;

    private SurprisalServer(Monitors monitors, Tokens tokens, Metrics metrics, Alerts alerts, Scheduler scheduler,
                            ApiServer http, StoreGate gate) {
        this.gate = gate;
        this.monitors = monitors;
        this.tokens = tokens;
        this.metrics = metrics;
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.http = http;
    }

    /**
     * Starts the server.
     *
     * @param config   monitors, notifiers, host and port
     * @param store    the drift store (a DuckDB file or a {@code jdbc:postgresql://} URL)
     * @param clock    the time of checks, schedules and deliveries
     * @param tickEvery how often the scheduler looks for due windows, or null for no background
     *                  scheduler (tests call {@link Scheduler#tick()} themselves)
     * @return the running server
     */
    public static SurprisalServer start(ServerConfig config, String store, Clock clock, Duration tickEvery) {
        return start(config, StoreUrl.parse(store), clock, tickEvery);
    }

    /**
     * Starts the server on a store whose password is held apart ({@link StoreUrl#withPassword}).
     *
     * @param config    monitors, notifiers, host and port
     * @param store     the drift store
     * @param clock     the time of checks, schedules and deliveries
     * @param tickEvery how often the scheduler runs, or null for none
     * @return the running server
     */
    public static SurprisalServer start(ServerConfig config, StoreUrl store, Clock clock, Duration tickEvery) {
        StoreGate gate = new StoreGate(store);
        Monitors monitors = new Monitors(config, gate, clock);
        Tokens tokens = new Tokens(gate, clock);
        Metrics metrics = new Metrics(clock);
        ApiServer[] http = new ApiServer[1];
        Alerts alerts = new Alerts(config, gate, clock, metrics, () -> "http://" + config.host() + ":"
                + (http[0] == null ? config.port() : http[0].port()));
        monitors.addListener(metrics);
        monitors.addListener(alerts);
        Scheduler scheduler = new Scheduler(monitors, clock);
        gate.fresh(s -> s.monitors());
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(SurprisalServer.class.getName());
        monitors.loadDefined().forEach(log::warning);
        monitors.unrunnable().forEach(r -> log.warning(r + " (/readyz is not ready until then)"));
        restoreGauges(monitors, metrics, log);
        http[0] = ApiServer.start(monitors, tokens, metrics::scrape);
        if (tickEvery != null) {
            scheduler.start(tickEvery);
        }
        return new SurprisalServer(monitors, tokens, metrics, alerts, scheduler, http[0], gate);
    }

    /**
     * Sets each monitor's gauges from its latest recorded check, by the code that sets them after a check
     * ({@link Metrics#restore}): a restarted server's {@code /metrics} says what {@code /api/v1/monitors} says.
     */
    private static void restoreGauges(Monitors monitors, Metrics metrics, java.util.logging.Logger log) {
        monitors.states().forEach((name, st) -> st.last().ifPresent(row -> {
            try {
                metrics.restore(name, row, ReportJson.MAPPER.readTree(monitors.checkJson(name, row.runId())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                // one unreadable stored check must not stop the server; its gauges stay empty until the next check
                log.warning("monitor " + name + ": the metrics of its last check (run " + row.runId()
                        + ") are not restored: " + e.getMessage());
            }
        }));
    }

    /** @return the port listened on */
    public int port() {
        return http.port();
    }

    /** @return the dashboard's URL */
    public String url() {
        return "http://" + monitors.config().host() + ":" + port() + "/";
    }

    /** @return the monitors */
    public Monitors monitors() {
        return monitors;
    }

    /** @return the tokens */
    public Tokens tokens() {
        return tokens;
    }

    /** @return the scheduler */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** @return the alerts */
    public Alerts alerts() {
        return alerts;
    }

    /** @return the metrics */
    public Metrics metrics() {
        return metrics;
    }

    /** @return the HTTP server (routes) */
    public ApiServer http() {
        return http;
    }

    @Override
    public void close() {
        scheduler.close();
        http.close();
        alerts.close();
        gate.close();
    }
}
