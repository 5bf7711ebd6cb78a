// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.config.MonitorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import dev.surprisal.server.store.ServerTables;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        List<ColumnValues> columns = new ArrayList<>();
        for (ColumnDrift c : r.report().columns()) {
            columns.add(new ColumnValues(c.name(), c.psi(), c.klNats(), c.jsBits(), c.totalVariation(),
                    c.wassersteinNormalized(), c.missingRateCurrent(), c.status().name()));
        }
        Set<String> trend = new HashSet<>();
        for (Alarm a : r.alarms()) {
            if (a.column() != null && a.kind() == Alarm.Kind.TREND) {
                trend.add(a.column());
            }
        }
        set(m, clock.millis() / 1000.0, r.rows(), r.status(), columns, trend);
    }

    /**
     * Sets the gauges of a monitor's last check from its stored JSON, as they stood when it was recorded: what the
     * server does at start for each monitor's latest check, so that a restart does not empty {@code /metrics} (an
     * alert on {@code surprisal_column_status >= 2} resolved at every deploy). Counters and the histogram start
     * from zero, as Prometheus expects of a restarted process.
     *
     * @param monitor the monitor
     * @param row     the server's record of the check (its time, rows and verdict)
     * @param check   the check's stored JSON in today's form ({@link ReportJson#upgrade}): per column {@code psi},
     *                {@code kl_pq} and {@code js} in its {@code base}, {@code total_variation},
     *                {@code wasserstein_over_std}, {@code missing_rate_current} and {@code status}; its alarms
     */
    public void restore(String monitor, ServerTables.CheckRow row, JsonNode check) {
        // the stored KL and JS are in the check's base (bits today); the gauges say nats and bits
        double toNats = check.path("base").isNumber() ? Math.log(check.path("base").asDouble()) : Math.log(2);
        List<ColumnValues> columns = new ArrayList<>();
        for (JsonNode c : check.path("columns")) {
            columns.add(new ColumnValues(c.path("column").asText(), number(c, "psi"), number(c, "kl_pq") * toNats,
                    number(c, "js") * toNats / Math.log(2), number(c, "total_variation"),
                    number(c, "wasserstein_over_std"), number(c, "missing_rate_current"), c.path("status").asText()));
        }
        Set<String> trend = new HashSet<>();
        for (JsonNode a : check.path("alarms")) {
            if (a.hasNonNull("column") && Alarm.Kind.TREND.name().equals(a.path("kind").asText())) {
                trend.add(a.path("column").asText());
            }
        }
        set(monitor, row.createdAt().toEpochMilli() / 1000.0, row.rows(), row.status(), columns, trend);
    }

    /** A number as the JSON writes it: null (not computable) is NaN, as the gauge had it. */
    private static double number(JsonNode o, String key) {
        JsonNode v = o.path(key);
        if (v.isNumber()) {
            return v.asDouble();
        }
        return switch (v.asText()) {
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }

    /** One column's values of a check, as the gauges take them. */
    private record ColumnValues(String column, double psi, double klNats, double jsBits, double tv, double w1,
                                double missing, String status) {
    }

    /**
     * The one place the gauges of a check are set, after a check ({@link #onCheck}) and at start ({@link #restore}).
     *
     * @param trend the columns with a trend alarm: DRIFT on the status gauge, whatever the level's verdict
     */
    private void set(String m, double lastRunSeconds, long rowCount, String verdict, List<ColumnValues> columns,
                     Set<String> trend) {
        lastRun.labelValues(m).set(lastRunSeconds);
        rows.labelValues(m).set(rowCount);
        monitorStatus.labelValues(m).set(code(verdict));
        for (ColumnValues c : columns) {
            psi.labelValues(m, c.column()).set(c.psi());
            kl.labelValues(m, c.column()).set(c.klNats());
            js.labelValues(m, c.column()).set(c.jsBits());
            tv.labelValues(m, c.column()).set(c.tv());
            w1.labelValues(m, c.column()).set(c.w1());
            missing.labelValues(m, c.column()).set(c.missing());
            status.labelValues(m, c.column()).set(code(c.status()));
        }
        trend.forEach(c -> status.labelValues(m, c).set(2));
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
