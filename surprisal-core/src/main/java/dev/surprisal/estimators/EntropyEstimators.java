// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.estimators;

import dev.surprisal.core.ValidationException;

import java.util.List;
import java.util.Locale;

/** Look-up of the discrete entropy estimators by name, for configuration files and the CLI. */
public final class EntropyEstimators {
    /** The canonical names, in the order of {@link #all()}. */
    private static final List<String> NAMES =
            List.of("plug-in", "miller-madow", "chao-shen", "grassberger", "james-stein", "nsb");

    private EntropyEstimators() {
    }

    /**
     * The estimator called {@code name}, ignoring case and surrounding blanks:
     * {@code plug-in} (also {@code plugin}, {@code ml}), {@code miller-madow}, {@code chao-shen},
     * {@code grassberger}, {@code james-stein}, {@code nsb} (with K = {@code counts.size()}).
     *
     * @param name the estimator's name as typed
     * @return the estimator of that name
     * @throws IllegalArgumentException naming the text and listing the valid names
     */
    public static EntropyEstimator byName(String name) {
        if (name == null) {
            throw new ValidationException("estimator: is null; valid names: " + validNames());
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "plug-in": case "plugin": case "ml":
                return PlugInEntropy.INSTANCE;
            case "miller-madow":
                return MillerMadowEntropy.INSTANCE;
            case "chao-shen":
                return ChaoShenEntropy.INSTANCE;
            case "grassberger":
                return GrassbergerEntropy.INSTANCE;
            case "james-stein":
                return JamesSteinEntropy.INSTANCE;
            case "nsb":
                return NsbEntropy.INSTANCE;
            default:
                throw new ValidationException("estimator: unknown name '" + name + "'; valid names: "
                        + validNames());
        }
    }

    /**
     * The canonical names accepted by {@link #byName}.
     *
     * @return the canonical names, in a fixed order
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * One instance of every estimator, in the order of {@link #names()}.
     *
     * @return one instance of every estimator, in the order of {@link #names()}
     */
    public static List<EntropyEstimator> all() {
        return List.of(PlugInEntropy.INSTANCE, MillerMadowEntropy.INSTANCE, ChaoShenEntropy.INSTANCE,
                GrassbergerEntropy.INSTANCE, JamesSteinEntropy.INSTANCE, NsbEntropy.INSTANCE);
    }

    private static String validNames() {
        return "plug-in (or plugin, ml), miller-madow, chao-shen, grassberger, james-stein, nsb";
    }
}
