package dev.surprisal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.surprisal.continuous.GaoMixedMutualInformation;
import dev.surprisal.continuous.KraskovMutualInformation;
import dev.surprisal.continuous.RossMutualInformation;
import dev.surprisal.core.Base;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.selection.MiVariable;
import dev.surprisal.dependence.MutualInformation;
import dev.surprisal.knn.PointSet;
import dev.surprisal.selection.DependenceMeasure;
import dev.surprisal.selection.FeatureSelection;
import dev.surprisal.selection.JointDependenceMeasure;
import dev.surprisal.selection.SelectedFeature;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code surprisal mi --target Y --select K --method mrmr|jmi}: greedy forward selection by
 * {@link FeatureSelection} with the estimators plugged in by column kind, on the rows where the target
 * and every feature have a value. Continuous columns are never binned:
 * <ul>
 *   <li>I(f;s) and I(f;y): KSG1 (two continuous), Ross (one discrete), plug-in (two discrete);</li>
 *   <li>I(f, s; y) for JMI: KSG1 with a 2-D X when all three are continuous; Ross with a 2-D continuous
 *       side, or with the pair's combined label, when the other side is discrete; plug-in when all are
 *       discrete; the Gao et al. (2017) mixed estimator when the pair mixes a discrete and a continuous column.</li>
 * </ul>
 */
final class MiSelection {
    /** The selection criteria. */
    enum Method {
        MRMR, JMI;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private MiSelection() {
    }

    static Report select(MiTable table, MiVariable target, int count, Method method, MiSettings s, CommonOptions common) {
        List<MiVariable> features = table.variables().stream().filter(c -> c != target).toList();
        int[] rows = completeRows(table.variables());
        if (rows.length <= s.k()) {
            throw new BadDataException("only " + rows.length + " rows have every column filled; selection needs more than k = " + s.k());
        }
        Map<double[], Boolean> discrete = new IdentityHashMap<>();
        String[] names = new String[features.size()];
        double[][] columns = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            names[j] = features.get(j).name();
            columns[j] = values(features.get(j), rows);
            discrete.put(columns[j], features.get(j).isDiscrete());
        }
        double[] y = values(target, rows);
        discrete.put(y, target.isDiscrete());
        int k = s.k();
        long calls = features.size() + (long) (count - 1) * features.size();
        List<SelectedFeature> chosen;
        try (Progress progress = Progress.start(method.label() + " selection", calls, common)) {
            DependenceMeasure pairMi = (a, b) -> {
                progress.step();
                return pair(a, discrete.get(a), b, discrete.get(b), k);
            };
            chosen = method == Method.MRMR
                    ? FeatureSelection.mrmr(names, columns, y, count, pairMi)
                    : FeatureSelection.jmi(names, columns, y, count, pairMi, (a, b) -> {
                        progress.step();
                        return joint(a, discrete.get(a[0]), discrete.get(a[1]), b, discrete.get(b), k);
                    });
        }
        return report(chosen, method, target, rows.length, table.rows(), s);
    }

    static double pair(double[] a, boolean da, double[] b, boolean db, int k) {
        if (!da && !db) {
            return KraskovMutualInformation.estimate(a, b, k, KraskovMutualInformation.Algorithm.KSG1, Base.NATS).nats();
        }
        if (da && db) {
            return MutualInformation.of(labels(a), labels(b), Base.NATS);
        }
        return RossMutualInformation.estimate(da ? b : a, labels(da ? a : b), k, Base.NATS).nats();
    }

    static double joint(double[][] a, boolean d0, boolean d1, double[] y, boolean dy, int k) {
        int n = y.length;
        if (d0 && d1) {
            int[] combined = combine(labels(a[0]), labels(a[1]));
            return dy ? MutualInformation.of(combined, labels(y), Base.NATS)
                    : RossMutualInformation.estimate(y, combined, k, Base.NATS).nats();
        }
        if (!d0 && !d1) {
            PointSet x = PointSet.ofColumns("features", a);
            return dy ? RossMutualInformation.estimate(x, labels(y), k, Base.NATS).nats()
                    : KraskovMutualInformation.estimate(x, PointSet.ofValues("target", y), k,
                            KraskovMutualInformation.Algorithm.KSG1, Base.NATS).nats();
        }
        return GaoMixedMutualInformation.estimate(PointSet.ofColumns("features", a), PointSet.wrap(n, 1, y.clone()),
                k, Base.NATS).nats();
    }

    private static Report report(List<SelectedFeature> chosen, Method method, MiVariable target, int n, int total,
                                 MiSettings s) {
        Base base = s.base();
        String unit = base.unit();
        String scoreName = method == Method.MRMR ? "relevance - redundancy" : "sum of I(f,s;" + target.name() + ")";
        TextTable text = new TextTable(List.of("step", "feature", "score (" + unit + ")", "I(f;" + target.name() + ") (" + unit + ")"));
        ArrayNode json = Report.arrayNode();
        int step = 1;
        for (SelectedFeature f : chosen) {
            text.add(List.of(Integer.toString(step), f.name(), TextTable.num(base.fromNats(f.score())),
                    TextTable.num(base.fromNats(f.relevance()))));
            ObjectNode o = json.addObject();
            o.put("step", step++);
            o.put("feature", f.name());
            Report.putNumber(o, "score", base.fromNats(f.score()));
            Report.putNumber(o, "relevance", base.fromNats(f.relevance()));
        }
        Report report = Report.empty().plain(text.lines())
                .field("measure", "feature-selection")
                .field("unit", unit)
                .base(base)
                .field("method", method.label())
                .field("score", scoreName)
                .field("target", target.name())
                .field("k", (long) s.k())
                .field("seed", s.seed())
                .field("n", (long) n)
                .field("selected", json);
        if (n < total) {
            report.note((total - n) + " of " + total + " rows left out: selection uses the rows where every column has a value");
        }
        Explanations.selection(method.label()).forEach(report::sentence);
        return report;
    }

    private static int[] completeRows(List<MiVariable> columns) {
        int total = columns.get(0).rows();
        List<Integer> keep = new ArrayList<>();
        outer:
        for (int i = 0; i < total; i++) {
            for (MiVariable c : columns) {
                if (c.isMissing(i)) {
                    continue outer;
                }
            }
            keep.add(i);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    // continuous: scaled and jittered values; discrete: labels as doubles (exact small integers)
    private static double[] values(MiVariable c, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = c.estimatorValue(rows[i]);
        }
        return out;
    }

    private static int[] labels(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static int[] combine(int[] a, int[] b) {
        int width = 0;
        for (int v : b) {
            width = Math.max(width, v + 1);
        }
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * width + b[i];
        }
        return out;
    }
}
