// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.RoleOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.TableOptions;
import dev.surprisal.cli.ThreadsOption;
import dev.surprisal.data.profile.CountAhead;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.drift.SchemaChange;
import dev.surprisal.drift.store.RunTime;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.store.StoreException;
import dev.surprisal.data.DataException;
import dev.surprisal.cli.BadDataException;
import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.store.DriftStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import dev.surprisal.data.TableLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code surprisal drift check}: count today's file on the monitor's frozen bins, score it, derive
 * level, dataset and trend alarms, record all of it in one transaction, and exit 1 on an alarm.
 */
@Command(name = "check",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Score a day's data against the monitor's baseline; exit 1 when an alarm fires.",
        description = {
                "Counts the file on the baseline's frozen roles and bins and prints, per column, KL(P||Q)",
                "(P = the reference), PSI, JS, Hellinger, TV (the share of rows that changed bin), W1 over the",
                "reference's standard deviation, the deciding measure's critical (noise-level) value at",
                "--alpha, the share of values where the reference had none ('new mass', with the new values",
                "named), the change in missing and invalid shares, and a verdict: OK, WARN or DRIFT.",
                "A column drifts when its change is beyond sampling noise and material: PSI (--measure) at least --drift, or, in the column's own terms, 10 points of its",
                "rows changing value (binary, discrete, categorical: --tv-drift) or its values moving 0.3",
                "standard deviations (continuous: --w1-drift); WARN likewise at --warn, --tv-warn, --w1-warn.",
                "Id-like, timestamp and date columns are only checked (missing share, duplicate keys, stale",
                "values: WARN when a timestamp's newest value does not advance past that of the last batch",
                "checked for an earlier --at, or of the baseline before any). Invalid cells are counted by",
                "value: the five most frequent, each with its count and first line, then the other cells.",
                "Alarms: a column is WARN or DRIFT (level), at least half of the scored columns WARN or DRIFT",
                "(dataset, DRIFT), or the column's measure spikes above mean + 3 sigma of its own recent",
                "history (trend, WARN, from 7 checks on). The rule is the baseline's unless given here.",
                "The check, its profile, scores and alarms are written to the store in one transaction; a",
                "check of the same monitor and --at against the same baseline replaces the earlier one.",
                "The store is held only to read the baseline and to record the check, not while the file is read.",
                "On a store this user may only read, the verdict is still printed, with 'not recorded' and why.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift check --monitor orders --data today.csv",
                "  surprisal drift check --monitor orders --data day.parquet --at 2024-05-01 --report drift.html",
                "  surprisal drift check --monitor orders --data today.csv --json --explain",
                "  surprisal drift check --monitor orders --data today.csv --exclude ts --fail-on warn",
                "  surprisal drift check --monitor orders --data today.csv --config monitors.yaml   as the server",
                "",
                "Exit codes: 0 no failing verdict, 1 DRIFT (or WARN with --fail-on warn), 2 usage error,",
                "3 bad data (unreadable file, no rows, unknown column or monitor; a check without alarm that",
                "could not be recorded in a read-only store: an alarm there still exits 1)."})
