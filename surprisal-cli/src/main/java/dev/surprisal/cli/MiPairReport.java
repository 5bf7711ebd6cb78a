package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.counts.ContingencyTable;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.counts.SparseContingencyTable;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.dependence.AverageMethod;
import dev.surprisal.dependence.NormalizedMutualInformation;
import dev.surprisal.inference.GTest;
import dev.surprisal.inference.IndependenceTestResult;
import dev.surprisal.measures.Entropy;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.selection.TargetRanking;

import java.nio.file.Path;

/**
 * {@code surprisal mi --x A --y B}: one pair, scored by the library exactly as one feature of a ranking
 * ({@link TargetRanking#score}, with B as the target), so the estimator follows the two roles: plug-in
 * for two discrete columns, Ross for discrete × continuous, KSG for two continuous. For two discrete
 * columns it adds H(X), H(Y), the normalised MI and the G-test, as before.
 */
final class MiPairReport {
    private MiPairReport() {
    }

    static Report run(TableReader file, String x, String y, RoleOverrides overrides, MiSettings s,
                      CommonOptions common) {
        MiTable t = MiTable.read(file, overrides, s.seed());
        MiVariable vx = t.variable(x, "--x");
        MiVariable vy = t.variable(y, "--y");
        RankedFeature f = TargetRanking.score(vx, vy, s.options());
        if (f.skipped() != null) {
            throw new BadDataException(f.skipped());
        }
        Base base = s.base();
        RoleDecision rx = MiRanking.decision(t, x);
        RoleDecision ry = MiRanking.decision(t, y);
        Report r = Report.empty().row("I(X;Y)", "mutual-information", base.fromNats(f.mi()), base.unit());
        r.note(x + ": " + rx.reason());
        r.note(y + ": " + ry.reason());
        r.note("estimator: " + f.estimator() + " (" + why(vx, vy) + ")");
        t.notes().forEach(r::note);
        if (f.n() < t.rows()) {
            r.note((t.rows() - f.n()) + " of " + t.rows() + " rows left out (a value missing in " + x + " or " + y + ")");
        }
        double hy = Double.NaN;
        if (vx.isDiscrete() && vy.isDiscrete()) {
            int[][] labels = labels(vx, vy);
            double hx = Entropy.of(LabelCounts.of(labels[0]), base);
            hy = Entropy.of(LabelCounts.of(labels[1]), base);
            r.row("H(X)", "entropy", hx, base.unit()).row("H(Y)", "entropy", hy, base.unit())
                    .field("entropy_x", hx).field("entropy_y", hy);
            SparseContingencyTable sparse = SparseContingencyTable.of(labels[0], labels[1]);
            if ((long) sparse.rows() * sparse.cols() <= SparseContingencyTable.DENSE_LIMIT) {
                ContingencyTable table = LabelCounts.table(labels[0], labels[1]);
                double nmi = NormalizedMutualInformation.of(table, AverageMethod.ARITHMETIC);
                IndependenceTestResult g = GTest.independence(table);
                r.row("NMI", "normalized-mutual-information", nmi, DivergenceMeasure.DIMENSIONLESS)
                        .row("G-test p", "g-test-p-value", g.pValue(), "probability")
                        .field("nmi", nmi).field("nmi_average", "arithmetic")
                        .field("g", g.statistic()).field("df", (long) g.degreesOfFreedom()).field("g_test_p", g.pValue());
                r.sentence(Explanations.pValue(g.pValue(), "G-test"));
            } else {
                r.note("no G-test: a " + sparse.rows() + " x " + sparse.cols() + " table is too sparse for its chi-squared"
                        + " approximation; the permutation test stands");
            }
        }
        if (f.test() != null) {
            r.row("permutation p", "permutation-p-value", f.pValue(), "probability")
                    .field("p_value", f.pValue())
                    .field("null_mean", base.fromNats(f.test().nullMean()))
                    .field("above_chance", base.fromNats(f.aboveChance()))
                    .field("permutations", (long) f.test().permutations())
                    .field("test_rows", (long) f.testRows());
        }
        r.base(base)
                .field("x", x).field("y", y)
                .field("x_role", rx.role().label()).field("y_role", ry.role().label())
                .field("n", (long) f.n())
                .field("estimator", f.estimator())
                .field("estimator_reason", why(vx, vy))
                .field("monotone_mi", base.fromNats(f.miMonotone()))
                .field("pearson", f.pearson())
                .field("verdict", f.verdict().label())
                .field("explanation", f.verdict().sentence())
                .field("seed", s.seed());
        if (vx.isDiscrete() && vy.isDiscrete()) {
            Explanations.mutualInformation(base.fromNats(f.mi()), Double.NaN, hy, base, x, y).forEach(r::sentence);
        }
        Explanations.featureRelevance(f, y, base, s.options().alpha()).forEach(r::sentence);
        return r;
    }

    private static String why(MiVariable a, MiVariable b) {
        if (a.isDiscrete() && b.isDiscrete()) {
            return "two discrete columns: the plug-in MI of their table";
        }
        if (!a.isDiscrete() && !b.isDiscrete()) {
            return "two continuous columns: Kraskov-Stoegbauer-Grassberger kNN, algorithm 1";
        }
        return "a discrete and a continuous column: Ross (2014) kNN";
    }

    /** Labels of the rows where both have a value. */
    private static int[][] labels(MiVariable a, MiVariable b) {
        int m = 0;
        for (int i = 0; i < a.rows(); i++) {
            if (!a.isMissing(i) && !b.isMissing(i)) {
                m++;
            }
        }
        int[][] out = new int[2][m];
        m = 0;
        for (int i = 0; i < a.rows(); i++) {
            if (!a.isMissing(i) && !b.isMissing(i)) {
                out[0][m] = (int) a.estimatorValue(i);
                out[1][m++] = (int) b.estimatorValue(i);
            }
        }
        return out;
    }
}
