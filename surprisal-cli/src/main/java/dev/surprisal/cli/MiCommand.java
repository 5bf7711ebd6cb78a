package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.dependence.AverageMethod;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.dependence.NormalizedMutualInformation;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.IndependenceTestResult;
import dev.surprisal.measures.Entropy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code surprisal mi}: mutual information in a table, in four modes chosen in {@link #call()}:
 * <ul>
 *   <li>{@code --x A --y B}: two discrete columns, exact plug-in MI with H(X), H(Y), NMI and a G-test;</li>
 *   <li>{@code --target Y}: every other column ranked by MI with Y ({@link MiRanking});</li>
 *   <li>{@code --target Y --select K}: greedy mRMR / JMI selection ({@link MiSelection});</li>
 *   <li>{@code --matrix}: the pairwise MI of all columns ({@link MiMatrix}).</li>
 * </ul>
 * Continuous columns are estimated by kNN (KSG, Ross), never binned; see {@link MiPair}.
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
                "--x A --y B   two discrete columns: I(X;Y), H(X), H(Y), the normalised MI",
                "              (arithmetic mean) and a G-test p-value. Values are categories.",
                "--target Y    rank every other column by its MI with Y, with Pearson r, Spearman rho,",
                "              a permutation p-value, the permutation-null mean, MI above chance, a",
                "              bootstrap 95%% interval and the flag 'nonlinear dependence: MI high, |r| low'.",
                "--select K    with --target: choose K features by mRMR or JMI.",
                "--matrix      the MI of every pair of columns.",
                "",
                "Numeric columns are continuous: KSG (Kraskov et al. 2004, algorithm 1) between two of",
                "them, Ross (2014) against a discrete one, after dividing each by its standard deviation",
                "and adding 1e-10-scale noise from --seed to break ties, as scikit-learn does. Text,",
                "boolean and date columns, and those named in --discrete, are discrete (plug-in MI",
                "between two of them). Each pair uses the rows where both have a value.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal mi --data people.csv --x zip --y city",
                "  surprisal mi --data sensors.csv --target y",
                "  surprisal mi --data sensors.csv --target y --permutations 1000 --base e --json",
                "  surprisal mi --data sensors.csv --matrix",
                "  surprisal mi --data sensors.csv --target y --select 3 --method jmi --explain",
                "",
                "Plain output: I(X;Y) first for --x/--y; an aligned table for the other modes."})
public final class MiCommand implements Callable<Integer> {
    /** Default seed of every random step, reported in the output. */
    public static final long DEFAULT_SEED = 42L;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A CSV, Parquet or JSON file.")
    Path data;

    @Option(names = "--x", paramLabel = "A", description = "With --y: the first of two discrete columns.")
    @DataArgument // a column name: what the library says about it is about the data
    String x;

    @Option(names = "--y", paramLabel = "B", description = "With --x: the second of two discrete columns.")
    @DataArgument
    String y;

    @Option(names = "--target", paramLabel = "Y", description = "Rank every other column by its MI with Y.")
    @DataArgument
    String target;

    @Option(names = "--matrix", description = "The pairwise MI matrix of all columns.")
    boolean matrix;

    @Option(names = "--select", paramLabel = "K", description = "With --target: select K features.")
    Integer select;

    @Option(names = "--method", paramLabel = "M", defaultValue = "mrmr",
            description = "Selection criterion: mrmr or jmi. Default: ${DEFAULT-VALUE}.")
    MiSelection.Method method;

    @Option(names = "--k", paramLabel = "K", defaultValue = "3",
            description = "Neighbours of the kNN estimators. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--discrete", paramLabel = "COLS", split = ",",
            description = "Treat these numeric columns as discrete (comma-separated).")
    List<String> discrete = List.of();

    @Option(names = "--permutations", paramLabel = "B", defaultValue = "200",
            description = "Permutations of the independence test; 0 skips it. Default: ${DEFAULT-VALUE}.")
    int permutations;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "100",
            description = "Bootstrap replicates of the 95%% interval; 0 skips it, else at least 10. Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the tie-breaking noise, permutations and bootstrap. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        Report report = table();
        report.print(common, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK;
    }

    private Report table() {
        if (select != null && target == null) {
            throw usage("--select needs --target");
        }
        boolean pairMode = x != null || y != null;
        int modes = (pairMode ? 1 : 0) + (target != null ? 1 : 0) + (matrix ? 1 : 0);
        if (modes != 1) {
            throw usage(modes == 0 ? "choose --x A --y B, --target Y or --matrix"
                    : "--x/--y, --target and --matrix are different modes; use one");
        }
        if (pairMode) {
            if (x == null || y == null) {
                throw usage("--x and --y go together");
            }
            Report r = discrete(TableInput.jointCounts(data, x, y), common.base());
            r.field("file", data.toString());
            return r;
        }
        MiSettings settings = settings();
        MiTable t = MiTable.read(data, discrete, seed);
        if (matrix) {
            return MiMatrix.compute(t, settings, common);
        }
        MiColumn tgt = t.column(target, "--target");
        if (tgt.constant) {
            throw new BadDataException("--target " + target + ": is constant (or has fewer than two values);"
                    + " no column can carry information about it");
        }
        Report r;
        if (select != null) {
            int features = t.columns.size() - 1;
            if (select < 1 || select > features) {
                throw usage("--select " + select + ": must lie in [1, " + features + "], the number of features besides "
                        + target);
            }
            r = MiSelection.select(t, tgt, select, method, settings, common);
        } else {
            r = MiRanking.report(MiRanking.rank(t.columns, tgt, settings, common), t.columns, tgt, settings, t.rows);
        }
        return r.field("file", data.toString());
    }

    private MiSettings settings() {
        if (k < 1) {
            throw usage("--k " + k + ": must be at least 1");
        }
        if (permutations < 0) {
            throw usage("--permutations " + permutations + ": must be 0 (no test) or more");
        }
        if (bootstrap != 0 && bootstrap < 10) {
            throw usage("--bootstrap " + bootstrap + ": must be 0 (no interval) or at least 10");
        }
        return new MiSettings(k, permutations, bootstrap, seed, common.base());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** MI of two discrete columns with H(X), H(Y), NMI and the G-test. */
    Report discrete(ContingencyTable table, Base base) {
        double mi = MutualInformation.of(table, base);
        double hx = Entropy.of(table.rowCounts(), base);
        double hy = Entropy.of(table.colCounts(), base);
        double nmi = NormalizedMutualInformation.of(table, AverageMethod.ARITHMETIC);
        IndependenceTestResult g = GTest.independence(table);

        Report r = Report.empty()
                .row("I(X;Y)", "mutual-information", mi, base.unit())
                .row("H(X)", "entropy", hx, base.unit())
                .row("H(Y)", "entropy", hy, base.unit())
                .row("NMI", "normalized-mutual-information", nmi, DivergenceMeasure.DIMENSIONLESS)
                .row("G-test p", "g-test-p-value", g.pValue(), "probability")
                .base(base)
                .field("x", x).field("y", y)
                .field("n", table.total())
                .field("entropy_x", hx).field("entropy_y", hy)
                .field("nmi", nmi).field("nmi_average", "arithmetic")
                .field("g", g.statistic()).field("df", (long) g.degreesOfFreedom()).field("p_value", g.pValue())
                .field("estimator", "plug-in");
        Explanations.mutualInformation(mi, hx, hy, base, x, y).forEach(r::sentence);
        r.sentence(Explanations.pValue(g.pValue(), "G-test"));
        return r;
    }
}
