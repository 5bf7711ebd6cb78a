package dev.surprisal.cli.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.drift.store.Checks;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.TrendRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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
                "Counts the file on the baseline's frozen bins and prints, per column, KL(P||Q) (P = the",
                "reference), PSI, JS, Hellinger, W1 over the reference's standard deviation, the share of",
                "values where the reference had none ('new mass'), the change in missing rate, and a verdict.",
                "Alarms: a column drifted (level), at least half of the columns drifted (dataset), or the",
                "column's PSI spikes above mean + 3 sigma of its own recent history (trend, from 7 checks on).",
                "The check, its profile, scores and alarms are written to the store in one transaction; a",
                "check of the same monitor and --at against the same baseline replaces the earlier one.",
                "The store is held only to read the baseline and to record the check, not while the file is read.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift check --monitor orders --data today.csv",
                "  surprisal drift check --monitor orders --data day.parquet --at 2024-05-01 --report drift.html",
                "  surprisal drift check --monitor orders --data today.csv --json --explain",
                "",
                "Exit codes: 0 no alarm, 1 alarm, 2 usage error, 3 bad data or unknown monitor."})
public final class DriftCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MonitorOptions target;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Today's CSV, Parquet or JSON file.")
    Path data;

    @Option(names = "--at", paramLabel = "DATE", description = "Date of the data, ISO (2024-05-01 or "
            + "2024-05-01T06:00). Orders the history. Default: today.")
    String at;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report here.")
    Path report;

    @Override
    public Integer call() {
        String when = at == null ? LocalDate.now().toString() : validDate(at);
        DriftInputs.requireReadable(data);
        String monitor = target.monitor;
        // Compute first, holding no store: the store is opened twice, briefly, to read the baseline
        // and to record the check, so concurrent checks on one store do not wait for each other's scans.
        DriftStore.Reference baseline;
        try (DriftStore s = target.open(spec, false)) {
            baseline = DriftInputs.reference(s, monitor);
        }
        Profile reference = baseline.profile();
        Profile today = DriftInputs.count(reference, data, common.quiet());
        DriftReport scored = DriftScorer.compare(reference, today, DriftOptions.defaults());
        Checks.Outcome outcome;
        Map<String, List<HistoryPoint>> history = null;
        try (DriftStore s = target.open(spec, false)) {
            outcome = Checks.record(s, monitor, when, baseline.version(), today, scored, TrendRule.defaults());
            if (report != null) {
                history = DriftOutput.byColumn(s.history(monitor, null));
            }
        }
        // the check is recorded: from here on nothing may lose its result or its exit code
        String reportProblem = report == null ? null : DriftOutput.writeReport(report, "Drift check: " + monitor
                + " at " + when + " (run " + outcome.runId() + ")", outcome.report(), history);
        List<String> explanation = DriftOutput.explain(outcome.report(), common.base());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectNode extra = DriftOutput.object();
            extra.put("monitor", monitor);
            extra.put("at", when);
            extra.put("run_id", outcome.runId());
            if (outcome.replaced()) {
                extra.put("replaced_run_id", outcome.replacedRunId());
            }
            extra.put("reference_version", baseline.version());
            extra.put("store", target.where(spec));
            extra.put("file", data.toString());
            if (reference.sketchSampled() || today.sketchSampled()) {
                extra.putObject("ks_wasserstein_sample").put("method", "bernoulli")
                        .put("seed", ProfileOptions.SAMPLE_SEED).put("reference_rows", reference.sketchRows())
                        .put("current_rows", today.sketchRows());
            }
            if (report != null && reportProblem == null) {
                extra.put("report", report.toString());
            } else if (reportProblem != null) {
                extra.put("report_error", reportProblem);
            }
            out.println(DriftOutput.json(outcome.report(), outcome.alarms(), common.base(), extra,
                    common.explain() ? explanation : null));
        } else {
            DriftOutput.printTable(out, outcome.report(), outcome.alarms(), common.base());
            String note = sampleNote(reference, today);
            if (note != null) {
                out.println(note);
            }
            out.printf("check %d of monitor '%s' at %s recorded in %s%s%n", outcome.runId(), monitor, when,
                    target.where(spec), outcome.replaced() ? "; replaced run " + outcome.replacedRunId() : "");
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
            err.println("surprisal: warning: " + reportProblem + " (the check itself is recorded as run "
                    + outcome.runId() + ")");
            err.flush();
        }
        return outcome.alarm() ? ExitCode.ALARM : ExitCode.OK;
    }

    /** Says when KS and W1 come from seeded samples rather than every row; null when they do not. */
    static String sampleNote(Profile reference, Profile today) {
        if (!reference.sketchSampled() && !today.sketchSampled()) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "KS and W1 compare seeded uniform samples: %,d of %,d reference rows, "
                + "%,d of %,d rows today (bins, KL, PSI, JS and the missing rate use every row)",
                reference.sketchRows(), reference.rows(), today.sketchRows(), today.rows());
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
