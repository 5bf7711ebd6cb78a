// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.core.Validate;
import dev.surprisal.counts.Counts;
import dev.surprisal.core.ValidationException;
import dev.surprisal.cli.drift.EngineOptions;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.data.mi.ColumnEntropy;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.estimators.EntropyEstimators;
import dev.surprisal.measures.Entropy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code surprisal entropy}: Shannon entropy of a distribution, of counts, or of a table column. */
@Command(name = "entropy",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Entropy of a distribution, of counts or of a table column.",
        description = {
                "Shannon entropy H(X) = -sum p(x) log p(x): the average surprise of one outcome,",
                "and the fewest bits per symbol any lossless code can reach.",
                "",
                "Give probabilities (they must sum to 1), counts with --counts, or a column of a",
                "CSV/Parquet/JSON file with --data and --column. Outcomes with probability 0 add nothing.",
                "A column's role decides what is measured: a discrete or text column's values are",
                "counted; a continuous column gets its differential entropy (Vasicek's spacing",
                "estimator, as scipy.stats.differential_entropy(method='vasicek')), or with --bins N",
                "the entropy of N equal-width bins. An ID-like column's entropy is about log(n).",
                "Cells are read as mi and drift read them: missing cells (NA, null, empty, ...) are",
                "left out, a numeric column's values are counted by value (3 and 3.0 are one), and",
                "its invalid (abc) and infinite cells are left out; notes count what was left out.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal entropy 0.5 0.5                     1.0 (a fair coin: one bit)",
                "  surprisal entropy 0.99,0.01                   0.08079313589591118",
                "  surprisal entropy 0.25 0.25 0.25 0.25 --explain",
                "  surprisal entropy --counts 30 10 5 5 --base e",
                "  surprisal entropy --counts 9 3 1 1 1 --estimator chao-shen   (few samples: correct the bias)",
                "  surprisal entropy --data orders.csv --column country --json",
                "  surprisal entropy --data orders.csv --column amount          (differential entropy)",
                "  surprisal entropy --data orders.csv --column amount --bins 20",
                "  surprisal entropy --data orders.csv --column country --bootstrap 1000",
                "                                                (95%% CI [1.82, 1.91] bits, basic bootstrap)",
                "  surprisal entropy --data orders.parquet --column country --engine spark",
                "",
                "Estimators (need counts): plug-in (default), miller-madow, chao-shen, grassberger,",
                "james-stein, nsb. The plug-in value underestimates H when many outcomes were seen",
                "only once or twice; the others correct that bias."})
