package dev.surprisal.cli;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One column of a table prepared for mutual-information estimates, with missing values kept as
 * NaN (continuous) or −1 (discrete) so that each pair can drop its own incomplete rows.
 *
 * <p>A <b>continuous</b> column is scaled as scikit-learn's {@code mutual_info_regression} does:
 * divided by its population standard deviation (no centring), then noise
 * 1e-10·max(1, mean|x|)·N(0,1) is added from a generator seeded by the run's seed and the column's
 * position. The scaling matters because the KSG estimator measures distances in the joint space
 * with the max norm, which mixes the units of x and y; the noise breaks exact ties, which the kNN
 * estimators do not expect, without changing anything visible. A <b>discrete</b> column (a text,
 * boolean or date column, or a numeric column named in {@code --discrete}) keeps integer labels.
 */
final class MiColumn {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    final String name;
    final boolean discrete;
    /** Whether the values are numbers, so that Pearson r and Spearman ρ mean something. */
    final boolean numeric;
    /** Numbers as read (discrete text columns: their label codes), NaN where missing. */
    final double[] raw;
    /** Continuous: scaled and jittered values, NaN where missing; discrete: null. */
    final double[] scaled;
    /** Discrete: dense labels, −1 where missing; continuous: null. */
    final int[] labels;
    /** Number of rows with a value. */
    final int present;
    /** Whether every present value is the same (or fewer than two are present). */
    final boolean constant;

    private MiColumn(String name, boolean discrete, boolean numeric, double[] raw, double[] scaled, int[] labels) {
        this.name = name;
        this.discrete = discrete;
        this.numeric = numeric;
        this.raw = raw;
        this.scaled = scaled;
        this.labels = labels;
        int count = 0;
        double first = Double.NaN;
        boolean same = true;
        for (double v : raw) {
            if (!Double.isNaN(v)) {
                if (count++ == 0) {
                    first = v;
                } else if (v != first) {
                    same = false;
                }
            }
        }
        this.present = count;
        this.constant = same;
    }

    /** Prepares a column read from a file; {@code index} is its position, used to seed its noise. */
    static MiColumn of(Column column, boolean forceDiscrete, long seed, int index) {
        if (column instanceof CategoricalColumn c) {
            int[] codes = c.codes().clone();
            double[] raw = new double[codes.length];
            for (int i = 0; i < codes.length; i++) {
                raw[i] = codes[i] == CategoricalColumn.MISSING ? Double.NaN : codes[i];
                codes[i] = codes[i] == CategoricalColumn.MISSING ? -1 : codes[i];
            }
            return new MiColumn(c.name(), true, false, raw, null, codes);
        }
        NumericColumn n = (NumericColumn) column;
        double[] raw = n.values().clone();
        for (int i = 0; i < raw.length; i++) {
            if (Double.isInfinite(raw[i])) {
                throw new BadDataException("column " + n.name() + ", row " + (i + 1) + ": is infinite (" + raw[i] + ")");
            }
        }
        if (forceDiscrete) {
            return new MiColumn(n.name(), true, true, raw, null, labelsOf(raw));
        }
        return new MiColumn(n.name(), false, true, raw, scale(raw, seed, index), null);
    }

    /** Dense labels of the distinct values in order of appearance; −0.0 and 0.0 are one value; NaN → −1. */
    static int[] labelsOf(double[] values) {
        Map<Double, Integer> ids = new HashMap<>();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isNaN(values[i]) ? -1 : ids.computeIfAbsent(values[i] + 0.0, key -> ids.size());
        }
        return out;
    }

    private static double[] scale(double[] raw, long seed, int index) {
        double sum = 0.0;
        int m = 0;
        for (double v : raw) {
            if (!Double.isNaN(v)) {
                sum += v;
                m++;
            }
        }
        double mean = m == 0 ? 0.0 : sum / m;
        double ss = 0.0;
        for (double v : raw) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = m == 0 ? 0.0 : Math.sqrt(ss / m);
        double[] out = raw.clone();
        if (!(sd > 0.0)) {
            return out; // constant: never estimated, reported as carrying no information
        }
        double meanAbs = 0.0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] /= sd;
                meanAbs += Math.abs(out[i]);
            }
        }
        double noise = 1e-10 * Math.max(1.0, meanAbs / m);
        SplittableRandom rng = new SplittableRandom(seed + GOLDEN * (index + 1));
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] += noise * rng.nextGaussian();
            }
        }
        return out;
    }

    /**
     * A warning when a continuous column looks discrete: at most max(10, n/20) distinct values. The
     * kNN estimators assume no ties; the tie-breaking noise hides them from the estimator without
     * making the estimate right, so such a column should be named in {@code --discrete}. Null when fine.
     */
    String tieWarning() {
        if (discrete || constant) {
            return null;
        }
        long distinct = java.util.Arrays.stream(raw).filter(v -> !Double.isNaN(v)).map(v -> v + 0.0).distinct().count();
        if (distinct <= Math.max(10, present / 20)) {
            return "column " + name + " has only " + distinct + " distinct values among " + present
                    + " rows; the kNN estimators assume continuous data: if these are categories or counts,"
                    + " add --discrete " + name;
        }
        return null;
    }

    /** "continuous" or "discrete". */
    String kind() {
        return discrete ? "discrete" : "continuous";
    }
}
