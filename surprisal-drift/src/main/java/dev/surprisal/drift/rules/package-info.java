// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * The alarm rules of a monitored check, apart from how checks are stored: {@link
 * dev.surprisal.drift.rules.Alarm} (level, dataset, trend), {@link dev.surprisal.drift.rules.TrendRule}
 * (a spike against a column's own history) and {@link dev.surprisal.drift.rules.MonitoredCheck}
 * (score a day against the stored baseline, derive the alarms, record them; and the one verdict and
 * fail rule shared by the command line and the server). The store ({@code dev.surprisal.drift.store})
 * persists the alarms and serves the history these rules read.
 */
package dev.surprisal.drift.rules;
