// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.counts.Counts;
import dev.surprisal.data.DataException;
import dev.surprisal.data.ValueCounts;
import dev.surprisal.data.roles.NumberConvention;
import dev.surprisal.data.roles.RoleDecision;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule by which a column's distinct cells become the counts {@code entropy --data} measures. */
class ColumnCellsTest {
    private static ValueCounts raw(long nulls, Object... labelsAndCounts) {
        List<String> labels = new java.util.ArrayList<>();
        long[] counts = new long[labelsAndCounts.length / 2];
        for (int i = 0; i < labelsAndCounts.length; i += 2) {
            labels.add((String) labelsAndCounts[i]);
            counts[i / 2] = ((Number) labelsAndCounts[i + 1]).longValue();
        }
        return new ValueCounts("c", labels, Counts.of(counts), nulls);
    }

    private static RoleDecision role(ColumnRole r, NumberConvention c) {
        return new RoleDecision("c", r, "test", false, c);
    }

    @Test
    void aNumericRoleCountsByValueAndLeavesOutMissingInvalidAndInfiniteCells() {
        ColumnCells.Folded f = ColumnCells.fold(raw(4, "3", 10, "3.0", 5, " 3 ", 1, "4", 2, "NA", 3, "abc", 2,
                "x", 1, "inf", 6, "-0", 1, "0", 1), role(ColumnRole.DISCRETE, NumberConvention.DECIMAL_POINT), true);
        assertThat(f.values()).containsExactly(Map.entry("0", 2L), Map.entry("3", 16L), Map.entry("4", 2L));
        assertThat(f.missing()).containsOnly(Map.entry("NA", 3L), Map.entry("", 4L));
        assertThat(f.invalid()).containsOnly(Map.entry("abc", 2L), Map.entry("x", 1L));
        assertThat(f.infinite()).containsOnly(Map.entry("inf", 6L));
        ColumnCells.Read r = f.read("c", null, v -> v.equals("abc") ? "line 9" : v.equals("inf") ? "line 2" : null);
        assertThat(Arrays.stream(r.values().counts().toArray()).sum()).isEqualTo(20);
        assertThat(r.missing()).isEqualTo(7);
        assertThat(r.invalid()).isEqualTo(3);
        assertThat(r.infinite()).isEqualTo(6);
        assertThat(r.notes()).containsExactly(
                "c: 7 missing cells left out (\"\" ×4, \"NA\" ×3); the entropy is that of the 20 cells with a value",
                "c: 3 cells are not numbers, left out as missing: \"abc\" ×2 (first: line 9), \"x\" ×1",
                "c: 6 cell(s) are infinite (first: line 2: 'inf'): numbers, but with no place on a scale an estimator"
                        + " can use; they are left out as missing");
    }

    @Test
    void aDecimalCommaColumnIsReadInItsConvention() {
        ColumnCells.Folded f = ColumnCells.fold(raw(0, "6,6", 3, "6,600", 2, "1.299", 1, "1299", 1),
                role(ColumnRole.DISCRETE, NumberConvention.DECIMAL_COMMA), true);
        assertThat(f.values()).containsExactly(Map.entry("6.6", 5L), Map.entry("1299", 2L));
    }

    @Test
    void aTextRoleKeepsEachSpellingButNotTheMissingStrings() {
        ColumnCells.Folded f = ColumnCells.fold(raw(2, "007", 3, "7", 4, "None", 1, "#N/A", 1, "-", 5),
                role(ColumnRole.CATEGORICAL, NumberConvention.DECIMAL_POINT), false);
        assertThat(f.values()).containsExactly(Map.entry("007", 3L), Map.entry("7", 4L), Map.entry("-", 5L));
        assertThat(f.missing()).containsOnlyKeys("None", "#N/A", "");
        assertThat(f.invalid()).isEmpty();
    }

    @Test
    void manyInvalidValuesAreNamedFiveAtMostMostFrequentFirst() {
        ColumnCells.Folded f = ColumnCells.fold(raw(0, "1", 50, "2", 50, "a", 1, "b", 2, "c", 3, "d", 4, "e", 5,
                "f", 6, "g", 7), role(ColumnRole.BINARY, NumberConvention.DECIMAL_POINT), true);
        assertThat(f.read("c", null, v -> null).notes()).containsExactly("c: 28 cells are not numbers, left out as"
                + " missing: \"g\" ×7, \"f\" ×6, \"e\" ×5, \"d\" ×4, \"c\" ×3, and 3 cells of other values");
    }

    @Test
    void noValueLeftIsBadDataThatSaysWhatWasLeftOut() {
        ColumnCells.Folded f = ColumnCells.fold(raw(3, "abc", 2), role(ColumnRole.DISCRETE,
                NumberConvention.DECIMAL_POINT), true);
        assertThatThrownBy(() -> f.read("c", null, v -> null)).isInstanceOf(DataException.class)
                .hasMessageContaining("no values to count").hasMessageContaining("3 missing cells")
                .hasMessageContaining("\"abc\" ×2");
    }
}
