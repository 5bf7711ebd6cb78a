// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.server;

import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.drift.config.ServerConfig;
import dev.surprisal.drift.config.SourceConfig;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Monitors defined through the API ({@link Monitors#define}): what a remote definition may say. */
final class MonitorDefinitions {
    private MonitorDefinitions() {
    }

    /**
     * A definition of a monitor from the API (or kept from it), checked by the rules a remote caller
     * is held to (see {@link Monitors#define}).
     *
     * @param config     the server's config: its directory, its notifiers
     * @param name       the monitor (the path's name)
     * @param definition the mapping, YAML or JSON
     * @return the monitor
     *
     * @throws MonitorException 400 naming what is wrong
     */
    static MonitorConfig parse(ServerConfig config, String name, String definition) {
        if (definition.contains("${")) {
            throw new MonitorException(400, "a monitor created through the API cannot use secrets (${env:...}); "
                    + "define monitors that need them in a config file");
        }
        MonitorConfig m;
        try {
            m = dev.surprisal.server.schedule.Cron.configLoader(Secrets.of(Map.of())).monitor(definition, "api", config.baseDir());
        } catch (ConfigException e) {
            throw new MonitorException(400, e.getMessage());
        }
        if (!m.name().equals(name)) {
            throw new MonitorException(400, "api: name: the body names monitor '" + m.name() + "', the path '" + name + "'");
        }
        for (SourceConfig source : Arrays.asList(m.source(), m.reference())) {
            if (source == null) {
                continue;
            }
            if (source.isQuery()) {
                throw new MonitorException(400, "api: a monitor created through the API reads files; define one "
                        + "with a database source in a config file");
            }
            String where = source.glob() != null ? source.glob() : source.path();
            Path p = Path.of(where.replace("{date}", "2000-01-01")).toAbsolutePath().normalize();
            if (!p.startsWith(config.baseDir())) {
                throw new MonitorException(400, "api: " + where + ": a monitor created through the API reads only "
                        + "files under the config's directory " + config.baseDir());
            }
        }
        for (String a : m.alerts()) {
            if (config.notifier(a).isEmpty()) {
                throw new MonitorException(400, "api: alerts: unknown notifier '" + a + "'");
            }
        }
        return m;
    }
}
