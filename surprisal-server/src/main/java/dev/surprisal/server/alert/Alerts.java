// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.server.CheckResult;
import dev.surprisal.server.Metrics;
import dev.surprisal.server.ReportJson;
import dev.surprisal.server.auth.Tokens;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.NotifierConfig;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Sends alerts after checks. An incident per (monitor, notifier) opens when a check fires (DRIFT, or
 * WARN when the monitor has {@code alert-on: warn}) and one message is sent; later firing checks send
 * nothing until a check no longer fires, which sends "resolved" (if the notifier has
 * {@code send-resolved}) and closes it. Each send has a timeout and is retried on 5xx, timeouts and
 * connection errors (not on 4xx) with doubling backoff; each delivery, sent or failed, is recorded in
 * the store. A failed firing delivery leaves the incident closed, so the next firing check tries
 * again. Sends run on one background thread in check order; URLs are never logged (they may hold
 * secrets, as Slack's do).
 */
public final class Alerts implements dev.surprisal.server.Monitors.Listener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Alerts.class.getName());
    private final ServerConfig config;
    private final StoreGate gate;
    private final Clock clock;
    private final Metrics metrics;
    private final Supplier<String> baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "surprisal-alerts");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param config  notifiers
     * @param gate    the store (incidents and deliveries)
     * @param clock   the time of deliveries
     * @param metrics delivery counters
     * @param baseUrl the server's URL, for links
     */
    public Alerts(ServerConfig config, StoreGate gate, Clock clock, Metrics metrics, Supplier<String> baseUrl) {
        this.config = config;
        this.gate = gate;
        this.clock = clock;
        this.metrics = metrics;
        this.baseUrl = baseUrl;
    }

    @Override
    public void onCheck(MonitorConfig monitor, CheckResult r) {
        if (!monitor.alerts().isEmpty()) {
            sender.submit(() -> handle(monitor, r));
        }
    }

    /**
     * Waits until queued alerts are sent (tests, shutdown).
     *
     * @param timeout how long at most
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void drain(Duration timeout) throws InterruptedException {
        try {
            sender.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("alerts not drained within " + timeout, e);
        }
    }

    void handle(MonitorConfig monitor, CheckResult r) {
        boolean firing = r.status().equals("DRIFT") || (monitor.alertOnWarn() && r.status().equals("WARN"));
        for (String name : monitor.alerts()) {
            NotifierConfig n = config.notifier(name).orElseThrow();
            try {
                Optional<ServerTables.Incident> open = gate.fresh(s -> ServerTables.incident(s.connection(),
                        monitor.name(), name));
                if (firing && open.isEmpty()) {
                    String fp = fingerprint(monitor.name(), r.runId());
                    boolean ok = deliver(n, new Payloads.Message("firing", r, fp, url(r), clock.instant().toString(),
                            null));
                    if (ok) {
                        gate.with(s -> {
                            ServerTables.openIncident(s.connection(), new ServerTables.Incident(monitor.name(), name, fp,
                                    clock.instant(), r.runId()));
                            return null;
                        });
                    }
                } else if (firing) {
                    metrics.delivery(name, "firing", "suppressed");
                } else if (open.isPresent()) {
                    ServerTables.Incident i = open.get();
                    if (n.sendResolved()) {
                        deliver(n, new Payloads.Message("resolved", r, i.fingerprint(), url(r), i.openedAt().toString(),
                                clock.instant().toString()));
                    }
                    gate.with(s -> {
                        ServerTables.closeIncident(s.connection(), monitor.name(), name);
                        return null;
                    });
                }
            } catch (RuntimeException e) {
                LOG.warning("alert of monitor " + monitor.name() + " to " + name + " failed: " + e.getMessage());
            }
        }
    }

    private String url(CheckResult r) {
        return baseUrl.get() + "/monitors/" + r.monitor() + "/checks/" + r.runId();
    }

    /** The incident's id: the first 16 hex digits of SHA-256 of monitor and opening run. */
    static String fingerprint(String monitor, long runId) {
        return Tokens.sha256("SurprisalDrift|" + monitor + "|" + runId).substring(0, 16);
    }

    private boolean deliver(NotifierConfig n, Payloads.Message m) {
        ObjectNode body = switch (n.type()) {
            case "slack" -> Payloads.slack(m);
            case "alertmanager" -> Payloads.alertmanager(m, n.name(), baseUrl.get());
            default -> Payloads.webhook(m);
        };
        String json;
        try {
            json = ReportJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an alert as JSON", e);
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(n.url())).timeout(n.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "surprisal-server")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        int attempts = 0;
        int code = 0;
        String error = null;
        Duration wait = n.backoff();
        while (attempts <= n.retries()) {
            attempts++;
            try {
                code = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                error = code >= 200 && code < 300 ? null : "HTTP " + code;
                if (code < 500) {
                    break;
                }
            } catch (IOException e) {
                code = 0;
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + e.getMessage().replace(n.url(), "<url>"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
            if (attempts <= n.retries()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                wait = wait.multipliedBy(2);
            }
        }
        boolean ok = error == null;
        String outcome = ok ? "sent" : "failed";
        metrics.delivery(n.name(), m.kind(), outcome);
        ServerTables.Delivery d = new ServerTables.Delivery(0, m.check().monitor(), n.name(), m.kind(), m.fingerprint(),
                m.check().runId(), attempts, code, outcome, error, clock.instant());
        gate.with(s -> ServerTables.addDelivery(s.connection(), d));
        if (!ok) {
            LOG.warning("alert to " + n.name() + " failed after " + attempts + " attempt(s): " + error);
        }
        return ok;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
