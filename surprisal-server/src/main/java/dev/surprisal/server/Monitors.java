// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryChart;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.drift.config.SourceConfig;
import dev.surprisal.server.store.ServerTables;
import dev.surprisal.server.store.StoreGate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The monitors of a server, usable without HTTP: baselines, checks of a window, history, exclusions
 * and pauses. A check reads and counts its data outside the store, then enters the store only to
 * score against the baseline and record; one check per monitor runs at a time (a second is refused,
 * not queued), and timestamps come from the injected clock.
 */
public final class Monitors {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Monitors.class.getName());
    /** Called after every recorded check (alerts, metrics). */
    public interface Listener {
        /**
         * @param monitor the monitor
         * @param result the check
         */
        void onCheck(MonitorConfig monitor, CheckResult result);

        /**
         * Called when a check could not run to its end, whoever asked for it.
         *
         * @param monitor the monitor
         * @param trigger who asked (api, schedule, push, demo)
         * @param reason  skipped (no data for the window) or error (unreadable data, store, a bug)
         */
        default void onFailure(MonitorConfig monitor, String trigger, String reason) {
        }

        /**
         * Called when the schedule skipped windows (the server was down): only the latest runs.
         *
         * @param monitor the monitor
         * @param windows how many earlier windows were not run
         */
        default void onMissed(MonitorConfig monitor, int windows) {
        }
    }

    private final Map<String, java.util.concurrent.atomic.AtomicLong> missed = new ConcurrentHashMap<>();
    /** Per monitor, its current baseline's version and date-order warnings ({@link #dateOrderWarnings}). */
    private final Map<String, DateOrders> dateOrders = new ConcurrentHashMap<>();

    /**
     * Records windows the schedule did not run (see {@link Listener#onMissed}).
     *
     * @param name    the monitor
     * @param windows how many
     */
    public void missed(String name, int windows) {
        if (windows > 0) {
            MonitorConfig m = monitor(name);
            missed.computeIfAbsent(name, k -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(windows);
            listeners.forEach(l -> l.onMissed(m, windows));
        }
    }

    /**
     * @param name the monitor
     * @return the windows its schedule did not run since this server started (after downtime only the latest runs)
     */
    public long missedWindows(String name) {
        java.util.concurrent.atomic.AtomicLong n = missed.get(name);
        return n == null ? 0 : n.get();
    }

    private volatile ServerConfig config;
    private final StoreGate gate;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CheckRun checks;

    /**
     * @param config the monitors
     * @param gate the store
     * @param clock the time of checks
     */
    public Monitors(ServerConfig config, StoreGate gate, Clock clock) {
        this.config = config;
        this.gate = gate;
        this.clock = clock;
        this.checks = new CheckRun(this);
    }

    /** @param l called after each check */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** @return the configuration */
    public ServerConfig config() {
        return config;
    }

    /** @return the store */
    public StoreGate gate() {
        return gate;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /**
     * @param name a monitor
     * @return its definition
     * @throws MonitorException 404 listing the monitors
     */
    public MonitorConfig monitor(String name) {
        return config.monitor(name).orElseThrow(() -> new MonitorException(404, "unknown monitor '" + name
                + "'; monitors: " + String.join(", ", config.monitors().stream().map(MonitorConfig::name).toList())));
    }

    /**
     * Creates or replaces a monitor from its definition (the API's {@code PUT}), with the keys and
     * rules of a config file, and keeps the definition in the store so that it outlives a restart.
     * Monitors defined in config files are changed there, not here. Since the API is remote, a
     * definition may not name secrets ({@code ${env:NAME}}) or a database source, and its files
     * must lie under the config's directory.
     *
     * @param name       the monitor (the path's name; the body's {@code name} must match)
     * @param definition the monitor's mapping, YAML or JSON
     * @return the monitor and whether it was created (false: replaced)
     * @throws MonitorException 400 for a bad definition (naming the line and key), 409 for a monitor
     *                          defined in a config file
     */
    public Defined define(String name, String definition) {
        MonitorConfig m = MonitorDefinitions.parse(config, name, definition);
        synchronized (this) {
            Optional<MonitorConfig> old = config.monitor(name);
            if (old.isPresent() && !old.get().file().equals(config.baseDir().resolve("api").toString())) {
                throw new MonitorException(409, "monitor '" + name + "' is defined in " + old.get().file() + ":"
                        + old.get().line() + "; change it there");
            }
            gate.with(s -> {
                ServerTables.putMonitorDef(s.connection(), name, definition, clock.instant());
                return null;
            });
            install(m);
            return new Defined(m, old.isEmpty());
        }
    }

    /** What {@link #define} did. @param monitor the monitor @param created true when it is new */
    public record Defined(MonitorConfig monitor, boolean created) {
    }

    private synchronized void install(MonitorConfig m) {
        List<MonitorConfig> ms = new ArrayList<>(config.monitors());
        ms.removeIf(x -> x.name().equals(m.name()));
        ms.add(m);
        config = config.withMonitors(List.copyOf(ms));
    }

    /**
     * Adds the monitors created through the API, as the store keeps them, to those of the config
     * files (at start). A name now defined in a file keeps the file's monitor; a definition that
     * no longer reads (a removed notifier, say) is left out. Both are returned as notes.
     *
     * @return one line per definition left out
     */
    public List<String> loadDefined() {
        Map<String, String> defs = gate.fresh(s -> ServerTables.monitorDefs(s.connection()));
        List<String> notes = new ArrayList<>();
        defs.forEach((name, body) -> {
            if (config.monitor(name).isPresent()) {
                notes.add("monitor '" + name + "' created through the API is now defined in "
                        + config.monitor(name).get().file() + "; the file's definition is used");
                return;
            }
            try {
                install(MonitorDefinitions.parse(config, name, body));
            } catch (RuntimeException e) {
                notes.add("monitor '" + name + "' created through the API is left out: " + e.getMessage());
            }
        });
        return notes;
    }

    /**
     * Fits the monitor's reference and stores it as its baseline (a new version if one exists).
     *
     * @param name the monitor
     * @return the reference's profile, as stored: its rows, and its date columns whose order of day and month the data
     *         did not decide ({@link Profile#dateOrderWarnings()})
     */
    public Profile fitBaseline(String name) {
        MonitorConfig m = monitor(name);
        if (m.reference() == null) {
            throw new MonitorException(409, "monitor '" + name + "' has no reference in its config; create its baseline "
                    + "with 'surprisal drift baseline --monitor " + name + " --data FILE --store " + gate.location() + "'");
        }
        Profile p = Sources.fit(m, m.reference());
        DriftStore.BaselineSaved saved = gate.with(name, s -> s.saveBaseline(name, p));
        // known here: the page and GET of the monitor need not parse the profile back to show them
        dateOrders.put(name, new DateOrders(saved.version(), p.dateOrderWarnings()));
        return p;
    }

    /**
     * Stores a profile computed elsewhere (e.g. on Spark) as a window's data and checks it.
     *
     * @param name    the monitor
     * @param window  the window
     * @param today   the profile, counted on the baseline's bins
     * @param trigger who asked (api, schedule)
     * @return the check
     */
    public CheckResult checkProfile(String name, Window window, Profile today, String trigger) {
        return checkProfile(name, window, today, trigger, false);
    }

    /**
     * Stores a profile computed elsewhere as a window's data and checks it, again if asked.
     *
     * @param name    the monitor
     * @param window  the window
     * @param today   the profile, counted on the baseline's bins
     * @param trigger who asked (api, schedule)
     * @param recheck true to check a window that was already checked (the new run replaces it)
     * @return the check
     * @throws AlreadyChecked (409) when the window was checked and {@code recheck} is false
     */
    public CheckResult checkProfile(String name, Window window, Profile today, String trigger, boolean recheck) {
        return checks.run(name, window, trigger, recheck, ref -> new Sources.Counted(today, null));
    }

    /**
     * Checks one window of a monitor's source.
     *
     * @param name    the monitor
     * @param window  the window
     * @param trigger who asked (api, schedule, demo)
     * @return the check
     * @throws MonitorException 409 when a check of this monitor is running
     * @throws AlreadyChecked   (409) when the window was checked already
     * @throws SourceException  when the window has no data or cannot be read
     */
    public CheckResult check(String name, Window window, String trigger) {
        return check(name, window, trigger, false);
    }

    /**
     * Checks one window of a monitor's source, again if asked. A window is checked once: a second
     * check of the same data ({@link Window#key(SourceConfig)}: for a source chosen by date, any
     * window of that date) against the same baseline is refused unless {@code recheck} is true;
     * then the new run replaces the earlier one (also one recorded under an older key of that date).
     *
     * @param name    the monitor
     * @param window  the window
     * @param trigger who asked (api, schedule, demo)
     * @param recheck true to check a window that was already checked (a corrected file)
     * @return the check
     * @throws MonitorException 409 when a check of this monitor is running
     * @throws AlreadyChecked   (409) when the window was checked and {@code recheck} is false
     * @throws SourceException  when the window has no data or cannot be read
     */
    public CheckResult check(String name, Window window, String trigger, boolean recheck) {
        MonitorConfig m = monitor(name);
        return checks.run(name, window, trigger, recheck, ref -> Sources.count(m.source(), window, ref));
    }

    /**
     * A check refused because its window was checked already against the current baseline (HTTP
     * 409); the message names the run and how to check again.
     */
    public static final class AlreadyChecked extends MonitorException {
        private static final long serialVersionUID = 1L;
        /** The earlier check. */
        private final transient ServerTables.CheckRow earlier;

        AlreadyChecked(String name, String key, ServerTables.CheckRow earlier) {
            super(409, "window " + key + " of monitor '" + name + "' was already checked as run " + earlier.runId()
                    + " (" + earlier.status() + ", window " + earlier.window() + "); read it at GET /api/v1/monitors/"
                    + name + "/checks/" + earlier.runId() + ", or post {\"window\": \"" + key
                    + "\", \"recheck\": true} to check it again (the new run replaces it)");
            this.earlier = earlier;
        }

        /** @return the earlier check */
        public ServerTables.CheckRow earlier() {
            return earlier;
        }
    }

    /**
     * Applies {@code retention-days}: a check older than that (by this server's clock) is deleted
     * everywhere at once, its run with its scores and alarms from the drift store that {@code /history},
     * the dashboard, trends and rolling references read, and its record (exclusion and reports included)
     * from the server's table; so an excluded run cannot come back into a trend by losing its record.
     * Runs of this server's monitors recorded by the command line (no server record) go when the store
     * recorded them longer ago than that.
     *
     * @param now the time
     * @return the runs deleted
     */
    public int applyRetention(Instant now) {
        return Retention.apply(config, gate, now);
    }

    /**
     * What the monitor list shows of each monitor from the store.
     *
     * @param paused whether its schedule is paused (the store's say, else the config's)
     * @param last   its latest check, or empty before the first
     */
    public record State(boolean paused, Optional<ServerTables.CheckRow> last) {
    }

    /**
     * Every monitor's state in one visit to the store (two queries, not two per monitor), kept as
     * one read answer that a write of any monitor forgets.
     *
     * @return the state by monitor name, for every monitor of the config
     */
    public Map<String, State> states() {
        record Stored(Map<String, ServerTables.CheckRow> last, Map<String, Boolean> paused) {
        }
        Stored st = gate.read(StoreGate.ALL_MONITORS + "states", s -> new Stored(
                ServerTables.lastChecks(s.connection()), ServerTables.pausedAll(s.connection())));
        Map<String, State> out = new LinkedHashMap<>();
        for (MonitorConfig m : config.monitors()) {
            out.put(m.name(), new State(st.paused().getOrDefault(m.name(), m.paused()),
                    Optional.ofNullable(st.last().get(m.name()))));
        }
        return out;
    }

    /**
     * @param name the monitor
     * @return whether its schedule is paused (the store's say, else the config's)
     */
    public boolean paused(String name) {
        MonitorConfig m = monitor(name);
        return gate.read("paused/" + name, s -> ServerTables.paused(s.connection(), name)).orElse(m.paused());
    }

    /**
     * @param name the monitor
     * @param paused pause or resume its schedule
     */
    public void setPaused(String name, boolean paused) {
        monitor(name);
        gate.with(name, s -> {
            ServerTables.setPaused(s.connection(), name, paused);
            return null;
        });
    }

    /**
     * Recorded checks of a monitor, newest first, a page at a time.
     *
     * @param name   the monitor
     * @param before only runs with a smaller id ({@code Long.MAX_VALUE} for the first page)
     * @param limit  the most rows
     * @return the checks
     * @throws MonitorException (404) for an unknown monitor
     */
    public List<ServerTables.CheckRow> checks(String name, long before, int limit) {
        monitor(name);
        return gate.read("checks/" + name + "/" + before + "/" + limit,
                s -> ServerTables.checks(s.connection(), name, before, limit));
    }

    /**
     * One recorded check.
     *
     * @param name  the monitor
     * @param runId the run
     * @return the check
     * @throws MonitorException (404) for an unknown monitor or run
     */
    public ServerTables.CheckRow checkRow(String name, long runId) {
        monitor(name);
        return gate.read("check/" + name + "/" + runId, s -> ServerTables.check(s.connection(), name, runId)).orElseThrow(() ->
                new MonitorException(404, "monitor '" + name + "' has no check " + runId));
    }

    /**
     * A recorded check's report.
     *
     * @param name  the monitor
     * @param runId the run
     * @param html  true for the HTML page, false for the JSON
     * @return the report
     * @throws MonitorException (404) for an unknown monitor or run
     */
    public String report(String name, long runId, boolean html) {
        monitor(name);
        return gate.read("report/" + name + "/" + runId + "/" + html, s -> ServerTables.report(s.connection(), name, runId, html))
                .orElseThrow(() ->
                new MonitorException(404, "monitor '" + name + "' has no check " + runId));
    }

    /**
     * A recorded check as the API answers it: the stored check in today's form ({@link
     * ReportJson#upgrade}) with the server's record of it ({@code excluded}, {@code exclude_reason},
     * {@code trigger}, {@code created_at}). The text is made once per run and kept with the reads of
     * this monitor ({@link StoreGate#read}), so it is made again only after a write of this monitor
     * (an exclusion, a re-run) or when the kept reads expire.
     *
     * @param name  the monitor
     * @param runId the run
     * @return the JSON text
     * @throws MonitorException (404) for an unknown monitor or run
     */
    public String checkJson(String name, long runId) {
        monitor(name);
        String json = gate.read("check-json/" + name + "/" + runId, s -> {
            ServerTables.CheckRow row = ServerTables.check(s.connection(), name, runId).orElse(null);
            String stored = row == null ? null : ServerTables.report(s.connection(), name, runId, false).orElse(null);
            return stored == null ? null : ReportJson.answer(stored, row);
        });
        if (json == null) {
            throw new MonitorException(404, "monitor '" + name + "' has no check " + runId);
        }
        return json;
    }

    /**
     * Leaves a run out of trend history and the dashboard's series, without deleting it.
     *
     * @param name   the monitor
     * @param runId  the run
     * @param reason why, as the user gave it (shown beside the run)
     * @throws MonitorException (404) for an unknown monitor or run
     */
    public void exclude(String name, long runId, String reason) {
        checkRow(name, runId);
        gate.with(name, s -> ServerTables.exclude(s.connection(), name, runId, reason));
    }

    /**
     * A monitor's history, excluded runs left out, oldest first.
     *
     * @param name   the monitor
     * @param column one column, or null for all
     * @return the points
     * @throws MonitorException (404) for an unknown monitor
     */
    public List<HistoryPoint> history(String name, String column) {
        monitor(name);
        return gate.read("history/" + name + "/" + column, s -> {
            Set<Long> excluded = new HashSet<>(ServerTables.excluded(s.connection(), name));
            return s.history(name, column).stream().filter(h -> !excluded.contains(h.runId())).toList();
        });
    }

    /**
     * A monitor's history laid out as the page and {@code /history} show it ({@link HistoryChart}, the
     * rule the command line's sparklines use): excluded runs left out, the days with no check recorded
     * by the monitor's zone, and the reason of each off-scale point from its stored missing share
     * against the current baseline's.
     *
     * @param name   the monitor
     * @param column one column, or null for all
     * @return the chart
     * @throws MonitorException (404) for an unknown monitor
     */
    public HistoryChart historyChart(String name, String column) {
        MonitorConfig m = monitor(name);
        List<HistoryPoint> points = history(name, column);
        Optional<Profile> reference = gate.read("baseline/" + name, s -> s.reference(name)
                .map(DriftStore.Reference::profile));
        // the days checked are the runs', an excluded run's too: left out of the history, it is no missing day
        List<String> runTimes = gate.read("runtimes/" + name, s -> s.runTimes(name));
        return HistoryChart.of(points, runTimes, java.time.ZoneId.of(m.zone()), reference.orElse(null));
    }

    /**
     * Why monitors cannot run now ({@link ServerConfig#unrunnable}, the rule {@code serve
     * --check-config} applies too): one sentence per monitor whose store holds no baseline and whose
     * reference is a local file or folder that does not exist. {@code /readyz} is not ready while
     * there is one, and the server logs them at start.
     *
     * @return the reasons, in monitor order (empty: every monitor can run)
     */
    public List<String> unrunnable() {
        return config.unrunnable(this::hasBaseline);
    }

    /**
     * Whether the store holds a baseline for the monitor.
     *
     * @param name the monitor
     * @return true if it has one
     * @throws MonitorException (404) for an unknown monitor
     */
    public boolean hasBaseline(String name) {
        monitor(name);
        // the reference's text only: its profile is parsed when asked for, and here it is not
        return gate.read("has-baseline/" + name, s -> s.reference(name).isPresent());
    }

    /**
     * @param name the monitor
     * @return the version of its current baseline, 0 before the first
     * @throws MonitorException (404) for an unknown monitor
     */
    public int baselineVersion(String name) {
        monitor(name);
        return gate.read("baseline-version/" + name, s -> s.reference(name).map(DriftStore.Reference::version).orElse(0));
    }

    /**
     * The current baseline's date columns whose order of day and month the data did not decide, whoever fitted it
     * (the server at a first check, {@code POST .../baselines}, the CLI): the dashboard and {@code GET} of the monitor
     * show them where the baseline is shown, since a baseline the server fits by itself is otherwise only logged.
     *
     * @param name the monitor
     * @return the warnings, in column order; empty before the first baseline
     * @throws MonitorException (404) for an unknown monitor
     */
    public List<dev.surprisal.data.profile.DateOrderWarning> dateOrderWarnings(String name) {
        monitor(name);
        // the version and the profile of one read, so that warnings are never kept under another baseline's version
        Optional<DriftStore.Reference> ref = gate.read("reference/" + name, s -> s.reference(name));
        if (ref.isEmpty()) {
            return List.of();
        }
        DateOrders known = dateOrders.get(name);
        if (known != null && known.version() == ref.get().version()) {
            return known.warnings();
        }
        // a large reference takes seconds to parse: once per baseline version, not per GET of the monitor
        DateOrders now = new DateOrders(ref.get().version(), ref.get().profile().dateOrderWarnings());
        dateOrders.put(name, now);
        return now.warnings();
    }

    /** A baseline version's date-order warnings ({@link #dateOrderWarnings}). */
    private record DateOrders(int version, List<dev.surprisal.data.profile.DateOrderWarning> warnings) {
    }

    /**
     * The latest check of the monitor.
     *
     * @param name the monitor
     * @return the check, or empty before the first
     * @throws MonitorException (404) for an unknown monitor
     */
    public Optional<ServerTables.CheckRow> last(String name) {
        return checks(name, Long.MAX_VALUE, 1).stream().findFirst();
    }

    void notifyListeners(MonitorConfig m, CheckResult r) {
        for (Listener l : listeners) {
            l.onCheck(m, r);
        }
    }

    /** Tells the listeners that a check could not run to its end ({@link Listener#onFailure}). */
    void notifyFailure(MonitorConfig m, String trigger, String reason) {
        listeners.forEach(l -> l.onFailure(m, trigger, reason));
    }
}
