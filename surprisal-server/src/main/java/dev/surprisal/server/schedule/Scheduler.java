// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server.schedule;

import dev.surprisal.server.MonitorException;
import dev.surprisal.server.Monitors;
import dev.surprisal.server.SourceException;
import dev.surprisal.server.Window;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.server.store.ServerTables;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs monitors on their cron schedules, from an injected clock. At each {@link #tick()} a monitor's
 * due window is the span between its two latest fire times up to now; it runs if it is not the last
 * window recorded for the monitor in the store. So after downtime only the latest missed window runs
 * (the skipped ones are counted and reported), a window never runs twice (also across restarts), and
 * a monitor whose check is still running is left for the next tick (no overlapping runs). Each tick
 * also applies the retention setting ({@code retention-days}): see {@link Monitors#applyRetention}.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private final Monitors monitors;
    private final Clock clock;
    private final java.util.Map<String, java.util.concurrent.locks.ReentrantLock> due =
            new java.util.concurrent.ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /**
     * What one tick did for one monitor.
     *
     * @param monitor the monitor
     * @param window  the window run (or tried)
     * @param outcome ran, skipped (no data yet: logged at INFO, no failure), busy (a check was running),
     *                checked already (through the API: not run again), error (unreadable data, a bug: the message
     *                says; logged as a WARNING)
     * @param missed  earlier windows since the last recorded one that were not run
     * @param runId   the run, or -1
     * @param message a sentence for the log
     */
    public record Tick(String monitor, String window, String outcome, int missed, long runId, String message) {
    }

    /**
     * @param monitors the monitors
     * @param clock    the time
     */
    public Scheduler(Monitors monitors, Clock clock) {
        this.monitors = monitors;
        this.clock = clock;
    }

    /** @return what ran now, one entry per monitor that had a due window */
    public List<Tick> tick() {
        List<Tick> out = new ArrayList<>();
        Instant now = clock.instant();
        int deleted = monitors.applyRetention(now);
        if (deleted > 0) {
            LOG.info("retention: deleted " + deleted + " check(s) older than " + monitors.config().retentionDays()
                    + " days, with their history, scores and records");
        }
        for (MonitorConfig m : monitors.config().monitors()) {
            if (m.schedule() == null) {
                continue;
            }
            try {
                tick(m, now).ifPresent(out::add);
            } catch (RuntimeException e) {
                out.add(new Tick(m.name(), null, "error", 0, -1, "schedule of monitor " + m.name() + " failed: "
                        + e.getMessage()));
            }
        }
        for (Tick t : out) {
            LOG.log(t.outcome().equals("error") ? Level.WARNING : Level.INFO, t.message());
        }
        return out;
    }

    private Optional<Tick> tick(MonitorConfig m, Instant now) {
        // one decision per monitor at a time: reading the last window, running and marking it are one step
        java.util.concurrent.locks.ReentrantLock lock = due.computeIfAbsent(m.name(),
                k -> new java.util.concurrent.locks.ReentrantLock());
        if (!lock.tryLock()) {
            return Optional.of(new Tick(m.name(), null, "busy", 0, -1, "monitor " + m.name()
                    + ": its scheduled check is still running"));
        }
        try {
            return decide(m, now);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Tick> decide(MonitorConfig m, Instant now) {
        ZoneId zone = ZoneId.of(m.zone());
        Cron cron = Cron.parse(m.schedule(), zone);
        Instant fire = cron.latestAtOrBefore(now);
        if (fire == null) {
            return Optional.empty();
        }
        Instant previous = cron.latestAtOrBefore(fire.minusSeconds(1));
        Window w = new Window(previous == null ? fire.minus(Duration.ofDays(1)) : previous, fire, zone);
        Optional<String> last = monitors.gate().fresh(s -> ServerTables.lastWindow(s.connection(), m.name()));
        if (last.isPresent() && last.get().equals(w.key())) {
            return Optional.empty();
        }
        if (monitors.paused(m.name())) {
            return Optional.empty();
        }
        int missed = 0;
        if (last.isPresent()) {
            Instant lastStart = Window.parse(last.get(), zone).start();
            for (Instant t = cron.nextAfter(lastStart); t != null && t.isBefore(w.start()); t = cron.nextAfter(t)) {
                missed++;
            }
        }
        // the mark keeps the window's start (missed windows are counted from it); the check's key is what it reads
        String key = w.key(m.source());
        try {
            var r = monitors.check(m.name(), w, "schedule");
            mark(m, w);
            monitors.missed(m.name(), missed); // counted once the window is marked, so a busy retry does not count twice
            return Optional.of(new Tick(m.name(), key, "ran", missed, r.runId(), "checked " + m.name() + " window "
                    + key + ": " + r.status() + (missed > 0 ? "; " + missed + " earlier missed window(s) not run" : "")));
        } catch (Monitors.AlreadyChecked e) {
            mark(m, w); // checked through the API before the schedule came to it: once is enough
            monitors.missed(m.name(), missed);
            return Optional.of(new Tick(m.name(), key, "checked already", missed, e.earlier().runId(), "monitor "
                    + m.name() + " window " + key + " was already checked as run " + e.earlier().runId()
                    + "; not run again"));
        } catch (MonitorException e) {
            if (e.status() == 409) {
                return Optional.of(new Tick(m.name(), key, "busy", missed, -1, e.getMessage()));
            }
            throw new IllegalStateException("window " + key + ": " + e.getMessage(), e);
        } catch (SourceException e) {
            mark(m, w); // the failure is counted by the monitors' listeners (metrics), as a check from the API is
            monitors.missed(m.name(), missed);
            // a window whose data has not arrived (every start-up, before the day's file) is no failure (README,
            // surprisal_check_failures_total): "skipped" at INFO; data that do not read are the metrics' "error"
            boolean noData = e instanceof dev.surprisal.server.Sources.NoDataException;
            return Optional.of(new Tick(m.name(), key, noData ? "skipped" : "error", missed, -1, (noData ? "skipped "
                    : "could not check ") + m.name() + " window " + key + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("window " + key + ": " + e.getMessage(), e);
        }
    }

    private void mark(MonitorConfig m, Window w) {
        monitors.gate().with(s -> {
            ServerTables.setLastWindow(s.connection(), m.name(), w.key(), clock.instant());
            return null;
        });
    }

    /** @param period how often to tick (e.g. 20 s) */
    public synchronized void start(Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "surprisal-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
