// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How an answer is printed: {@code --json}, {@code --explain}, {@code --quiet}. Mixed into
 * {@link CommonOptions} (with {@code --base}) for the verbs whose unit can change, and on its own
 * into {@code notes}, which measures in bits only and so has no {@code --base}.
 */
public final class OutputOptions {
    @Mixin
    JsonOption json = new JsonOption();

    @Option(names = "--explain", description = "Add plain-language sentences saying what the number means.")
    boolean explain;

    @Option(names = {"-q", "--quiet"}, description = "No notes or progress on stderr; errors are still printed.")
    boolean quiet;

    /**
     * Whether {@code --json} was given.
     *
     * @return true for JSON output
     */
    public boolean json() {
        return json.json();
    }

    /**
     * Whether {@code --explain} was given.
     *
     * @return true for the plain-language sentences
     */
    public boolean explain() {
        return explain;
    }

    /**
     * Whether {@code --quiet} was given.
     *
     * @return true for no notes or progress on stderr
     */
    public boolean quiet() {
        return quiet;
    }
}
