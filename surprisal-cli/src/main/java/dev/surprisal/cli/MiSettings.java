// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import dev.surprisal.selection.MiOptions;

/**
 * The choices of a {@code surprisal mi} run on a table, validated by {@link MiCommand}: the library's
 * {@link MiOptions} and the unit of the printed values.
 *
 * @param options           the library options (k, permutations, bootstrap, seed)
 * @param base              unit of the printed values
 * @param keepDuplicateRows {@code --keep-duplicate-rows}: estimate on every row even when rows are copies
 */
record MiSettings(MiOptions options, Base base, boolean keepDuplicateRows, boolean normalizeLabels) {
    MiSettings(MiOptions options, Base base) {
        this(options, base, false, false);
    }

    int k() {
        return options.k();
    }

    long seed() {
        return options.seed();
    }
}
