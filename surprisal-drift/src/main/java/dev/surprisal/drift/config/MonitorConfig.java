// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.drift.config;

import dev.surprisal.core.ColumnRole;
import dev.surprisal.drift.ColumnRules;
import dev.surprisal.data.roles.RoleOverrides;

import java.util.List;
import java.util.Map;

/**
 * One monitor as written in a config file. The drift-rule keys are the command line's option names
 * ({@code measure}, {@code warn}, {@code drift}, {@code alpha}, {@code fail-on}); their defaults live
 * in the drift library, not here.
 *
 * @param name        the monitor (letters, digits, {@code . _ -})
 * @param file        the file it was defined in, for messages
 * @param line        the line of its definition
 * @param source      the data of each window
 * @param reference   the reference: a file, or null when the store's baseline is used as it is
 * @param settings    drift-rule settings by key, as given (validated against the library's rule)
 * @param columns     columns to monitor (empty: all)
 * @param exclude     columns to leave out
 * @param schedule    a 5-field cron expression, or null (checks only on request)
 * @param zone        the schedule's time zone (default UTC)
 * @param alerts      names of the notifiers to alert
 * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
 * @param paused      whether scheduled checks are paused at start
 * @param rolling     0 for a fixed reference (the baseline); N for a rolling one: the latest N
 *                    checked windows before the window checked, counted on the baseline's bins
 * @param roles       roles set outright ({@code role: {COL: ROLE}}, as {@code --role COL=ROLE})
 * @param discrete    columns measured by value ({@code --discrete})
 * @param continuous  numeric columns measured as a continuum ({@code --continuous})
 * @param bands       per-column bands ({@code thresholds: {COL: {warn: X, drift: Y}}})
 * @param dayFirst    date columns whose dates write the day first ({@code dayfirst: [..]}, as {@code --dayfirst})
 * @param maxLag      the stale-data rule's lag limit ({@code max-lag: 36h}, as {@code --max-lag}): WARN when a
 *                    batch's newest timestamp lies further before the check's time; null when off
 * @param columnRefs  where the file names each column ({@link ColumnRefs#NONE} for a monitor built in code)
 * @param normalizeLabels whether the baseline folds text labels that differ only by surrounding spaces or letter
 *                    case into one category ({@code normalize-labels: true}, as {@code --normalize-labels})
 */
