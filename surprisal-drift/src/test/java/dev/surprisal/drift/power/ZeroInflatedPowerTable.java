// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.ColumnDrift;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.Status;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * The power table's zero-inflated row ({@code bench/drift_power.sh SEEDS SIZES zinf}): one column
 * {@code zinf}, 80% exact zeros and the rest lognormal(3.5, 1) rounded to cents (refunds, spend), with no
 * change, the zero share 80% → 70%, and the non-zero values × e^0.25 (a 0.25 log-sd shift, mean +29%).
 * A column of its own table, so the four-column table's streams and figures stay as they were.
 */
public final class ZeroInflatedPowerTable {
    private static final String[] CHANGES = {"no change (false alarms)", "zero share 80% -> 70%",
        "non-zero values x e^0.25 (0.25 log-sd)"};

    private ZeroInflatedPowerTable() {
    }

    static Table day(SplittableRandom r, int n, double zero, double shift) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() < zero ? 0 : Math.rint(100 * Math.exp(3.5 + r.nextGaussian() + shift)) / 100;
        }
        return Table.of(List.of(NumericColumn.of("zinf", x)));
    }

    /**
     * Prints the rows in the format of {@link PowerTable#row}.
     *
     * @param args seeds, then sizes separated by commas
     */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String sizes = args.length > 1 ? args[1] : "10000";
        PowerTable.header();
        for (String ns : sizes.split(",")) {
            int n = Integer.parseInt(ns.trim());
            AtomicIntegerArray drift = new AtomicIntegerArray(3);
            AtomicIntegerArray any = new AtomicIntegerArray(3);
            IntStream.range(0, seeds).parallel().forEach(s -> {
                Profile ref = ProfileBuilder.fit(day(new SplittableRandom(7_000_003L * s + n), n, 0.8, 0),
                        ProfileOptions.defaults());
                double[][] days = {{0.8, 0}, {0.7, 0}, {0.8, 0.25}};
                for (int ci = 0; ci < 3; ci++) {
                    SplittableRandom r = new SplittableRandom((7_000_003L * s + n) * 131 + ci + 1);
                    ColumnDrift c = DriftScorer.compare(ref, ProfileBuilder.count(ref, day(r, n, days[ci][0],
                            days[ci][1])), DriftOptions.defaults()).columns().get(0);
                    drift.addAndGet(ci, c.status() == Status.DRIFT ? 1 : 0);
                    any.addAndGet(ci, c.status().drifted() ? 1 : 0);
                }
            });
            for (int ci = 0; ci < 3; ci++) {
                PowerTable.row(ns.trim(), "zinf", CHANGES[ci], drift.get(ci), any.get(ci), seeds);
            }
        }
    }
}
