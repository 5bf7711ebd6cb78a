// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.Base;
import dev.surprisal.core.ColumnRole;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column of Unix epoch seconds is a timestamp (audit11: it was id-like, near-unique integers), so the
 * drift check treats it as the batch's time: not scored, and a batch whose newest second does not
 * advance past the reference's is stale (WARN). Known truth: 200 events a day at random seconds from
 * 2025-12-01 UTC, days 1 to 30 the reference.
 */
class EpochFreshnessTest {
    /** 2025-12-01T00:00:00Z. */
    private static final long DEC_1 = 1_764_547_200L;
    private static final int PER_DAY = 200;

    /** Events of days {@code first..last} (1 = 1 December 2025): ts in epoch seconds, and an amount. */
    private static Table days(int first, int last, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = (last - first + 1) * PER_DAY;
        double[] ts = new double[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = DEC_1 + (first - 1 + i / PER_DAY) * 86_400L + r.nextInt(86_400);
            amount[i] = Math.round(Math.exp(4 + 0.5 * r.nextGaussian()) * 100) / 100.0;
        }
        return Table.of(List.of(NumericColumn.of("ts", ts), NumericColumn.of("amount", amount)));
    }

    private static ColumnDrift ts(Profile reference, Table day) {
        DriftReport r = DriftScorer.compare(reference, ProfileBuilder.count(reference, day), DriftOptions.defaults(),
                ColumnRules.none(), Base.BITS, Freshness.nextBatch());
        return r.columns().stream().filter(c -> c.name().equals("ts")).findFirst().orElseThrow();
    }

    @Test
    void epochSecondsAreTheBatchsTimeAndAResentDayIsStale() {
        Profile reference = ProfileBuilder.fit(days(1, 30, 1), ProfileOptions.defaults());
        assertThat(reference.column("ts").role()).as(reference.column("ts").reason()).isEqualTo(ColumnRole.TIMESTAMP);
        assertThat(reference.column("ts").reason()).contains("from 2025-12-01 00:", "to 2025-12-30 23:",
                "UTC read as epoch seconds: timestamp");
        assertThat(reference.column("ts").scored()).isFalse();

        ColumnDrift next = ts(reference, days(31, 31, 2));
        assertThat(next.status()).as(next.reason()).isEqualTo(Status.OK);
        assertThat(next.reason()).contains("newest value 2025-12-31 23:47:57 UTC (epoch 17672",
                "after the reference's newest 2025-12-30 23:53:17 UTC (epoch 17671");

        ColumnDrift resent = ts(reference, days(15, 15, 3));
        assertThat(resent.status()).isEqualTo(Status.WARN);
        assertThat(resent.reason()).startsWith("stale data: today's newest value 2025-12-15 23:59:27 UTC (epoch 17658")
                .contains("is not newer than the reference's newest 2025-12-30 23:53:17 UTC (epoch 17671");
    }
}