public record MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                            Map<String, String> settings, List<String> columns, List<String> exclude,
                            String schedule, String zone, List<String> alerts, boolean alertOnWarn,
                            boolean paused, int rolling, Map<String, ColumnRole> roles, List<String> discrete,
                            List<String> continuous, ColumnRules bands, List<String> dayFirst,
                            java.time.Duration maxLag, ColumnRefs columnRefs, boolean normalizeLabels) {
    /** The longest rolling reference, in windows. */
    public static final int MAX_ROLLING = 366;

    /**
     * A monitor that does not fold label variants (see the record's components).
     *
     * @param name        the monitor
     * @param file        the file it was defined in
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference, or null
     * @param settings    drift-rule settings by key
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a cron expression, or null
     * @param zone        the schedule's time zone
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too
     * @param paused      whether scheduled checks are paused at start
     * @param rolling     0 for a fixed reference, N for a rolling one
     * @param roles       roles set outright
     * @param discrete    columns measured by value
     * @param continuous  numeric columns measured as a continuum
     * @param bands       per-column bands
     * @param dayFirst    date columns whose dates write the day first
     * @param maxLag      the stale-data rule's lag limit, or null
     * @param columnRefs  where the file names each column
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn,
                         boolean paused, int rolling, Map<String, ColumnRole> roles, List<String> discrete,
                         List<String> continuous, ColumnRules bands, List<String> dayFirst,
                         java.time.Duration maxLag, ColumnRefs columnRefs) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, rolling, roles, discrete, continuous, bands, dayFirst, maxLag, columnRefs, false);
    }

    /**
     * How the monitor's baseline is profiled: its roles ({@link #roleOverrides}) and whether label variants are
     * folded, the other options at their defaults; the one place the server and {@code --config} take them from.
     *
     * @return the profile options
     */
    public dev.surprisal.data.profile.ProfileOptions profileOptions() {
        return dev.surprisal.data.profile.ProfileOptions.defaults().withRoles(roleOverrides())
                .withNormalizeLabels(normalizeLabels);
    }

    /**
     * A monitor whose column names carry no positions of their own (see the record's components).
     *
     * @param name        the monitor (letters, digits, {@code . _ -})
     * @param file        the file it was defined in, for messages
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference: a file, or null when the store's baseline is used as it is
     * @param settings    drift-rule settings by key, as given
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a 5-field cron expression, or null (checks only on request)
     * @param zone        the schedule's time zone (default UTC)
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
     * @param paused      whether scheduled checks are paused at start
     * @param rolling     0 for a fixed reference, N for the latest N checked windows
     * @param roles       roles set outright
     * @param discrete    columns measured by value
     * @param continuous  numeric columns measured as a continuum
     * @param bands       per-column bands
     * @param dayFirst    date columns whose dates write the day first
     * @param maxLag      the stale-data rule's lag limit, or null when off
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn, boolean paused,
                         int rolling, Map<String, ColumnRole> roles, List<String> discrete, List<String> continuous,
                         ColumnRules bands, List<String> dayFirst, java.time.Duration maxLag) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, rolling, roles, discrete, continuous, bands, dayFirst, maxLag, ColumnRefs.NONE);
    }

    /**
     * The column names the monitor's keys give, each where it was written: the file's positions, or for a
     * monitor built in code the monitor's own line.
     *
     * @return the names, in the order of the keys columns, exclude, discrete, continuous, role, dayfirst, thresholds
     */
    public ColumnRefs namedColumns() {
        if (!columnRefs.refs().isEmpty()) {
            return columnRefs;
        }
        Map<String, List<String>> named = new java.util.LinkedHashMap<>();
        named.put("columns", columns);
        named.put("exclude", exclude);
        named.put("discrete", discrete);
        named.put("continuous", continuous);
        named.put("role", List.copyOf(roles.keySet()));
        named.put("dayfirst", dayFirst);
        named.put("thresholds", List.copyOf(bands.settings().keySet()));
        return ColumnRefs.at(file, line, "monitor '" + name + "'", named);
    }

    /**
     * Checks the column names of the monitor's keys against a reference's columns.
     *
     * @param available the reference's columns
     * @param from      the reference, for the message ({@code data/reference.csv})
     * @throws ConfigException naming the config file, line and key of the first name that is no column, the
     *                         reference and the nearest column
     */
    public void checkColumns(List<String> available, String from) {
        ConfigException e = namedColumns().unknown(available, from);
        if (e != null) {
            throw e;
        }
    }

    /**
     * The reference's columns when it is one local file that exists and reads (its header only); empty for a
     * query, a glob, a folder, a missing or unreadable file (those are reported where the file is read).
     *
     * @return the columns, or empty
     */
    public java.util.Optional<List<String>> referenceColumns() {
        if (reference == null || reference.isQuery() || reference.glob() != null || reference.path() == null
                || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(reference.path()))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(dev.surprisal.data.TableReader.open(java.nio.file.Path.of(reference.path()))
                    .columnNames());
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // unreadable: the check or baseline that reads it says why
        }
    }

    /** A path as the user would write it: relative to the working directory when it lies under it. */
    private static String shown(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path).toAbsolutePath().normalize();
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p).toString() : path;
    }

    /**
     * Checks the column names of the monitor's keys against its reference's header, when the reference is a
     * readable local file ({@link #referenceColumns}); what {@code serve --check-config}, {@code /readyz} and the
     * baseline and check of a monitor apply.
     *
     * @throws ConfigException naming the config file, line and key of the first name that is no column
     */
    public void checkReferenceColumns() {
        referenceColumns().ifPresent(names -> checkColumns(names, shown(reference.path())));
    }

    /**
     * A monitor without a lag limit (see the record's components).
     *
     * @param name        the monitor (letters, digits, {@code . _ -})
     * @param file        the file it was defined in, for messages
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference: a file, or null when the store's baseline is used as it is
     * @param settings    drift-rule settings by key, as given
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a 5-field cron expression, or null (checks only on request)
     * @param zone        the schedule's time zone (default UTC)
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
     * @param paused      whether scheduled checks are paused at start
     * @param rolling     0 for a fixed reference, N for the latest N checked windows
     * @param roles       roles set outright
     * @param discrete    columns measured by value
     * @param continuous  numeric columns measured as a continuum
     * @param bands       per-column bands
     * @param dayFirst    date columns whose dates write the day first
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn, boolean paused,
                         int rolling, Map<String, ColumnRole> roles, List<String> discrete, List<String> continuous,
                         ColumnRules bands, List<String> dayFirst) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, rolling, roles, discrete, continuous, bands, dayFirst, (java.time.Duration) null);
    }

    /**
     * A monitor whose date columns are read month first where their cells do not show the order (see the
     * record's components).
     *
     * @param name        the monitor (letters, digits, {@code . _ -})
     * @param file        the file it was defined in, for messages
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference: a file, or null when the store's baseline is used as it is
     * @param settings    drift-rule settings by key, as given
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a 5-field cron expression, or null (checks only on request)
     * @param zone        the schedule's time zone (default UTC)
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
     * @param paused      whether scheduled checks are paused at start
     * @param rolling     0 for a fixed reference, N for the latest N checked windows
     * @param roles       roles set outright
     * @param discrete    columns measured by value
     * @param continuous  numeric columns measured as a continuum
     * @param bands       per-column bands
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn, boolean paused,
                         int rolling, Map<String, ColumnRole> roles, List<String> discrete, List<String> continuous,
                         ColumnRules bands) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, rolling, roles, discrete, continuous, bands, List.of());
    }

    /**
     * A monitor with detected roles and the check's bands for every column (see the record's components).
     *
     * @param name        the monitor (letters, digits, {@code . _ -})
     * @param file        the file it was defined in, for messages
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference: a file, or null when the store's baseline is used as it is
     * @param settings    drift-rule settings by key, as given
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a 5-field cron expression, or null (checks only on request)
     * @param zone        the schedule's time zone (default UTC)
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
     * @param paused      whether scheduled checks are paused at start
     * @param rolling     0 for a fixed reference, N for the latest N checked windows
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn, boolean paused,
                         int rolling) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, rolling, Map.of(), List.of(), List.of(), ColumnRules.none(), List.of());
    }

    /**
     * The monitor's say over columns and roles, as {@code --columns}, {@code --exclude},
     * {@code --discrete}, {@code --continuous}, {@code --role} and {@code --dayfirst} say it on the command line.
     *
     * @return the overrides
     */
    public RoleOverrides roleOverrides() {
        return new RoleOverrides(columns.isEmpty() ? null : columns, exclude, discrete, continuous, roles, null,
                dayFirst);
    }

    /**
     * A monitor with a fixed reference (see the record's components).
     *
     * @param name        the monitor (letters, digits, {@code . _ -})
     * @param file        the file it was defined in, for messages
     * @param line        the line of its definition
     * @param source      the data of each window
     * @param reference   the reference: a file, or null when the store's baseline is used as it is
     * @param settings    drift-rule settings by key, as given
     * @param columns     columns to monitor (empty: all)
     * @param exclude     columns to leave out
     * @param schedule    a 5-field cron expression, or null (checks only on request)
     * @param zone        the schedule's time zone (default UTC)
     * @param alerts      names of the notifiers to alert
     * @param alertOnWarn whether WARN alerts too (default: only DRIFT)
     * @param paused      whether scheduled checks are paused at start
     */
    public MonitorConfig(String name, String file, int line, SourceConfig source, SourceConfig reference,
                         Map<String, String> settings, List<String> columns, List<String> exclude,
                         String schedule, String zone, List<String> alerts, boolean alertOnWarn, boolean paused) {
        this(name, file, line, source, reference, settings, columns, exclude, schedule, zone, alerts, alertOnWarn,
                paused, 0);
    }

    /**
     * Why this monitor cannot run, by the one rule that {@code serve --check-config} and the server's
     * {@code /readyz} share: its store holds no baseline and its reference is a local file or folder
     * that does not exist ({@link SourceConfig#localFileMissing}), so its first check (and {@code POST
     * .../baselines}) would fail. A baseline in the store is enough to run: the reference file is read
     * only to fit one. Nor can it run when its keys name a column its readable reference does not have
     * ({@link #checkReferenceColumns}), whatever the store holds: the next baseline would fail, and the column
     * meant (an ID to exclude) is scored meanwhile.
     *
     * @param hasBaseline whether the store holds a baseline for a monitor, by name; asked only when
     *                    the reference file is missing
     * @return the reason, naming the config file and line, the path and the fixes; empty when it can run
     */
    public java.util.Optional<String> cannotRun(java.util.function.Predicate<String> hasBaseline) {
        try {
            checkReferenceColumns();
        } catch (ConfigException e) {
            return java.util.Optional.of(e.getMessage());
        }
        if (reference == null || !reference.localFileMissing() || hasBaseline.test(name)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(file + ":" + line + ": monitor '" + name + "': no baseline in the store and its "
                + "reference " + java.nio.file.Path.of(reference.path()).toAbsolutePath() + " does not exist (the first "
                + "check fits the baseline from it); create the file, fix reference.path, or store a baseline with "
                + "'surprisal drift baseline --monitor " + name + " --data FILE --store STORE'");
    }
}
