// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.data;

/** What counting does with a missing (NULL, empty CSV field, NaN) value. */
public enum MissingPolicy {
    /** Leave the row out of the counts; the number left out is reported. */
    DROP,
    /** Count missing as one more category, labelled {@code null}, placed last. */
    AS_CATEGORY
}
