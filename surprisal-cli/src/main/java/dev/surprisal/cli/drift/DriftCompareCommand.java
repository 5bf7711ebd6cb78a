// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.RoleOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.TableOptions;
import dev.surprisal.cli.ThreadsOption;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.SchemaChange;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import dev.surprisal.data.TableLocation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code surprisal drift compare}: score one file against another once, without a store. */
@Command(name = "compare",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Compare a current file with a reference file once (no store); exit 1 on drift.",
        description = {
                "The same scoring as 'drift check' (roles and bins fitted on --reference, --data counted on them,",
                "Jeffreys smoothing, PSI bands plus the chi-squared noise level), without a monitor or history.",
                "The two files may cover the same period (a train/test or random split, an A/B test): a",
                "timestamp column is stale (WARN) only when all of --data lies before the reference.",
                "Exit 1 when a column (or the dataset) is DRIFT, or WARN too with --fail-on warn.",
                "The two files may also be given as positional arguments: REFERENCE CURRENT.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift compare --reference ref.csv --data today.csv",
                "  surprisal drift compare ref.csv today.csv                  the same, positionally",
                "  surprisal drift compare --reference ref.parquet --data today.parquet --report drift.html --explain",
                "  surprisal drift compare --reference ref.csv --data today.csv --exclude order_id,ts --fail-on warn",
                "  surprisal drift compare --reference ref.csv --data today.csv --threads 2 --json",
                "  surprisal drift compare ref.csv today.csv --config monitors.yaml --monitor orders",
                "  surprisal drift compare ref.csv today_export.csv --delimiter ';' --reference-delimiter ,"})
public final class DriftCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--reference", paramLabel = "FILE", description = "The reference file (P); with --engine spark "
            + "also an hdfs://, s3a://… file or directory.")
    TableLocation referenceOption;

    @Option(names = "--data", paramLabel = "FILE", description = "The current file (Q), as --reference.")
    TableLocation dataOption;

    @Parameters(paramLabel = "REFERENCE CURRENT", arity = "0..2",
            description = "The same as --reference REFERENCE --data CURRENT (either way, not both).")
    List<TableLocation> positional;

    private TableLocation reference;
    private TableLocation current;

    @Mixin
    RoleOptions roles;

    @Mixin
    BinOptions binning;

    @Mixin
    TableOptions table;

    @Option(names = "--reference-delimiter", paramLabel = "CHAR", converter = TableOptions.DelimiterConverter.class,
            description = "Field delimiter of the reference file when it differs from the current file's (a ',' "
                    + "reference and a ';' export of today: --reference-delimiter , --delimiter ';'). Default: "
                    + "--delimiter, else the extension's.")
    Character referenceDelimiter;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engine;

    @Mixin
    RuleOptions rule;

    @Mixin
    ConfigOptions config;

    @Mixin
    dev.surprisal.cli.LabelOptions labels;

    @Option(names = "--monitor", paramLabel = "NAME", description = "With --config: the monitor whose roles and "
            + "rule to use (default: the file's only monitor).")
    String monitor;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a self-contained HTML report here.")
    Path report;

    @Override
    public Integer call() {
        inputs();
        if (monitor != null && config.config == null) {
            throw new ParameterException(spec.commandLine(), "--monitor: only with --config (compare has no store)");
        }
        config.monitor(spec, monitor, roles);
        ProfileOptions options = binning.profileOptions(spec, config.roles(spec, roles))
                .withNormalizeLabels(config.normalizeLabels(labels.normalize()));
        engine.requireLocalFor(spec, options);
        DriftOptions settings = rule.options(spec, Map.of(), config.settings());
        DriftInputs.requireReadable(reference);
        DriftInputs.requireReadable(current);
        Profile p;
        Profile q;
        SchemaChange schema;
        TableOptions referenceTable = referenceDelimiter == null ? table : table.delimitedBy(referenceDelimiter);
        try (ProfileEngine e = engine.open(spec, table)) {
            p = DriftInputs.fit(engine.located(reference), options, common.quiet(), referenceTable, threads, e);
            q = DriftInputs.count(p, engine.located(current), common.quiet(), table, threads, e);
            schema = SchemaChange.of(DriftInputs.columnNames(engine.located(reference), referenceTable, e), p.columnNames(),
                    DriftInputs.columnNames(engine.located(current), table, e));
        }
        DriftReport scored = DriftScorer.compare(p, q, settings, config.bands(), common.base());
        List<Alarm> alarms = MonitoredCheck.alarms(scored, List.of(), null);
        List<String> explanation = DriftOutput.explain(scored, common.base());
        // an auxiliary output: when it fails, the result is still printed and the exit code kept
        String reportProblem = report == null ? null : DriftOutput.writeReport(report, "Drift: "
                + current.name() + " against " + reference.name(), scored, Map.of(), common.base());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectNode extra = DriftOutput.object();
            extra.put("reference", reference.toString());
            extra.put("current", current.toString());
            DriftOutput.schema(schema, extra, null, true, common.quiet());
            dev.surprisal.drift.DriftJson.dateOrderWarnings(extra, p, common.explain());
            dev.surprisal.drift.DriftJson.labelVariantNotes(extra, p);
            if (report != null && reportProblem == null) {
                extra.put("report", report.toString());
            } else if (reportProblem != null) {
                extra.put("report_error", reportProblem);
            }
            out.println(DriftOutput.json(scored, alarms, common.base(), extra, common.explain() ? explanation : null,
                    p.roles()));
        } else {
            DriftOutput.schema(schema, null, spec.commandLine().getErr(), false, common.quiet());
            DriftOutput.printRoles(out, p);
            DriftOutput.dateOrder(spec.commandLine().getErr(), p, common.explain(), common.quiet());
            DriftOutput.printTable(out, scored, alarms, common.base());
            if (report != null && reportProblem == null) {
                out.println("report: " + report.toAbsolutePath());
            }
            if (common.explain()) {
                explanation.forEach(out::println);
            }
        }
        out.flush();
        if (reportProblem != null) {
            spec.commandLine().getErr().println("surprisal: warning: " + reportProblem);
            spec.commandLine().getErr().flush();
        }
        return DriftOutput.fails(scored, alarms) ? ExitCode.ALARM : ExitCode.OK;
    }

    /**
     * --reference and --data, or the two positional files REFERENCE CURRENT; never a mix, since which file
     * is the reference (P) decides the direction of every KL and the roles and bins, and a mix such as
     * {@code --data a.csv b.csv} does not say it.
     */
    private void inputs() {
        List<TableLocation> files = positional == null ? List.of() : positional;
        if (!files.isEmpty() && (referenceOption != null || dataOption != null)) {
            throw new ParameterException(spec.commandLine(), "give the files either as --reference FILE --data FILE "
                    + "or as two positional files REFERENCE CURRENT, not both ways: with "
                    + (referenceOption != null ? "--reference " + referenceOption : "--data " + dataOption)
                    + " and the file " + files.get(0) + " it is not clear which one is the reference");
        }
        if (files.size() > 2) {
            throw new ParameterException(spec.commandLine(), "too many files: give --reference FILE --data FILE "
                    + "(or REFERENCE CURRENT), got also " + files.get(2));
        }
        reference = files.isEmpty() ? referenceOption : files.get(0);
        current = files.isEmpty() ? dataOption : files.size() > 1 ? files.get(1) : null;
        if (reference == null || current == null) {
            throw new ParameterException(spec.commandLine(), "missing " + (reference == null ? "--reference FILE" : "--data FILE")
                    + ": compare needs the reference file and the current one (--reference FILE --data FILE, or REFERENCE CURRENT)");
        }
    }
}
