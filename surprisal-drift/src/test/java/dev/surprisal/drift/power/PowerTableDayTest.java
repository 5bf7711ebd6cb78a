// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.power;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PowerTable#day} builds its columns from arrays it owns, not through {@code of}: the columns must be
 * the ones {@code of} builds from the same cells, codes numbered by first appearance included, so that the
 * power table measures what it measured before.
 */
class PowerTableDayTest {
    @Test
    void everyChangesDayHasTheColumnsOfItsCells() {
        int seed = 0;
        for (PowerTable.Change ch : PowerTable.changes()) {
            Table day = PowerTable.day(new SplittableRandom(seed++), 5_000, ch);
            CategoricalColumn cat = (CategoricalColumn) day.column("cat");
            String[] labels = new String[cat.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = cat.labelAt(i);
            }
            CategoricalColumn of = CategoricalColumn.of("cat", labels);
            assertThat(cat.codes()).as(ch.label()).containsExactly(of.codes());
            assertThat(cat.dictionary()).as(ch.label()).containsExactlyElementsOf(of.dictionary());
            assertThat(cat.missingCount()).as(ch.label()).isEqualTo(of.missingCount());
            for (String name : new String[] {"cont", "bin", "disc"}) {
                NumericColumn x = (NumericColumn) day.column(name);
                NumericColumn y = NumericColumn.of(name, x.values());
                assertThat(x.values()).as(ch.label() + " " + name).containsExactly(y.values());
                assertThat(x.missingCount()).as(ch.label() + " " + name).isEqualTo(y.missingCount());
            }
        }
    }
}
