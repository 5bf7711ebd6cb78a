// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.Parallelism;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs one check of a monitor's window for {@link Monitors}: one at a time per monitor (a second is
 * refused, not queued), at most {@link #CHECK_THREADS} computing at once; the data are read and
 * counted and scored outside the store, which is entered to read the baseline and the batches before
 * this one, and (under its write lock) to read the history once and record the finished report. The check itself is the library's {@link MonitorCheck} (its baseline, then its
 * record), the one {@code drift check --config} and the Java API run: the same rule, alarms, schema
 * change and missing-days note for the same file, store and day. The server adds its windows, the
 * runs it excludes from the history, its check table, the HTML report and its listeners.
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
     * @param counter counts today's data on the baseline's profile, and says its columns
     */
    CheckResult run(String name, Window window, String trigger, boolean recheck,
                     Function<Profile, Sources.Counted> counter) {
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
                                Function<Profile, Sources.Counted> counter) {
        long t0 = System.nanoTime();
        // the file's column names against its readable reference, as drift check --config refuses them (422)
        m.checkReferenceColumns();
        if (gate.fresh(s -> s.reference(name)).isEmpty()) {
            if (m.reference() == null) {
                throw new MonitorException(409, "monitor '" + name + "' has no baseline and no reference in its "
                        + "config; create one with POST /api/v1/monitors/" + name + "/baselines or the CLI");
            }
            // fitted here, not through POST .../baselines: no answer carries its date-order warnings, so the log
            // says them as they happen (the monitor's page and GET show them while the baseline is current)
            monitors.fitBaseline(name).dateOrderWarnings().forEach(w -> LOG.warning("baseline of monitor " + name
                    + " fitted from its reference: " + w.message()));
        }
        String key = window.key(m.source());
        boolean byDate = m.source() != null && m.source().byDate();
        // the library's check, as `drift check --config` runs it: the baseline's stored rule under the file's
        // settings, its bands, zone and rolling reference; the server adds its excluded runs, its windows and
        // its check table
        MonitorCheck check = MonitorCheck.of(m);
        // one read for the window's earlier checks, the baseline and the batches before this one (the rolling
        // reference, the stale-data rule). "Before" is by the key the run is recorded under (a dated source's
        // day), or a recheck of a day posted as its window start (2024-05-03T06:00) would find that day's own run
        record Before(List<ServerTables.CheckRow> earlier, MonitorCheck.Baseline baseline) {
        }
        Before before = gate.fresh(s -> {
            Set<Long> excluded = new HashSet<>(ServerTables.excluded(s.connection(), name));
            MonitorCheck.Baseline b = check.baseline(s, key, excluded);
            return new Before(ServerTables.checksOfWindow(s.connection(), name, key, byDate, b.version()), b);
        });
        List<ServerTables.CheckRow> earlier = before.earlier();
        if (!earlier.isEmpty() && !recheck) {
            throw new Monitors.AlreadyChecked(name, key, earlier.get(0));
        }
        MonitorCheck.Baseline baseline = before.baseline();
        // runs of this date under an older key (a scheduled window recorded by its start time): the
        // store replaces a run of the same key itself, these go once the new run is recorded
        Set<Long> older = new HashSet<>();
        earlier.stream().filter(r -> !r.window().equals(key)).forEach(r -> older.add(r.runId()));
        Sources.Counted today = counter.apply(baseline.reference());
        Instant now = monitors.clock().instant();
        // in the store only to read the history and record; the JSON and the HTML are made
        // outside it, so reads are not held up by rendering
        record Scored(MonitoredCheck.Outcome outcome, List<HistoryPoint> history) {
        }
        // scored before the store's write lock is taken: a slow check does not hold up other monitors' writes
        DriftReport report = check.score(baseline, today.profile());
        Scored scored = gate.with(name, s -> {
            Set<Long> leftOut = new HashSet<>(ServerTables.excluded(s.connection(), name));
            leftOut.addAll(older); // this date's run under another key is not this run's own history
            // read once: the trend rule's history is the report's too (the excluded runs, this date's other runs
            // and the run this one replaces left out: what the store holds after the record, this run aside)
            List<HistoryPoint> history = MonitoredCheck.trendHistory(s, name, key, leftOut);
            MonitoredCheck.Outcome o = check.record(s, key, baseline, today.profile(), report, today.columns(),
                    history);
            if (!older.isEmpty()) {
                s.deleteRuns(older);
                ServerTables.deleteChecks(s.connection(), older);
            }
            return new Scored(o, history);
        });
        MonitoredCheck.Outcome o = scored.outcome();
        // the history by column, once: the report's sparklines read it
        Map<String, List<HistoryPoint>> byColumn = new LinkedHashMap<>();
        for (HistoryPoint h : scored.history()) {
            byColumn.computeIfAbsent(h.column(), k -> new ArrayList<>()).add(h);
        }
        String status = MonitoredCheck.verdict(o.report(), o.alarms()).name();
        boolean alarm = MonitoredCheck.fails(o.report(), o.alarms()); // the report carries the check's rule
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        CheckResult result = new CheckResult(name, key, status, alarm, today.profile().rows(), ms,
                baseline.description(), baseline.stored().roles(), o);
        String html = DriftHtmlReport.render("Drift check: " + name + " at " + key + " (run "
                + o.runId() + ")", o.report(), byColumn);
        String json = ReportJson.of(result);
        gate.with(name, s -> {
            if (o.replaced()) {
                ServerTables.deleteCheck(s.connection(), o.replacedRunId());
            }
            ServerTables.putCheck(s.connection(), new ServerTables.CheckRow(o.runId(), name, key, status,
                    alarm, today.profile().rows(), ms, now, trigger, false, null), json, html);
            return null;
        });
        return result;
    }
}
