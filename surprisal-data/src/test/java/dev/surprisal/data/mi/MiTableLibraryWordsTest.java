// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.mi;

import dev.surprisal.data.CategoricalColumn;
import dev.surprisal.data.DataException;
import dev.surprisal.data.NumericColumn;
import dev.surprisal.data.Table;
import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.selection.MiOptions;
import dev.surprisal.selection.MiSelection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Java caller of {@link MiTable} reads the library's words: the parameter that named a column ({@code target},
 * {@code x}, {@code y}) and the method that brings a left-out column back, not the command line's options (which the
 * command line still names itself: {@code MiTable.variable(name, "--target")}).
 */
class MiTableLibraryWordsTest {
    private static MiTable orders() {
        int n = 300;
        SplittableRandom r = new SplittableRandom(9);
        double[] orderId = new double[n];
        double[] amount = new double[n];
        String[] country = new String[n];
        for (int i = 0; i < n; i++) {
            orderId[i] = 100_000 + i;
            amount[i] = Math.round(r.nextDouble() * 20_000) / 100.0;
            country[i] = r.nextBoolean() ? "de" : "fr";
        }
        Table t = Table.of(List.of(NumericColumn.of("order_id", orderId), NumericColumn.of("amount", amount),
                CategoricalColumn.of("country", country)));
        return MiTable.of(t, ColumnRoles.detect(t, RoleOverrides.none()), 42, null, false);
    }

    @Test
    void aColumnTheTableLacksIsNamedByTheMethodsParameter() {
        MiTable t = orders();
        assertThatThrownBy(() -> t.rank("nosuch", MiOptions.defaults(), null)).isInstanceOf(DataException.class)
                .hasMessageContaining("target nosuch: no such column among the selected ones (amount, country)")
                .hasMessageNotContaining("--");
        assertThatThrownBy(() -> t.pair("amount", "nosuch", MiOptions.defaults())).isInstanceOf(DataException.class)
                .hasMessageContaining("y nosuch: no such column").hasMessageNotContaining("--");
        assertThatThrownBy(() -> t.select("nosuch", 1, MiSelection.Method.MRMR, MiOptions.defaults(), null))
                .hasMessageContaining("target nosuch:").hasMessageNotContaining("--");
        // a column left out by its role: the library's way to bring it back
        assertThatThrownBy(() -> t.ranking("order_id", MiOptions.defaults(), null)).isInstanceOf(DataException.class)
                .hasMessageContaining("target order_id: is id-like").hasMessageContaining("RoleOverrides.withRole")
                .hasMessageNotContaining("--");
        // the command line names its option and its --role
        assertThatThrownBy(() -> t.variable("order_id", "--x")).hasMessageContaining("--x order_id: is id-like")
                .hasMessageContaining("--role order_id=");
    }
}
