// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.ValidationException;

import dev.surprisal.core.Base;
import dev.surprisal.counts.Counts;

/** Null checks shared by the estimators; {@link Counts} itself guarantees non-negative counts and N > 0. */
final class Checks {
    private Checks() {
    }

    static void arguments(Counts counts, Base base) {
        if (counts == null) {
            throw new ValidationException("counts: is null");
        }
        if (base == null) {
            throw new ValidationException("base: is null");
        }
    }
}
