// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.drift.store.DriftStore;
import dev.surprisal.drift.store.StoreUrl;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --monitor} with the store's options ({@link StoreOptions}), shared by the drift verbs
 * that use the history store.
 */
public final class MonitorOptions {
    @Option(names = "--monitor", required = true, paramLabel = "NAME", description = "Name of the monitor.")
    String monitor;

    @Mixin
    StoreOptions store;

    /** The monitor's name; a blank one, or one holding a control character, is a usage error. */
    String monitor(CommandSpec spec) {
        if (monitor.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--monitor: must not be blank");
        }
        String control = dev.surprisal.core.Printable.firstControl(monitor);
        if (control != null) {
            // the name is echoed in tables, reports and messages: ESC[2J there would clear a terminal
            throw new ParameterException(spec.commandLine(), "--monitor '" + dev.surprisal.core.Printable
                    .escapeValue(monitor) + "': must not hold control characters (" + control + ")");
        }
        return monitor;
    }

    /** The store's location with its password ({@link StoreOptions#url}). */
    StoreUrl url(CommandSpec spec) {
        return store.url(spec);
    }

    /**
     * The store opened for a short read or write (bad data, exit 3, when it cannot be).
     *
     * @param create whether to create an absent store (only {@code drift baseline} does)
     */
    DriftStore open(CommandSpec spec, boolean create) {
        return store.open(spec, create);
    }

    /** The store opened to read it only ({@link StoreOptions#openReadOnly}). */
    DriftStore openReadOnly(CommandSpec spec) {
        return store.openReadOnly(spec);
    }

    /** The store's location as shown to the user (never the password). */
    String where(CommandSpec spec) {
        return store.where(spec);
    }
}
