// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every measuring verb shares, mixed in with {@code @Mixin}: the unit, and how the answer is
 * printed ({@link OutputOptions}). Verbs read them through {@link #base()}, {@link #json()},
 * {@link #explain()} and {@link #quiet()}.
 */
public final class CommonOptions {
    @Option(names = "--base", paramLabel = "B", converter = BaseConverter.class,
            description = "Logarithm base, i.e. the unit: 2 (bits), e (nats), 10 (bans) or any number > 1."
                    + " Default: ${DEFAULT-VALUE}.",
            defaultValue = "2")
    Base base = Base.BITS;

    @Mixin
    OutputOptions output = new OutputOptions();

    /**
     * The unit chosen with {@code --base}.
     *
     * @return the base; bits by default
     */
    public Base base() {
        return base;
    }

    /**
     * Whether {@code --json} was given.
     *
     * @return true for one JSON object instead of plain text
     */
    public boolean json() {
        return output.json();
    }

    /**
     * Whether {@code --explain} was given.
     *
     * @return true to add the plain-language sentences
     */
    public boolean explain() {
        return output.explain();
    }

    /**
     * Whether {@code --quiet} was given.
     *
     * @return true to silence the notes on stderr and the progress bar
     */
    public boolean quiet() {
        return output.quiet();
    }
}