public final class DriftCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MonitorOptions target;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Today's CSV, Parquet or JSON file "
            + "(with --engine spark also an hdfs://, s3a://… file or directory).")
    TableLocation data;

    @Mixin
    TableOptions table;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engine;

    @Option(names = "--at", paramLabel = "DATE", description = "Date of the data, ISO (2024-05-01 or "
            + "2024-05-01T06:00, read as UTC). Orders the history. Default: today in UTC.")
    String at;

    @Option(names = "--max-lag", paramLabel = "DURATION", description = "Stale-data lag limit: WARN when the "
            + "batch's newest timestamp lies more than this before --at (else the clock), e.g. 36h, 2d, 1w. "
            + "Default: the monitor file's max-lag, else off (only re-sent batches are found).")
    String maxLag;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report here.")
    Path report;

    @Mixin
    RoleOptions roles;

    @Mixin
    RuleOptions rule;

    @Mixin
    ConfigOptions config;

    /** {@code --max-lag} over the monitor file's {@code max-lag}; a bad duration is a usage error naming both. */
    private java.time.Duration lagLimit(java.time.Duration fromFile) {
        try {
            return maxLag == null ? fromFile : dev.surprisal.drift.BatchLag.parse("--max-lag", maxLag);
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        String given = at == null ? null : validDate(at);
        DriftInputs.requireReadable(data);
        if (roles.setsRoles()) {
            throw new ParameterException(spec.commandLine(), "--discrete, --continuous, --role, --dayfirst: roles are frozen in the "
                    + "baseline; run 'surprisal drift baseline' again with them (check takes --columns and --exclude)");
        }
        String monitor = target.monitor;
        MonitorConfig file = config.monitor(spec, monitor, roles);
        config.checkReferenceColumns();
        // the store's day rule (RunTime.day): today in the monitor file's schedule zone, as the server files its
        // checks (review13a: an evening check in America/* was filed under tomorrow), UTC without a file
        String when = given != null ? given : RunTime.today(file == null || file.zone() == null
                ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(file.zone())).toString();
        // the library's check (MonitorCheck), with the command line's rule options over the file's
        dev.surprisal.data.roles.RoleOverrides selection = config.selection(spec, roles);
        MonitorCheck check = (file == null ? MonitorCheck.of(monitor) : MonitorCheck.of(file))
                .withSelection(selection).withSettings(rule.given()).withBase(common.base());
        // the lag check's "now": --at, else the clock (the run is filed under today's date, checked now)
        check = check.withMaxLag(lagLimit(check.maxLag()), given != null ? null : java.time.Instant.now());
        // Compute first, holding no store: the store is opened twice, briefly, to read the baseline
        // (read-only) and to record the check, so concurrent checks on one store do not wait for each
        // other's scans.
        // the file's reading starts now, beside the store's open and the reference's read (docs/benchmarks.md,
        // csv14); anything wrong with the file is still reported after the baseline's errors, by the count
        CountAhead ahead = DriftInputs.countAhead(engine.located(data), table, threads, engine.local(),
                selection);
        MonitorCheck.Baseline baseline;
        try (DriftStore s = target.openReadOnly(spec)) {
            baseline = check.baseline(s, when);
        } catch (BadDataException e) {
            throw e;
        } catch (StoreException | DataException e) {
            throw new BadDataException(e.getMessage(), e);
        } catch (ValidationException e) {
            // a rule setting given here, in the file or stored that does not combine (--warn above --drift)
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Profile reference = baseline.reference();
        // --exclude of a column the baseline already left out (a --config exclude, an id) changes nothing: a note
        List<String> leftOut = selection.exclude().stream()
                .filter(baseline.stored().excluded()::contains).toList();
        if (!leftOut.isEmpty() && !common.quiet()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("note: --exclude " + leftOut.stream().map(dev.surprisal.core.Printable::shellWord)
                    .collect(java.util.stream.Collectors.joining(",")) + ": already left out by the baseline of '"
                    + monitor + "'; nothing more to leave out");
            err.flush();
        }
        Profile today;
        List<String> columns;
        try (ProfileEngine e = engine.open(spec, table)) {
            today = DriftInputs.count(reference, engine.located(data), common.quiet(), table, threads, e, ahead);
            columns = DriftInputs.columnNames(engine.located(data), table, e);
        }
        MonitorCheck.Checked stored = recordOrScore(check, when, baseline, today, columns);
        MonitoredCheck.Outcome outcome = stored.outcome();
        SchemaChange schema = outcome.schema();
        // the check is recorded (or could not be): from here on nothing may lose its result or its exit code
        String reportProblem = report == null ? null : DriftOutput.writeReport(report, "Drift check: " + monitor
                + " at " + when + (stored.recorded() ? " (run " + outcome.runId() + ")" : " (not recorded)"),
                outcome.report(), stored.history() == null ? null : DriftOutput.byColumn(stored.history()), common.base());
        List<String> explanation = DriftOutput.explain(outcome.report(), common.base());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectNode extra = DriftOutput.object();
            extra.put("monitor", monitor);
            extra.put("at", when);
            extra.put("recorded", stored.recorded());
            if (stored.recorded()) {
                extra.put("run_id", outcome.runId());
                // checks of this monitor against this baseline, this one included: run ids count every monitor's
                extra.put("checks_against_baseline", stored.checks());
            } else {
                extra.putNull("run_id");
                extra.put("not_recorded", stored.notRecorded());
            }
            if (outcome.replaced()) {
                extra.put("replaced_run_id", outcome.replacedRunId());
            }
            extra.put("reference_version", baseline.version());
            extra.put("store", target.where(spec));
            extra.put("file", data.toString());
            if (outcome.replaced()) {
                extra.put("replaced_run", outcome.replacedRunId());
            }
            dev.surprisal.drift.DriftJson.putNotes(extra, outcome); // schema, missing_days_before: the server's keys
            if (report != null && reportProblem == null) {
                extra.put("report", report.toString());
            } else if (reportProblem != null) {
                extra.put("report_error", reportProblem);
            }
            out.println(DriftOutput.json(outcome.report(), outcome.alarms(), common.base(), extra,
                    common.explain() ? explanation : null, reference.roles()));
        } else {
            DriftOutput.schema(schema, null, spec.commandLine().getErr(), false, common.quiet());
            DriftOutput.printMonitorRoles(out, reference, check.maxLag());
            DriftOutput.printTable(out, outcome.report(), outcome.alarms(), common.base());
            if (stored.recorded()) {
                // the run id counts every monitor's checks in the store: never "check N of monitor X"
                out.printf("run %d recorded in %s: %s%s%n", outcome.runId(), target.where(spec),
                        whichCheck(monitor, when, stored.checks(), baseline.version()),
                        outcome.replaced() ? "; replaced run " + outcome.replacedRunId() : "");
            } else {
                out.println("not recorded: " + stored.notRecorded() + ". The verdict above stands, but this check is "
                        + "not in the history, so later trend and stale-data checks will not see it; let this user "
                        + "write the store, or give --store one it may write");
            }
            if (outcome.missingDaysBefore() != null) { // the library's outcome, as the server and Java API have it
                out.println("note: " + MonitoredCheck.missingDaysNote(outcome.missingDaysBefore()));
            }
            if (report != null && reportProblem == null) {
                out.println("report: " + report.toAbsolutePath());
            }
            if (common.explain()) {
                explanation.forEach(out::println);
            }
        }
        out.flush();
        if (reportProblem != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("surprisal: warning: " + reportProblem + (stored.recorded() ? " (the check itself is "
                    + "recorded as run " + outcome.runId() + ")" : ""));
            err.flush();
        }
        // an alarm pages whether or not it was recorded; a passing check that could not be recorded is not
        // "fine" (the history and later trend and stale-data checks miss it), so it is exit 3, not 0
        return DriftOutput.fails(outcome.report(), outcome.alarms()) ? ExitCode.ALARM
                : stored.recorded() ? ExitCode.OK : ExitCode.BAD_DATA;
    }

    /**
     * The library's record-or-score ({@link MonitorCheck#recordOrScore}: on a store this process may not write,
     * the check is scored read-only and says why it was not recorded); a store that cannot be used is bad data.
     */
    private MonitorCheck.Checked recordOrScore(MonitorCheck check, String when, MonitorCheck.Baseline baseline,
                                               Profile today, List<String> columns) {
        try {
            return check.recordOrScore(target.url(spec), when, baseline, today, columns, report != null);
        } catch (StoreException e) {
            throw new BadDataException(e.getMessage(), e);
        }
    }

    /**
     * Which check of the monitor this is, by the store's count against the current baseline (the run id
     * counts every monitor's runs, so it is no such count).
     */
    static String whichCheck(String monitor, String when, long checks, int version) {
        return checks == 1 ? "the first check of monitor '" + monitor + "' against baseline version " + version
                + ", at " + when : "monitor '" + monitor + "' at " + when + "; " + checks + " checks against baseline "
                + "version " + version + " so far";
    }

    /** An ISO date or date-time; anything else is a usage error. */
    private String validDate(String text) {
        try {
            LocalDate.parse(text);
            return text;
        } catch (DateTimeParseException e1) {
            try {
                LocalDateTime.parse(text);
                return text;
            } catch (DateTimeParseException e2) {
                try {
                    OffsetDateTime.parse(text);
                    return text;
                } catch (DateTimeParseException e3) {
                    throw new ParameterException(spec.commandLine(), "--at: expected an ISO date such as 2024-05-01 "
                            + "or 2024-05-01T06:00, got '" + text + "'");
                }
            }
        }
    }
}
