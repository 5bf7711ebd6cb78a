// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
/**
 * Drift scoring: {@link dev.surprisal.drift.DriftScorer#compare} scores a current profile against a
 * reference profile, column by column, under the rule in {@link dev.surprisal.drift.DriftOptions}.
 *
 * <p><b>Where the bins come from.</b> Nothing here fits bins: this package only reads the counts of
 * two profiles on the same frozen bins. The bins of each column are fitted once, on the reference,
 * by {@code dev.surprisal.data.profile.Binning} (module {@code surprisal-data}), whose result is the
 * sealed {@link dev.surprisal.data.profile.Bins}: {@code NumericBins} (equal-frequency edges plus
 * underflow and overflow), {@code ValueBins} (one bin per value plus unseen) or
 * {@code CategoryBins} (top K plus other and unseen). {@link dev.surprisal.data.profile.ProfileBuilder}
 * builds the profiles (fit on a reference, count on a day), and
 * {@link dev.surprisal.data.profile.ProfileOptions} holds the binning settings ({@code --bins}).
 * The history of checks and its alarms are in {@code dev.surprisal.drift.store} and
 * {@code dev.surprisal.drift.rules}.
 */
package dev.surprisal.drift;
