// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli.drift;

import dev.surprisal.core.ValidationException;
import dev.surprisal.drift.DriftOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --measure}, {@code --warn}, {@code --drift}, {@code --tv-warn}, {@code --tv-drift}, {@code --w1-warn},
 * {@code --w1-drift}, {@code --alpha}, {@code --fail-on}: the drift rule,
 * with the keys of {@link DriftOptions#KEYS}; the defaults live in {@link DriftOptions#defaults()}.
 */
final class RuleOptions {
    @Option(names = "--measure", paramLabel = "M", description = "Deciding measure: psi (default), kl, js or hellinger.")
    String measure;

    @Option(names = "--warn", paramLabel = "X", description = "WARN band of the measure (default: psi 0.1, kl 0.1 "
            + "nats, js 0.1 bits, hellinger 0.15).")
    String warn;

    @Option(names = "--drift", paramLabel = "Y", description = "DRIFT band (default: psi 0.25, kl 0.25 nats, js 0.25 "
            + "bits, hellinger 0.4).")
    String drift;

    @Option(names = "--tv-warn", paramLabel = "X", description = "WARN band of the share of rows that changed value "
            + "(total variation) in binary, discrete and categorical columns (default 0.05, i.e. 5 points; above 1: off).")
    String tvWarn;

    @Option(names = "--tv-drift", paramLabel = "Y", description = "DRIFT band of that share (default 0.10).")
    String tvDrift;

    @Option(names = "--w1-warn", paramLabel = "X", description = "WARN band of W1/std, how far a continuous column's "
            + "values moved in reference standard deviations (default 0.1).")
    String w1Warn;

    @Option(names = "--w1-drift", paramLabel = "Y", description = "DRIFT band of W1/std (default 0.3).")
    String w1Drift;

    @Option(names = "--alpha", paramLabel = "A", description = "False-alarm probability per check, split evenly "
            + "over the tests the columns run (Bonferroni: alpha / tests each; 4 tests for a numeric column, 3 for a "
            + "categorical one, 1 or 2 for an unscored one; default 0.01).")
    String alpha;

    @Option(names = "--fail-on", paramLabel = "warn|drift", description = "Exit 1 on DRIFT only (drift, the "
            + "default) or on WARN too (warn).")
    String failOn;

    /** The settings given on the command line, by key. */
    Map<String, String> given() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "measure", measure);
        put(m, "warn", warn);
        put(m, "drift", drift);
        put(m, "tv-warn", tvWarn);
        put(m, "tv-drift", tvDrift);
        put(m, "w1-warn", w1Warn);
        put(m, "w1-drift", w1Drift);
        put(m, "alpha", alpha);
        put(m, "fail-on", failOn);
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /**
     * The rule: defaults, then {@code stored} (a monitor's settings), then the command line.
     *
     * @throws ParameterException (usage, exit 2) naming the option for a bad value
     */
    DriftOptions options(CommandSpec spec, Map<String, String> stored) {
        return options(spec, stored, Map.of());
    }

    /**
     * The rule: defaults, then {@code stored}, then {@code config} (a monitor config file's), then the
     * command line.
     *
     * @throws ParameterException (usage, exit 2) naming the option for a bad value
     */
    DriftOptions options(CommandSpec spec, Map<String, String> stored, Map<String, String> config) {
        try {
            DriftOptions base = DriftOptions.defaults().withSettings(stored).withSettings(config);
            return base.withSettings(given());
        } catch (ValidationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
