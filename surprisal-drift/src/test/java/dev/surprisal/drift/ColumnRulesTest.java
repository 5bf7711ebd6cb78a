// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.data.Table;
import dev.surprisal.data.profile.Profile;
import dev.surprisal.data.profile.ProfileBuilder;
import dev.surprisal.data.profile.ProfileOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnRulesTest {
    private static final Table REF = DriftScorerTest.day(1, 5000, 0, 1, 0.02, 0);
    /** x moved by 0.5 sd: DRIFT on the default bands. */
    private static final Table SHIFTED = DriftScorerTest.day(2, 2000, 0.5, 1, 0.02, 0);

    @Test
    void aColumnsOwnBandsChangeItsVerdictAndNoOther() {
        Profile p = ProfileBuilder.fit(REF, ProfileOptions.defaults());
        Profile today = ProfileBuilder.count(p, SHIFTED);
        DriftReport plain = DriftScorer.compare(p, today, DriftOptions.defaults());
        assertThat(plain.columns().get(0).status()).isEqualTo(Status.DRIFT);
        // a column that is allowed to move: bands above what the shift reaches
        ColumnRules loose = ColumnRules.none().withColumn("x", Map.of("warn", "5", "drift", "9", "w1-warn", "5",
                "w1-drift", "9"));
        DriftReport r = DriftScorer.compare(p, today, DriftOptions.defaults(), loose);
        assertThat(r.columns().get(0).status()).isEqualTo(Status.OK);
        assertThat(r.columns().get(0).reason()).contains("below the warn band 5");
        assertThat(r.columns().get(1).status()).isEqualTo(plain.columns().get(1).status());
        assertThat(r.columns().get(2).status()).isEqualTo(plain.columns().get(2).status());
        // the measure's value and its noise level do not depend on the bands
        assertThat(r.columns().get(0).decisionValue()).isEqualTo(plain.columns().get(0).decisionValue());
        assertThat(r.columns().get(0).critical()).isEqualTo(plain.columns().get(0).critical());
    }

    @Test
    void unknownColumnsKeysAndValuesAreRefusedNamingThem() {
        Profile p = ProfileBuilder.fit(REF, ProfileOptions.defaults());
        Profile today = ProfileBuilder.count(p, SHIFTED);
        ColumnRules typo = ColumnRules.none().withColumn("amount", Map.of("warn", "0.2"));
        assertThatThrownBy(() -> DriftScorer.compare(p, today, DriftOptions.defaults(), typo))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no column 'amount'")
                .hasMessageContaining("x, y, city");
        assertThatThrownBy(() -> ColumnRules.none().withColumn("x", Map.of("alpha", "0.05")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("column 'x': alpha");
        assertThatThrownBy(() -> ColumnRules.none().withColumn("x", Map.of("warn", "lots")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("column 'x': --warn: expected a number");
    }
}
