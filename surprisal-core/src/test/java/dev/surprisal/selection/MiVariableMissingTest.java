// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.selection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which columns count their missing cells as a value of their own ({@link MiVariable#missingAsValue()}). */
class MiVariableMissingTest {
    @Test
    void aTextColumnWithGapsCountsMissingAsAValueOfItsOwn() {
        MiVariable reason = MiVariable.categorical("churn_reason", new int[] {0, -1, 1, -1, 2});
        MiVariable withMissing = reason.missingAsValue();
        assertThat(withMissing).isNotSameAs(reason);
        assertThat(withMissing.present()).isEqualTo(5);
    }

    @Test
    void aNumericFlagWithAGapKeepsItsNumbers() {
        // review13c: one gap made a 0/1 flag categorical, so it lost Pearson's r and the monotone fit
        MiVariable flag = MiVariable.discrete("is_premium", new double[] {0, 1, Double.NaN, 1, 0});
        assertThat(flag.missingAsValue()).isSameAs(flag);
        assertThat(flag.missingAsValue().isNumeric()).isTrue();
    }
}
