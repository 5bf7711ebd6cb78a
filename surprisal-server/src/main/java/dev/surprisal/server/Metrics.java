// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.config.MonitorConfig;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Prometheus metrics of one server, in its own registry (not the global one, so tests and several
 * servers in one JVM stay apart). Names follow Prometheus conventions: prefix {@code surprisal_},
 * base units in the name ({@code _seconds}, {@code _bits}, {@code _nats}, {@code _ratio}),
 * {@code _total} on counters; column series are the last check's values.
 */
public final class Metrics implements Monitors.Listener {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter runs = Counter.builder().name("surprisal_check_runs_total")
            .help("Checks run, by monitor and outcome (ok, warn, drift, skipped, error)")
            .labelNames("monitor", "outcome").register(registry);
    private final Histogram duration = Histogram.builder().name("surprisal_check_duration_seconds")
            .help("Time to read, score and record a check").labelNames("monitor")
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300).register(registry);
    private final Gauge lastRun = Gauge.builder().name("surprisal_check_last_run_timestamp_seconds")
            .help("Unix time of the last check").labelNames("monitor").register(registry);
    private final Gauge rows = Gauge.builder().name("surprisal_check_rows")
            .help("Rows in the last check's window").labelNames("monitor").register(registry);
    private final Gauge psi = Gauge.builder().name("surprisal_column_psi")
            .help("Last PSI of the column (unitless, natural log)").labelNames("monitor", "column").register(registry);
    private final Gauge kl = Gauge.builder().name("surprisal_column_kl_divergence_nats")
            .help("Last KL(reference || window) of the column, nats").labelNames("monitor", "column").register(registry);
    private final Gauge js = Gauge.builder().name("surprisal_column_js_divergence_bits")
            .help("Last Jensen-Shannon divergence of the column, bits").labelNames("monitor", "column")
            .register(registry);
    // the columns' own yardsticks, which decide continuous (W1/std) and binary/discrete/categorical (TV) columns
    private final Gauge tv = Gauge.builder().name("surprisal_column_total_variation_ratio")
            .help("Last total variation distance of the column's value shares, unitless 0..1 (share of the probability "
                    + "mass that moved); the yardstick of binary, discrete and categorical columns; higher = more change")
            .labelNames("monitor", "column").register(registry);
    private final Gauge w1 = Gauge.builder().name("surprisal_column_wasserstein_stddevs")
            .help("Last W1/std of the column: how far its values moved, in reference standard deviations (unitless); "
                    + "the yardstick of continuous columns; NaN when not continuous; higher = more change")
            .labelNames("monitor", "column").register(registry);
    private final Gauge missing = Gauge.builder().name("surprisal_column_missing_ratio")
            .help("Share of missing cells in the last window (0..1)").labelNames("monitor", "column").register(registry);
    private final Gauge status = Gauge.builder().name("surprisal_column_status")
            .help("Last verdict of the column: 0 OK, 1 WARN, 2 DRIFT, -1 not computable")
            .labelNames("monitor", "column").register(registry);
    private final Gauge monitorStatus = Gauge.builder().name("surprisal_monitor_status")
            .help("Last verdict of the monitor: 0 OK, 1 WARN, 2 DRIFT").labelNames("monitor").register(registry);
    private final Counter failures = Counter.builder().name("surprisal_check_failures_total")
            .help("Checks that could not run to their end, by monitor, trigger (api, schedule, push) and reason "
                    + "(skipped: no data for a window asked for through the API or a push; error: unreadable data, "
                    + "store, a bug). A scheduled window whose data has not arrived (at every start-up, before the "
                    + "window's first file) is no failure: counted in surprisal_check_runs_total{outcome=\"skipped\"} "
                    + "only")
            .labelNames("monitor", "trigger", "reason").register(registry);
    private final Counter missedWindows = Counter.builder().name("surprisal_schedule_missed_windows_total")
            .help("Scheduled windows not run because the server was down (after downtime only the latest runs)")
            .labelNames("monitor").register(registry);
    private final Clock clock;
    private final Counter deliveries = Counter.builder().name("surprisal_alert_deliveries_total")
            .help("Alert deliveries by notifier, kind (firing, resolved) and outcome (sent, failed)")
            .labelNames("notifier", "kind", "outcome").register(registry);

    /** @param clock the time of the last-run gauge (the server's, injectable) */
    public Metrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onCheck(MonitorConfig monitor, CheckResult r) {
        String m = monitor.name();
        runs.labelValues(m, r.status().toLowerCase()).inc();
        duration.labelValues(m).observe(r.durationMs() / 1000.0);
        lastRun.labelValues(m).set(clock.millis() / 1000.0);
        rows.labelValues(m).set(r.rows());
        monitorStatus.labelValues(m).set(code(r.status()));
        for (ColumnDrift c : r.report().columns()) {
            psi.labelValues(m, c.name()).set(c.psi());
            kl.labelValues(m, c.name()).set(c.klNats());
            js.labelValues(m, c.name()).set(c.jsBits());
            tv.labelValues(m, c.name()).set(c.totalVariation());
            w1.labelValues(m, c.name()).set(c.wassersteinNormalized());
            missing.labelValues(m, c.name()).set(c.missingRateCurrent());
            status.labelValues(m, c.name()).set(code(c.status().name()));
        }
        for (Alarm a : r.alarms()) {
            if (a.column() != null && a.kind() == Alarm.Kind.TREND) {
                status.labelValues(m, a.column()).set(2);
            }
        }
    }

    @Override
    public void onMissed(MonitorConfig monitor, int windows) {
        missedWindows.labelValues(monitor.name()).inc(windows);
    }

    /**
     * A check that could not run (no data, bad data, a bug), from the API, the schedule or a push:
     * counted, no column values touched; a scheduled window with no data yet is a skipped run, not a failure.
     */
    @Override
    public void onFailure(MonitorConfig monitor, String trigger, String reason) {
        runs.labelValues(monitor.name(), reason).inc();
        // the schedule runs the current window at start-up, usually before its file arrived: counting that as a
        // failure made an alert on this counter fire at every restart (audit15 D8c); a stopped feed still shows
        // in runs_total{outcome="skipped"} and in surprisal_check_last_run_timestamp_seconds growing old
        if (!("skipped".equals(reason) && "schedule".equals(trigger))) {
            failures.labelValues(monitor.name(), trigger, reason).inc();
        }
    }

    /**
     * @param notifier the channel
     * @param kind firing or resolved
     * @param outcome sent or failed
     */
    public void delivery(String notifier, String kind, String outcome) {
        deliveries.labelValues(notifier, kind, outcome).inc();
    }

    private static int code(String s) {
        return switch (s) {
            case "OK" -> 0;
            case "WARN" -> 1;
            case "DRIFT" -> 2;
            default -> -1;
        };
    }

    /** @return the Prometheus text exposition format (version 0.0.4) */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
