// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.data.roles.ColumnRoles;
import dev.surprisal.drift.DriftReport;
import dev.surprisal.drift.rules.Alarm;
import dev.surprisal.drift.rules.MonitorCheck;
import dev.surprisal.drift.rules.MonitoredCheck;

import java.util.List;

/**
 * One finished check.
 *
 * @param runId      the run in the store
 * @param monitor    the monitor
 * @param window     the window's key
 * @param status     OK, WARN or DRIFT (the worst verdict of the check)
 * @param alarm      whether the check fails by the monitor's {@code fail-on}
 * @param rows       rows counted in the window
 * @param durationMs how long reading, scoring and recording took
 * @param report     the scores
 * @param alarms     level, dataset and trend alarms
 * @param reference  what the window was compared with, in words (the baseline and its version, or
 *                   the windows of a rolling reference)
 * @param roles      the column roles the check ran under (frozen in the baseline)
 * @param outcome    the library's outcome of the check ({@link MonitorCheck}, as {@code drift check
 *                   --config} has it): its schema change and the days with no run before it
 *                   ({@link MonitoredCheck.Outcome#notes()})
 */
public record CheckResult(long runId, String monitor, String window, String status, boolean alarm, long rows,
                          long durationMs, DriftReport report, List<Alarm> alarms, String reference,
                          ColumnRoles roles, MonitoredCheck.Outcome outcome) {
}
