// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.rules;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.drift.store.RunGaps;
import dev.surprisal.drift.store.RunTime;
import dev.surprisal.drift.store.StoreException;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.core.Base;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.ColumnRules;
import dev.surprisal.drift.Freshness;
import dev.surprisal.drift.SchemaChange;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Measure;
import dev.surprisal.drift.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monitored check: score today against the stored baseline, derive level, dataset and trend
 * alarms, and record everything in one transaction.
 */
public final class MonitoredCheck {
    private MonitoredCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param runId         the recorded run
     * @param report        the scores
     * @param alarms        the alarms raised (empty: none)
     * @param replacedRunId the earlier run of the same monitor, time and reference that this one
     *                      replaced, or -1
     * @param schema        how the batch's columns differ from the baseline's (a column gone is scored as
     *                      all missing, a new one is not checked: {@link SchemaChange#notes()}); null when
     *                      the check was given a counted profile only, which cannot tell a column gone
     *                      from one whose every cell is missing ({@link MonitorCheck} knows the file's
     *                      columns)
     * @param missingDaysBefore the days with no run recorded just before this check's day
     *                      ({@link #missingBefore}: "no run recorded for 2026-11-20"), or null when there
     *                      are none or the check did not look ({@link #check}, {@link #record})
     */
    public record Outcome(long runId, DriftReport report, List<Alarm> alarms, long replacedRunId,
                          SchemaChange schema, RunGaps.Gap missingDaysBefore) {
        /**
         * An outcome whose batch columns are unknown ({@code schema} null) and whose missing days were
         * not looked for.
         *
         * @param runId         the recorded run
         * @param report        the scores
         * @param alarms        the alarms raised (empty: none)
         * @param replacedRunId the run this one replaced, or -1
         */
        public Outcome(long runId, DriftReport report, List<Alarm> alarms, long replacedRunId) {
            this(runId, report, alarms, replacedRunId, null, null);
        }

        /**
         * An outcome whose missing days were not looked for.
         *
         * @param runId         the recorded run
         * @param report        the scores
         * @param alarms        the alarms raised (empty: none)
         * @param replacedRunId the run this one replaced, or -1
         * @param schema        how the batch's columns differ from the baseline's, or null when unknown
         */
        public Outcome(long runId, DriftReport report, List<Alarm> alarms, long replacedRunId, SchemaChange schema) {
            this(runId, report, alarms, replacedRunId, schema, null);
        }

        /**
         * @param change how the batch's columns differ from the baseline's
         * @return this outcome with it
         */
        public Outcome withSchema(SchemaChange change) {
            return new Outcome(runId, report, alarms, replacedRunId, change, missingDaysBefore);
        }

        /**
         * @param gap the days with no run recorded just before this check's day, or null for none
         * @return this outcome with it
         */
        public Outcome withMissingDaysBefore(RunGaps.Gap gap) {
            return new Outcome(runId, report, alarms, replacedRunId, schema, gap);
        }

        /**
         * What the user should read beside the scores, in words: the schema change's notes, then the
         * missing days before this check ({@link RunGaps#sentence}).
         *
         * @return the notes, empty when there are none
         */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            if (schema != null) {
                out.addAll(schema.notes());
            }
            if (missingDaysBefore != null) {
                out.add(missingDaysNote(missingDaysBefore));
            }
            return List.copyOf(out);
        }

        /**
         * @return true when at least one alarm was raised
         */
        public boolean alarm() {
            return !alarms.isEmpty();
        }

        /** @return true when the check replaced an earlier run (a retry or a re-run) */
        public boolean replaced() {
            return replacedRunId >= 0;
        }
    }

    /**
     * The verdict of a check with its alarms, the one rule the command line and the server share:
     * DRIFT when a column or the dataset drifts; WARN when a column warns or a trend alarm fires (a
     * spike against the column's own history is a warning, docs/drift.md §3); else OK.
     *
     * @param report the scores
     * @param alarms the alarms raised on them (level, dataset, trend)
     * @return OK, WARN or DRIFT
     */
    public static Status verdict(DriftReport report, List<Alarm> alarms) {
        Status v = report.worst();
        for (Alarm a : alarms) {
            v = v.worst(level(report, a));
        }
        return v;
    }

    /**
     * The level of one alarm, the one rule every output shares: a level alarm has its column's verdict
     * (WARN or DRIFT), a dataset alarm is DRIFT, a trend alarm is WARN (docs/drift.md §3).
     *
     * @param report the scores the alarm was raised on
     * @param alarm one of its alarms
     * @return WARN or DRIFT
     */
    public static Status level(DriftReport report, Alarm alarm) {
        switch (alarm.kind()) {
            case DATASET:
                return Status.DRIFT;
            case TREND:
                return Status.WARN;
            default:
                for (ColumnDrift c : report.columns()) {
                    if (c.name().equals(alarm.column()) && c.status() == Status.DRIFT) {
                        return Status.DRIFT;
                    }
                }
                return Status.WARN;
        }
    }

    /**
     * Whether a check fails (exit 1, an alert): its {@link #verdict} under the rule's fail-on.
     *
     * @param report the scores, with the rule in {@link DriftReport#options()}
     * @param alarms the alarms raised on them
     * @return true on DRIFT, or on WARN too with fail-on warn
     */
    public static boolean fails(DriftReport report, List<Alarm> alarms) {
        return report.options().failOn().fails(verdict(report, alarms));
    }

    /**
     * Runs one check of {@code today} (counted on the baseline's bins) for {@code monitor} at
     * {@code at} (see {@link RunTime}) on an open store. A counted profile does not say which of the
     * baseline's columns the batch's file lacked (those are counted as all missing), so the outcome's
     * {@link Outcome#schema()} is null here; {@link MonitorCheck#run} reads the file and reports the
     * schema change, does what {@code surprisal drift check} does (a monitor file's settings, the store
     * not held while the file is read) and is the entry point to prefer.
     *
     * @param store an open store
     * @param monitor the monitor's name
     * @param at the run's time or window key ({@link RunTime})
     * @param today the day's profile, counted on the baseline's roles and bins
     * @param options the drift rule
     * @param trend the trend rule, or null for none
     * @return the recorded run with its report and alarms
     * @throws StoreException if the monitor has no baseline
     */
    public static Outcome check(DriftStore store, String monitor, String at, Profile today, DriftOptions options,
                                TrendRule trend) {
        // the library's words: the command line checks for a baseline first and says it in its own
        DriftStore.Reference reference = store.reference(monitor).orElseThrow(() -> new StoreException("monitor '"
                + monitor + "' has no baseline; save one first with DriftStore.saveBaseline(\"" + monitor
                + "\", profile)", null));
        DriftReport report = DriftScorer.compare(reference.profile(), today, options, ColumnRules.none(), Base.BITS,
                freshness(store, monitor, reference.version(), at, java.util.Set.of()));
        return record(store, monitor, at, reference.version(), today, report, trend);
    }

    /**
     * What a monitor's batch at {@code at} is checked for stale data against: the latest batch checked
     * against the same baseline for an earlier run time (a check at the same run time replaces it, so it
     * is not its own predecessor), else the baseline.
     *
     * @param store            an open store
     * @param monitor          the monitor
     * @param referenceVersion the baseline version the batch is scored against
     * @param at               the batch's run time ({@link RunTime}); its day is its date in UTC
     *                         ({@link RunTime#day}), as a monitor without a zone (the CLI's) has it
     * @param excluded         runs left out of the history (never the previous batch)
     * @return the rule for this batch
     * @throws StoreException if the store cannot be read
     */
    public static Freshness freshness(DriftStore store, String monitor, int referenceVersion, String at,
                                      java.util.Set<Long> excluded) {
        return freshness(store, monitor, referenceVersion, at, excluded, java.time.ZoneOffset.UTC);
    }

    /**
     * {@link #freshness(DriftStore, String, int, String, java.util.Set)} for a monitor with a zone: the
     * batch's day is the date of {@code at} in {@code zone} ({@link RunTime#day}), so a batch at 22:00
     * in Chicago on 3 May that holds 3 May's dates is a second batch of its day, not yesterday re-sent
     * (in UTC it is already 4 May).
     *
     * @param store            an open store
     * @param monitor          the monitor
     * @param referenceVersion the baseline version the batch is scored against
     * @param at               the batch's run time ({@link RunTime}); a date or local date-time is read in
     *                         {@code zone}
     * @param excluded         runs left out of the history (never the previous batch)
     * @param zone             the monitor's zone ({@code java.time.ZoneOffset.UTC} as the command line's
     *                         {@code --at})
     * @return the rule for this batch
     * @throws StoreException if the store cannot be read
     */
    public static Freshness freshness(DriftStore store, String monitor, int referenceVersion, String at,
                                      java.util.Set<Long> excluded, java.time.ZoneId zone) {
        return freshness(store.runProfiles(monitor, referenceVersion, at, excluded.size() + 1).stream()
                .filter(r -> !excluded.contains(r.runId())).toList(), at, zone);
    }

    /**
     * What a batch at {@code at} is checked for stale data against, from the batches before it as
     * already read (a caller that reads them for a rolling reference too reads them once).
     *
     * @param earlier the batches checked against the same baseline for an earlier run time, newest
     *                first, excluded runs left out ({@link DriftStore#runProfiles})
     * @param at      the batch's run time ({@link RunTime})
     * @param zone    the monitor's zone, whose date of {@code at} is the batch's day ({@link RunTime#day})
     * @return the rule after the newest of {@code earlier}, else the rule for a first batch
     * @throws dev.surprisal.core.ValidationException if {@code at} is no ISO date or date-time
     */
    public static Freshness freshness(List<DriftStore.RunProfile> earlier, String at, java.time.ZoneId zone) {
        return earlier.isEmpty() ? Freshness.nextBatch()
                : Freshness.after(earlier.get(0).at(), earlier.get(0).profile(), RunTime.day(at, zone));
    }

    /**
     * The days with no run recorded just before a check's day, for the check to say so ("no run
     * recorded for 2026-11-20"): the first check after a failed day is where the user looks. The rule
     * is the history's ({@link RunGaps#missingDays}: daily histories only), over the times of the runs
     * against the current baseline ({@link DriftStore#runTimes}: a run that scored no column, or that a
     * server left out of the trend history, is a day checked, not a missing one), this one included.
     *
     * @param store   an open store
     * @param monitor the monitor
     * @param at      the check's run time ({@link RunTime})
     * @param zone    the monitor's zone (UTC where it has none)
     * @return the gap that ends the day before {@code at}'s day, if any
     * @throws StoreException if the store cannot be read
     */
    public static java.util.Optional<RunGaps.Gap> missingBefore(DriftStore store, String monitor, String at,
                                                               java.time.ZoneId zone) {
        List<String> ats = new ArrayList<>(store.runTimes(monitor));
        ats.add(at); // before it is recorded, or again: a repeat changes nothing
        return RunGaps.before(ats, at, zone);
    }

    /**
     * A gap before a check in words, as every surface prints it.
     *
     * @param gap the days with no run recorded before the check
     * @return "no run recorded for 2026-11-20 (a failed or skipped check records nothing); this check is
     *         compared with the baseline as always"
     */
    public static String missingDaysNote(RunGaps.Gap gap) {
        return RunGaps.sentence(gap) + " (a failed or skipped check records nothing); this check is compared with "
                + "the baseline as always";
    }

    /**
     * Derives the alarms of a scored check (the trend rule over the history against the same
     * baseline version) and records the check.
     *
     * @param referenceVersion the baseline version {@code report} was scored against
     * @param store an open store
     * @param monitor the monitor's name
     * @param at the run's time or window key ({@link RunTime})
     * @param today the day's profile, counted on the baseline's roles and bins
     * @param report the scores of {@code today} against that baseline version
     * @param trend the trend rule, or null for none
     * @return the recorded run with its report and alarms
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public static Outcome record(DriftStore store, String monitor, String at, int referenceVersion, Profile today,
                                 DriftReport report, TrendRule trend) {
        return record(store, monitor, at, referenceVersion, today, report, trend, java.util.Set.of());
    }

    /**
     * {@link #record(DriftStore, String, String, int, Profile, DriftReport, TrendRule)} with runs left out
     * of the trend rule's history (a server's excluded runs). The run this check replaces (the same run
     * time) is never part of it: a re-run of a day is not compared with its own earlier scores.
     *
     * @param store            an open store
     * @param monitor          the monitor's name
     * @param at               the run's time or window key ({@link RunTime})
     * @param referenceVersion the baseline version {@code report} was scored against
     * @param today            the day's profile, counted on the baseline's roles and bins
     * @param report           the scores of {@code today} against that baseline version
     * @param trend            the trend rule, or null for none
     * @param leftOut          runs left out of the trend history
     * @return the recorded run with its report and alarms
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public static Outcome record(DriftStore store, String monitor, String at, int referenceVersion, Profile today,
                                 DriftReport report, TrendRule trend, java.util.Set<Long> leftOut) {
        return recordAgainst(store, monitor, at, referenceVersion, today, report, trend,
                trend == null ? List.of() : trendHistory(store, monitor, at, leftOut));
    }

    /**
     * Derives the alarms of a scored check against a trend history already read ({@link #trendHistory}) and
     * records the check: for a caller that reads the history once, for the trend rule and its own report.
     *
     * @param store            an open store
     * @param monitor          the monitor's name
     * @param at               the run's time or window key ({@link RunTime})
     * @param referenceVersion the baseline version {@code report} was scored against
     * @param today            the day's profile, counted on the baseline's roles and bins
     * @param report           the scores of {@code today} against that baseline version
     * @param trend            the trend rule, or null for none
     * @param trendHistory     the history the trend rule compares with
     * @return the recorded run with its report and alarms
     * @throws StoreException if the baseline was replaced meanwhile, or the write fails
     */
    public static Outcome recordAgainst(DriftStore store, String monitor, String at, int referenceVersion,
                                        Profile today, DriftReport report, TrendRule trend,
                                        List<HistoryPoint> trendHistory) {
        List<Alarm> alarms = alarms(report, trendHistory, trend);
        DriftStore.RecordedRun run = store.recordCheck(monitor, at, referenceVersion, today, report, alarms);
        return new Outcome(run.runId(), report, alarms, run.replacedRunId());
    }

    /**
     * The history a check at {@code at} is compared with by the trend rule: the points against the current
     * baseline as they will be once this check is recorded, less this check itself. A run of the same run
     * time is the one this check replaces (a re-run, or a read-only re-check of a day already recorded),
     * so it is never part of it: a day is not compared with its own earlier scores, and a read-only
     * re-check sees the history a recorded one would. The one rule of the command line, the server and the
     * Java API, recorded or not.
     *
     * @param store   an open store (read-only will do)
     * @param monitor the monitor
     * @param at      the check's run time ({@link RunTime})
     * @param leftOut runs left out of the trend history (a server's excluded runs); empty for none
     * @return the points, oldest first
     * @throws StoreException if the store cannot be read
     * @throws dev.surprisal.core.ValidationException if {@code at} is no ISO date or date-time
     */
    public static List<HistoryPoint> trendHistory(DriftStore store, String monitor, String at,
                                                  java.util.Set<Long> leftOut) {
        // the same run time left out in the store's query (no run time parsed per point: this runs inside a
        // server's write lock)
        return store.historyExcept(monitor, RunTime.parse(at)).stream().filter(h -> !leftOut.contains(h.runId()))
                .toList();
    }

    /**
     * Level, dataset and trend alarms of a report against a history already read: the one rule of
     * the command line, the server and the Java API. A column that drifts or warns has a level alarm;
     * one that does not, a trend alarm when its deciding value spikes above its own history's band
     * ({@link TrendRule#fires}); the dataset alarm when the share of columns drifted reaches the rule's.
     * The band holds only the points decided by the report's own measure (and those recorded before
     * schema version 4, whose measure is not stored): a one-off check by JS (bits) leaves the PSI band
     * (unitless) of later checks as it was.
     *
     * @param report  the scores
     * @param history the points the trend rule compares with, oldest first (any columns and measures; runs
     *                left out of the trend history already dropped); empty for level and dataset alarms only
     * @param trend   the trend rule, or null for level and dataset alarms only
     * @return the alarms, in column order, the dataset alarm last; empty when none
     */
    public static List<Alarm> alarms(DriftReport report, List<HistoryPoint> history, TrendRule trend) {
        List<Alarm> out = new ArrayList<>();
        // the history by column once, not one pass per column (wide tables)
        java.util.Map<String, List<HistoryPoint>> byColumn = new java.util.HashMap<>();
        Measure measure = report.options().measure();
        for (HistoryPoint h : history) {
            if (h.measure() != null && h.measure() != measure) {
                continue; // another measure's values, on another scale: not this check's band
            }
            byColumn.computeIfAbsent(h.column(), k -> new ArrayList<>()).add(h);
        }
        for (ColumnDrift c : report.columns()) {
            if (c.status().drifted()) {
                out.add(new Alarm(c.name(), Alarm.Kind.LEVEL, c.name() + ": " + c.reason()));
            } else if (trend != null && Double.isFinite(c.decisionValue())) {
                List<HistoryPoint> own = byColumn.getOrDefault(c.name(), List.of());
                if (trend.fires(c.decisionValue(), c.critical(), own)) {
                    out.add(new Alarm(c.name(), Alarm.Kind.TREND, String.format(Locale.ROOT,
                            "%s: %s %.3g spikes above its history band %.3g (mean + %.0f sigma of %d points)",
                            c.name(), measure.label(), c.decisionValue(), trend.upperBand(own),
                            trend.sigmas(), own.size())));
                }
            }
        }
        if (report.datasetDrift()) {
            out.add(new Alarm(null, Alarm.Kind.DATASET, String.format(Locale.ROOT,
                    "dataset drift: %s, share %.0f%% >= %.0f%%", report.summary(),
                    100 * report.driftedShare(), 100 * report.options().driftShare())));
        }
        return out;
    }
}
