package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.core.ValidationException;
import dev.surprisal.counts.Counts;
import dev.surprisal.counts.LabelCounts;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.ValueCounts;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleDecision;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.continuous.spacing.SpacingEntropy;
import dev.surprisal.estimators.EntropyEstimator;
import dev.surprisal.measures.Entropy;
import dev.surprisal.selection.MiVariable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code entropy --data F --column C}: what the column's role calls for. Discrete, text, id-like and
 * timestamp columns: the counts of their values (the caller applies the estimator). A continuous column:
 * the differential entropy by Vasicek's spacing estimator (as {@code scipy.stats.differential_entropy(
 * method='vasicek')}, window ⌊√n + 0.5⌋), labelled as such; with {@code --bins N}, the Shannon entropy of
 * N equal-width bins over [min, max] (numpy's {@code histogram} edges), labelled with the binning. The
 * plug-in entropy of raw floats (every value its own outcome) is never printed: it only counts distinct values.
 */
final class ColumnEntropyReport {
    /** Either counts (discrete) or a finished report (continuous), with notes about the role. */
    record Result(Counts counts, Report report, String role, List<String> notes) {
    }

    private ColumnEntropyReport() {
    }

    static Result of(TableReader reader, String column, RoleOverrides overrides, Integer bins, Base base,
                     Supplier<EntropyEstimator> estimator) {
        Path file = reader.file();
        ColumnRoles roles = ColumnRoles.detect(reader, overrides);
        RoleDecision d = roles.decision(column);
        List<String> notes = new ArrayList<>();
        notes.add(column + ": " + d.reason());
        if (d.role() != ColumnRole.CONTINUOUS) {
            if (bins != null) {
                throw new BadDataException("--bins: " + column + " is " + d.role().label() + ", not continuous; its values"
                        + " are already outcomes (--role " + column + "=continuous to bin it anyway)");
            }
            if (d.role() == ColumnRole.ID_LIKE) {
                notes.add(column + ": nearly every value is distinct, so its entropy is about log(n) and says only that");
            }
            ValueCounts counts = reader.valueCounts(column);
            return new Result(counts.counts(), null, d.role().label(), notes);
        }
        MiTable t = MiTable.of(reader.read(), roles, 0L, file);
        MiVariable v = t.variable(column, "--column");
        double[] sample = new double[v.present()];
        int m = 0;
        for (int i = 0; i < v.rows(); i++) {
            if (!v.isMissing(i)) {
                sample[m++] = v.value(i);
            }
        }
        notes.addAll(t.notes());
        if (v.present() < v.rows()) {
            notes.add(column + ": " + (v.rows() - v.present()) + " of " + v.rows() + " rows have no number and are left out");
        }
        Report r;
        if (bins == null) {
            double h;
            try {
                h = SpacingEntropy.estimate(sample, SpacingEntropy.Method.VASICEK, base);
            } catch (ValidationException e) {
                throw new BadDataException(column + ": the spacing estimator needs more distinct values ("
                        + e.getMessage() + "); --bins N gives the entropy of a binning instead");
            }
            int window = SpacingEntropy.defaultWindowLength(sample.length);
            // labelled even in plain mode: a lone number here would read as a Shannon entropy
            r = Report.of("differential-entropy", h, base.unit()).base(base)
                    .plain(List.of("differential entropy\t" + Report.format(h) + "\t" + base.unit()
                            + " (Vasicek, n = " + sample.length + ")"))
                    .field("input", "column").field("role", "continuous")
                    .field("estimator", "vasicek").field("window", (long) window).field("n", (long) sample.length)
                    .field("definition", "differential entropy h(X) = -integral f(x) log f(x) dx of the column's"
                            + " density, in " + base.unit() + " of its own units; it can be negative, and it shifts by"
                            + " log(c) when the values are multiplied by c");
            r.sentence("The differential entropy of " + column + " is " + Explanations.num(h) + " " + base.unit()
                    + " (Vasicek's spacing estimator, window " + window + ", " + sample.length + " values).");
            r.sentence("It is not a count of equally likely outcomes: a continuous column has infinitely many, and"
                    + " its differential entropy depends on the unit of the values (x 1000 adds log 1000).");
        } else {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : sample) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            int[] bin = new int[sample.length];
            double width = (max - min) / bins;
            for (int i = 0; i < sample.length; i++) {
                int b = width > 0 ? (int) ((sample[i] - min) / width) : 0;
                bin[i] = Math.min(b, bins - 1); // the last edge is inclusive, as numpy's
            }
            Counts c = LabelCounts.of(bin);
            EntropyEstimator est = estimator.get();
            double h = est.name().equals("plug-in") ? Entropy.of(c, base) : est.entropy(c, base);
            r = Report.of("binned-entropy", h, base.unit()).base(base)
                    .plain(List.of("entropy of " + bins + " equal-width bins\t" + Report.format(h) + "\t" + base.unit()))
                    .field("input", "column").field("role", "continuous")
                    .field("binning", bins + " equal-width bins over [" + min + ", " + max + "]")
                    .field("bins", (long) bins).field("occupied_bins", (long) c.nonZero())
                    .field("estimator", est.name()).field("n", (long) sample.length);
            r.sentence("The entropy of " + column + " cut into " + bins + " equal-width bins over [" + Explanations.num(min)
                    + ", " + Explanations.num(max) + "] is " + Explanations.num(h) + " " + base.unit() + " ("
                    + c.nonZero() + " bins occupied); it is a property of this binning: more bins give more.");
        }
        notes.forEach(r::note);
        return new Result(null, r, "continuous", notes);
    }
}
