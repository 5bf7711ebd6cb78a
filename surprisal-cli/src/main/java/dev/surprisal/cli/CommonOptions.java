// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.Base;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options every measuring verb shares, mixed in with {@code @Mixin}: the unit, and how the answer is
 * printed. Verbs read them through {@link #base()}, {@link #json()}, {@link #explain()} and {@link #quiet()}.
 */
public final class CommonOptions {
    @Option(names = "--base", paramLabel = "B", converter = BaseConverter.class,
            description = "Logarithm base, i.e. the unit: 2 (bits), e (nats), 10 (bans) or any number > 1."
                    + " Default: ${DEFAULT-VALUE}.",
            defaultValue = "2")
    Base base = Base.BITS;

    @Mixin
    JsonOption json = new JsonOption();

    @Option(names = "--explain", description = "Add plain-language sentences saying what the number means.")
    boolean explain;

    @Option(names = {"-q", "--quiet"}, description = "No notes or progress on stderr; errors are still printed.")
    boolean quiet;

    public Base base() {
        return base;
    }

    public boolean json() {
        return json.json();
    }

    public boolean explain() {
        return explain;
    }

    public boolean quiet() {
        return quiet;
    }
}
