// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data.roles;

import dev.surprisal.core.ColumnRole;

/**
 * A column's role and why, in plain words, e.g. {@code "2 distinct values (0, 1): binary"} or
 * {@code "9,998 distinct of 10,000 integers: id-like"}.
 *
 * @param column     the column name
 * @param role       the role used
 * @param reason     why, in one phrase
 * @param overridden true when the user set the role (--role, --discrete, --continuous)
 */
public record RoleDecision(String column, ColumnRole role, String reason, boolean overridden) {
    /**
     * Rejects nulls.
     *
     * @param column the column name
     * @param role the role used
     * @param reason why, in one phrase
     * @param overridden true when the user set the role
     */
    public RoleDecision {
        if (column == null || role == null || reason == null) {
            throw new NullPointerException("column, role and reason must not be null");
        }
    }
}
