// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.DriftOptions;

import java.util.List;
import java.util.Map;

/**
 * A monitor's drift rule from its settings by key: the library's own {@link DriftOptions#KEYS} and
 * {@link DriftOptions#withSettings} on {@link DriftOptions#defaults()}, so the server and
 * {@code surprisal drift} decide identically and no threshold is copied here.
 */
public final class Rules {
    /** The rule keys a monitor may set (the command line's option names). */
    public static final List<String> KEYS = DriftOptions.KEYS;

    private Rules() {
    }

    /**
     * @param settings key to value (keys from {@link #KEYS})
     * @return the library's options with these settings
     * @throws ValidationException naming the option ({@code --warn}) for a bad value
     */
    public static DriftOptions options(Map<String, String> settings) {
        return DriftOptions.defaults().withSettings(settings);
    }
}
