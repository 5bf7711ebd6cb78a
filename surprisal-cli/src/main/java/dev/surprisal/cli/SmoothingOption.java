// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Surprisal authors. See LICENSE and NOTICE at the repository root.
package dev.surprisal.cli;

import dev.surprisal.core.ValidationException;
import dev.surprisal.core.Validate;
import dev.surprisal.counts.Counts;
import dev.surprisal.measures.Smoothing;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --smoothing}: the library's {@link Smoothing}, applied to P and Q alike and reported in the
 * output, with the CLI's rules on top:
 *
 * <ul>
 *   <li>an unknown name is a usage error (exit 2);</li>
 *   <li>{@code laplace}, {@code jeffreys} and {@code additive=α} add pseudo-counts, so they need
 *       {@code --counts}: on probabilities "add 1" has no sample size to be relative to;</li>
 *   <li>{@code --counts} must be whole numbers (bad data otherwise).</li>
 * </ul>
 */
final class SmoothingOption {
    private final Smoothing smoothing;
    private final boolean additive;

    private SmoothingOption(Smoothing smoothing) {
        this.smoothing = smoothing;
        String name = smoothing.toString();
        this.additive = name.equals("laplace") || name.equals("jeffreys") || name.startsWith("additive=");
    }

    /** Parses the option; a bad value is a usage error. */
    static SmoothingOption parse(String text, CommandLine cmd) {
        try {
            return new SmoothingOption(Smoothing.parse(text));
        } catch (ValidationException e) {
            throw new ParameterException(cmd, "--smoothing: " + e.getMessage());
        }
    }

    /**
     * The smoothed probability vector. Probabilities are validated under their own name ({@code p}
     * or {@code q}) so that an error points at the right argument.
     */
    double[] apply(String argName, double[] v, boolean counts, CommandLine cmd) {
        if (counts) {
            return smoothing.apply(toCounts(argName, v));
        }
        requireProbabilityCompatible(cmd);
        Validate.probabilities(argName, v);
        return smoothing.apply(v);
    }

    /** Pseudo-counts need counts: a usage error when this smoothing adds them and the input is probabilities. */
    void requireProbabilityCompatible(CommandLine cmd) {
        if (additive) {
            throw new ParameterException(cmd, "--smoothing " + smoothing
                    + " adds pseudo-counts, so it needs --counts; for probabilities use --smoothing epsilon=1e-6");
        }
    }

    private static Counts toCounts(String argName, double[] v) {
        long[] c = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] > 1e15) {
                throw new BadDataException(argName + "[" + i + "]: --counts needs whole numbers, got " + v[i]);
            }
            c[i] = (long) v[i];
        }
        Validate.counts(argName, c);
        return Counts.of(c);
    }

    /** Whether any smoothing is applied ({@code none} is not). */
    boolean applied() {
        return smoothing.isSmoothing();
    }

    /** What was added to each cell, in words: "1.0E-6 added to each probability", "1 added to each count". */
    String describe() {
        String name = smoothing.toString();
        String amount = name.equals("laplace") ? "1" : name.equals("jeffreys") ? "1/2" : name.substring(name.indexOf('=') + 1);
        return amount + " added to each " + (additive ? "count" : "probability");
    }

    @Override
    public String toString() {
        return smoothing.toString();
    }
}
