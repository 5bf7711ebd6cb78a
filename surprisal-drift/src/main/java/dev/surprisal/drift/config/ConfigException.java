// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import dev.surprisal.core.ValidationException;

/**
 * A monitor config file is wrong: the message names the file, the line and the key as written
 * ({@code monitors.yaml:12: warn: expected a number, got 'high'}), and never a secret's value.
 */
public class ConfigException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file    the file as given
     * @param line    1-based line, or 0 when unknown
     * @param key     the key path as written ({@code monitors[0].warn}), or null
     * @param problem what is wrong, with a fix where possible
     */
    public ConfigException(String file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key == null ? "" : key + ": ") + problem);
    }
}
