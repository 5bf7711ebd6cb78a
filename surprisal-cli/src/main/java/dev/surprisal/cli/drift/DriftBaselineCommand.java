package dev.surprisal.cli.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.cli.CommonOptions;
import dev.surprisal.cli.ExitCode;
import dev.surprisal.data.profile.ColumnProfile;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.store.DriftStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code surprisal drift baseline}: fit and freeze the reference profile P of a monitor. */
@Command(name = "baseline",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Freeze a reference profile (the P of KL(P||Q)) for a monitor.",
        description = {
                "Fits bins once on the reference: 20 equal-frequency bins per numeric column (plus below-range",
                "and above-range bins), the top 128 categories per text column (plus 'other' and 'unseen'),",
                "a missing count, and a KLL sketch for KS and Wasserstein. Up to 200,000 rows, the bin edges",
                "are exact quantiles; beyond, the interior edges are quantiles of a seeded uniform sample of",
                "200,000 rows (the outer ones the exact min and max; --exact-edges for exact quantiles), and",
                "the sketches are fed from that sample. Counts, missing values and moments use every row.",
                "Every later check counts its data on these frozen bins. Running it again replaces the",
                "monitor's baseline (the old one and its checks stay in the store; history and trends then",
                "use only the checks against the new baseline).",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal drift baseline --monitor orders --data ref.parquet",
                "  surprisal drift baseline --monitor orders --data ref.csv --columns amount,country --bins 10"})
public final class DriftBaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    MonitorOptions target;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Reference CSV, Parquet or JSON file.")
    Path data;

    @Mixin
    BinOptions binning;

    @Option(names = "--exact-edges", description = "Exact quantiles over every row for the bin edges of a reference "
            + "larger than 200,000 rows (several times slower; DuckDB holds a column's values).")
    boolean exactEdges;

    @Override
    public Integer call() {
        ProfileOptions options = binning.profileOptions(spec).withExactEdges(exactEdges);
        String monitor = target.monitor(spec);
        Profile reference = DriftInputs.fit(data, options, common.quiet());
        String where = target.where(spec);
        DriftStore.BaselineSaved saved;
        try (DriftStore s = target.open(spec, true)) {
            saved = s.saveBaseline(monitor, reference);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            ObjectNode o = DriftOutput.object();
            o.put("monitor", monitor);
            o.put("store", where);
            o.put("reference_version", saved.version());
            if (saved.replaced()) {
                o.put("replaced_checks", saved.replacedChecks());
            }
            o.put("rows", reference.rows());
            o.put("sketch_rows", reference.sketchRows());
            reference.columnNames().forEach(o.putArray("columns")::add);
            out.println(DriftOutput.write(o));
        } else {
            out.printf("baseline '%s': %d rows, %d columns, written to %s%n", monitor, reference.rows(),
                    reference.columns().size(), where);
            if (saved.replaced()) {
                out.printf("replaced the baseline (%d earlier checks; they stay in the store, and history and "
                        + "trends start again from this baseline, version %d)%n", saved.replacedChecks(), saved.version());
            }
            if (reference.sketchSampled()) {
                out.printf("  sketches (KS, W1)%s from a seeded uniform sample of %d rows%n",
                        exactEdges ? "" : " and interior bin edges", reference.sketchRows());
            }
            for (ColumnProfile c : reference.columns()) {
                out.printf("  %-20s %-11s %3d bins, %d missing%n", c.name(), c.kind(), c.counts().length, c.missing());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
