// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;
import org.apache.commons.statistics.distribution.BetaDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Detection power of the default drift rule, through the library in memory: for each column type
 * (continuous, binary, discrete, categorical), sample size n (reference and day alike) and change,
 * the share of seeds whose changed column ends DRIFT (the default exit-1 verdict) and WARN or DRIFT,
 * with Clopper–Pearson 95% intervals; with no change, the false-alarm share per column and per
 * dataset (any of the four columns failing). Run with bench/drift_power.sh; arguments: seeds and
 * sample sizes, e.g. {@code 200 500,10000}; a size {@code m/N} scores days of m rows against a
 * reference of N rows (small days against a large reference, e.g. {@code 50/35000}).
 *
 * <p>The data: {@code cont} ~ N(0, 1); {@code bin} 0/1 with P(1) = 0.2; {@code disc} in 1..6 with
 * P = (.35, .25, .15, .12, .08, .05); {@code cat} in 8 labels with P = (.3, .15, .12, .12, .08, .08,
 * .08, .07). The same process is re-implemented for Evidently's rules in bench/drift_power_evidently.py.
 */
public final class PowerTable {
    private static final double[] DISC = {0.35, 0.25, 0.15, 0.12, 0.08, 0.05};
    private static final double[] CAT = {0.30, 0.15, 0.12, 0.12, 0.08, 0.08, 0.08, 0.07};

    /** One change: which column, and the day's parameters. */
    record Change(String column, String label, double shift, double scale, double binRate, double move,
                  double newCategory, double missing) {
    }

    static final Change NONE = new Change("-", "no change", 0, 1, 0.2, 0, 0, 0);

    /** The changes whose power the issue targets at n = 1e4 (at least 80%). */
    static final List<String> TARGETS = List.of("mean +0.5 sd", "sd x 1.5", "rate +15 points", "new category 5%");

    /** The move of the first value's share (label c0) when the categorical column is the one changed. */
    private static double catMove(Change ch) {
        return ch.column().equals("cat") ? ch.move() : 0;
    }

    static List<Change> changes() {
        List<Change> c = new ArrayList<>();
        c.add(NONE);
        for (double s : new double[] {0.1, 0.25, 0.5}) {
            c.add(new Change("cont", "mean +" + s + " sd", s, 1, 0.2, 0, 0, 0));
        }
        for (double k : new double[] {1.25, 1.5}) {
            c.add(new Change("cont", "sd x " + k, 0, k, 0.2, 0, 0, 0));
        }
        c.add(new Change("cont", "missing +5 points", 0, 1, 0.2, 0, 0, 0.05));
        for (double d : new double[] {0.05, 0.15}) {
            c.add(new Change("bin", "rate +" + Math.round(100 * d) + " points", 0, 1, 0.2 + d, 0, 0, 0));
        }
        c.add(new Change("bin", "missing +5 points", 0, 1, 0.2, 0, 0, 0.05));
        for (double d : new double[] {0.05, 0.15}) {
            c.add(new Change("disc", "value 1 +" + Math.round(100 * d) + " points", 0, 1, 0.2, d, 0, 0));
        }
        c.add(new Change("disc", "missing +5 points", 0, 1, 0.2, 0, 0, 0.05));
        for (double d : new double[] {0.01, 0.05}) {
            c.add(new Change("cat", "new category " + Math.round(100 * d) + "%", 0, 1, 0.2, 0, d, 0));
        }
        c.add(new Change("cat", "missing +5 points", 0, 1, 0.2, 0, 0, 0.05));
        for (double d : new double[] {0.05, 0.15}) {
            c.add(new Change("cat", "c0 +" + Math.round(100 * d) + " points", 0, 1, 0.2, d, 0, 0));
        }
        return c;
    }

    private static final String[] CAT_LABELS = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"};

    static Table day(SplittableRandom r, int n, Change ch) {
        boolean isCont = ch.column().equals("cont");
        boolean isBin = ch.column().equals("bin");
        boolean isDisc = ch.column().equals("disc");
        boolean isCat = ch.column().equals("cat");
        double binRate = isBin ? ch.binRate() : 0.2;
        double[] p = DISC.clone();
        if (isDisc && ch.move() > 0) {
            p[0] += ch.move();
            for (int k = 1; k < p.length; k++) {
                p[k] *= (1 - DISC[0] - ch.move()) / (1 - DISC[0]);
            }
        }
        double[] catP = catShares(ch);
        double[] cont = new double[n];
        double[] bin = new double[n];
        double[] disc = new double[n];
        String[] cat = new String[n];
        for (int i = 0; i < n; i++) {
            cont[i] = isCont && r.nextDouble() < ch.missing() ? Double.NaN : ch.shift() + ch.scale() * r.nextGaussian();
            bin[i] = isBin && r.nextDouble() < ch.missing() ? Double.NaN : r.nextDouble() < binRate ? 1 : 0;
            double u = r.nextDouble();
            disc[i] = isDisc && r.nextDouble() < ch.missing() ? Double.NaN : 1 + pick(p, u);
            double v = r.nextDouble();
            cat[i] = isCat && r.nextDouble() < ch.missing() ? null
                    : isCat && v < ch.newCategory() ? "new" : CAT_LABELS[pick(catP, r.nextDouble())];
        }
        List<Column> cols = List.of(NumericColumn.of("cont", cont), NumericColumn.of("bin", bin),
                NumericColumn.of("disc", disc), CategoricalColumn.of("cat", cat));
        return Table.of(cols);
    }

