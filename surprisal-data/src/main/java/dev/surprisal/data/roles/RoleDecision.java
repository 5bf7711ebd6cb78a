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
 * @param convention how its cells are read as numbers ({@link RoleRules#convention})
 * @param layout     how a date or timestamp column writes its dates ({@link DateLayout}; {@link DateLayout#ISO} for
 *                   every other column)
 */
public record RoleDecision(String column, ColumnRole role, String reason, boolean overridden,
                           NumberConvention convention, DateLayout layout) {
    /**
     * Rejects nulls.
     *
     * @param column the column name
     * @param role the role used
     * @param reason why, in one phrase
     * @param overridden true when the user set the role
     * @param convention how its cells are read as numbers
     * @param layout how its dates are written
     */
    public RoleDecision {
        if (column == null || role == null || reason == null || convention == null || layout == null) {
            throw new NullPointerException("column, role, reason, convention and layout must not be null");
        }
    }

    /**
     * A decision on a column whose dates, if any, are ISO.
     *
     * @param column     the column name
     * @param role       the role used
     * @param reason     why, in one phrase
     * @param overridden true when the user set the role
     * @param convention how its cells are read as numbers
     */
    public RoleDecision(String column, ColumnRole role, String reason, boolean overridden,
                        NumberConvention convention) {
        this(column, role, reason, overridden, convention, DateLayout.ISO);
    }

    /**
     * A decision on a column whose numbers are written with a decimal point.
     *
     * @param column     the column name
     * @param role       the role used
     * @param reason     why, in one phrase
     * @param overridden true when the user set the role
     */
    public RoleDecision(String column, ColumnRole role, String reason, boolean overridden) {
        this(column, role, reason, overridden, NumberConvention.DECIMAL_POINT);
    }

    /**
     * @param c how the column's cells are read as numbers
     * @return this decision with that convention
     */
    public RoleDecision withConvention(NumberConvention c) {
        return new RoleDecision(column, role, reason, overridden, c, layout);
    }

    /**
     * @return the role as text shows it: its label, with a date column's layout when it is not ISO
     *         ({@code "date (dd/mm/yyyy)"}); JSON keeps {@code role().label()}
     */
    public String label() {
        return role.label() + (role.isTemporal() && !layout.isIso() ? " (" + layout + ")" : "");
    }

    /**
     * @param l how the column's dates are written
     * @return this decision with that layout
     */
    public RoleDecision withLayout(DateLayout l) {
        return new RoleDecision(column, role, reason, overridden, convention, l);
    }
}
