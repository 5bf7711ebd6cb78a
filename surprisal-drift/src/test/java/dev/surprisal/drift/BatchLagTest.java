// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lag check of the library ({@link Freshness#withMaxLag}, {@link BatchLag}): known instants and limits. */
class BatchLagTest {
    private static final Instant JUNE_30 = Instant.parse("2026-06-30T00:00:00Z");

    private static Findings judge(Freshness f, String newest) {
        Findings out = new Findings();
        f.judge("ts", "2026-03-15T00:00:00Z", "2026-04-13T23:55:00Z", "2026-04-18T00:00:00Z", newest, out);
        return out;
    }

    @Test
    void aBatchOlderThanTheLimitBeforeTheChecksTimeWarnsWhateverTheBatchBefore() {
        Freshness f = Freshness.nextBatch().withMaxLag(JUNE_30, Duration.ofDays(2));
        Findings late = judge(f, "2026-04-18T22:12:40Z");
        assertThat(late.status).isEqualTo(Status.WARN);
        assertThat(late.reason()).contains("lies 72 days 1 hour before the check's time 2026-06-30T00:00:00Z");
        // the same instant written in +09:00 and as epoch seconds and milliseconds is as late
        assertThat(judge(f, "2026-04-19T07:12:40+09:00").status).isEqualTo(Status.WARN);
        assertThat(judge(f, "1776550360").reason()).contains("2026-04-18 22:12:40 UTC (epoch 1776550360) lies 72 days");
        assertThat(judge(f, "1776550360000").reason()).contains("lies 72 days");
        // within the limit, and without one, no lag WARN
        assertThat(judge(Freshness.nextBatch().withMaxLag(Instant.parse("2026-04-19T12:00:00Z"), Duration.ofDays(2)),
                "2026-04-18T22:12:40Z").reason()).doesNotContain("stale data");
        assertThat(judge(Freshness.nextBatch(), "2026-04-18T22:12:40Z").status).isEqualTo(Status.OK);
        // two samples are not a monitor's batch: no lag check
        assertThat(judge(Freshness.samples().withMaxLag(JUNE_30, Duration.ofDays(2)), "2026-04-18T22:12:40Z").status)
                .isEqualTo(Status.OK);
    }

    @Test
    void aDateIsLateFromTheEndOfItsDay() {
        Freshness f = Freshness.nextBatch().withMaxLag(Instant.parse("2026-04-20T00:00:00Z"), Duration.ofHours(36));
        Findings out = new Findings();
        f.judge("d", "2026-03-15", "2026-04-13", "2026-04-18", "2026-04-18", out);
        assertThat(out.reason()).doesNotContain("lies"); // 2026-04-18's rows may be as late as 23:59:59: 24 h
        Findings old = new Findings();
        f.judge("d", "2026-03-15", "2026-04-13", "2026-04-17", "2026-04-17", old);
        assertThat(old.reason()).contains("stale data: today's newest value 2026-04-17 lies 2 days before");
    }

    @Test
    void anOffsetStyleChangeWarnsButOneOffsetSpeltTwoWaysOrSummerTimeDoesNot() {
        Findings zToBerlin = new Findings();
        Freshness.nextBatch().judge("ts", "2026-03-15T00:00:00Z", "2026-04-13T23:55:00Z", "2026-04-14T02:00:00+02:00",
                "2026-04-15T01:59:00+02:00", zToBerlin);
        assertThat(zToBerlin.status).isEqualTo(Status.WARN);
        assertThat(zToBerlin.reason()).contains("time zone changed");
        Findings spelt = new Findings();
        Freshness.nextBatch().judge("ts", "2026-03-15T00:00:00Z", "2026-04-13T23:55:00Z", "2026-04-14T00:00:00+00:00",
                "2026-04-14T23:59:00+0000", spelt);
        assertThat(spelt.reason()).doesNotContain("time zone changed");
        Findings summer = new Findings();
        Freshness.nextBatch().judge("ts", "2026-02-15T00:00:00+01:00", "2026-03-28T23:55:00+01:00",
                "2026-03-29T04:00:00+02:00", "2026-03-29T23:59:00+02:00", summer);
        assertThat(summer.status).isEqualTo(Status.OK);
        assertThat(summer.reason()).contains("time zone changed", "daylight-saving time?");
    }

    @Test
    void durationsParseOrNameTheOptionAndValue() {
        assertThat(BatchLag.parse("--max-lag", "36h")).isEqualTo(Duration.ofHours(36));
        assertThat(BatchLag.parse("--max-lag", "2d")).isEqualTo(Duration.ofDays(2));
        assertThat(BatchLag.parse("--max-lag", "1w")).isEqualTo(Duration.ofDays(7));
        assertThat(BatchLag.parse("--max-lag", "90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(BatchLag.parse("max-lag", "PT36H")).isEqualTo(Duration.ofHours(36));
        for (String bad : new String[] {"", "d", "2", "2y", "-1d", "0h", "P", "1.5h"}) {
            assertThatThrownBy(() -> BatchLag.parse("max-lag", bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("max-lag: expected a positive duration").hasMessageContaining("'" + bad + "'");
        }
    }
}
