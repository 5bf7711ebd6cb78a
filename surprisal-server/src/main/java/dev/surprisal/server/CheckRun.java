// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.Base;
import dev.surprisal.core.Parallelism;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Freshness;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.report.DriftHtmlReport;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one check of a monitor's window for {@link Monitors}: one at a time per monitor (a second is
 * refused, not queued), at most {@link #CHECK_THREADS} computing at once; the data are read and
 * counted outside the store, which is entered to read the baseline and the batches before this one,
 * and to record. The reference (the baseline, or a rolling one) and the stale-data rule come from
 * one read of those batches.
 */
final class CheckRun {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Monitors.class.getName());
    /**
     * Checks that compute at once, each on one thread: all processors but one, so that however many
     * checks are asked for, one processor is left to answer reads (on 2 cores, one check at a time;
     * the others wait their turn).
     */
    static final int CHECK_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private final Semaphore computing = new Semaphore(CHECK_THREADS, true);
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final Monitors monitors;
    private final StoreGate gate;

    /** @param monitors the monitors whose checks this runs (their config, store, clock and listeners) */
    CheckRun(Monitors monitors) {
        this.monitors = monitors;
        this.gate = monitors.gate();
    }

    /**
     * Checks a window: refuses a second check of the monitor while one runs (409), waits for a
     * computing slot, and tells the listeners of the check or of its failure.
     *
     * @param counter counts today's data on the baseline's profile
     */
    CheckResult run(String name, Window window, String trigger, boolean recheck,
                            java.util.function.Function<Profile, Profile> counter) {
        MonitorConfig m = monitors.monitor(name);
        ReentrantLock lock = running.computeIfAbsent(name, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new MonitorException(409, "a check of monitor '" + name + "' is running; try again when it ends");
        }
        try {
            CheckResult result;
            computing.acquireUninterruptibly();
            try {
                result = Parallelism.call(1, () -> compute(m, name, window, trigger, recheck, counter));
            } catch (Monitors.AlreadyChecked e) {
                throw e; // not a failure: the window has its check
            } catch (RuntimeException e) {
                String reason = e instanceof Sources.NoDataException ? "skipped" : "error";
                if (!"schedule".equals(trigger)) { // the scheduler logs its own, with what it does next
                    LOG.warning("check of monitor " + name + " window " + window.key(m.source()) + " (" + trigger
                            + ") failed: " + e.getMessage());
                }
                monitors.notifyFailure(m, trigger, reason);
                throw e;
            } finally {
                computing.release();
            }
            monitors.notifyListeners(m, result); // alerts (with their retries) outside the computing slots
            return result;
        } finally {
            lock.unlock();
        }
    }

    private CheckResult compute(MonitorConfig m, String name, Window window, String trigger, boolean recheck,
                                java.util.function.Function<Profile, Profile> counter) {
        long t0 = System.nanoTime();
        DriftStore.Reference baseline = gate.fresh(s -> s.reference(name)).orElseGet(() -> {
            if (m.reference() == null) {
                throw new MonitorException(409, "monitor '" + name + "' has no baseline and no reference in its "
                        + "config; create one with POST /api/v1/monitors/" + name + "/baselines or the CLI");
            }
            monitors.createBaseline(name);
            return gate.fresh(s -> s.reference(name)).orElseThrow();
        });
        String key = window.key(m.source());
        boolean byDate = m.source() != null && m.source().byDate();
        // one read for the window's earlier checks and the batches before it, which both the rolling
        // reference (the latest `rolling`) and the stale-data rule (the latest one) are made of; runs
        // excluded from the history left out of both. "Before" is by the key the run is recorded under
        // (a dated source's day), or a recheck of a day posted as its window start (2024-05-03T06:00)
        // would find that day's own run (2024-05-03) as the batch before it
        record Before(List<ServerTables.CheckRow> earlier, List<DriftStore.RunProfile> runs) {
        }
        int wanted = Math.max(1, m.rolling());
        Before before = gate.fresh(s -> {
            List<ServerTables.CheckRow> earlier = ServerTables.checksOfWindow(s.connection(), name, key, byDate,
                    baseline.version());
            if (!earlier.isEmpty() && !recheck) {
                return new Before(earlier, List.of());
            }
            Set<Long> excluded = new HashSet<>(ServerTables.excluded(s.connection(), name));
            return new Before(earlier, s.runProfiles(name, baseline.version(), key, wanted + excluded.size()).stream()
                    .filter(r -> !excluded.contains(r.runId())).limit(wanted).toList());
        });
        List<ServerTables.CheckRow> earlier = before.earlier();
        if (!earlier.isEmpty() && !recheck) {
            throw new Monitors.AlreadyChecked(name, key, earlier.get(0));
        }
        // runs of this date under an older key (a scheduled window recorded by its start time): the
        // store replaces a run of the same key itself, these go once the new run is recorded
        Set<Long> older = new HashSet<>();
        earlier.stream().filter(r -> !r.window().equals(key)).forEach(r -> older.add(r.runId()));
        Profile today = counter.apply(baseline.profile());
        Reference reference = reference(m, key, baseline, before.runs());
        DriftOptions options = Rules.options(m.settings());
        // a scheduled window is a monitor's next batch: its timestamps must advance past the last checked one's
        Freshness freshness = MonitoredCheck.freshness(before.runs(), key, java.time.ZoneId.of(m.zone()));
        DriftReport report = DriftScorer.compare(reference.profile(), today, options, m.bands(), Base.BITS, freshness);
        Instant now = monitors.clock().instant();
        // in the store only to record, and to read the history; the trend rule, the JSON and the
        // HTML are made outside it, so reads are not held up by rendering
        record Scored(MonitoredCheck.Outcome outcome, List<HistoryPoint> history) {
        }
        Scored scored = gate.with(name, s -> {
            MonitoredCheck.Outcome o = MonitoredCheck.record(s, name, key, baseline.version(), today, report, null);
            if (!older.isEmpty()) {
                s.deleteRuns(older);
                ServerTables.deleteChecks(s.connection(), older);
            }
            Set<Long> excluded = new HashSet<>(ServerTables.excluded(s.connection(), name));
            List<HistoryPoint> history = s.history(name, null).stream()
                    .filter(h -> !excluded.contains(h.runId()) && h.runId() != o.runId()).toList();
            return new Scored(o, history);
        });
        MonitoredCheck.Outcome o = scored.outcome();
        // the history by column, once: the trend rule and the report's sparklines read it
        Map<String, List<HistoryPoint>> byColumn = new LinkedHashMap<>();
        for (HistoryPoint h : scored.history()) {
            byColumn.computeIfAbsent(h.column(), k -> new ArrayList<>()).add(h);
        }
        List<Alarm> alarms = new ArrayList<>(o.alarms());
        alarms.addAll(trend(o.report(), byColumn));
        String status = MonitoredCheck.verdict(o.report(), alarms).name();
        boolean alarm = MonitoredCheck.fails(o.report(), alarms); // the report carries the monitor's rule
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        CheckResult result = new CheckResult(o.runId(), name, key, status, alarm, today.rows(), ms,
                o.report(), List.copyOf(alarms), reference.description(), baseline.profile().roles());
        String html = DriftHtmlReport.render("Drift check: " + name + " at " + key + " (run "
                + o.runId() + ")", o.report(), byColumn);
        String json = ReportJson.of(result);
        gate.with(name, s -> {
            if (o.replaced()) {
                ServerTables.deleteCheck(s.connection(), o.replacedRunId());
            }
            ServerTables.putCheck(s.connection(), new ServerTables.CheckRow(o.runId(), name, key, status,
                    alarm, today.rows(), ms, now, trigger, false, null), json, html);
            return null;
        });
        return result;
    }

    /** What a window is compared with: a profile on the baseline's bins, and that in words. */
    private record Reference(Profile profile, String description) {
    }

    /**
     * The reference of a check: the baseline, or for a rolling monitor the latest {@code rolling}
     * checked windows before this one (runs excluded from the history left out), their counts added
     * on the baseline's bins. Until a window has been checked, the baseline stands in, and says so.
     *
     * @param runs the checked windows before this one, newest first, at least {@code rolling} when there are
     */
    private static Reference reference(MonitorConfig m, String key, DriftStore.Reference baseline,
                                       List<DriftStore.RunProfile> runs) {
        String fixed = "baseline version " + baseline.version();
        if (m.rolling() == 0) {
            return new Reference(baseline.profile(), fixed);
        }
        if (runs.isEmpty()) {
            return new Reference(baseline.profile(), fixed + " (rolling over " + m.rolling() + " windows, but no "
                    + "window before " + key + " has been checked yet)");
        }
        List<String> windows = runs.stream().map(DriftStore.RunProfile::at).sorted().toList();
        return new Reference(DriftStore.RunProfile.rolling(runs, baseline.profile()), "rolling: the " + runs.size()
                + (runs.size() == 1 ? " window " : " windows ") + String.join(", ", windows) + " (of " + m.rolling()
                + " asked), on the bins of " + fixed);
    }

    private static List<Alarm> trend(DriftReport report, Map<String, List<HistoryPoint>> history) {
        TrendRule trend = TrendRule.defaults();
        List<Alarm> out = new ArrayList<>();
        for (ColumnDrift c : report.columns()) {
            if (!c.status().drifted() && Double.isFinite(c.decisionValue())) {
                List<HistoryPoint> h = history.getOrDefault(c.name(), List.of());
                if (trend.fires(c.decisionValue(), c.critical(), h)) {
                    out.add(new Alarm(c.name(), Alarm.Kind.TREND, String.format(Locale.ROOT,
                            "%s: %s %.3g spikes above its history band %.3g (mean + %.0f sigma of %d points, excluded "
                                    + "runs left out)", c.name(), report.options().measure(), c.decisionValue(),
                            trend.upperBand(h), trend.sigmas(), h.size())));
                }
            }
        }
        return out;
    }
}
