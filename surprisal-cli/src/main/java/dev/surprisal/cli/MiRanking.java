package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.core.Base;
import dev.surprisal.inference.Bootstrap;
import dev.surprisal.selection.NonlinearityRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code surprisal mi --target Y}: every other column ranked by its mutual information with the
 * target ({@link MiPair} picks KSG, Ross or plug-in by column kind), with Pearson r and Spearman ρ
 * beside it, a permutation test ({@link MiNullTest}: p-value, null mean, "MI above chance"), a
 * percentile bootstrap interval ({@link Bootstrap}) and the flag "nonlinear dependence: MI high,
 * |r| low" of {@link NonlinearityRule#DEFAULT}. Each feature uses the rows where it and the target
 * both have a value, and reports that n.
 */
final class MiRanking {
    static final String NONLINEAR = "nonlinear dependence: MI high, |r| low";

    /**
     * One ranked feature; values in nats, NaN where not computed (no test, no interval, r for text labels).
     *
     * @param skipped why no estimate was made, or null
     */
    record Row(String feature, String kind, int n, String estimator, double mi, double lower, double upper,
               double nullMean, double pValue, double pearson, double spearman, boolean nonlinear,
               List<String> warnings, String skipped) {
        double aboveChance() {
            return mi - nullMean;
        }
    }

    private MiRanking() {
    }

    /** Scores every column except {@code target} against it, sorted by MI, highest first. */
    static List<Row> rank(List<MiColumn> columns, MiColumn target, MiSettings s, CommonOptions common) {
        List<MiColumn> features = columns.stream().filter(c -> c != target).toList();
        long perFeature = work(s);
        List<Row> rows = new ArrayList<>();
        try (Progress progress = Progress.start("MI with " + target.name, perFeature * features.size(), common)) {
            for (MiColumn f : features) {
                rows.add(score(f, target, s, progress));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.skipped() != null)
                .thenComparing(Comparator.comparingDouble(Row::mi).reversed()));
        return rows;
    }

    /** Estimator calls per feature: the estimate, the permutations, and the bootstrap's B replicates plus its own estimate. */
    private static long work(MiSettings s) {
        return 1L + s.permutations() + (s.bootstrap() > 0 ? s.bootstrap() + 1L : 0L);
    }

    private static Row score(MiColumn f, MiColumn target, MiSettings s, Progress progress) {
        MiPair pair;
        try {
            pair = MiPair.of(f, target, s.k());
        } catch (RuntimeException e) {
            progress.stepBy(work(s));
            return skipped(f, e.getMessage());
        }
        if (pair.isConstant()) {
            progress.stepBy(work(s));
            String which = target.constant ? target.name : f.name;
            return new Row(f.name, f.kind(), pair.n(), pair.estimator.label, 0.0, 0.0, 0.0, 0.0, 1.0,
                    Double.NaN, Double.NaN, false,
                    List.of("column " + which + " is constant on these rows: it carries no information, MI = 0"), null);
        }
        try {
            double mi = pair.nats();
            progress.step();
            double nullMean = Double.NaN;
            double p = Double.NaN;
            if (s.permutations() > 0) {
                MiNullTest t = MiNullTest.run(pair, mi, s.permutations(), s.seed(), progress);
                nullMean = t.nullMean();
                p = t.pValue();
            }
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (s.bootstrap() > 0) {
                Bootstrap.Interval ci = Bootstrap.of(pair.n(), idx -> {
                    double v = pair.natsResampled(idx);
                    progress.step();
                    return v;
                }).withReplicates(s.bootstrap()).withSeed(s.seed()).withLevel(MiSettings.LEVEL).run();
                lower = ci.lower();
                upper = ci.upper();
            }
            double r = pair.pearson();
            double rho = pair.spearman();
            boolean nonlinear = !Double.isNaN(r) && NonlinearityRule.DEFAULT.test(mi, r);
            return new Row(f.name, f.kind(), pair.n(), pair.estimator.label, mi, lower, upper, nullMean, p,
                    r, rho, nonlinear, pair.warnings(), null);
        } catch (ValidationException e) {
            return skipped(f, e.getMessage());
        }
    }

    private static Row skipped(MiColumn f, String why) {
        return new Row(f.name, f.kind(), 0, "-", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false, List.of(), why);
    }

