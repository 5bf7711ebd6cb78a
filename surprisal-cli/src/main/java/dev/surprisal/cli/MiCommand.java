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
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code surprisal mi}: mutual information between two columns of a table. Today: two discrete
 * columns, exact plug-in MI with a G-test and NMI. The continuous estimators (kNN) and
 * {@code --target} ranking are meant to be further modes of this class, chosen in {@link #call()}.
 */
@Command(name = "mi",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = {
                "Mutual information I(X;Y) = H(X) + H(Y) - H(X,Y): how much knowing one column",
                "removes uncertainty about the other. 0 means independent; unlike correlation it",
                "sees any kind of dependence, not only straight lines. Also printed: H(X), H(Y),",
                "the normalised MI (arithmetic mean of H(X) and H(Y), in [0,1]) and a G-test",
                "p-value for independence. Values are treated as categories.",
                ""},
        footer = {"",
                "Examples:",
                "  surprisal mi --data people.csv --x zip --y city",
                "  surprisal mi --data people.csv --x zip --y city --base e --json",
                "  surprisal mi --data survey.parquet --x plan --y churned --explain",
                "",
                "Plain output is one line per quantity: label, value, unit. The first line is I(X;Y)."})
public final class MiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A CSV, Parquet or JSON file.")
    Path data;

    @Option(names = "--x", required = true, paramLabel = "A", description = "The first column.")
    String x;

    @Option(names = "--y", required = true, paramLabel = "B", description = "The second column.")
    String y;

    @Override
    public Integer call() {
        Report report = discrete(TableInput.jointCounts(data, x, y), common.base());
        report.field("file", data.toString());
        report.print(common, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK;
    }

    /** MI of two discrete columns with its companions; public for reuse by later verbs. */
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
