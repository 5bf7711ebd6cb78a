// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.examples;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.TableReader;
import dev.surprisal.data.mi.MiTable;
import dev.surprisal.data.mi.RankingResult;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitoredCheck;
import dev.surprisal.drift.rules.TrendRule;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.HistoryPoint;
import dev.surprisal.selection.DependenceVerdict;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.RankedFeature;
import dev.surprisal.variational.ElboTerms;
import dev.surprisal.variational.LinearGaussianModel;
import dev.surprisal.variational.MultivariateGaussian;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Surprisal from Java, as a project that depends on the released artifacts would use it: what
 * {@code surprisal mi --target}, {@code surprisal drift compare}, {@code surprisal drift baseline}/{@code check}
 * with a store and {@code surprisal elbo} do, each in a few calls on in-memory data or on files. Each section checks its own result and the program exits 1 if one is
 * not what the data were made to show, so CI runs it as a test of the published API.
 */
public final class Examples {
    private Examples() {
    }

    /**
     * Runs the five examples.
     *
     * @param args none
     */
    public static void main(String[] args) {
        boolean ok = rankFeatures() & scoreDrift() & scoreDriftOfFiles() & monitorWithStore() & elboGap();
        System.out.println(ok ? "all examples gave the expected results" : "an example did not give the expected result");
        System.exit(ok ? 0 : 1);
    }