    private static double[] catShares(Change ch) {
        double move = catMove(ch);
        if (move == 0) {
            return CAT;
        }
        double[] p = CAT.clone();
        p[0] += move;
        for (int k = 1; k < p.length; k++) {
            p[k] *= (1 - CAT[0] - move) / (1 - CAT[0]);
        }
        return p;
    }

    private static int pick(double[] p, double u) {
        double c = 0;
        for (int i = 0; i < p.length; i++) {
            c += p[i];
            if (u < c) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** Clopper–Pearson 95% interval of x successes in n. */
    static double[] clopperPearson(int x, int n) {
        double lo = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1.0).inverseCumulativeProbability(0.025);
        double hi = x == n ? 1 : BetaDistribution.of(x + 1.0, n - x).inverseCumulativeProbability(0.975);
        return new double[] {lo, hi};
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String sizes = args.length > 1 ? args[1] : "500,10000";
        DriftOptions rule = DriftOptions.defaults();
        header();
        // "targets": only no change and the power targets (for n = 1e6, where each seed costs seconds)
        List<Change> changes = args.length > 2 && args[2].equals("targets") ? changes().stream()
                .filter(c -> c == NONE || TARGETS.contains(c.label())).toList() : changes();
        for (String ns : sizes.split(",")) {
            // "m/N": days of m rows against a reference of N rows (a small day against a large reference);
            // "n": both of n rows
            String[] mn = ns.trim().split("/");
            int n = Integer.parseInt(mn[0]);
            int refRows = mn.length > 1 ? Integer.parseInt(mn[1]) : n;
            // One reference per seed, shared by every change; each change's day has its own stream. Seeds run
            // in parallel (the common pool: all cores); the counts do not depend on the order.
            int k = changes.size();
            AtomicIntegerArray drift = new AtomicIntegerArray(k);
            AtomicIntegerArray any = new AtomicIntegerArray(k);
            AtomicIntegerArray perColumn = new AtomicIntegerArray(4);
            AtomicIntegerArray dataset = new AtomicIntegerArray(1);
            IntStream.range(0, seeds).parallel().forEach(s -> {
                Profile ref = ProfileBuilder.fit(day(new SplittableRandom(1_000_003L * s + n), refRows, NONE),
                        ProfileOptions.defaults());
                for (int ci = 0; ci < k; ci++) {
                    Change ch = changes.get(ci);
                    SplittableRandom r = new SplittableRandom((1_000_003L * s + n) * 131 + ci + 1);
                    DriftReport rep = DriftScorer.compare(ref, ProfileBuilder.count(ref, day(r, n, ch)), rule);
                    if (ch == NONE) {
                        for (int c = 0; c < 4; c++) {
                            perColumn.addAndGet(c, rep.columns().get(c).status() == Status.DRIFT ? 1 : 0);
                        }
                        dataset.addAndGet(0, rep.fails() ? 1 : 0);
                        any.addAndGet(ci, rep.alarm() ? 1 : 0);
                    } else {
                        ColumnDrift c = rep.columns().stream().filter(x -> x.name().equals(ch.column())).findFirst()
                                .orElseThrow();
                        drift.addAndGet(ci, c.status() == Status.DRIFT ? 1 : 0);
                        any.addAndGet(ci, c.status().drifted() ? 1 : 0);
                    }
                }
            });
            for (int ci = 0; ci < k; ci++) {
                Change ch = changes.get(ci);
                if (ch == NONE) {
                    String[] names = {"cont", "bin", "disc", "cat"};
                    for (int c = 0; c < 4; c++) {
                        row(ns.trim(), names[c], "no change (false alarms)", perColumn.get(c), -1, seeds);
                    }
                    row(ns.trim(), "dataset", "no change (any column fails / any WARN)", dataset.get(0), any.get(ci),
                            seeds);
                } else {
                    row(ns.trim(), ch.column(), ch.label(), drift.get(ci), any.get(ci), seeds);
                }
            }
        }
    }

    /** The Markdown table's header, the columns of {@link #row}. */
    static void header() {
        System.out.printf(Locale.ROOT, "| n | column | change | DRIFT (exit 1) | 95%% CI | WARN or DRIFT | 95%% CI |%n");
        System.out.printf(Locale.ROOT, "|---|---|---|---|---|---|---|%n");
    }

    /** One Markdown row: the DRIFT share and the WARN-or-DRIFT share ({@code any} < 0: none), each with its interval. */
    static void row(String n, String column, String change, int drift, int any, int seeds) {
        double[] a = clopperPearson(drift, seeds);
        String warn = any < 0 ? "- | -" : String.format(Locale.ROOT, "%.1f%% | %.1f–%.1f%%", 100.0 * any / seeds,
                100 * clopperPearson(any, seeds)[0], 100 * clopperPearson(any, seeds)[1]);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f%% | %.1f–%.1f%% | %s |%n", n, column, change,
                100.0 * drift / seeds, 100 * a[0], 100 * a[1], warn);
        System.out.flush();
    }
}
