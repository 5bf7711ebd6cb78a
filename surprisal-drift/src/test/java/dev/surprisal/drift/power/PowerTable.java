// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.Column;
import dev.surprisal.data.OwnedColumns;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Detection power of the default drift rule, through the library in memory: for each column type
 * (continuous, binary, discrete, categorical), sample size n (reference and day alike) and change,
 * the share of seeds whose changed column ends DRIFT (the default exit-1 verdict) and WARN or DRIFT,
 * with Clopper–Pearson 95% intervals; with no change, the false-alarm share per column and per
 * dataset (any of the four columns failing). Run with bench/drift_power.sh; arguments: seeds and
 * sample sizes, e.g. {@code 200 500,10000}; a size {@code m/N} scores days of m rows against a
 * reference of N rows (small days against a large reference, e.g. {@code 50/35000}); {@code log=FILE}
 * keeps each seed's outcome ({@link SeedLog}), so that a run at n = 1e6 can stop and resume.
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
    /** The categorical column's new label, after {@link #CAT_LABELS} in {@link #day}'s label index. */
    private static final int NEW = CAT_LABELS.length;

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
        // the categorical column as codes numbered by first appearance, as CategoricalColumn.of numbers its
        // labels: the same column without a String per row and a map lookup each (a third of a 1e6-row day)
        int[] cat = new int[n];
        int[] codeOf = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
        List<String> dictionary = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cont[i] = isCont && r.nextDouble() < ch.missing() ? Double.NaN : ch.shift() + ch.scale() * r.nextGaussian();
            bin[i] = isBin && r.nextDouble() < ch.missing() ? Double.NaN : r.nextDouble() < binRate ? 1 : 0;
            double u = r.nextDouble();
            disc[i] = isDisc && r.nextDouble() < ch.missing() ? Double.NaN : 1 + pick(p, u);
            double v = r.nextDouble();
            int label = isCat && r.nextDouble() < ch.missing() ? -1
                    : isCat && v < ch.newCategory() ? NEW : pick(catP, r.nextDouble());
            if (label >= 0 && codeOf[label] < 0) {
                codeOf[label] = dictionary.size();
                dictionary.add(label == NEW ? "new" : CAT_LABELS[label]);
            }
            cat[i] = label < 0 ? CategoricalColumn.MISSING : codeOf[label];
        }
        List<Column> cols = List.of(OwnedColumns.numeric("cont", cont), OwnedColumns.numeric("bin", bin),
                OwnedColumns.numeric("disc", disc), OwnedColumns.categorical("cat", cat, dictionary));
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

    /**
     * Prints the table.
     *
     * @param args seeds; sizes separated by commas ({@code n} or {@code m/N}); then, in any order,
     *             {@code targets} (no change and {@link #TARGETS} only) and {@code log=FILE} (each seed's
     *             outcome appended to FILE as it ends; seeds already there are read back, not run again)
     * @throws IOException if the log cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String sizes = args.length > 1 ? args[1] : "500,10000";
        boolean targets = false;
        Path log = null;
        for (int a = 2; a < args.length; a++) {
            if (args[a].equals("targets")) {
                targets = true;
            } else if (args[a].startsWith("log=")) {
                log = Path.of(args[a].substring(4));
            } else {
                throw new IllegalArgumentException("argument " + (a + 1) + ": '" + args[a]
                        + "' is neither 'targets' nor 'log=FILE'");
            }
        }
        DriftOptions rule = DriftOptions.defaults();
        header();
        // "targets": only no change and the power targets
        List<Change> changes = targets ? changes().stream()
                .filter(c -> c == NONE || TARGETS.contains(c.label())).toList() : changes();
        SeedLog seedLog = new SeedLog(log, targets ? "targets" : "all");
        for (String ns : sizes.split(",")) {
            // "m/N": days of m rows against a reference of N rows (a small day against a large reference);
            // "n": both of n rows
            String[] mn = ns.trim().split("/");
            int n = Integer.parseInt(mn[0]);
            int refRows = mn.length > 1 ? Integer.parseInt(mn[1]) : n;
            Outcome[] out = new Outcome[seeds];
            seedLog.read(ns.trim(), changes.size(), out);
            int[] todo = IntStream.range(0, seeds).filter(s -> out[s] == null).toArray();
            // Seeds are taken in increasing order by one task per core (the common pool), so the seeds a
            // stopped run logged are about a prefix; the counts do not depend on the order.
            AtomicInteger next = new AtomicInteger();
            IntStream.range(0, Math.min(todo.length, ForkJoinPool.getCommonPoolParallelism() + 1)).parallel()
                    .forEach(w -> {
                        for (int i = next.getAndIncrement(); i < todo.length; i = next.getAndIncrement()) {
                            int s = todo[i];
                            out[s] = seed(s, n, refRows, changes, rule);
                            seedLog.write(ns.trim(), s, out[s]);
                        }
                    });
            tally(ns.trim(), changes, out);
        }
    }

    /**
     * One seed's verdicts: per change, its column DRIFT and its column WARN or DRIFT (for no change: the
     * dataset's alarm); with no change, each of the four columns DRIFT and the dataset failing.
     */
    record Outcome(boolean[] drift, boolean[] any, boolean[] columns, boolean fails) {
    }

    /**
     * One seed: a reference of {@code refRows} rows, fitted once and shared by every change; each
     * change's day of {@code n} rows has its own stream.
     */
    static Outcome seed(int s, int n, int refRows, List<Change> changes, DriftOptions rule) {
        Profile ref = ProfileBuilder.fit(day(new SplittableRandom(1_000_003L * s + n), refRows, NONE),
                ProfileOptions.defaults());
        int k = changes.size();
        boolean[] drift = new boolean[k];
        boolean[] any = new boolean[k];
        boolean[] columns = new boolean[4];
        boolean fails = false;
        for (int ci = 0; ci < k; ci++) {
            Change ch = changes.get(ci);
            SplittableRandom r = new SplittableRandom((1_000_003L * s + n) * 131 + ci + 1);
            DriftReport rep = DriftScorer.compare(ref, ProfileBuilder.count(ref, day(r, n, ch)), rule);
            if (ch == NONE) {
                for (int c = 0; c < 4; c++) {
                    columns[c] = rep.columns().get(c).status() == Status.DRIFT;
                }
                fails = rep.fails();
                any[ci] = rep.alarm();
            } else {
                ColumnDrift c = rep.columns().stream().filter(x -> x.name().equals(ch.column())).findFirst()
                        .orElseThrow();
                drift[ci] = c.status() == Status.DRIFT;
                any[ci] = c.status().drifted();
            }
        }
        return new Outcome(drift, any, columns, fails);
    }

    /** The rows of one size from every seed's outcome. */
    private static void tally(String ns, List<Change> changes, Outcome[] out) {
        int seeds = out.length;
        for (int ci = 0; ci < changes.size(); ci++) {
            Change ch = changes.get(ci);
            int c0 = ci;
            int drift = (int) Arrays.stream(out).filter(o -> o.drift()[c0]).count();
            int any = (int) Arrays.stream(out).filter(o -> o.any()[c0]).count();
            if (ch == NONE) {
                String[] names = {"cont", "bin", "disc", "cat"};
                for (int c = 0; c < 4; c++) {
                    int c1 = c;
                    row(ns, names[c], "no change (false alarms)",
                            (int) Arrays.stream(out).filter(o -> o.columns()[c1]).count(), -1, seeds);
                }
                row(ns, "dataset", "no change (any column fails / any WARN)",
                        (int) Arrays.stream(out).filter(Outcome::fails).count(), any, seeds);
            } else {
                row(ns, ch.column(), ch.label(), drift, any, seeds);
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
