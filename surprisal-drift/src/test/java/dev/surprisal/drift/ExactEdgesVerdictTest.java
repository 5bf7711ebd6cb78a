// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.TableReader;
import dev.surprisal.data.profile.NumericBins;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An 80%-zero amount (the rest lognormal(3.5, 1), 5,000 rows) baselined with exact edges
 * ({@code drift baseline --exact-edges}) gets the same verdict on a shifted day whichever engine fitted
 * it: the CSV read by Java or by DuckDB (files over the in-memory limit, or Parquet over 10⁶ rows). Known
 * truth: the non-zero amounts × e^0.5 and the zero share 80% → 70% are drift, a resampled day is not.
 * Before, DuckDB's exact edges merged the zeros with the smallest tenth of the other amounts in one bin.
 */
class ExactEdgesVerdictTest {
    private static final ProfileOptions EXACT = ProfileOptions.defaults().withExactEdges(true);

    @TempDir
    Path dir;

    private Path day(String name, long seed, double zero, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("amount,latency_ms\n");
        for (int i = 0; i < 5_000; i++) {
            double amount = r.nextDouble() < zero ? 0 : Math.exp(3.5 + r.nextGaussian() + shift);
            b.append(String.format(Locale.ROOT, "%.2f,%.1f%n", amount, 20 + 5 * r.nextGaussian()));
        }
        return Files.writeString(dir.resolve(name + ".csv"), b);
    }

    @Test
    void theSameReferenceGivesTheSameVerdictOnEveryPath() throws IOException {
        Path ref = day("reference", 1000, 0.8, 0);
        Profile java = ProfileBuilder.fit(TableReader.open(ref), EXACT);
        Profile duck = viaDuckDb(() -> ProfileBuilder.fit(TableReader.open(ref), EXACT));
        assertThat(((NumericBins) duck.column("amount").bins()).atoms()).containsExactly(0);
        assertThat(duck.column("amount").bins()).isEqualTo(java.column("amount").bins());
        Path[] days = {day("shifted", 3001, 0.8, 0.5), day("zero70", 4000, 0.7, 0), day("same", 2001, 0.8, 0)};
        Status[] truth = {null, null, Status.OK};
        for (int d = 0; d < days.length; d++) {
            Path today = days[d];
            Status onJava = amount(java, ProfileBuilder.count(java, TableReader.open(today)));
            Status onDuck = amount(duck, viaDuckDb(() -> ProfileBuilder.count(duck, TableReader.open(today))));
            assertThat(onDuck).as(today.getFileName().toString()).isEqualTo(onJava);
            if (truth[d] == null) {
                assertThat(onJava.drifted()).as(today.getFileName().toString()).isTrue();
            } else {
                assertThat(onJava).as(today.getFileName().toString()).isEqualTo(truth[d]);
            }
        }
    }

    private static Status amount(Profile reference, Profile today) {
        return DriftScorer.compare(reference, today, DriftOptions.defaults()).columns().stream()
                .filter(c -> c.name().equals("amount")).findFirst().orElseThrow().status();
    }

    /** DuckDB's SQL path for a CSV file ({@code -Dsurprisal.csvInJava=false}, as the data module's tests switch it). */
    private static <T> T viaDuckDb(Supplier<T> body) {
        String old = System.getProperty("surprisal.csvInJava");
        System.setProperty("surprisal.csvInJava", "false");
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty("surprisal.csvInJava");
            } else {
                System.setProperty("surprisal.csvInJava", old);
            }
        }
    }
}
