// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.RoleOptions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.cli.TableOptions;
import dev.surprisal.cli.ThreadsOption;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.store.DriftStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import dev.surprisal.data.TableLocation;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code surprisal drift baseline}: fit and freeze the reference profile P of a monitor. */
@Command(name = "baseline",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Freeze a reference profile (the P of KL(P||Q)) for a monitor.",
        description = {
                "Detects each column's role and freezes it with the bins: binary and discrete numbers (at most",
                "20 values, unless each is seen once and not all are integers: measurements) get one bin per",
                "value plus 'unseen'; continuous numbers 20 equal-frequency bins plus",
                "below-range and above-range bins; text and booleans the top 128 categories plus 'other' and",
                "'unseen'. Id-like, timestamp, date and constant columns are not scored, only checked (missing",
                "share, duplicate keys, invalid dates, stale values). Missing cells (pandas' missing strings: '',",
                "NA, n/a, null, NaN, ...) and invalid cells (text in a numeric column; in a date or timestamp",
                "column, a cell that is no ISO date, date-time or epoch number) are counted apart, never fatal. Up to",
                "200,000 rows the edges are exact quantiles; beyond, quantiles of a seeded sample of 200,000 rows",
                "(--exact-edges for exact ones). With --normalize-labels a text column's labels that differ only",
                "by surrounding spaces or letter case ('Gold', 'gold ') are one category, their most frequent",
                "spelling, and every later check folds its cells the same way; without it the baseline names such",
                "labels in a note. Every later check counts its data on these frozen roles and",
                "bins, and uses the rule given here (--measure, --warn, --drift, --alpha, --fail-on) unless it",
                "is given one. Running it again replaces the monitor's baseline (the old one and its checks",
                "stay in the store; history and trends then use only the checks against the new baseline).",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift baseline --monitor orders --data ref.parquet",
                "  surprisal drift baseline --monitor orders --data ref.csv --columns amount,country --bins 10",
                "  surprisal drift baseline --monitor orders --data ref.csv --exclude note --role zip=categorical",
                "  surprisal drift baseline --monitor orders --data ref.csv --discrete n_items --fail-on warn",
                "  surprisal drift baseline --monitor orders --data ref.csv --normalize-labels   'Gold'/'gold ' as one",
                "  surprisal drift baseline --monitor orders --data ref.csv --config monitors.yaml   roles from the file"})