    /** MI ranking by evidence: y depends on x through a U-shape that Pearson's r does not see. */
    static boolean rankFeatures() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] noise = new double[n];
        double[] id = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
            y[i] = x[i] * x[i] + 0.05 * r.nextGaussian();
            noise[i] = r.nextGaussian();
            id[i] = 1000 + i;
        }
        Table table = Table.of(List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NumericColumn.of("noise", noise), NumericColumn.of("order_id", id)));
        MiTable mi = MiTable.of(table, ColumnRoles.detect(table, RoleOverrides.none()), 42, null);
        RankingResult result = mi.ranking("y", MiOptions.defaults(), done -> { }); // what `surprisal mi --target y` shows
        List<RankedFeature> ranking = result.features();
        System.out.println("== MI ranking of the features of y (nats) ==");
        for (RankedFeature f : ranking) {
            System.out.printf(Locale.ROOT, "%-8s MI %.3f  above chance %.3f  p %.3g  r %+.3f  %s%n", f.feature(), f.mi(),
                    f.aboveChance(), f.pValue(), f.pearson(), f.verdict() == null ? f.skipped() : f.verdict().label());
        }
        result.notes().forEach(note -> System.out.println("note: " + note));
        System.out.println("ranking: " + result.rankingRule());
        RankedFeature top = ranking.get(0);
        return check(top.feature().equals("x") && top.verdict() == DependenceVerdict.NON_MONOTONE
                        && ranking.stream().noneMatch(f -> f.feature().equals("order_id")),
                "x ranks first, non-monotone, and the id column is left out");
    }

    /** Drift between two in-memory tables: a 0/1 flag moving from 20% to 35% of rows. */
    static boolean scoreDrift() {
        Table reference = orders(new SplittableRandom(2), 10_000, 0.20);
        Table today = orders(new SplittableRandom(3), 10_000, 0.35);
        Profile profile = ProfileBuilder.fit(reference, ProfileOptions.defaults());
        DriftReport report = DriftScorer.compare(profile, ProfileBuilder.count(profile, today), DriftOptions.defaults());
        System.out.println("== Drift of today's orders against the reference ==");
        for (ColumnDrift c : report.bySeverity()) {
            System.out.printf(Locale.ROOT, "%-8s %-11s PSI %.4f  TV %.4f  %s: %s%n", c.name(), c.role().label(), c.psi(),
                    c.totalVariation(), c.status(), c.reason());
        }
        ColumnDrift churned = report.columns().stream().filter(c -> c.name().equals("churned")).findFirst().orElseThrow();
        return check(churned.status() == Status.DRIFT && report.drifted().size() == 1,
                "churned is DRIFT and nothing else is");
    }

    /**
     * Drift between two files, as {@code surprisal drift compare reference.csv today.csv} decides it: the
     * same calls on a {@link TableReader} of each file (CSV, Parquet or JSON, the format from the extension).
     */
    static boolean scoreDriftOfFiles() {
        Path dir = tempDir();
        try {
            Path referenceFile = writeOrders(dir.resolve("reference.csv"), new SplittableRandom(2), 10_000, 0.20);
            Path todayFile = writeOrders(dir.resolve("today.csv"), new SplittableRandom(3), 10_000, 0.35);
            Profile reference = ProfileBuilder.fit(TableReader.open(referenceFile), ProfileOptions.defaults());
            Profile today = ProfileBuilder.count(reference, TableReader.open(todayFile)); // on the reference's bins
            DriftReport report = DriftScorer.compare(reference, today, DriftOptions.defaults());
            List<Alarm> alarms = MonitoredCheck.alarms(report, List.of(), null); // no history: level and dataset alarms
            Status verdict = MonitoredCheck.verdict(report, alarms);
            System.out.println("== Drift of today.csv against reference.csv ==");
            for (ColumnDrift c : report.bySeverity()) {
                System.out.printf(Locale.ROOT, "%-8s %-11s %s: %s%n", c.name(), c.role().label(), c.status(), c.reason());
            }
            System.out.println("verdict " + verdict + ", exit code " + (MonitoredCheck.fails(report, alarms) ? 1 : 0));
            return check(verdict == Status.DRIFT && report.drifted().size() == 1
                            && report.drifted().get(0).name().equals("churned"),
                    "churned is DRIFT in the files and nothing else is");
        } finally {
            delete(dir);
        }
    }

    /** {@link #orders} written as a CSV file. */
    private static Path writeOrders(Path file, SplittableRandom r, int n, double churn) {
        StringBuilder b = new StringBuilder("amount,churned,country\n");
        String[] countries = {"DE", "FR", "NO", "PT"};
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "%.4f,%d,%s%n", Math.exp(4.5 + 0.5 * r.nextGaussian()),
                    r.nextDouble() < churn ? 1 : 0, countries[r.nextInt(countries.length)]));
        }
        try {
            return Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A monitored check with history, as {@code surprisal drift baseline} and {@code drift check} do:
     * the baseline is kept in a store (a DuckDB file here; a {@code jdbc:postgresql:} URL works alike),
     * each day is counted on its bins and recorded with its scores and alarms, and a day checked
     * again replaces its run.
     */
    static boolean monitorWithStore() {
        Path dir = tempDir();
        Table reference = orders(new SplittableRandom(2), 10_000, 0.20);
        System.out.println("== A monitor with a store: two days checked against the baseline ==");
        try (DriftStore store = DriftStore.open(dir.resolve("drift.duckdb").toString())) {
            Profile baseline = ProfileBuilder.fit(reference, ProfileOptions.defaults());
            store.saveBaseline("orders", baseline);
            MonitoredCheck.Outcome calm = MonitoredCheck.check(store, "orders", "2024-05-01",
                    ProfileBuilder.count(baseline, orders(new SplittableRandom(4), 10_000, 0.20)), DriftOptions.defaults(),
                    TrendRule.defaults());
            MonitoredCheck.Outcome churn = MonitoredCheck.check(store, "orders", "2024-05-02",
                    ProfileBuilder.count(baseline, orders(new SplittableRandom(5), 10_000, 0.35)), DriftOptions.defaults(),
                    TrendRule.defaults());
            for (MonitoredCheck.Outcome o : List.of(calm, churn)) {
                System.out.printf(Locale.ROOT, "run %d: %s, fails %s%n", o.runId(),
                        MonitoredCheck.verdict(o.report(), o.alarms()), MonitoredCheck.fails(o.report(), o.alarms()));
                o.alarms().stream().map(Alarm::message).forEach(m -> System.out.println("  alarm: " + m));
            }
            List<HistoryPoint> history = store.history("orders", "churned"); // oldest first
            history.forEach(h -> System.out.printf(Locale.ROOT, "history %s churned PSI %.4f %s%n", h.at(), h.psi(),
                    h.status()));
            return check(MonitoredCheck.verdict(calm.report(), calm.alarms()) == Status.OK
                            && MonitoredCheck.verdict(churn.report(), churn.alarms()) == Status.DRIFT
                            && churn.alarms().stream().anyMatch(a -> "churned".equals(a.column()))
                            && history.size() == 2,
                    "the calm day is OK, the churned day is DRIFT with an alarm on churned, and both are in the history");
        } finally {
            delete(dir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("surprisal-example-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder and what is in it: an example leaves nothing behind. */
    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("note: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static Table orders(SplittableRandom r, int n, double churn) {
        double[] amount = new double[n];
        double[] churned = new double[n];
        String[] country = new String[n];
        String[] countries = {"DE", "FR", "NO", "PT"};
        for (int i = 0; i < n; i++) {
            amount[i] = Math.exp(4.5 + 0.5 * r.nextGaussian());
            churned[i] = r.nextDouble() < churn ? 1 : 0;
            country[i] = countries[r.nextInt(countries.length)];
        }
        return Table.of(List.of(NumericColumn.of("amount", amount), NumericColumn.of("churned", churned),
                CategoricalColumn.of("country", country)));
    }

    /** The ELBO of a model whose evidence is known: the gap to log p(x) is KL(q || posterior). */
    static boolean elboGap() {
        LinearGaussianModel model = LinearGaussianModel.of(new double[][] {{1.0, 0.2}, {0.3, -0.7}, {0.5, 0.5}},
                new double[] {0.1, -0.2, 0.0}, 0.25);
        double[] x = {0.8, -0.4, 0.3};
        double logEvidence = model.logEvidence(x);
        MultivariateGaussian q = MultivariateGaussian.diagonal(new double[] {0.2, 0.1}, new double[] {0.5, 0.5});
        ElboTerms terms = model.elbo(x, q);
        double gap = logEvidence - terms.elbo();
        double kl = model.klToPosterior(x, q);
        double atPosterior = logEvidence - model.elbo(x, model.posterior(x)).elbo();
        System.out.println("== ELBO of probabilistic PCA (nats) ==");
        System.out.printf(Locale.ROOT, "log p(x) %.6f  ELBO %.6f (reconstruction %.6f, KL to prior %.6f)%n", logEvidence,
                terms.elbo(), terms.reconstruction(), terms.kl());
        System.out.printf(Locale.ROOT, "gap %.6f = KL(q || p(z|x)) %.6f; at the exact posterior the gap is %.2e%n", gap, kl,
                atPosterior);
        return check(Math.abs(gap - kl) < 1e-9 && gap > 0 && Math.abs(atPosterior) < 1e-9,
                "the gap equals KL(q || posterior), and vanishes at the posterior");
    }

    private static boolean check(boolean ok, String what) {
        System.out.println((ok ? "ok: " : "UNEXPECTED: ") + what);
        System.out.println();
        return ok;
    }
}
