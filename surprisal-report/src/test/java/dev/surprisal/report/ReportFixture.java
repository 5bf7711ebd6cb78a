// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.report;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;
import dev.surprisal.drift.store.HistoryPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A report with a hostile column name, a shifted column and a history. */
final class ReportFixture {
    static final String HOSTILE = "<script>alert('x')</script>";

    private ReportFixture() {
    }

    static Table table(long seed, int n, double shift, String newCity) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextGaussian() + shift;
            b[i] = r.nextDouble();
            c[i] = newCity != null && i % 10 == 0 ? newCity : "city-" + r.nextInt(4);
        }
        return Table.of(List.of(NumericColumn.of(HOSTILE, a), NumericColumn.of("b", b), CategoricalColumn.of("c", c)));
    }

    static DriftReport report() {
        Profile ref = ProfileBuilder.fit(table(1, 3000, 0, null), ProfileOptions.defaults());
        return DriftScorer.compare(ref, ProfileBuilder.count(ref, table(2, 2000, 0.7, "<b>new</b>")),
                DriftOptions.defaults());
    }

    static Map<String, List<HistoryPoint>> history() {
        List<HistoryPoint> h = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            double v = d == 10 ? 0.4 : 0.01 + 0.002 * (d % 3);
            h.add(new HistoryPoint(d, "2024-01-" + (d < 10 ? "0" : "") + d, HOSTILE, "OK", v, v, v, v, v, 0.05, 0,
                    d == 10));
        }
        return Map.of(HOSTILE, h);
    }
}