public final class DriftBaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MonitorOptions target;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Reference CSV, Parquet or JSON file "
            + "(with --engine spark also an hdfs://, s3a://… file or directory).")
    TableLocation data;

    @Mixin
    TableOptions table;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engine;

    @Mixin
    RoleOptions roles;

    @Mixin
    BinOptions binning;

    @Mixin
    RuleOptions rule;

    @Mixin
    ConfigOptions config;

    @Mixin
    dev.surprisal.cli.LabelOptions labels;

    @Option(names = "--exact-edges", description = "Exact quantiles over every row for the bin edges of a reference "
            + "larger than 200,000 rows (several times slower; DuckDB holds a column's values).")
    boolean exactEdges;

    @Override
    public Integer call() {
        String monitor = target.monitor(spec);
        config.monitor(spec, monitor, roles);
        if (data.isLocal()) {
            config.checkColumns(data.path());
        }
        ProfileOptions options = binning.profileOptions(spec, config.roles(spec, roles)).withExactEdges(exactEdges)
                .withNormalizeLabels(config.normalizeLabels(labels.normalize()));
        engine.requireLocalFor(spec, options);
        DriftOptions settings = rule.options(spec, Map.of(), config.settings());
        Map<String, String> stored = new java.util.LinkedHashMap<>(config.settings());
        stored.putAll(rule.given());
        // the store is written after the profile; its database library loads while the file is read
        DriftStore.preload(target.url(spec));
        String where = target.where(spec);
        PrintWriter out = spec.commandLine().getOut();
        // Ctrl-C while the file is read, or after the store's commit, still says what the store holds
        try (InterruptReport<DriftStore.BaselineSaved> notice = new InterruptReport<>(spec.commandLine().getErr(),
                "nothing written to " + where + "; monitor '" + monitor + "' keeps the baseline it had, if any",
                saved -> written(monitor, saved, where))) {
            Profile reference;
            try (ProfileEngine e = engine.open(spec, table)) {
                reference = DriftInputs.fit(engine.located(data), options, common.quiet(), table, threads, e)
                        .withRule(stored);
            }
            DriftStore.BaselineSaved saved;
            try (DriftStore s = target.open(spec, true)) {
                saved = notice.write(() -> s.saveBaseline(monitor, reference));
            }
            notice.report(() -> print(out, monitor, where, reference, saved, settings, stored));
        }
        return ExitCode.OK;
    }

    /** The line that says the baseline was written: the command's first line, and the interrupt's notice. */
    private static String written(String monitor, DriftStore.BaselineSaved saved, String where) {
        return String.format("baseline '%s' (version %d): written to %s", monitor, saved.version(), where);
    }

    private void print(PrintWriter out, String monitor, String where, Profile reference, DriftStore.BaselineSaved saved,
                       DriftOptions settings, Map<String, String> stored) {
        if (common.json()) {
            ObjectNode o = DriftOutput.object();
            o.put("monitor", monitor);
            o.put("store", where);
            o.put("reference_version", saved.version());
            if (saved.replaced()) {
                o.put("replaced_checks", saved.replacedChecks());
            }
            o.put("rows", reference.rows());
            ArrayNode cols = o.putArray("columns");
            for (ColumnProfile c : reference.columns()) {
                ObjectNode col = cols.addObject().put("column", c.name()).put("role", c.role().label())
                        .put("reason", c.reason()).put("scored", c.scored()).put("bins", c.binCount())
                        .put("missing", c.missing()).put("invalid", c.invalid());
                dev.surprisal.drift.DriftJson.invalidCells(col, c.invalidCells(), c.invalid());
            }
            reference.excluded().forEach(o.putArray("excluded")::add);
            dev.surprisal.drift.DriftJson.dateOrderWarnings(o, reference, common.explain());
            dev.surprisal.drift.DriftJson.labelVariantNotes(o, reference);
            ObjectNode r = o.putObject("rule");
            // the settings' keys are the options' names (tv-warn); JSON keys are snake_case (tv_warn)
            settings.settings().forEach((k, v) -> r.put(k.replace('-', '_'), v));
            out.println(DriftOutput.write(o));
        } else {
            out.printf("baseline '%s': %d rows, %d columns, written to %s%n", monitor, reference.rows(),
                    reference.columns().size(), where);
            if (saved.replaced()) {
                boolean one = saved.replacedChecks() == 1;
                out.printf("replaced the baseline (%d earlier check%s; %s in the store, and history and "
                        + "trends start again from this baseline, version %d)%n", saved.replacedChecks(),
                        one ? "" : "s", one ? "it stays" : "they stay", saved.version());
            }
            DriftOutput.printRoles(out, reference);
            DriftOutput.dateOrder(spec.commandLine().getErr(), reference, common.explain(), common.quiet());
            for (ColumnProfile c : reference.columns()) {
                if (c.scored()) {
                    out.printf(Locale.ROOT, "  %s: %d bins, %d missing%s%n", c.name(), c.binCount(), c.missing(),
                            c.role().isNumeric() ? ", " + c.invalid() + " invalid" + invalidValues(c) : "");
                }
            }
            if (!stored.isEmpty()) {
                out.println("rule stored with the baseline: " + stored);
            }
        }
        out.flush();
    }

    /**
     * The reference's most frequent invalid values with their counts and first cells
     * ({@code (values: "0,5" ×3 (first: line 12))}), so a typo is found and its weight seen.
     */
    private static String invalidValues(ColumnProfile c) {
        return c.invalidCells().isEmpty() ? ""
                : " (values: " + dev.surprisal.data.profile.CellText.listed(c.invalidCells(), c.invalid()) + ")";
    }
}
