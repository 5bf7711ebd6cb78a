// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.cli.drift.EngineOptions;
import dev.surprisal.data.TableLocation;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.profile.ProfileEngine;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.inference.SequentialPermutationTest;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code surprisal mi}: mutual information in a table, in four modes, exactly one of which picocli lets
 * through ({@link Mode}, an exclusive {@code @ArgGroup}: two modes, none, or {@code --x} without
 * {@code --y} are usage errors naming the options, exit 2):
 * <ul>
 *   <li>{@code --x A --y B}: one pair, the estimator chosen by the two columns' roles ({@link MiPairReport});</li>
 *   <li>{@code --target Y}: every other column ranked by evidence ({@link MiRanking});</li>
 *   <li>{@code --target Y --select K}: greedy mRMR / JMI selection ({@link MiSelectionReport});</li>
 *   <li>{@code --matrix}: the pairwise MI of all columns ({@link MiMatrix}).</li>
 * </ul>
 * Roles come from the shared detector ({@code dev.surprisal.data.roles}); every analysis from the library
 * ({@code dev.surprisal.data.mi.MiTable}: {@code rank}, {@code pair}, {@code matrix}, {@code select}); this
 * class and the renderers only parse options and render.
 */
@Command(name = "mi",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        header = "Mutual information between the columns of a table.",
        description = {
                "Mutual information I(X;Y) = H(X) + H(Y) - H(X,Y): how much knowing one column",
                "removes uncertainty about the other. 0 means independent; unlike correlation it",
                "sees any kind of dependence, not only straight lines.",
                "",
                "--x A --y B   one pair: I(X;Y) by the estimator the two roles call for, with a",
                "              permutation p-value (random tables for two discrete columns, plus",
                "              the G-test where every expected count is >= 5).",
                "--target Y    rank every other column by evidence: those with q <= 0.05 (*) first,",
                "              then by MI above chance (the MI minus its mean on shuffled data, the",
                "              null of a large kNN pair drawn on the test's subsample), with the MI a",
                "              monotone trend carries, Pearson r and a",
                "              verdict: 'monotone' (correlation sees most of it), 'non-monotone'",
                "              (correlation misses most of it: U-shaped or other), 'dependent'",
                "              (a column is text: no order, so no shape), 'no-evidence',",
                "              'not-tested' (--permutations 0).",
                "              q is the p-value adjusted for testing every column (Benjamini-Hochberg,",
                "              false discovery rate 5%%: of the columns marked *, about 5%% or fewer",
                "              are expected to be noise; p <= 0.05 alone would mark 1 noise column",
                "              in 20). The mark and the verdict use q.",
                "--select K    with --target: choose K features by mRMR or JMI.",
                "--matrix      the MI of every pair of columns.",
                "",
                "Each column gets a role (printed on stderr, and in JSON): continuous numbers use kNN",
                "estimators (KSG between two, Ross against a discrete one), never bins; binary,",
                "few-valued (<= 20 values, not measurements each seen once) and text columns are labels",
                "(plug-in MI between two). A two-label text column (Yes/No, true/false) is binary,",
                "coded 0/1; as the target (or one side of --x/--y) also with blank cells, whose rows",
                "are left out as a 0/1 column's are; as a feature its blanks are a value of their own.",
                "id-like, timestamp, date and constant columns are left out, with the reason;",
                "--role COL=ROLE brings one back. Each pair uses the rows where both have a value.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal mi --data orders.csv --target churned",
                "  surprisal mi --data orders.csv --target churned --explain",
                "  surprisal mi --data orders.csv --x days_since_last --y churned",
                "  surprisal mi --data orders.csv --target churned --exclude country --permutations 999 --json",
                "  surprisal mi --data orders.csv --target amount --role n_items=continuous",
                "  surprisal mi --data sensors.csv --matrix",
                "  surprisal mi --data sensors.csv --target y --select 3 --method jmi",
                "  surprisal mi --data orders.parquet --target churned --engine spark --master local[2]",
                "",
                "Plain output: I(X;Y) first for --x/--y; an aligned table for the other modes."})
