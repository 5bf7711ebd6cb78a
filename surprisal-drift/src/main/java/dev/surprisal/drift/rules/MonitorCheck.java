// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.rules;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.ColumnRules;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Freshness;
import dev.surprisal.drift.SchemaChange;
import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.config.ConfigLoader;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.RunTime;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.drift.store.StoreUrl;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Check this batch for this monitor with this monitor file's settings": what {@code surprisal drift
 * check --monitor M --data FILE [--config monitors.yaml]} does, as one library call, so a Java program
 * and the command line reach the same verdict on the same files.
 *
 * <pre>
 * MonitorCheck check = MonitorCheck.fromFile(Path.of("monitors.yaml"), "orders");
 * MonitoredCheck.Outcome o = check.run(StoreUrl.parse(".surprisal/drift.duckdb"), "2024-05-02",
 *         TableReader.open(Path.of("today.csv")));
 * o.schema().notes();                               // columns gone or new today, in words
 * MonitoredCheck.fails(o.report(), o.alarms());     // exit code 1 on the command line
 * </pre>
 *
 * <p>The rule is the library's defaults, then the baseline's stored rule, then the monitor file's
 * settings, then {@link #withSettings} (the command line's options); the bands per column are the
 * file's ({@code thresholds}). With a monitor file the columns checked are the baseline's (it was
 * fitted on the file's columns and roles); without one {@link #withSelection} narrows them, as
 * {@code --columns} and {@code --exclude} do. A batch's day for the stale-data rule is its date in
 * {@link #withZone} (the monitor file's {@code schedule.zone} as the server reads it, else UTC, as the
 * command line reads {@code --at}); the trend rule is
 * {@link TrendRule#defaults()}.
 *
 * <p>A caller that counts the batch itself (another engine, a progress bar) runs the two halves:
 * {@link #baseline} on an open store, then {@link #record} on a store opened again, so the store is
 * not held while the file is read; {@link #run} does exactly that. The server's checks run these two
 * halves too, so a server check and {@code drift check --config} of the same file, store and day reach
 * the same verdict, alarms and notes ({@link MonitoredCheck.Outcome#notes()}: the schema change, the
 * days with no run before it). With the monitor file's {@code rolling} the batch is compared with the
 * latest batches checked before it ({@link #withRolling}), on the command line as on the server.
 */
public final class MonitorCheck {
    private final String monitor;
    private final Map<String, String> settings;
    private final ColumnRules bands;
    private final RoleOverrides selection;
    private final ZoneId zone;
    private final Base base;
    private final TrendRule trend;
    private final int rolling;
    /** The lag check's limit ({@link Freshness#withMaxLag}), or null: off. */
    private final java.time.Duration maxLag;
    /** The lag check's "now" when the run time is not the check's time (a check without --at), or null. */
    private final java.time.Instant clock;

    private MonitorCheck(String monitor, Map<String, String> settings, ColumnRules bands, RoleOverrides selection,
                         ZoneId zone, Base base, TrendRule trend, int rolling, java.time.Duration maxLag,
                         java.time.Instant clock) {
        this.monitor = monitor;
        this.settings = Map.copyOf(settings);
        this.bands = bands;
        this.selection = selection;
        this.zone = zone;
        this.base = base;
        this.trend = trend;
        this.rolling = rolling;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    /**
     * A check of a monitor without a monitor file: the baseline's stored rule, every column of it,
     * no per-column bands ({@code surprisal drift check --monitor M}).
     *
     * @param monitor the monitor's name in the store
     * @return the check
     */
    public static MonitorCheck of(String monitor) {
        Validate.notNull("monitor", monitor);
        return new MonitorCheck(monitor, Map.of(), ColumnRules.none(), RoleOverrides.none(), ZoneOffset.UTC, Base.BITS,
                TrendRule.defaults(), 0, null, null);
    }

    /**
     * A check of a monitor with its monitor file's settings: its rule keys and its per-column bands
     * ({@code surprisal drift check --monitor M --config FILE}).
     *
     * @param monitor the monitor as read from its file ({@link ConfigLoader#monitor(Path, String)})
     * @return the check
     */
    public static MonitorCheck of(MonitorConfig monitor) {
        Validate.notNull("monitor", monitor);
        // the file's zone (schedule.zone, UTC by default), as the server reads it: a batch's day must not differ
        // between the server and a Java program given the same file (review12b)
        return new MonitorCheck(monitor.name(), monitor.settings(), monitor.bands(), RoleOverrides.none(),
                ZoneId.of(monitor.zone()), Base.BITS, TrendRule.defaults(), monitor.rolling(), monitor.maxLag(), null);
    }

    /**
     * @param overrides rule settings by key ({@link DriftOptions#KEYS}), applied after the monitor
     *                  file's, as the command line's options are
     * @return this check with them
     */
    public MonitorCheck withSettings(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(overrides);
        return new MonitorCheck(monitor, all, bands, selection, zone, base, trend, rolling, maxLag, clock);
    }

    /**
     * @param columns the baseline columns to check ({@code --columns}, {@code --exclude}); every
     *                name must be one of the baseline's
     * @return this check with them
     */
    public MonitorCheck withSelection(RoleOverrides columns) {
        Validate.notNull("columns", columns);
        return new MonitorCheck(monitor, settings, bands, columns, zone, base, trend, rolling, maxLag, clock);
    }

    /**
     * @param monitorZone the zone whose date of a run time is the batch's day (the stale-data rule)
     * @return this check in that zone
     */
    public MonitorCheck withZone(ZoneId monitorZone) {
        Validate.notNull("zone", monitorZone);
        return new MonitorCheck(monitor, settings, bands, selection, monitorZone, base, trend, rolling, maxLag, clock);
    }

    /**
     * @param unit the unit of the divergences in the report (bits by default)
     * @return this check reporting in it
     */
    public MonitorCheck withBase(Base unit) {
        Validate.notNull("base", unit);
        return new MonitorCheck(monitor, settings, bands, selection, zone, unit, trend, rolling, maxLag, clock);
    }

    /**
     * @param rule the trend rule, or null for level and dataset alarms only
     * @return this check with it
     */
    public MonitorCheck withTrend(TrendRule rule) {
        return new MonitorCheck(monitor, settings, bands, selection, zone, base, rule, rolling, maxLag, clock);
    }

    /**
     * @param windows 0 to compare each batch with the baseline; N to compare it with the latest N batches
     *                checked before it against the same baseline, their counts added on its bins (the
     *                monitor file's {@code rolling}); until one has been checked the baseline stands in
     * @return this check with that reference
     * @throws dev.surprisal.core.ValidationException if {@code windows} is negative or above
     *         {@link MonitorConfig#MAX_ROLLING}
     */
    public MonitorCheck withRolling(int windows) {
        if (windows < 0 || windows > MonitorConfig.MAX_ROLLING) {
            throw new dev.surprisal.core.ValidationException("rolling: expected 0 to " + MonitorConfig.MAX_ROLLING
                    + " windows, got " + windows);
        }
        return new MonitorCheck(monitor, settings, bands, selection, zone, base, trend, windows, maxLag, clock);
    }

    /**
     * The lag check of the stale-data rule: WARN when a batch's newest timestamp lies more than {@code limit}
     * before the check's time ({@link Freshness#withMaxLag}, {@code --max-lag}, the monitor file's
     * {@code max-lag}).
     *
     * @param limit the longest lag allowed, positive, or null to turn the check off
     * @param now   the check's time when the run time given to {@link #baseline} is not it (a check
     *              filed under today's date, run now), or null: the run time is the check's time
     * @return this check with the lag check
     */
    public MonitorCheck withMaxLag(java.time.Duration limit, java.time.Instant now) {
        return new MonitorCheck(monitor, settings, bands, selection, zone, base, trend, rolling, limit, now);
    }

    /** @return the lag check's limit, or null when it is off */
    public java.time.Duration maxLag() {
        return maxLag;
    }

    /** @return the monitor's name */
    public String monitor() {
        return monitor;
    }

    /**
     * What a batch is scored against, read from the store.
     *
     * @param version     the baseline version
     * @param stored      the baseline as stored (every column it knows)
     * @param reference   the baseline's columns this check compares: what the batch is counted on
     * @param against     what the batch's counts are compared with: {@code reference}, or for a rolling
     *                    check the latest batches before it, counted on the same bins
     * @param description {@code against} in words ("baseline version 3", or the batches of a rolling
     *                    reference)
     * @param options     the rule: defaults, the stored rule, the monitor file's, the overrides
     * @param freshness   what the batch is checked for stale data against
     */
    public record Baseline(int version, Profile stored, Profile reference, Profile against, String description,
                           DriftOptions options, Freshness freshness) {
    }

    /**
     * Reads the monitor's baseline and the batch before {@code at} (step one of {@link #run}).
     *
     * @param store an open store
     * @param at    the batch's run time, an ISO date or date-time ({@link RunTime})
     * @return the baseline, its rule and the stale-data rule of this batch
     * @throws StoreException naming the store's monitors if it has no baseline for the monitor
     * @throws dev.surprisal.core.ValidationException naming the option for a bad setting or column
     */
    public Baseline baseline(DriftStore store, String at) {
        return baseline(store, at, Set.of());
    }

    /**
     * {@link #baseline(DriftStore, String)} with runs left out of the history (a server's excluded runs):
     * they are neither the batch before this one for the stale-data rule nor part of a rolling reference.
     *
     * @param store   an open store
     * @param at      the batch's run time, an ISO date or date-time ({@link RunTime})
     * @param leftOut runs left out
     * @return the baseline, its rule, what the batch is compared with and its stale-data rule
     * @throws StoreException naming the store's monitors if it has no baseline for the monitor
     * @throws dev.surprisal.core.ValidationException naming the option for a bad setting or column
     */
    public Baseline baseline(DriftStore store, String at, Set<Long> leftOut) {
        RunTime.day(at, zone); // an unreadable run time is refused before anything is read
        DriftStore.Reference ref = requireBaseline(store, monitor);
        Profile stored = ref.profile();
        // an exclude of a column the baseline already left out (a monitor file's exclude, an id) changes nothing:
        // not "no column" (audit12: the --help examples, run in order, failed there)
        List<String> known = new java.util.ArrayList<>(stored.columnNames());
        selection.exclude().stream().filter(stored.excluded()::contains).forEach(known::add);
        selection.validate(known, null);
        Profile reference = stored.select(selection.selected(stored.columnNames()));
        DriftOptions options = DriftOptions.defaults().withSettings(stored.rule()).withSettings(settings);
        // one read of the batches before this one: the latest is the stale-data rule's, the latest `rolling`
        // the rolling reference. "Before" is by run time, so a re-check of a day does not find itself
        int wanted = Math.max(1, rolling);
        List<DriftStore.RunProfile> before = store.runProfiles(monitor, ref.version(), at, wanted + leftOut.size())
                .stream().filter(r -> !leftOut.contains(r.runId())).limit(wanted).toList();
        Freshness freshness = MonitoredCheck.freshness(before, at, zone)
                .withMaxLag(clock != null ? clock : RunTime.parse(at, zone), maxLag);
        String fixed = "baseline version " + ref.version();
        if (rolling == 0) {
            return new Baseline(ref.version(), stored, reference, reference, fixed, options, freshness);
        }
        if (before.isEmpty()) {
            return new Baseline(ref.version(), stored, reference, reference, fixed + " (rolling over " + rolling
                    + " windows, but no window before " + at + " has been checked yet)", options, freshness);
        }
        Profile merged = DriftStore.RunProfile.rolling(before, stored);
        if (!reference.columnNames().stream().allMatch(merged::has)) {
            // the earlier batches were checked on fewer columns (another --columns): they cannot stand for this one
            return new Baseline(ref.version(), stored, reference, reference, fixed + " (rolling over " + rolling
                    + " windows, but the windows before " + at + " were checked on other columns)", options, freshness);
        }
        Profile against = merged.select(reference.columnNames());
        List<String> windows = before.stream().map(DriftStore.RunProfile::at).sorted().toList();
        return new Baseline(ref.version(), stored, reference, against, "rolling: the " + before.size()
                + (before.size() == 1 ? " window " : " windows ") + String.join(", ", windows) + " (of " + rolling
                + " asked), on the bins of " + fixed, options, freshness);
    }

    /**
     * Scores a batch counted on the baseline's bins, says how its columns differ from the baseline's and
     * which days before it have no run, derives the alarms and records the check (step two of {@link #run}).
     *
     * @param store    an open store
     * @param at       the batch's run time, as given to {@link #baseline}
     * @param baseline what {@link #baseline} read
     * @param today    the batch counted on {@code baseline.reference()}'s roles and bins
     * @param columns  the batch's own columns (its file's header), for the schema change; null when
     *                 unknown (a profile counted elsewhere), and then the outcome has no schema change
     * @return the recorded run with its report, alarms, schema change and missing days before it
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public MonitoredCheck.Outcome record(DriftStore store, String at, Baseline baseline, Profile today,
                                         List<String> columns) {
        return record(store, at, baseline, today, columns, Set.of());
    }

    /**
     * {@link #record(DriftStore, String, Baseline, Profile, List)} with runs left out of the trend
     * rule's history (a server's excluded runs; they still count as days checked).
     *
     * @param store    an open store
     * @param at       the batch's run time, as given to {@link #baseline}
     * @param baseline what {@link #baseline} read
     * @param today    the batch counted on {@code baseline.reference()}'s roles and bins
     * @param columns  the batch's own columns, or null when unknown
     * @param leftOut  runs left out of the trend history
     * @return the recorded run with its report, alarms, schema change and missing days before it
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public MonitoredCheck.Outcome record(DriftStore store, String at, Baseline baseline, Profile today,
                                         List<String> columns, Set<Long> leftOut) {
        DriftReport report = score(baseline, today);
        List<dev.surprisal.drift.store.HistoryPoint> history = trend == null ? List.of()
                : MonitoredCheck.trendHistory(store, monitor, at, leftOut);
        return record(store, at, baseline, today, report, columns, history);
    }

    /**
     * Records a check already scored ({@link #score}) against the trend history already read
     * ({@link MonitoredCheck#trendHistory}): for a caller that scores before it takes the store (a server,
     * whose other monitors' writes and reads must not wait for a slow check) and reads the history once,
     * for the trend rule and its own report alike.
     *
     * @param store        an open store
     * @param at           the batch's run time, as given to {@link #baseline}
     * @param baseline     what {@link #baseline} read
     * @param today        the batch counted on {@code baseline.reference()}'s roles and bins
     * @param report       {@link #score}'s report of {@code today} against {@code baseline}
     * @param columns      the batch's own columns, or null when unknown
     * @param trendHistory the history the trend rule compares with ({@link MonitoredCheck#trendHistory})
     * @return the recorded run with its report, alarms, schema change and missing days before it
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public MonitoredCheck.Outcome record(DriftStore store, String at, Baseline baseline, Profile today,
                                         DriftReport report, List<String> columns,
                                         List<dev.surprisal.drift.store.HistoryPoint> trendHistory) {
        return MonitoredCheck.recordAgainst(store, monitor, at, baseline.version(), today, report, trend, trendHistory)
                .withSchema(schema(baseline, columns))
                .withMissingDaysBefore(MonitoredCheck.missingBefore(store, monitor, at, zone).orElse(null));
    }

    /**
     * What {@link #record} finds — the scores, the alarms against the stored history, the schema
     * change, the missing days before the batch — without writing anything: for a store this process
     * may only read ({@code drift check} on a store opened with {@link DriftStore#openReadOnly} prints
     * the verdict and says it was not recorded). The outcome's run id and replaced run id are -1, since
     * no run exists.
     *
     * @param store    an open store, read only (the trend rule reads the history)
     * @param at       the batch's run time, as given to {@link #baseline}
     * @param baseline what {@link #baseline} read
     * @param today    the batch counted on {@code baseline.reference()}'s roles and bins
     * @param columns  the batch's own columns (its file's header), for the schema change, or null when unknown
     * @return the outcome, not recorded (run id -1)
     * @throws StoreException if the store cannot be read
     */
    public MonitoredCheck.Outcome scoreWithoutRecording(DriftStore store, String at, Baseline baseline, Profile today,
                                                        List<String> columns) {
        DriftReport report = score(baseline, today);
        // the trend history as the check would have it recorded: a run of this day is the one it would replace
        List<dev.surprisal.drift.store.HistoryPoint> history = trend == null ? List.of()
                : MonitoredCheck.trendHistory(store, monitor, at, Set.of());
        return new MonitoredCheck.Outcome(-1, report, MonitoredCheck.alarms(report, history, trend), -1)
                .withSchema(schema(baseline, columns))
                .withMissingDaysBefore(MonitoredCheck.missingBefore(store, monitor, at, zone).orElse(null));
    }

    /**
     * A check as the store left it ({@link #recordOrScore}).
     *
     * @param outcome     the scores, alarms and notes (run id -1 when not recorded)
     * @param checks      the monitor's checks against this baseline, this one included (0 when not recorded)
     * @param notRecorded why the check was not recorded ("the store … is read-only (…)"), or null when it was
     * @param history     the monitor's history against this baseline as the store holds it after the check,
     *                    oldest first, for a report's sparklines; null when not asked for
     */
    public record Checked(MonitoredCheck.Outcome outcome, long checks, String notRecorded,
                          List<dev.surprisal.drift.store.HistoryPoint> history) {
        /** @return true when the check is in the store's history */
        public boolean recorded() {
            return notRecorded == null;
        }
    }

    /**
     * Records a check ({@link #record}); on a store this process may not write (a DuckDB file or directory it
     * may only read), scores it on a read-only connection instead ({@link #scoreWithoutRecording}), so the
     * verdict and alarms still stand, with why the check was not recorded: what {@code surprisal drift check}
     * does. An alarm is an alarm either way; a passing check that was not recorded is not the same as one
     * that was (later trend and stale-data checks will not see it), which {@link Checked#recorded()} says.
     *
     * @param store       where the baselines and history live
     * @param at          the batch's run time, as given to {@link #baseline}
     * @param baseline    what {@link #baseline} read
     * @param today       the batch counted on {@code baseline.reference()}'s roles and bins
     * @param columns     the batch's own columns, or null when unknown
     * @param withHistory whether to read the history too (for a report), while the store is open
     * @return the check, recorded or not
     * @throws StoreException if the store cannot be opened or read, or the baseline was replaced meanwhile
     */
    public Checked recordOrScore(StoreUrl store, String at, Baseline baseline, Profile today, List<String> columns,
                                 boolean withHistory) {
        try (DriftStore s = DriftStore.open(store, false, LOCK_WAIT_MILLIS)) {
            MonitoredCheck.Outcome outcome = record(s, at, baseline, today, columns);
            return new Checked(outcome, s.checksAgainst(monitor, baseline.version()), null,
                    withHistory ? s.history(monitor, null) : null);
        } catch (dev.surprisal.drift.store.ReadOnlyStoreException e) {
            String why = "the store " + store.display() + " is read-only (" + e.reason() + ")";
            try (DriftStore s = DriftStore.openReadOnly(store, LOCK_WAIT_MILLIS)) {
                return new Checked(scoreWithoutRecording(s, at, baseline, today, columns), 0, why,
                        withHistory ? s.history(monitor, null) : null);
            }
        }
    }

    /**
     * Scores a batch against what {@link #baseline} read, under this check's rule and bands; reads nothing
     * from the store, so it may run before the store is entered ({@link #record} with the report).
     *
     * @param baseline what {@link #baseline} read
     * @param today    the batch counted on {@code baseline.reference()}'s roles and bins
     * @return the report
     */
    public DriftReport score(Baseline baseline, Profile today) {
        return DriftScorer.compare(baseline.against(), today, baseline.options(), bands, base, baseline.freshness());
    }

    private static SchemaChange schema(Baseline baseline, List<String> columns) {
        if (columns == null) {
            return null;
        }
        List<String> known = new ArrayList<>(baseline.stored().columnNames());
        known.addAll(baseline.stored().excluded());
        return SchemaChange.of(known, baseline.reference().columnNames(), columns);
    }

    /**
     * Checks one batch: reads the baseline, counts {@code today} on its bins with the store closed,
     * then scores and records the check in one transaction, as {@code surprisal drift check} does.
     *
     * @param store where the baselines and history live
     * @param at    the batch's run time, an ISO date or date-time ({@link RunTime}); a check of the
     *              same time against the same baseline replaces the earlier one
     * @param today the batch
     * @return the recorded run with its report, alarms and schema change
     * @throws StoreException if the store cannot be opened or has no baseline for the monitor
     * @throws dev.surprisal.data.DataException if the batch cannot be read
     */
    public MonitoredCheck.Outcome run(StoreUrl store, String at, TableReader today) {
        Baseline baseline;
        try (DriftStore s = DriftStore.open(store, false, LOCK_WAIT_MILLIS)) {
            baseline = baseline(s, at);
        }
        Profile counted = ProfileBuilder.count(baseline.reference(), today);
        List<String> columns = today.columnNames();
        try (DriftStore s = DriftStore.open(store, false, LOCK_WAIT_MILLIS)) {
            return record(s, at, baseline, counted, columns);
        }
    }

    /** How long {@link #run} waits for another process's lock on a DuckDB store (each holds it briefly). */
    public static final long LOCK_WAIT_MILLIS = 60_000;

    /**
     * The monitor's baseline, or a store error that lists the monitors the store does have.
     *
     * @param store   an open store
     * @param monitor the monitor
     * @return its current baseline with its version
     * @throws StoreException when the store has no baseline for {@code monitor}
     */
    public static DriftStore.Reference requireBaseline(DriftStore store, String monitor) {
        return store.reference(monitor).orElseThrow(() -> {
            List<String> known = store.monitors();
            return new StoreException("unknown monitor '" + monitor + "' in store " + store.location() + "; "
                    + (known.isEmpty() ? "it has no monitors yet: create one with 'surprisal drift baseline --monitor "
                    + monitor + " --data FILE'" : "monitors: " + String.join(", ", known)), null);
        });
    }

    /**
     * Reads one monitor of a monitor file, secrets from the environment, schedules as written.
     *
     * @param file    the monitor file (or a directory of them), as {@code --config} takes it
     * @param monitor the monitor's name, or null for the file's only monitor
     * @return the check with that monitor's settings
     * @throws ConfigException naming the file, line and key (never a secret's value)
     */
    public static MonitorCheck fromFile(Path file, String monitor) {
        return of(new ConfigLoader(Secrets.fromEnvironment()).monitor(file, monitor));
    }
}
