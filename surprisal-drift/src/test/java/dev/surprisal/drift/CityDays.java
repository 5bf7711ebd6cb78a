// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend tests' known truth: days of 3,000 orders whose city is Paris with a given share and Lyon or Lille
 * otherwise, half each, and a store whose monitor {@code orders} has the baseline of a third each and quiet checks
 * on the first days of May 2024.
 */
final class CityDays {
    private final Path dir;

    /** @param dir where the day files and stores are written */
    CityDays(Path dir) {
        this.dir = dir;
    }

    /** A day's orders ({@code order_id,city}), Paris with share {@code paris}, ids from {@code seed}. */
    Path day(String name, long seed, double paris) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("order_id,city\n");
        for (int i = 0; i < 3000; i++) {
            double u = r.nextDouble();
            String city = u < paris ? "Paris" : u < paris + (1 - paris) / 2 ? "Lyon" : "Lille";
            b.append(seed * 1_000_000 + i).append(',').append(city).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".csv"), b);
    }

    /**
     * A new store {@code name} with the baseline of a third each and one check of a third each on every one of
     * {@code days} (seeds 2, 3, ...), asserted quiet.
     */
    StoreUrl quietDays(String name, MonitorCheck check, List<String> days) throws IOException {
        StoreUrl url = StoreUrl.parse(dir.resolve(name).toString());
        try (DriftStore s = DriftStore.open(url, true, MonitorCheck.LOCK_WAIT_MILLIS)) {
            s.saveBaseline("orders", ProfileBuilder.fit(TableReader.open(day("ref", 1, 1.0 / 3)),
                    ProfileOptions.defaults()));
        }
        long seed = 2;
        for (String d : days) {
            assertThat(check.run(url, d, TableReader.open(day(d, seed++, 1.0 / 3))).alarm()).as(d).isFalse();
        }
        return url;
    }
}