public final class MiCommand implements Callable<Integer> {
    /** Default seed of every random step, reported in the output. */
    public static final long DEFAULT_SEED = 42L;
    /** Pairs of --matrix above which the command warns before starting. */
    static final long MATRIX_WARN_PAIRS = 1_000_000L;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RoleOptions roles;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A CSV, Parquet or JSON file "
            + "(with --engine spark also an hdfs://, s3a://… file or directory).")
    TableLocation data;

    @Mixin
    TableOptions table;

    /** The mode: exactly one of --x/--y, --target (with --select), --matrix; picocli enforces it. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    /** The four modes; picocli names the options in its usage errors (exit 2). */
    static final class Mode {
        @ArgGroup(exclusive = false)
        PairMode pair;

        @ArgGroup(exclusive = false)
        TargetMode target;

        @Option(names = "--matrix", required = true, description = "The pairwise MI matrix of all columns.")
        boolean matrix;
    }

    /** {@code --x A --y B}: both required together. */
    static final class PairMode {
        @Option(names = "--x", required = true, paramLabel = "A", description = "With --y: the first column of one pair.")
        @DataArgument // a column name: what the library says about it is about the data
        String x;

        @Option(names = "--y", required = true, paramLabel = "B", description = "With --x: the second column of one pair.")
        @DataArgument // a column name: what the library says about it is about the data
        String y;
    }

    /** {@code --target Y}, optionally with {@code --select K}. */
    static final class TargetMode {
        @Option(names = "--target", required = true, paramLabel = "Y",
                description = "Rank every other column by evidence about Y.")
        @DataArgument // a column name: what the library says about it is about the data
        String target;

        @Option(names = "--select", paramLabel = "K", description = "With --target: select K features.")
        Integer select;
    }

    @Option(names = "--method", paramLabel = "M", defaultValue = "mrmr",
            description = "Selection criterion: mrmr or jmi. Default: ${DEFAULT-VALUE}.")
    MiSelection.Method method;

    @Option(names = "--k", paramLabel = "K", defaultValue = "3",
            description = "Neighbours of the kNN estimators. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--permutations", paramLabel = "B", defaultValue = "99",
            description = {"Most permutations of the sequential test (it stops after 10 shuffles reach the observed",
                    "MI, so a clear null costs ~20); 0 skips it; at most 1000000. Default: ${DEFAULT-VALUE}",
                    "(smallest p-value 0.01). With --target and m > 1 columns it is raised to",
                    "ceil(2m/0.05) - 1 (759 for 19 columns) so that q can reach 0.05; only columns",
                    "still in doubt draw that many."})
    int permutations;

    @Option(names = "--bootstrap", paramLabel = "B",
            description = {"Bootstrap replicates of the 95%% interval: 0 skips it, else 10 to 100000.",
                    "Default: 100, only for pairs of at most 20000 rows; given explicitly, for every pair."})
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the tie-breaking noise, permutations, subsamples and bootstrap. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--keep-duplicate-rows", description = {"Estimate on every row even when rows repeat earlier",
            "rows exactly as copies (a table loaded twice). By default such copies are left out, with a note:",
            "kNN estimators read a copy as dependence and tests would count each record twice."})
    boolean keepDuplicateRows;

    @Mixin
    LabelOptions labels;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() {
        Report report = threads.run(this::table);
        report.print(common, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK;
    }

    private Report table() {
        PairMode pairMode = mode.pair;
        String target = mode.target == null ? null : mode.target.target;
        Integer select = mode.target == null ? null : mode.target.select;
        MiSettings settings = settings();
        RoleOverrides overrides = overrides();
        if (pairMode != null) {
            String x = pairMode.x;
            String y = pairMode.y;
            try {
                MiTable.requireTwoColumns(x, y);
            } catch (ValidationException e) {
                throw usage("--" + e.getMessage()); // before reading the file: a usage error, exit 2
            }
            List<String> both = new ArrayList<>(List.of(x, y));
            RoleOverrides pairOverrides = overrides.columns() == null
                    ? overrides.withColumns(both, List.of("--x", "--y")) : overrides;
            if (engine.local()) {
                return MiPairReport.run(reader(), x, y, pairOverrides, settings, common).field("file", data.toString());
            }
            try (ProfileEngine e = engine.open(spec, table)) {
                ProfileEngine.Pair p = e.pair(engine.located(data), table.delimiter, x, y, pairOverrides, settings.options(),
                        settings.normalizeLabels());
                return MiPairReport.run(p.columns(), p.result(), settings, common).field("file", data.toString());
            }
        }
        if (target != null) {
            overrides = overrides.including(target, "--target"); // --columns picks the features
        }
        if (!engine.local() && select == null && !mode.matrix) {
            // an engine that ranks without holding the table (Spark: discrete pairs from merged counts)
            try (ProfileEngine e = engine.open(spec, table)) {
                ProfileEngine.Ranking ranked = e.ranking(engine.located(data), table.delimiter, target, overrides, settings.options(),
                        settings.normalizeLabels());
                if (ranked != null) {
                    requireTwo(ranked.columns().decisions().size());
                    return MiRanking.report(ranked.result(), ranked.columns(), settings.base()).field("file", data.toString());
                }
            }
        }
        if (mode.matrix) {
            return matrix(overrides, settings);
        }
        // the table as the target is read (a Yes/No target with blanks is binary, as its 0/1 form): the library's
        // rule, so the columns shown beside the ranking give the target's role as the ranking used it
        MiTable t = miTable(overrides).forTarget(target);
        requireTwo(t.variables().size());
        Report r;
        if (select != null) {
            int features = t.variables().size() - 1;
            if (select < 1 || select > features) {
                throw usage("--select " + select + ": must lie in [1, " + features + "], the number of features besides "
                        + target);
            }
            r = MiSelectionReport.select(t, target, select, method, settings, common);
        } else {
            r = MiRanking.run(t, target, settings, common);
        }
        return r.field("file", data.toString());
    }

    /** {@code --matrix} by the chosen engine: refused below two columns, warned about above a million pairs. */
    private Report matrix(RoleOverrides overrides, MiSettings settings) {
        Progress[] bar = new Progress[1];
        java.util.function.IntFunction<java.util.function.IntConsumer> start = columns -> {
            requireTwo(columns);
            long pairs = (long) columns * (columns - 1) / 2;
            if (pairs > MATRIX_WARN_PAIRS) {
                spec.commandLine().getErr().println("surprisal: warning: --matrix of " + columns + " columns means "
                        + pairs + " pairs, each a full estimate: this will take long; --columns or --target is cheaper");
                spec.commandLine().getErr().flush();
            }
            bar[0] = Progress.start("MI matrix", pairs, common);
            return one -> bar[0].step();
        };
        ProfileEngine.Matrix m;
        try (ProfileEngine e = engine.open(spec, table)) {
            if (e == null) {
                MiTable t = MiTable.read(reader(), overrides, seed, keepDuplicateRows, labels.normalize());
                m = new ProfileEngine.Matrix(t, t.matrix(settings.k(), start.apply(t.variables().size())));
            } else {
                m = e.matrix(engine.located(data), table.delimiter, overrides, settings.k(), seed, start, labels.normalize());
            }
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        return MiMatrix.report(m.columns(), m.result(), settings.base()).field("file", data.toString());
    }

    private void requireTwo(int scored) {
        if (scored < 2) {
            throw new BadDataException(data + ": has " + scored + " column(s) that mutual information can use"
                    + " (after roles and --columns/--exclude); it needs at least two");
        }
    }

    /** The table prepared for MI by the chosen engine ({@code --engine}): read locally, or by Spark. */
    private MiTable miTable(RoleOverrides overrides) {
        try (ProfileEngine e = engine.open(spec, table)) {
            return e == null ? MiTable.read(reader(), overrides, seed, keepDuplicateRows, labels.normalize())
                    : e.miTable(engine.located(data), table.delimiter, overrides, seed, labels.normalize());
        }
    }

    /** The table, with DuckDB's threads limited when {@code --threads} is given. */
    private dev.surprisal.data.TableReader reader() {
        dev.surprisal.data.TableReader r = table.open(data.path());
        return threads.given() ? r.withThreads(threads.threads()) : r;
    }

    /**
     * The usage error of a mode conflict in the words of this verb: picocli's messages for an exclusive
     * group list the group's syntax (and, for two sub-groups, "expected only one match"); this names the
     * options the user typed and what to do. Called by {@link ErrorHandlers} for this command's parse errors.
     *
     * @param message picocli's message
     * @param args    the command line as typed
     * @return the message to print
     */
    static String modeMessage(String message, String[] args) {
        if (message == null || !message.matches("(?s).*--(x|y|target|select|matrix)\\b.*")) {
            return message; // not about the modes (e.g. a missing --data)
        }
        java.util.Set<String> typed = new java.util.HashSet<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            typed.add(eq > 0 && a.startsWith("--") ? a.substring(0, eq) : a);
        }
        boolean pair = typed.contains("--x") || typed.contains("--y");
        boolean target = typed.contains("--target");
        boolean select = typed.contains("--select");
        int modes = (pair ? 1 : 0) + (target || select ? 1 : 0) + (typed.contains("--matrix") ? 1 : 0);
        if (select && !target) {
            return "--select needs --target";
        }
        if (modes == 0) {
            return "choose --x A --y B, --target Y or --matrix";
        }
        if (modes > 1) {
            return "--x/--y, --target and --matrix are different modes; use one";
        }
        if (pair && !(typed.contains("--x") && typed.contains("--y"))) {
            return "--x and --y go together";
        }
        return message;
    }

    private MiSettings settings() {
        if (k < 1) {
            throw usage("--k " + k + ": must be at least 1");
        }
        if (permutations < 0 || permutations > SequentialPermutationTest.MAX_PERMUTATIONS) {
            throw usage("--permutations " + permutations + ": must lie in [0, " + SequentialPermutationTest.MAX_PERMUTATIONS
                    + "] (0: no test)");
        }
        int b = bootstrap == null ? 100 : bootstrap;
        try {
            MiOptions.checkBootstrap(b); // the library's range; the CLI only words it as the option
        } catch (dev.surprisal.core.ValidationException e) {
            throw usage("--bootstrap " + b + ": must be 0 (no interval) or lie in [10, " + MiOptions.MAX_BOOTSTRAP + "]");
        }
        MiOptions o = MiOptions.defaults().withK(k).withPermutations(permutations).withBootstrap(b, bootstrap != null)
                .withSeed(seed).withBase(common.base()); // the library's notes state their numbers in --base
        if (keepDuplicateRows && !engine.local()) {
            throw usage("--keep-duplicate-rows: only with --engine local");
        }
        return new MiSettings(o, common.base(), keepDuplicateRows, labels.normalize());
    }

    private RoleOverrides overrides() {
        try {
            return roles.overrides(spec);
        } catch (ValidationException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
