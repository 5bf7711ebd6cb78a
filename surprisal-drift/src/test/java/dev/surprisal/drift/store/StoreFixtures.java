// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.store;

import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.DriftOptions;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.DriftScorer;

import java.util.SplittableRandom;

/** Small profiles for store tests. */
final class StoreFixtures {
    static final Profile REFERENCE = ProfileBuilder.fit(values(1, 2000, 0), ProfileOptions.defaults());

    private StoreFixtures() {
    }

    static dev.surprisal.data.Table values(long seed, int n, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() + shift;
            y[i] = r.nextDouble();
            z[i] = r.nextGaussian() * 3;
        }
        return dev.surprisal.data.Table.of(java.util.List.of(dev.surprisal.data.NumericColumn.of("x", x),
                dev.surprisal.data.NumericColumn.of("y", y), dev.surprisal.data.NumericColumn.of("z", z)));
    }

    static Profile day(long seed, double shift) {
        return ProfileBuilder.count(REFERENCE, values(seed, 1000, shift));
    }

    static DriftReport report(Profile day) {
        return DriftScorer.compare(REFERENCE, day, DriftOptions.defaults());
    }
}
