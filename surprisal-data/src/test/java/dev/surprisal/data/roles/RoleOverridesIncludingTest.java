// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RoleOverrides#including}: the column a ranking needs is read even when --columns leaves it out. */
class RoleOverridesIncludingTest {
    @Test
    void aColumnLeftOutOfColumnsIsAddedWithTheOptionThatNamedIt() {
        RoleOverrides o = RoleOverrides.none().withColumns(List.of("amount", "country")).including("churned", "--target");
        assertThat(o.columns()).containsExactly("amount", "country", "churned");
        assertThat(o.columnOptions()).containsExactly("--columns", "--columns", "--target");
    }

    @Test
    void nothingChangesWithoutColumnsOrWhenTheColumnIsAlreadyThere() {
        assertThat(RoleOverrides.none().including("churned", "--target").columns()).isNull();
        RoleOverrides chosen = RoleOverrides.none().withColumns(List.of("churned", "amount"));
        assertThat(chosen.including("churned", "--target")).isSameAs(chosen);
    }
}
