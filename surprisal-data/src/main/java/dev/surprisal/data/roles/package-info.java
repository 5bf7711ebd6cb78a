// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Column roles ({@link dev.surprisal.core.ColumnRole}): detected in one place
 * ({@link dev.surprisal.data.roles.ColumnRoles}, rules in {@link dev.surprisal.data.roles.RoleRules},
 * cells read by {@link dev.surprisal.data.roles.Cells}) and overridden by the user
 * ({@link dev.surprisal.data.roles.RoleOverrides}).
 */
package dev.surprisal.data.roles;
