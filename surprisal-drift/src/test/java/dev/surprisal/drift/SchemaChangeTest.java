// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

import dev.surprisal.core.ColumnRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaChangeTest {
    @Test
    void namesAbsentAndNewColumnsButNotExcludedOrUnselectedOnes() {
        // the reference knew a, b, c, x (x excluded); the check compares a, b; today has b, c, d
        SchemaChange s = SchemaChange.of(List.of("a", "b", "c", "x"), List.of("a", "b"), List.of("b", "c", "x", "d"));
        assertThat(s.absent()).containsExactly("a");
        assertThat(s.added()).containsExactly("d");
        assertThat(s.notes()).containsExactly("column 'a' is not in today's file: scored as all missing",
                "column 'd' is in today's file but not in the reference: not checked; fit a new reference "
                        + "(drift baseline) to monitor it");
        assertThat(SchemaChange.of(List.of("a"), List.of("a"), List.of("a")).isEmpty()).isTrue();
        assertThat(SchemaChange.of(List.of("a"), List.of("a"), List.of("a", "e", "f")).notes().get(0))
                .startsWith("columns 'e', 'f' are in today's file");
    }

    @Test
    void testsAreThoseTheRoleRuns() {
        assertThat(DriftScorer.tests(ColumnRole.CONTINUOUS)).isEqualTo(4);
        assertThat(DriftScorer.tests(ColumnRole.BINARY)).isEqualTo(4);
        assertThat(DriftScorer.tests(ColumnRole.CATEGORICAL)).isEqualTo(3);
        assertThat(DriftScorer.tests(ColumnRole.ID_LIKE)).isEqualTo(2);
        assertThat(DriftScorer.tests(ColumnRole.TIMESTAMP)).as("missing and invalid share").isEqualTo(2);
        assertThat(DriftScorer.tests(ColumnRole.DATE)).isEqualTo(2);
        assertThat(DriftScorer.tests(ColumnRole.CONSTANT)).isEqualTo(1);
    }
}