public final class EntropyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "VALUE", arity = "0..*",
            description = "Probabilities (or counts with --counts), separated by spaces or commas."
                    + " Probabilities must sum to 1; a sum within 1e-3 of 1 (0.3333 0.3333 0.3333) is renormalised, with a note.")
    List<String> values;

    @Option(names = "--counts", description = "The values are counts (or weights); they are normalised.")
    boolean asCounts;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = {"Bias-corrected estimator for counts: plug-in, miller-madow, chao-shen,",
                    "grassberger, james-stein, nsb. With --data: of a discrete column's counts or",
                    "of a continuous column's --bins (its differential entropy is Vasicek's)."})
    String estimator;

    @Option(names = "--data", paramLabel = "FILE", description = "Read a CSV, Parquet or JSON file (with --engine "
            + "spark also an hdfs://, s3a://… file or directory).")
    TableLocation data;

    @Option(names = "--column", paramLabel = "C", description = {"The column of --data: a discrete or text column's values",
            "are counted; a continuous one gets its differential entropy."})
    @DataArgument // a column name: what the library says about it is about the table
    String column;

    @Option(names = "--bins", paramLabel = "N", description = {"With --data on a continuous column: the entropy of N",
            "equal-width bins over [min, max] instead of the differential entropy."})
    Integer bins;

    @Option(names = "--bootstrap", paramLabel = "B",
            description = {"With --data: a 95%% interval of the entropy from B resamples of",
                    "the rows: 0 skips it, else 10 to 100000 (as mi's). The interval",
                    "type suits the estimator (basic for plug-in and Vasicek, normal",
                    "for miller-madow); where the simulation found coverage far below",
                    "95%% (many values seen once, or a continuous column of fewer than",
                    "200 values) it says so instead; --explain gives the simulated",
                    "coverage. --engine spark gives the same numbers for the same",
                    "--seed. Default: 0."})
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the --bootstrap resamples. Default: 42.")
    Long seed;

    @Mixin
    RoleOptions roles;

    @Mixin
    LabelOptions labels;

    @Mixin
    TableOptions table;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Base base = common.base();
        Report report;
        if (data != null) {
            report = fromColumn(base);
        } else {
            if (table.delimiter != null) {
                throw usage("--delimiter applies to --data FILE");
            }
            if (!engine.local() || engine.master != null || engine.format != null) {
                throw usage("--engine, --master and --format apply to --data FILE");
            }
            if (bootstrap != null || seed != null) {
                throw usage((bootstrap != null ? "--bootstrap" : "--seed") + " applies to --data FILE --column C:"
                        + " it resamples a column's rows");
            }
            if (bins != null) {
                throw usage("--bins applies to --data FILE --column C: it bins a continuous column's values");
            }
            if (labels.normalize()) {
                throw usage("--normalize-labels applies to --data FILE --column C: it folds a text column's labels");
            }
            report = fromValues(base);
        }
        report.print(common, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK;
    }

    private Report fromColumn(Base base) {
        if (values != null && !values.isEmpty()) {
            throw usage("give either numbers or --data, not both");
        }
        if (column == null) {
            throw usage("--data needs --column: which column's values to count");
        }
        if (roles.columns != null || roles.exclude != null) {
            throw usage("--columns and --exclude do not apply to entropy: it measures the one --column");
        }
        RoleOverrides overrides;
        try {
            overrides = roles.overrides(spec).withColumns(List.of(column), List.of("--column"));
        } catch (ValidationException e) {
            throw usage(e.getMessage());
        }
        // the library decides what applies (ColumnEntropy.checkSettings, then by the column's role): the estimator
        // goes as given (null when not), so that one given for a continuous column is refused there, not dropped
        EntropyEstimator est = estimator == null ? null : estimatorOrUsage();
        if (bootstrap == null && seed != null) {
            throw usage("--seed seeds the --bootstrap resamples: add --bootstrap B");
        }
        int replicates = bootstrap == null ? 0 : bootstrap;
        long s = seed == null ? dev.surprisal.inference.Bootstrap.DEFAULT_SEED : seed;
        settingsAsOptions(() -> ColumnEntropy.checkSettings(bins, est, replicates)); // before an engine starts
        ColumnEntropyReport.Result res;
        try (ProfileEngine e = engine.open(spec, table)) {
            res = e == null ? ColumnEntropyReport.of(table.open(data.path()), column, overrides, bins, base, est,
                    replicates, s, labels.normalize())
                    : ColumnEntropyReport.of(ColumnEntropyReport.inOptions(() -> e.entropy(engine.located(data),
                            table.delimiter, column, overrides, bins, est, base, replicates, s, labels.normalize())), base);
        }
        if (res.counted() != null) {
            Report r = measureCounts(res.counted().counts(), res.counted().value(), res.counted().estimator(), base);
            res.notes().forEach(r::note);
            r.warnings(res.warnings());
            ColumnEntropyReport.interval(r, List.of(Report.format(res.counted().value())), res.counted(), base);
            return r.field("input", "column").field("file", data.toString()).field("column", column)
                    .field("role", res.role()).field("distinct", (long) res.counted().counts().size());
        }
        return res.report().field("file", data.toString()).field("column", column);
    }

    /**
     * Runs {@code check}, the library's refusal of a setting ({@link ColumnEntropy#checkSettings}: {@code bins},
     * {@code bootstrap}) shown as a usage error naming the option and the value typed, e.g. {@code --bootstrap 5:
     * must be 0 (no interval) or lie in [10, 100000], got 5}.
     */
    private void settingsAsOptions(Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            if (e instanceof dev.surprisal.data.DataException || e.argument() == null) {
                throw e;
            }
            switch (e.argument()) {
                case "bins" -> throw usage(e.messageFor("--bins " + bins));
                case "bootstrap" -> throw usage(e.messageFor("--bootstrap " + bootstrap));
                default -> throw e;
            }
        }
    }

    private Report fromValues(Base base) {
        if (column != null) {
            throw usage("--column needs --data FILE");
        }
        if (values == null || values.isEmpty()) {
            throw usage("give probabilities (e.g. 0.5 0.5), counts with --counts, or --data FILE --column C");
        }
        if (estimator != null && !asCounts) {
            throw usage("--estimator works on counts: add --counts (or use --data)");
        }
        // the values are positional: named by what they are, not by the help's placeholder VALUE
        NumberList numbers = NumberList.parse(asCounts ? "the counts (--counts)" : "the probabilities", values,
                spec.commandLine());
        if (!asCounts) {
            Report notes = Report.empty();
            double[] p = numbers.probabilities("p", notes, spec.commandLine());
            double h = Entropy.of(p, base);
            Report r = Report.of("entropy", h, base.unit()).base(base).field("input", "probabilities");
            notes.notes().forEach(r::note);
            return explain(r, h, base, p.length);
        }
        double[] weights = numbers.values();
        return numbers.check("counts", () -> {
            Validate.nonNegativeFinite("counts", weights);
            return fromWeights(weights, base).field("input", "counts");
        });
    }

    private Report measureCounts(Counts c, Base base) {
        EntropyEstimator est = estimatorOrUsage();
        return measureCounts(c, ColumnEntropy.entropy(c, est, base), est.name(), base);
    }

    /** Renders the entropy {@code h} of counts {@code c} by the estimator named {@code est}, computed by the library. */
    private static Report measureCounts(Counts c, double h, String est, Base base) {
        Report r = Report.of("entropy", h, base.unit()).base(base)
                .field("estimator", est).field("n", c.total());
        if (est.equals("plug-in")) {
            return explain(r, h, base, c.nonZero());
        }
        double plugIn = Entropy.of(c, base);
        return r.sentences(() -> Explanations.correctedEntropy(h, plugIn, base, c.nonZero(), est));
    }

    private static Report explain(Report r, double h, Base base, int outcomes) {
        return r.sentences(() -> Explanations.entropy(h, base, outcomes));
    }

    private EntropyEstimator estimatorOrUsage() {
        String name = estimator == null ? "plug-in" : estimator;
        try {
            return EntropyEstimators.byName(name);
        } catch (ValidationException e) {
            throw usage("--" + e.getMessage());
        }
    }

    /** Whole counts go to the estimator; fractional weights only make sense for the plug-in value. */
    private Report fromWeights(double[] v, Base base) {
        boolean whole = true;
        long[] c = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            whole &= v[i] == Math.rint(v[i]) && v[i] < 1e15;
            c[i] = (long) v[i];
        }
        if (whole) {
            return measureCounts(Counts.of(c), base);
        }
        if (estimator != null && !estimator.equals("plug-in")) {
            throw new BadDataException("counts: --estimator " + estimator + " needs whole counts, got "
                    + firstFraction(v));
        }
        // Normalised after scaling by the largest weight, so counts such as 1e308 do not overflow the total.
        double h = Entropy.ofUnnormalized(v, base);
        return explain(Report.of("entropy", h, base.unit()).base(base).field("estimator", "plug-in"), h, base, v.length);
    }

    private static String firstFraction(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                return "value " + (i + 1) + " = " + v[i];
            }
        }
        return "a count too large";
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
