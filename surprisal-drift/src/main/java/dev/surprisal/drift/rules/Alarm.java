// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.rules;

/**
 * An alarm raised by a check.
 *
 * @param column  the column, or null for the dataset
 * @param kind    LEVEL (a column drifted), DATASET (share of drifted columns reached), TREND (spike
 *                against the column's own history)
 * @param message one sentence
 */
public record Alarm(String column, Kind kind, String message) {
    /** What raised the alarm. */
    public enum Kind {
        /** A column drifted. */
        LEVEL,
        /** The share of drifted scored columns reached the dataset limit. */
        DATASET,
        /** A column's measure spiked above its own history's band. */
        TREND
    }
}
