// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift;

/** A column's verdict: the one vocabulary of every drift output (OK / WARN / DRIFT). */
public enum Status {
    /** Within noise, below the warn band, and every check passed. */
    OK,
    /** A change worth a look: see the table of alarm kinds in docs/drift.md. */
    WARN,
    /** A change that fails the check by default. */
    DRIFT,
    /** Nothing to compare (a version-1 profile without rows on one side); the reason says why. */
    NOT_COMPUTABLE;

    /** @return true for WARN and DRIFT */
    public boolean drifted() {
        return this == WARN || this == DRIFT;
    }

    /**
     * @param other another verdict
     * @return the more severe of the two
     */
    public Status worst(Status other) {
        return rank(other) > rank(this) ? other : this;
    }

    static int rank(Status s) {
        switch (s) {
            case DRIFT: return 3;
            case WARN: return 2;
            case OK: return 1;
            default: return 0;
        }
    }
}
