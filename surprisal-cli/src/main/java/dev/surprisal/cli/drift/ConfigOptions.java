// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.cli.RoleOptions;
import dev.surprisal.data.roles.RoleOverrides;
import dev.surprisal.drift.ColumnRules;
import dev.surprisal.drift.config.ConfigException;
import dev.surprisal.drift.config.MonitorConfig;
import dev.surprisal.drift.config.Secrets;
import dev.surprisal.server.schedule.Cron;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code --config FILE}: a monitor's roles, rule and per-column bands from the server's monitor
 * config file, read by the library's loader with the server's schedule rule ({@link Cron#configLoader}), so that {@code surprisal drift}
 * and {@code surprisal serve} decide a window alike. The monitor is the one named by {@code --monitor},
 * or the file's only one. A config error is a usage error naming the file, line and key.
 */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Take the monitor's column roles (role, "
            + "discrete, continuous, columns, exclude), rule (measure, warn, drift, ...) and per-column bands "
            + "(thresholds) from this monitor config file, the one 'surprisal serve' reads; options given here "
            + "override its rule. Secrets in it come from the environment.")
    Path config;

    /** The monitor read from {@code --config}, or null without it. */
    private MonitorConfig monitor;

    /**
     * Reads the monitor: {@code name} (from {@code --monitor}), or the file's only monitor when null.
     * Role options given beside {@code --config} are a usage error: the file says them.
     *
     * @return the monitor, or null without {@code --config}
     */
    MonitorConfig monitor(CommandSpec spec, String name, RoleOptions roles) {
        if (config == null) {
            return null;
        }
        if (roles.setsRoles() || !roles.overrides(spec).equals(RoleOverrides.none())) {
            throw new ParameterException(spec.commandLine(), "--config: the monitor's config sets its columns and "
                    + "roles; leave out --columns, --exclude, --discrete, --continuous, --role and --dayfirst (or --config)");
        }
        try {
            monitor = Cron.configLoader(Secrets.fromEnvironment()).monitor(config, name);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "--config: " + e.getMessage());
        }
        return monitor;
    }

    /**
     * With {@code --config}, checks the column names of the monitor's keys against the baseline's data file: a name
     * that is no column is reported where the file wrote it (file, line, key; exit 3), not as an option the user
     * never typed.
     *
     * @param data the file the baseline is fitted from
     */
    void checkColumns(Path data) {
        if (monitor == null) {
            return;
        }
        List<String> names;
        try {
            names = dev.surprisal.data.TableReader.open(data).columnNames();
        } catch (dev.surprisal.data.DataException e) {
            return; // the fit that reads the file says what is wrong with it
        }
        monitor.checkColumns(names, data.toString());
    }

    /**
     * With {@code --config}, checks the column names of the monitor's keys against its reference when that is a
     * readable local file, as {@code serve --check-config}, {@code /readyz} and the server's checks do: a check
     * against a baseline refuses them (exit 3) rather than warning, so that the command line and the server
     * decide alike on one file, and because the name the user meant (an ID to exclude) is scored meanwhile and
     * the next baseline fails on it.
     */
    void checkReferenceColumns() {
        if (monitor != null) {
            monitor.checkReferenceColumns();
        }
    }

    /** The roles: the monitor's with {@code --config}, else the command line's. */
    RoleOverrides roles(CommandSpec spec, RoleOptions roles) {
        return monitor == null ? roles.overrides(spec) : monitor.roleOverrides();
    }

    /**
     * The columns a check scores: with {@code --config} the baseline's (fitted on the monitor's columns
     * and roles, as the server checks), else the command line's {@code --columns} and {@code --exclude}.
     */
    RoleOverrides selection(CommandSpec spec, RoleOptions roles) {
        return monitor == null ? roles.overrides(spec) : RoleOverrides.none();
    }

    /**
     * Whether the baseline folds label variants: {@code --normalize-labels}, or the monitor's
     * {@code normalize-labels: true} with {@code --config}.
     *
     * @param given whether {@code --normalize-labels} was given
     * @return whether to fold
     */
    boolean normalizeLabels(boolean given) {
        return given || monitor != null && monitor.normalizeLabels();
    }

    /** The monitor's rule settings (empty without {@code --config}). */
    Map<String, String> settings() {
        return monitor == null ? Map.of() : monitor.settings();
    }

    /** The monitor's per-column bands (none without {@code --config}). */
    ColumnRules bands() {
        return monitor == null ? ColumnRules.none() : monitor.bands();
    }
}
