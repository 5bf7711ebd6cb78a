// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.data.demo.EventTable;
import dev.surprisal.data.demo.OrdersTable;
import dev.surprisal.data.demo.OrdersTable.Change;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import dev.surprisal.drift.rules.MonitoredCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one count of drifted columns that the text, JSON, HTML and alerts state. */
class DriftReportSummaryTest {
    @Test
    void aWarningOnACheckedColumnIsNotAScoredColumnDrifting() {
        Profile ref = ProfileBuilder.fit(EventTable.days(1, 30, 200, 2).table(), ProfileOptions.defaults());
        DriftReport r = DriftScorer.compare(ref, ProfileBuilder.count(ref, EventTable.days(-9, -5, 200, 2).table()),
                DriftOptions.defaults());
        assertThat(r.worst()).isEqualTo(Status.WARN);
        assertThat(r.summary()).isEqualTo("0 of 2 scored columns changed (2 more checked, not scored, 1 of them WARN)");
        assertThat(r.count(false, Status.WARN)).isEqualTo(1);
        assertThat(r.count(true, null)).isZero();
        com.fasterxml.jackson.databind.JsonNode counted = DriftJson.of(r, ref.roles()).toTree().get("columns_drifted");
        assertThat(counted.get("summary").asText()).isEqualTo(r.summary());
        assertThat(counted.get("scored").asInt()).isEqualTo(2);
        assertThat(counted.get("scored_drift").asInt() + counted.get("scored_warn").asInt()).isZero();
        assertThat(counted.get("unscored_warn").asInt()).isEqualTo(1);
    }

    @Test
    void driftAndWarnAreCountedApartAndTheDatasetAlarmSaysTheSame() {
        Profile ref = ProfileBuilder.fit(OrdersTable.reference(10_000, 1).table(), ProfileOptions.defaults());
        DriftReport shift = DriftScorer.compare(ref, ProfileBuilder.count(ref, OrdersTable.day(Change.AMOUNT_SHIFT,
                5_000, 21).table()), DriftOptions.defaults());
        assertThat(shift.summary()).isEqualTo("1 of 6 scored columns changed (1 DRIFT, 0 WARN; 2 more checked, not "
                + "scored)");
        DriftReport strict = DriftScorer.compare(ref, ProfileBuilder.count(ref, OrdersTable.day(Change.AMOUNT_SHIFT,
                5_000, 21).table()), DriftOptions.defaults().withDriftShare(0.1));
        assertThat(MonitoredCheck.alarms(strict, java.util.List.of(), null)).last().satisfies(a -> assertThat(a.message())
                .isEqualTo("dataset drift: " + strict.summary() + ", share 17% >= 10%"));
    }
}
