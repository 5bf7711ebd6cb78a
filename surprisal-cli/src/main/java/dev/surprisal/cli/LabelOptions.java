// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine.Option;

/**
 * {@code --normalize-labels}: whether text labels that differ only by surrounding spaces or letter case count as one
 * ({@code dev.surprisal.data.roles.LabelVariants}, which says why spaces and case are one option and not two). The
 * same mixin serves {@code mi} and {@code entropy --data}.
 */
public final class LabelOptions {
    @Option(names = "--normalize-labels", description = "Count text labels that differ only by surrounding spaces"
            + " or letter case (\"Gold\", \"Gold \", \"gold\") as one label, their most frequent spelling. Without it"
            + " they are separate classes, with a note naming them and their counts. Both engines.")
    boolean normalizeLabels;

    /** @return whether {@code --normalize-labels} was given */
    public boolean normalize() {
        return normalizeLabels;
    }
}
