// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}, the one definition of the flag: mixed into {@link OutputOptions} for the measuring
 * verbs and directly into the verbs without a unit choice ({@code elbo demo}, {@code vae}). Every
 * verb's JSON is one object with snake_case keys, written by {@link Json}, with {@code measure},
 * {@code value} and {@code unit} where the verb has a headline value.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Print one JSON object instead of plain text: snake_case keys, with "
            + "measure, value and unit where the verb has a headline value.")
    boolean json;

    /**
     * Whether {@code --json} was given.
     *
     * @return true for JSON output
     */
    public boolean json() {
        return json;
    }
}
