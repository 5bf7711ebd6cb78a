// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.tour;

import dev.surprisal.data.NumericColumn;
import dev.surprisal.core.Base;
import dev.surprisal.data.Table;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seed's KL scenario as an alarm: a reference day and a later day of order amounts whose mean
 * moved by half a standard deviation, profiled in memory (no files, no database) on frozen bins,
 * then scored with KL(P‖Q) and PSI, with a control day drawn from the reference's distribution.
 */
final class DriftSection implements TourSection {
    static final long SEED = 20240501L;
    static final int ROWS = 20_000;

    @Override
    public String title() {
        return "Drift: KL(P||Q) as an alarm";
    }

    @Override
    public void print(TourStop out) {
        SplittableRandom rng = new SplittableRandom(SEED);
        Table reference = day(rng, 50, 10);
        Table sameDay = day(rng, 50, 10);
        Table shifted = day(rng, 56, 10);
        Profile p = ProfileBuilder.fit(reference, ProfileOptions.defaults());
        DriftOptions options = DriftOptions.defaults();
        ColumnDrift calm = DriftScorer.compare(p, ProfileBuilder.count(p, sameDay), options).columns().get(0);
        DriftReport report = DriftScorer.compare(p, ProfileBuilder.count(p, shifted), options);
        ColumnDrift moved = report.columns().get(0);
        out.printf(Locale.ROOT, "P = %,d order amounts at deploy time (mean 50, sd 10), frozen into 20 bins.%n", ROWS);
        out.println("Each day Q is counted on P's bins (Jeffreys +1/2 per bin on both sides) and scored:");
        out.println();
        out.printf(Locale.ROOT, "  %-28s %10s %8s %10s  %s%n", "day", "KL(P||Q)", "PSI", "noise lvl", "verdict");
        row(out, "same distribution", calm);
        row(out, "mean moved 50 -> 56", moved);
        out.println();
        out.result("mean moved 50 -> 56", "reverse_kl", moved.reverseKlBits(), Base.BITS.unit());
        out.printf(Locale.ROOT, "  KL(P||Q) = %.3f bits: coding reference-like data with a code built for the new day%n"
                + "  costs %.3f extra bits per value; the other way, KL(Q||P) = %.3f bits.%n",
                moved.klBits(), moved.klBits(), moved.reverseKlBits());
        out.printf(Locale.ROOT, "  A column is WARN when PSI reaches %s and DRIFT at %s, or when its own yardstick does: the%n"
                + "  distance values moved in reference standard deviations (W1/std, WARN %s, DRIFT %s) for a continuous%n"
                + "  column, the share of probability mass that moved (TV, WARN %s, DRIFT %s) for the others; each only beyond%n"
                + "  the noise level expected at these sample sizes (chi-squared null), so big days do not cry wolf.%n",
                num(options.warn()), num(options.drift()), num(options.w1Warn()), num(options.w1Drift()),
                num(options.tvWarn()), num(options.tvDrift()));
        out.println();
        Profile orders = ProfileBuilder.fit(OrdersTable.reference(5_000, SEED).table(), ProfileOptions.defaults());
        DriftReport churn = DriftScorer.compare(orders, ProfileBuilder.count(orders,
                OrdersTable.day(OrdersTable.Change.CHURN_RATE, 5_000, SEED + 1).table()), options);
        ColumnDrift churned = churn.columns().stream().filter(c -> c.name().equals("churned")).findFirst().orElseThrow();
        ColumnDrift id = churn.columns().stream().filter(c -> c.name().equals("order_id")).findFirst().orElseThrow();
        out.println("Every column gets a role first. On an orders table whose churn rate jumps from 18% to 51%:");
        out.printf(Locale.ROOT, "  churned (%s, one bin per value): PSI %.3f, noise level %.4f, %s%n",
                churned.role().label(), churned.psi(), churned.critical(), churned.status());
        out.printf(Locale.ROOT, "  order_id (%s): not scored, only checked for missing and duplicate keys: %s%n",
                id.role().label(), id.status());
        out.result("churned", "psi", churned.psi(), "unitless");
        out.result("churned", "noise_level", churned.critical(), "unitless");
        out.verdict("churned", churned.status().toString());
        out.verdict("order_id", id.status().toString());
        out.tryLine("surprisal drift compare ref.csv today.csv --explain");
        out.tryLine("surprisal serve --demo   (a dashboard over a few days of generated orders)");
    }

    private static void row(TourStop out, String label, ColumnDrift c) {
        out.printf(Locale.ROOT, "  %-28s %5.3f bits %8.4f %10.4f  %s%n", label, c.klBits(), c.psi(), c.critical(),
                c.status());
        out.result(label, "kl", c.klBits(), Base.BITS.unit());
        out.result(label, "psi", c.psi(), "unitless");
        out.result(label, "noise_level", c.critical(), "unitless");
        out.verdict(label, c.status().toString());
    }

    private static Table day(SplittableRandom rng, double mean, double sd) {
        double[] v = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            v[i] = mean + sd * gaussian(rng);
        }
        return Table.of(List.of(NumericColumn.of("amount", v)));
    }

    /** Box–Muller, so the numbers do not depend on the JDK's nextGaussian algorithm. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** A band as written in the docs: 0.1, 0.25, 0.05 (no trailing zeros). */
    private static String num(double band) {
        return java.math.BigDecimal.valueOf(band).stripTrailingZeros().toPlainString();
    }
}
