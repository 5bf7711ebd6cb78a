package dev.surprisal.cli.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
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
                "The check, its profile, scores and alarms are written to the store in one transaction.",
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
        try (DriftStore s = target.open()) {
            Profile reference = DriftInputs.baseline(s, monitor);
            Profile today = DriftInputs.count(reference, data, common.quiet());
            Checks.Outcome outcome = Checks.check(s, monitor, when, today, DriftOptions.defaults(), TrendRule.defaults());
            List<String> explanation = DriftOutput.explain(outcome.report(), common.base());
            PrintWriter out = spec.commandLine().getOut();
            if (report != null) {
                writeReport(s, outcome);
            }
            if (common.json()) {
                ObjectNode extra = DriftOutput.object();
                extra.put("monitor", monitor);
                extra.put("at", when);
                extra.put("run_id", outcome.runId());
                extra.put("store", target.where());
                extra.put("file", data.toString());
                if (reference.sketchSampled() || today.sketchSampled()) {
                    extra.putObject("ks_wasserstein_sample").put("method", "bernoulli")
                            .put("seed", ProfileOptions.SAMPLE_SEED).put("reference_rows", reference.sketchRows())
                            .put("current_rows", today.sketchRows());
                }
                if (report != null) {
                    extra.put("report", report.toString());
                }
                out.println(DriftOutput.json(outcome.report(), outcome.alarms(), common.base(), extra,
                        common.explain() ? explanation : null));
            } else {
                DriftOutput.printTable(out, outcome.report(), outcome.alarms(), common.base());
                String note = sampleNote(reference, today);
                if (note != null) {
                    out.println(note);
                }
                out.printf("check %d of monitor '%s' at %s recorded in %s%n", outcome.runId(), monitor, when,
                        target.where());
                if (report != null) {
                    out.println("report: " + report.toAbsolutePath());
                }
                if (common.explain()) {
                    explanation.forEach(out::println);
                }
            }
            out.flush();
            return outcome.alarm() ? ExitCode.ALARM : ExitCode.OK;
        }
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

    private void writeReport(DriftStore s, Checks.Outcome outcome) {
        DriftOutput.writeReport(report, "Drift check: " + target.monitor + " at " + at(outcome), outcome.report(),
                DriftOutput.byColumn(s.history(target.monitor, null)));
    }

    private String at(Checks.Outcome outcome) {
        return (at == null ? LocalDate.now().toString() : at) + " (run " + outcome.runId() + ")";
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