    /** The answer: an aligned table (plain) or a {@code features} array (JSON), notes for warnings. */
    static Report report(List<Row> rows, List<MiColumn> columns, MiColumn target, MiSettings s, int totalRows) {
        Base base = s.base();
        String unit = base.unit();
        TextTable table = new TextTable(List.of("feature", "n", "MI (" + unit + ")", "95% CI", "null mean",
                "above chance", "p", "pearson r", "spearman rho", "estimator", "flag"));
        ArrayNode json = Report.arrayNode();
        Report report = Report.empty();
        for (Row r : rows) {
            table.add(List.of(r.feature(), r.skipped() != null ? "-" : Integer.toString(r.n()),
                    TextTable.num(base.fromNats(r.mi())), interval(r, base),
                    TextTable.num(base.fromNats(r.nullMean())), TextTable.num(base.fromNats(r.aboveChance())),
                    TextTable.num(r.pValue()), TextTable.num(r.pearson()), TextTable.num(r.spearman()),
                    r.estimator(), r.skipped() != null ? "skipped" : r.nonlinear() ? NONLINEAR : ""));
            json.add(toJson(r, base));
            if (r.skipped() != null) {
                report.note(r.feature() + ": skipped: " + r.skipped());
            }
            for (String w : r.warnings()) {
                report.note(r.feature() + ": " + w);
            }
            if (r.skipped() == null && r.n() < totalRows) {
                report.note(r.feature() + ": " + (totalRows - r.n()) + " of " + totalRows
                        + " rows left out (a value missing in it or in " + target.name + ")");
            }
        }
        for (MiColumn c : columns) {
            if (c.tieWarning() != null) {
                report.note(c.tieWarning());
            }
        }
        report.plain(table.lines())
                .field("measure", "mutual-information-ranking")
                .field("unit", unit)
                .base(base)
                .field("target", target.name)
                .field("target_kind", target.kind())
                .field("rows", (long) totalRows)
                .field("k", (long) s.k())
                .field("seed", s.seed())
                .field("permutations", (long) s.permutations())
                .field("bootstrap", (long) s.bootstrap())
                .field("ci_level", MiSettings.LEVEL)
                .field("ci_method", "percentile")
                .field("scaling", "continuous columns divided by their population standard deviation,"
                        + " plus 1e-10*max(1, mean|x|)*N(0,1) noise from the seed (as scikit-learn)")
                .field("nonlinear_rule", "MI - gaussian(r) >= " + NonlinearityRule.DEFAULT.marginNats()
                        + " nats and MI >= " + NonlinearityRule.DEFAULT.ratio() + " * gaussian(r)"
                        + " and |r| < " + NonlinearityRule.DEFAULT.maxAbsR() + ", gaussian(r) = -0.5 ln(1 - r^2)")
                .field("features", json);
        for (Row r : rows) {
            if (r.skipped() == null) {
                Explanations.featureRelevance(r.feature(), target.name, r.mi(), r.pearson(), r.nonlinear(),
                        r.pValue(), r.aboveChance(), base).forEach(report::sentence);
            }
        }
        Explanations.rankingFootnotes(s.permutations() > 0, s.bootstrap() > 0).forEach(report::sentence);
        return report;
    }

    private static String interval(Row r, Base base) {
        return Double.isNaN(r.lower()) ? "-"
                : "[" + TextTable.num(base.fromNats(r.lower())) + ", " + TextTable.num(base.fromNats(r.upper())) + "]";
    }

    private static ObjectNode toJson(Row r, Base base) {
        ObjectNode o = Report.objectNode();
        o.put("feature", r.feature());
        o.put("kind", r.kind());
        o.put("n", r.n());
        o.put("estimator", r.estimator());
        Report.putNumber(o, "mi", base.fromNats(r.mi()));
        Report.putNumber(o, "ci_lower", base.fromNats(r.lower()));
        Report.putNumber(o, "ci_upper", base.fromNats(r.upper()));
        Report.putNumber(o, "null_mean", base.fromNats(r.nullMean()));
        Report.putNumber(o, "above_chance", base.fromNats(r.aboveChance()));
        Report.putNumber(o, "p_value", r.pValue());
        Report.putNumber(o, "pearson", r.pearson());
        Report.putNumber(o, "spearman", r.spearman());
        o.put("nonlinear", r.nonlinear());
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(w::add);
        if (r.skipped() != null) {
            o.put("skipped", r.skipped());
        }
        return o;
    }
}
