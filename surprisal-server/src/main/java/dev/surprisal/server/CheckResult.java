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
 * One finished check. The run id, scores and alarms are the library's outcome's, held once
 * ({@link #runId()}, {@link #report()}, {@link #alarms()} read them from it).
 *
 * @param monitor    the monitor
 * @param window     the window's key
 * @param status     OK, WARN or DRIFT (the worst verdict of the check)
 * @param alarm      whether the check fails by the monitor's {@code fail-on}
 * @param rows       rows counted in the window
 * @param durationMs how long reading, scoring and recording took
 * @param reference  what the window was compared with, in words (the baseline and its version, or
 *                   the windows of a rolling reference)
 * @param roles      the column roles the check ran under (frozen in the baseline)
 * @param outcome    the library's outcome of the check ({@link MonitorCheck}, as {@code drift check
 *                   --config} has it): its run, scores, alarms, schema change and the days with no run
 *                   before it ({@link MonitoredCheck.Outcome#notes()})
 */
public record CheckResult(String monitor, String window, String status, boolean alarm, long rows,
                          long durationMs, String reference, ColumnRoles roles, MonitoredCheck.Outcome outcome) {
    /** @return the run in the store */
    public long runId() {
        return outcome.runId();
    }

    /** @return the scores */
    public DriftReport report() {
        return outcome.report();
    }

    /** @return level, dataset and trend alarms */
    public List<Alarm> alarms() {
        return outcome.alarms();
    }
}
